#!/bin/sh
# Start JupyterLab for this book without reaching the internet: no "Would you like to get
# notified about official Jupyter news?" question, no news feed, no update check.
#
#   tools/lab.sh [ko|en] [jupyter lab options and paths]
#   tools/lab.sh book/            # English interface, opens the book's folder
#   tools/lab.sh ko book/ko       # Korean interface (jupyterlab-language-pack-ko-KR, in requirements.txt)
#
# The defaults come from jupyter/settings/overrides.json (jupyter/settings-ko/ for Korean),
# given to JupyterLab as its application settings directory (--LabApp.app_settings_dir), so
# nothing is written into the virtual environment.  They are defaults only: what a reader
# changes in Settings (saved in ~/.jupyter/lab/user-settings) wins.
set -e
root=$(cd "$(dirname "$0")/.." && pwd)
settings="$root/jupyter/settings"
case "$1" in
  ko) settings="$root/jupyter/settings-ko"; shift ;;
  en) shift ;;
esac
exec "${PYTHON:-python}" -m jupyterlab --LabApp.app_settings_dir="$settings" --LabApp.news_url=None \
  --LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate "$@"
