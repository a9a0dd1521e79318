"""Repository-wide pytest setup, read before any test or notebook runs.

* SEQ2SEQ_QUICK=1: notebooks executed by `pytest --nbval` train for a token number of steps
  (their stored outputs show the full run).  The kernels nbval starts inherit this.
* TF_CPP_MIN_LOG_LEVEL=3: TensorFlow's C++ start-up lines would otherwise land in the
  notebooks' stderr and differ from run to run.
"""

import os

os.environ.setdefault("SEQ2SEQ_QUICK", "1")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("PYTHONHASHSEED", "0")
