"""tools/lab.sh's JupyterLab defaults (jupyter/settings*/overrides.json): every key is a setting
of the installed JupyterLab with an allowed value, news and update checks are off in both, and
the Korean one asks for the locale of the language pack that requirements.txt installs.
(tests/browser/test_jupyterlab.py starts JupyterLab with them.)
"""

import json
from pathlib import Path

import jupyterlab
import pytest

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = Path(jupyterlab.__file__).parent / "schemas"
DIRS = {"en": ROOT / "jupyter" / "settings", "ko": ROOT / "jupyter" / "settings-ko"}
OFFLINE = {"@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False}}


def allowed(prop, value):
    if "oneOf" in prop:
        return value in [o["const"] for o in prop["oneOf"]]
    return isinstance(value, {"string": str, "boolean": bool}[prop["type"]])


@pytest.mark.parametrize("lang", sorted(DIRS))
def test_overrides_are_settings_of_this_jupyterlab(lang):
    overrides = json.loads((DIRS[lang] / "overrides.json").read_text(encoding="utf-8"))
    for plugin, values in overrides.items():
        package, name = plugin.split(":")
        schema = json.loads((SCHEMAS / package / f"{name}.json").read_text(encoding="utf-8"))
        for key, value in values.items():
            assert allowed(schema["properties"][key], value), (plugin, key, value)
    assert {k: overrides[k] for k in OFFLINE} == OFFLINE
    assert overrides.get("@jupyterlab/translation-extension:plugin") == ({"locale": "ko_KR"} if lang == "ko" else None)


def test_lab_sh_uses_them_and_the_language_pack_is_locked():
    script = (ROOT / "tools" / "lab.sh").read_text(encoding="utf-8")
    assert "--LabApp.app_settings_dir" in script and "jupyter/settings-ko" in script and "jupyter/settings\"" in script
    lock = (ROOT / "requirements.txt").read_text(encoding="utf-8").lower()
    assert "\njupyterlab-language-pack-ko-kr==" in lock
