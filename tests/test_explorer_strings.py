"""The explorer's words (`explorer_strings.py`): both languages say the same things."""

import re

from seq2seq_lib import explorer_strings


def test_strings_have_the_same_keys_and_fields_in_both_languages():
    strings = explorer_strings.STRINGS
    assert set(strings["en"]) == set(strings["ko"])
    for key, en in strings["en"].items():
        assert set(re.findall(r"\{(\w+)\}", en)) == set(re.findall(r"\{(\w+)\}", strings["ko"][key])), key

