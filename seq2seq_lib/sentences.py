"""What a model reads and writes as text: the input checks, source token ids, joining output.

Policy for bad input (`check_sentence`): surrounding whitespace is stripped; an empty
sentence, characters the encoder never saw (listed in the message), or a sentence longer than
the longest training sentence is refused with `InputError`.  The word-level model maps unknown
words to `<unk>` instead (that is what its vocabulary is for) and refuses only empty or
over-long input.

Every refusal has a `key` and `fields` besides its English message: the explorer words the
same refusal in the reader's language from them (`widgets.input_problem`), and the web export
writes `MESSAGES` into each model file, so `decoder.js` says exactly what Python says.
"""

from __future__ import annotations

import unicodedata

from . import config, data

# The English message of each refusal; `{name}` fields are filled from `InputError.fields`.
MESSAGES = {
    "not_text": "expected text, got {type}",
    "empty": "empty sentence: type an English sentence, e.g. 'Be nice.'",
    "unknown": "characters the model never saw in training: {chars}",
    "more": " and {n} more",
    "too_long_char": "too long: {n} characters, the model was trained on at most {max}",
    "too_long_word": "too long: {n} words, the model was trained on at most {max}",
    "bad_force": "cannot force {token} at step {step}: not in the model's output vocabulary",
}
MAX_LISTED = 10  # unknown characters named in a message; the rest are counted


class InputError(ValueError):
    """A sentence the model cannot translate; the message says why, in one line.

    `key` names the rule that refused it (a key of `MESSAGES`) and `fields` holds its details
    (`chars`: the unknown characters in order of appearance; `n`, `max`: the lengths).
    """

    def __init__(self, message, key=None, **fields):
        super().__init__(message)
        self.key, self.fields = key, fields


def describe(ch):
    """'x' for a printable character, U+XXXX (its name) for an invisible one."""
    name = unicodedata.name(ch, "")
    shown = repr(ch) if ch.isprintable() else f"U+{ord(ch):04X}"
    return f"{shown} ({name.lower()})" if name and not ch.isprintable() else shown


def refuse(key, **fields):
    """The `InputError` of rule `key` with its English message."""
    shown = dict(fields)
    if key == "unknown":
        chars = fields["chars"]
        more = MESSAGES["more"].format(n=len(chars) - MAX_LISTED) if len(chars) > MAX_LISTED else ""
        shown["chars"] = ", ".join(describe(ch) for ch in chars[:MAX_LISTED]) + more
    if key == "bad_force":
        shown["token"] = repr(fields["token"])
    return InputError(MESSAGES[key].format(**shown), key, **fields)


def length_unit(level: str) -> str:
    """How a sentence's length is counted: in characters or in words (`data.tokenize_words`)."""
    return "char" if level == "char" else "word"


def check_text(text, level: str, alphabet, max_length: int) -> str:
    """The text as a model reads it, or `InputError`: the rules of `check_sentence`, given a
    model's level, input alphabet (anything `in` works on; unused for words) and length limit."""
    if not isinstance(text, str):
        raise refuse("not_text", type=type(text).__name__)
    text = text.strip()
    if not text:
        raise refuse("empty")
    if level == "char":
        unknown = sorted({ch for ch in text if ch not in alphabet}, key=text.index)
        if unknown:
            raise refuse("unknown", chars=unknown)
        length = len(text)
    else:
        length = len(data.tokenize_words(text))
    if length > max_length:
        raise refuse(f"too_long_{length_unit(level)}", n=length, max=max_length)
    return text


def check_sentence(s2s, text) -> str:
    """The sentence as the model will read it, or `InputError` saying why it cannot."""
    return check_text(text, s2s.level, s2s.input_vocab, s2s.max_encoder_seq_length)


def source_ids(s2s, text):
    """Input token ids of an already checked sentence (reversed if the model was trained so)."""
    ids = data.token_ids(s2s.level, text, s2s.input_vocab)
    return ids[::-1] if s2s.reverse_source else ids


def join_rule(level: str) -> dict:
    """How output tokens become text: joined by `separator`, with none before `tight_before`,
    then put in Unicode normal form `compose` ("" = left as joined).  The web export writes
    this into a model file, and `decoder.js` joins with it exactly as `join_tokens` does."""
    if level == "char":
        return {"separator": "", "tight_before": "", "compose": "NFC"}
    return {"separator": " ", "tight_before": data.FRENCH_TIGHT_BEFORE, "compose": ""}


def join_tokens(level: str, tokens) -> str:
    """The output text of target tokens: characters joined, French words detokenized.

    Joined characters are composed (Unicode NFC), so a model that writes Korean letter by
    letter (`hangul.to_jamo`) gives syllables: 'ᄒ','ᅡ','ᆫ' → '한'.  NFC leaves text alone
    that is already composed and has no combining marks: every French vocabulary's output.
    """
    if level != "char":
        return data.detokenize_french(tokens)
    rule = join_rule(level)
    return unicodedata.normalize(rule["compose"], rule["separator"].join(tokens))


def show_token(token: str) -> str:
    """A printable label for a token: '\\n' is shown as ⏎ (END) and ' ' as ␣."""
    return {config.END_CHAR: "⏎", " ": "␣", config.START_CHAR: "⇥"}.get(token, token)
