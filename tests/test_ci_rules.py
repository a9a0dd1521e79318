"""The repository's pytest rules (root conftest.py): under CI=true a skip is a failure."""

from pathlib import Path

pytest_plugins = ["pytester"]

ROOT_CONFTEST = (Path(__file__).resolve().parent.parent / "conftest.py").read_text()
TESTS = """
import shutil, pytest

needs_tool = pytest.mark.skipif(shutil.which("no-such-tool") is None, reason="needs no-such-tool")

@needs_tool
def test_with_tool():
    pass

def test_plain():
    pass

@pytest.mark.xfail(reason="known")
def test_known_bug():
    assert False
"""


def test_a_skip_fails_under_ci(pytester, monkeypatch):
    monkeypatch.setenv("CI", "true")
    pytester.makeconftest(ROOT_CONFTEST)
    pytester.makepyfile(TESTS)
    result = pytester.runpytest("-p", "no:cacheprovider")
    # A skip marker acts at set-up, so the test reports an error there; either way the run fails.
    result.assert_outcomes(passed=1, errors=1, xfailed=1)
    assert result.ret != 0
    result.stdout.fnmatch_lines(["*skipped under CI=true*needs no-such-tool*"])


def test_a_skip_is_a_skip_elsewhere(pytester, monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    pytester.makeconftest(ROOT_CONFTEST)
    pytester.makepyfile(TESTS)
    pytester.runpytest("-p", "no:cacheprovider").assert_outcomes(passed=1, skipped=1, xfailed=1)
