"""seq2seq_lib: the library behind the seq2seq-book (Keras 3 sequence-to-sequence learning).

Modules: `config` (hyperparameters), `data` (pairs, vocabularies, arrays), `download`,
`models` (Keras builders), `train` (recipes), `decoding` (tutorial loop and fast decoder),
`checkpoints` (save/load), `metrics` (held-out scores), `cli` (`python -m seq2seq_lib`).
"""

import os as _os

# TensorFlow's C++ start-up logging goes to stderr; keep it quiet everywhere the library is used
# (the notebooks' stored stderr must not change from run to run).  Set before TensorFlow loads.
_os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

__version__ = "0.1.0"
