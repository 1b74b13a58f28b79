"""Companies: one company however the text writes its name.

A company is named in full with its legal form once ("Veritas Pharma AG", "Tanaka Motors
Co., Ltd.", "Banco Rialto S.A."), then without it ("Veritas Pharma") and by its short
name ("Veritas said"). One rule for every company: its key, and so its sheet's name and
id, is the name without the legal form (`legal_suffixes` in `data/actor_rules.yml`); the
forms with it become aliases. A one-word short name joins the one longer name it begins
when the rest of that name is organization suffixes ("Tolvane Group"), or words for the
company's trade ("Veritas Pharma", "Northgate Logistics Holdings": `company_descriptors`)
and no other name begins with it; never a name the text uses as a place.
"""

from __future__ import annotations

from generator.extraction.actors.table import Candidate
from generator.extraction.world import World


def without_legal_form(name: str, world: World) -> str:
    """The name without the legal forms that end it ("Tanaka Motors Co., Ltd." ->
    "Tanaka Motors"); the name itself when nothing else would be left."""
    legal, openers = set(world.rules["legal_suffixes"]), set(world.rules["legal_suffix_openers"])
    words = name.split()
    while len(words) > 1 and (words[-1].rstrip(",") in legal or words[-1].rstrip(",.") in legal):
        words.pop()
        legal |= openers  # "Co." goes with the form after it: "Tanaka Motors Co., Ltd."
    return " ".join(words).rstrip(",")


def drop_legal_forms(orgs: list[Candidate], world: World) -> None:
    """Every organization's key without its legal form, unless the world data knows the
    name as written."""
    for c in orgs:
        if c.key not in world.names:
            c.key = without_legal_form(c.key, world)


def complete_company_names(cands: list[Candidate], orgs: list[Candidate], world: World) -> None:
    """A one-word name that a longer organization name completes with organization
    suffixes only is that organization: "Tolvane" of "Tolvane Group", "Harlowe" of
    "Harlowe Holdings"; not "Corvantis" of "Corvantis Asia", another company. So is one
    that the only longer name it begins completes with words of a trade ("Veritas" of
    "Veritas Pharma"). So is a word the recognizer took for a place where no mention
    stands after "in", "at"... ("Tolvane said", "Tolvane shares"), and a demonym standing
    alone as a noun ("Norwegian said", of "Norwegian Airlines"; not "Norwegian
    officials"); a known place or country's name is left alone."""
    suffixes = set(world.rules["organization_suffixes"]) | set(world.rules["legal_suffixes"])
    trades = suffixes | set(world.rules["company_descriptors"])
    keys = {c.key for c in orgs if len(c.key.split()) > 1}
    sited = {c.text for c in cands if c.span.start > 0
             and c.span.doc[c.span.start - 1].lower_ in world.rules["locative_prepositions"]}
    placed = {c.text for c in cands if c.kind == "place" and c.text in sited}
    for c in cands:
        if not _short_company_name(c, sited, placed, world):
            continue
        begins = [k for k in keys if k.split()[0] == c.text]
        by_suffix = [k for k in begins if all(w in suffixes for w in k.split()[1:])]
        by_trade = [k for k in begins if all(w in trades for w in k.split()[1:])]
        longer = by_suffix if len(by_suffix) == 1 else by_trade if len(begins) == 1 else []
        if len(longer) == 1:
            owner = next(o for o in orgs if o.key == longer[0])
            c.key, c.kind = owner.key, owner.kind


def _short_company_name(c: Candidate, sited: set[str], placed: set[str], world: World) -> bool:
    """Could this one-word candidate be a company's short name (`complete_company_names`)?
    `sited`: the names written after a locative preposition; `placed`: those of them taken
    for places."""
    if " " in c.text or len(c.span) != 1:
        return False
    if c.kind in {"organization", "group"}:
        return c.key == c.text and c.text not in world.names and c.text not in placed
    if c.role == "demonym":  # "American said", not "American officials" nor "Americans"
        after = c.span.doc[c.span.end] if c.span.end < len(c.span.doc) else None
        return (after is None or after.pos_ not in {"NOUN", "PROPN", "ADJ"}) and not c.text.endswith("s")
    return c.kind == "place" and c.role == "place" and c.text not in world.names and c.text not in sited
