"""A body read from the acronym a text writes keeps that acronym (people33). Bodies whose acronym is not their
name's initials are keyed by their full name (organizations.toml: 'Non-Aligned Movement'), and the readers turn an
acronym into that name through [aliases]. The annotators write a body as the text writes it: where a sentence has
only 'NAM', the row is 'NAM' (the scorer's forms of 'Non-Aligned Movement' are the name and 'nm', so the name
matches no 'NAM' of the gold). A document that writes the body both ways keeps one key for it, the acronym the text
gives (`one_key_per_body`; review34b: two keys for one body made a spurious row)."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from flows.extract.organizations import Membership
from flows.lexicon import read_toml


@lru_cache(maxsize=1)
def _acronyms_of() -> dict[str, list[str]]:
    """Full name -> the acronyms [aliases] maps to it ('Non-Aligned Movement' -> ['NAM'])."""
    out: dict[str, list[str]] = {}
    for acronym, name in read_toml("organizations.toml")["aliases"].items():
        if acronym.isupper() and " " in name:
            out.setdefault(name, []).append(acronym)
    return out


def as_written(rows: list[Membership], sentence: str) -> list[Membership]:
    """Each row whose full name the sentence does not write, but one of its acronyms it does, under that acronym."""
    out = []
    for row in rows:
        if row.organization not in sentence:
            written = [a for a in _acronyms_of().get(row.organization, ())
                       if re.search(r"(?<![\w-])" + re.escape(a) + r"(?![\w-])", sentence)]
            if written:
                row = replace(row, organization=written[0], name=row.organization, acronym=written[0])
        out.append(row)
    return out


def one_key_per_body(rows: list[dict]) -> list[dict]:
    """A document's membership rows with every row keyed by a full name moved to the acronym another row of the same
    document is keyed by ('Non-Aligned Movement' and, in a later sentence, 'NAM': both 'NAM')."""
    keys = {row["organization"] for row in rows}
    written = {name: next(a for a in acronyms if a in keys) for name, acronyms in _acronyms_of().items()
               if name in keys and any(a in keys for a in acronyms)}
    return [{**row, "organization": written[row["organization"]], "organization_name": row["organization"],
             "acronym": written[row["organization"]]} if row["organization"] in written else row for row in rows]
