"""Splitting a single full-name field into first and last name.

The rules, in order:
- "Lund, Karin" (one comma) is "last, first".
- Titles in front are dropped ("Dr. Amara Nwosu" -> Amara / Nwosu); the original stays in
  ``full_name_source``.
- When the first name is known from its own column, the rest is the surname:
  first "Gabriel", full "Gabriel García Márquez" -> last "García Márquez".
- Otherwise the first word (with a hyphen, "Sven-Erik", it is still one word) is the first name
  and everything after it the surname, which keeps particles and double surnames together:
  "Ines Ferreira da Silva" -> Ines / Ferreira da Silva, "Ludwig van Beethoven" -> Ludwig / van
  Beethoven. Suffixes such as "Jr." stay with the surname.
- One word is a first name.
"""

from __future__ import annotations

from kiosk.core.search import fold

TITLES = frozenset(
    fold(t)
    for t in (
        "dr", "dr.", "prof", "prof.", "professor", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "mx", "mx.",
        "miss", "sir", "dame", "rev", "rev.", "fr", "fr.", "herr", "fru", "fröken", "docent", "mme", "mme.",
        "mlle", "m.", "sr.", "sra.", "dott.", "ing.", "mag.",
    )
)


def _clean(text: str) -> str:
    return " ".join(text.split())


def split_name(full: str, known_first: str = "") -> tuple[str, str]:
    """(first, last) from a full name; see the module docstring for the rules."""
    full = _clean(full)
    known_first = _clean(known_first)
    if not full:
        return known_first, ""
    if full.count(",") == 1:
        last, first = (_clean(p) for p in full.split(","))
        if last and first and fold(first).rstrip(".") not in ("jr", "sr", "phd", "md", "ii", "iii"):
            return first, last
    words = full.split(" ")
    while len(words) > 1 and fold(words[0]) in TITLES:
        words.pop(0)
    if known_first:
        first_words = known_first.split(" ")
        if fold(" ".join(words[: len(first_words)])) == fold(known_first):
            return known_first, " ".join(words[len(first_words) :])
    if len(words) == 1:
        return words[0], ""
    return words[0], " ".join(words[1:])
