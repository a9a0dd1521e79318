#!/usr/bin/env bash
# Trains the checkpoints the book ships, one after another (2-core CPU: one at a time is fastest).
# Run from the repository root with the fra-eng file beside it:
#   FRA=../shared/data/fra-eng/fra.txt bash tools/train_checkpoints.sh [names...]
# Without names: the five chapter checkpoints (first 10,000 pairs).  The default model,
# char_lstm_full (all pairs, then a warm restart; about three hours here), is trained only when
# named.  Names and training arguments come from the registry, seq2seq_lib/shipped.py.
# Each model card is then written by tools/model_card.py.
set -euo pipefail
FRA=${FRA:-../shared/data/fra-eng/fra.txt}
OUT=seq2seq_lib/resources/checkpoints
registry() { python -m seq2seq_lib.shipped "$@"; }
names=("$@")
[ ${#names[@]} -gt 0 ] || mapfile -t names < <(registry)
for name in "${names[@]}"; do
  mapfile -t args < <(registry args "$name") || { echo "unknown checkpoint $name" >&2; exit 2; }
  [ ${#args[@]} -gt 0 ] || { echo "unknown checkpoint $name" >&2; exit 2; }
  python -m seq2seq_lib train --data "$FRA" "${args[@]}" --output "$OUT/$name.keras"
  mapfile -t more < <(registry continue "$name")
  if [ ${#more[@]} -gt 0 ]; then  # a warm restart from the checkpoint just written
    python -m seq2seq_lib train --data "$FRA" "${args[@]}" --init-from "$OUT/$name.keras" "${more[@]}" \
      --output "$OUT/$name.keras"
  fi
done
