"""The decoding explorer: type an English sentence and watch a model decode it token by token.

One front-end, `resources/web/explorer.js` and the classic scripts it uses (`FRONT_END_SCRIPTS`;
`book/_static/` links to each), serves two back-ends through the same small model interface
(`get`, `set`, `save_changes`, `on`):

* in JupyterLab, `Explorer` is an anywidget: the script's `render({model, el})` talks to this
  Python object, which decodes with `decoding.Translator` whenever the page bumps `request`;
* in the built book there is no kernel: the `text/html` part of the explorer's display is a
  `<div class="s2s-explorer">` holding a JSON configuration with pre-decoded traces (the greedy
  trace of each example sentence, every one-token change of it, a few sampled traces), and the
  same scripts, loaded by the page, answer the requests from that data or from the live
  in-browser decoder (`book/_static/decoder.js`) when one is available.

What the explorer says and shows is `explorer_text.py`; the packed traces and the static twin
are `trace_format.py`; this module holds the widget and finds the models.

    from seq2seq_lib.widgets import explorer
    explorer()                      # the shipped models that exist, labels in the chapter's language
    explorer({"tiny": s2s})         # any Seq2Seq or checkpoint path, e.g. in tests
"""

from __future__ import annotations

from pathlib import Path

import anywidget
import traitlets as t

from . import checkpoints, config, decoding, shipped
from .explorer_text import (  # noqa: F401  (widgets.X: the names the chapters and tests use)
    LABELS, LANG_ENV, STRINGS, _HANGUL, detect_lang, fill, input_problem, is_hangul, model_info, percent, problem_text,
    show_char, step_view, stop_message, token_label,
)
from .explorer_attention import attention_view  # noqa: F401
from .trace_format import (  # noqa: F401
    PROB_SCALE, STATIC_SEEDS, TEMPERATURES, example_traces, pack, plain, rounded, script_json, static_html, unpack,
)

WEB_DIR = Path(__file__).resolve().parent / "resources" / "web"
# The classic scripts of the front end, in loading order (book/_static links to each).
FRONT_END_SCRIPTS = ("decoder_cells.js", "decoder.js", "beam.js", "explorer_steps.js", "explorer_static.js",
                     "explorer_attention.js", "explorer_beam.js", "explorer_page.js", "explorer.js")
# Its style sheets (book/_static links to each; anywidget gets them joined in this order).
FRONT_END_STYLES = ("explorer.css", "explorer_views.css")
DEFAULT_MODELS = shipped.EXPLORER_MODELS
DEFAULT_EXAMPLES = ("Be nice.", "I'm cold.", "Help me!")

# --------------------------------------------------------------------------------------------
# Front-end files
# --------------------------------------------------------------------------------------------


def web_file(name: str) -> str:
    """The text of a shipped front-end file (`explorer.js`, `explorer.css`)."""
    return (WEB_DIR / name).read_text(encoding="utf-8")


def esm_source() -> str:
    """The explorer as an ES module for anywidget: decoder_cells.js and decoder.js (the in-browser
    decoder, whose text rules the explorer uses), beam.js (unused here: the kernel answers beam
    requests; kept so the scripts are the book's), explorer_steps.js (what the explorer says and shows), explorer_static.js (the static book's
    model object, unused here too), explorer_attention.js and explorer_beam.js (the attention and
    beam views), explorer_page.js (the page) and explorer.js, all classic scripts, plus a default
    export."""
    parts = [web_file(name) for name in FRONT_END_SCRIPTS]
    return "\n".join(parts) + "\nexport default { render: globalThis.Seq2SeqExplorer.render };\n"


# --------------------------------------------------------------------------------------------
# Models
# --------------------------------------------------------------------------------------------

_TRANSLATORS: dict = {}


def _translator(source) -> decoding.Translator:
    """A cached Translator for a checkpoint path (or a fresh one for a Seq2Seq object)."""
    if isinstance(source, decoding.Translator):
        return source
    if isinstance(source, checkpoints.Seq2Seq):
        key = id(source)
        if key not in _TRANSLATORS:
            _TRANSLATORS[key] = (source, decoding.Translator(source))  # keep `source` alive
        return _TRANSLATORS[key][1]
    path = Path(source).resolve()
    key = (str(path), path.stat().st_mtime_ns)
    if key not in _TRANSLATORS:
        _TRANSLATORS[key] = (None, decoding.Translator(checkpoints.load(path)))
    return _TRANSLATORS[key][1]


