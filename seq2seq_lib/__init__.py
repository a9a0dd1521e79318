"""seq2seq_lib: the library behind the seq2seq-book (Keras 3 sequence-to-sequence learning).

Modules: `config` (hyperparameters), `data` (pairs, vocabularies, arrays), `download`,
`models` (Keras builders), `train` (recipes), `decoding` (tutorial loop and fast decoder),
`checkpoints` (save/load), `metrics` (held-out scores), `cli` (`python -m seq2seq_lib`),
`notebook` (the book's helpers), `quiet` (TensorFlow imported without its start-up lines).
"""

import os as _os

# TensorFlow's C++ logging goes to stderr; keep it quiet everywhere the library is used (the
# notebooks' stored stderr must not change from run to run).  The level must be set before
# TensorFlow loads; the lines it does not silence (written before absl's logging starts) are
# filtered out of the import itself by `quiet.import_tensorflow`.
_os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

from . import quiet as _quiet  # noqa: E402

_quiet.import_tensorflow()

__version__ = "0.1.0"