def available_models(models=DEFAULT_MODELS) -> dict:
    """{id: checkpoint path or Seq2Seq}: shipped ids whose file exists, or the given dict."""
    if isinstance(models, dict):
        return dict(models)
    return checkpoints.shipped_files((models,) if isinstance(models, str) else models)




# --------------------------------------------------------------------------------------------
# The widget
# --------------------------------------------------------------------------------------------


class Explorer(anywidget.AnyWidget):
    """The decoding explorer as a Jupyter widget (and, in its text/html form, for the book).

    The page sets `text`, `model_key`, `force`, `temperature`, `seed` and `step`, and bumps
    `request` to ask for a decoding; this object answers with `trace` (a `Trace.to_dict()`)
    or `error`, and sets `answered` to the request it answered.  With `search="beam"` the answer
    is `beam`, a `Translator.beam(text, beam_size, alpha, force).to_dict()`.  (The chosen model is
    `model_key`, not `model_id`: ipywidgets already uses `model_id` for the widget's comm id.)
    """

    _esm = esm_source()
    _css = "\n".join(web_file(name) for name in FRONT_END_STYLES)
    lang = t.Unicode("en").tag(sync=True)
    strings = t.Dict().tag(sync=True)
    models = t.List().tag(sync=True)  # [model_info(...)]
    model_key = t.Unicode("").tag(sync=True)
    examples = t.List().tag(sync=True)
    temperatures = t.List().tag(sync=True)
    text = t.Unicode("").tag(sync=True)
    trace = t.Dict().tag(sync=True)
    error = t.Unicode("").tag(sync=True)
    step = t.Int(0).tag(sync=True)
    force = t.Dict().tag(sync=True)  # {"step": token}; JSON keys are strings
    temperature = t.Float(0.0).tag(sync=True)
    seed = t.Int(0).tag(sync=True)
    request = t.Int(0).tag(sync=True)
    answered = t.Int(0).tag(sync=True)
    busy = t.Bool(False).tag(sync=True)
    search = t.Unicode("greedy").tag(sync=True)  # "greedy" (with `temperature`: sampling) or "beam"
    beam_size = t.Int(3).tag(sync=True)
    alpha = t.Float(0.0).tag(sync=True)
    beam = t.Dict().tag(sync=True)  # BeamResult.to_dict() in beam mode

    def __init__(self, models=DEFAULT_MODELS, examples=DEFAULT_EXAMPLES, lang=None, top_k=config.TOP_K, **kwargs):
        lang = lang or detect_lang()
        if lang not in STRINGS:
            raise ValueError(f"lang must be one of {sorted(STRINGS)}, not {lang!r}")
        self._sources = available_models(models)
        self._top_k = top_k
        self._infos = {}
        for mid, src in self._sources.items():
            meta = src if isinstance(src, checkpoints.Seq2Seq) else checkpoints.read_meta(src)
            self._infos[mid] = model_info(meta, mid, lang)
        examples = [e for e in examples]
        super().__init__(
            lang=lang, strings=STRINGS[lang], models=list(self._infos.values()),
            model_key=next(iter(self._infos), ""), examples=examples,
            temperatures=list(TEMPERATURES), text=examples[0] if examples else "", **kwargs,
        )
        self._static_html = None
        if self.model_key and self.text:
            self.decode()
        elif not self.model_key:
            self.error = STRINGS[lang]["no_models"]

    # -- what the page asks for -------------------------------------------------------------

    @t.observe("request")
    def _on_request(self, change):
        self.decode()

    def info(self, model_id=None) -> dict:
        return self._infos[model_id or self.model_key]

    def translator(self, model_id=None) -> decoding.Translator:
        return _translator(self._sources[model_id or self.model_key])

    def decode(self):
        """Decode `text` with the current model and settings into `trace`, or set `error`."""
        s = STRINGS[self.lang]
        trace, beam, error = {}, {}, ""
        try:
            if self.model_key not in self._sources:
                error = s["no_models"]
            else:
                error = input_problem(self.info(), self.text, self.lang) or ""
                if not error:
                    self.busy = True
                    force = {int(k): v for k, v in (self.force or {}).items()}
                    if self.search == "beam":
                        beam = self.translator().beam(self.text, beam_size=self.beam_size, alpha=self.alpha,
                                                      force=force).to_dict()
                    else:
                        trace = plain(self.translator().trace(
                            self.text, top_k=self._top_k, force=force,
                            temperature=self.temperature or None, seed=self.seed,
                        ))
        except decoding.InputError as e:
            error = fill(s["refused"], detail=str(e))
        except Exception as e:  # noqa: BLE001  (the reader sees one line, never a traceback)
            error = fill(s["failed"], detail=f"{type(e).__name__}: {e}")
        with self.hold_sync():
            self.trace = trace
            self.beam = beam
            self.error = error
            self.busy = False
            self.answered = self.request

    # -- what the buttons do (the page does the same; tests call these) ---------------------

    def press(self, text=None, model_key=None):
        """Like typing `text` and pressing Translate: forget forced tokens, start at step 0."""
        with self.hold_trait_notifications():
            if text is not None:
                self.text = text
            if model_key is not None:
                self.model_key = model_key
            self.force = {}
            self.step = 0
            self.request += 1

    def choose(self, step: int, token: str):
        """Like clicking a candidate: force `token` at `step` (earlier forced tokens stay)."""
        force = {k: v for k, v in self.force.items() if int(k) < step}
        force[str(step)] = token
        with self.hold_trait_notifications():
            self.force = force
            self.step = step
            self.request += 1

    def beam_search(self, beam_size=None, alpha=None, text=None):
        """Like choosing beam search (and a beam size, an alpha): decode `text` anew in beam mode."""
        with self.hold_trait_notifications():
            self.search = "beam"
            if beam_size is not None:
                self.beam_size = beam_size
            if alpha is not None:
                self.alpha = alpha
            if text is not None:
                self.text = text
            self.force = {}
            self.step = 0
            self.request += 1

    def choose_node(self, node_id: int):
        """Like clicking a node of the beam: force its prefix (its path from step 0), search again."""
        nodes, force = self.beam["nodes"], {}
        while node_id is not None:
            force[str(nodes[node_id]["step"])] = nodes[node_id]["token"]
            node_id = nodes[node_id]["parent"]
        with self.hold_trait_notifications():
            self.force = dict(sorted(force.items(), key=lambda kv: int(kv[0])))
            self.request += 1

    def view(self, step=None) -> dict:
        """What the page shows at `step` (default: the current step), plus any error."""
        info = self._infos.get(self.model_key, {"end": "", "level": "char", "max_output": 0})
        v = step_view(self.trace or {}, self.step if step is None else step, info, self.lang)
        if self.error:
            v["message"] = self.error
        return v

    # -- the book: a static explorer with pre-decoded traces --------------------------------

    def static_config(self) -> dict:
        """The static page's configuration: models, strings and pre-decoded traces."""
        traces = {}
        for mid in self._sources:
            tr = self.translator(mid)
            per_text = {}
            for text in self.examples:
                if input_problem(self._infos[mid], text, self.lang):
                    continue
                per_text[text.strip()] = example_traces(tr, text, self._top_k)
            traces[mid] = per_text
        return {
            "version": 1,
            "lang": self.lang,
            "strings": STRINGS[self.lang],
            "models": list(self._infos.values()),
            "model_key": self.model_key,
            "examples": list(self.examples),
            "temperatures": list(TEMPERATURES),
            "seeds": list(STATIC_SEEDS),
            "text": self.examples[0] if self.examples else "",
            "top_k": self._top_k,
            "hangul": [list(r) for r in _HANGUL],
            "traces": traces,
        }

    def static_html(self) -> str:
        if self._static_html is None:
            self._static_html = static_html(self.static_config())
        return self._static_html

    def _repr_mimebundle_(self, **kwargs):
        bundle = super()._repr_mimebundle_(**kwargs)
        if bundle is None:
            return None
        data, meta = bundle
        data = dict(data)
        data["text/html"] = self.static_html()
        return data, meta


def explorer(models=DEFAULT_MODELS, examples=DEFAULT_EXAMPLES, lang=None, **kwargs) -> Explorer:
    """The explorer used in chapters 3–6: the shipped models that exist, a few example sentences."""
    return Explorer(models=models, examples=examples, lang=lang, **kwargs)
