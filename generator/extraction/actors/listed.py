"""Names in a list: two recognizer spans that are one name, and one span that is two.

"The Harbor Trade and Shipping Council" is one organization whose name holds "and", and
the recognizer often cuts it at the "and"; "the Federation of Rail Workers and Halden
Transit Group plc" is two organizations, each a whole name with its own head noun or
legal form, that the recognizer often takes as one. `join_listed_names` and
`split_listed_names` decide, from the organization words of `data/actor_rules.yml`
(`organization_heads`, `organization_suffixes`, `organization_openers`, `legal_suffixes`).
"""

from __future__ import annotations

from spacy.tokens import Span

from generator.extraction.world import World

Item = tuple[Span, str, bool]  # a span, its label, whether the world ruler found it


def join_listed_names(items: list[Item], world: World) -> list[Item]:
    """Two recognizer organizations that are one name: "the Harbor Trade | and | Shipping
    Council" (only the second has an organization's last word), "The Star | and | Herald
    newspaper" (an organization noun follows), "the Union of Salt Makers |, Packers,
    Carters and | Dock Loaders" (a list of capitalized words between them)."""
    out: list[Item] = []
    for item in items:
        prev = out[-1] if out else None
        if out and out[-1][0].end > item[0].start:
            continue  # inside a name joined and run on before
        if prev and not prev[2] and not item[2] and prev[1] == item[1] == "ORG" \
                and _one_name(prev[0], item[0], world):
            joined = item[0].doc[prev[0].start:item[0].end]
            if "," in joined.text:
                joined = _with_of_tail(joined)
            out[-1] = (joined, "ORG", False)
            continue
        out.append(item)
    return out


def _with_of_tail(span: Span) -> Span:
    """A long listed name runs on through "of [the] Red Coast and Grey Delta": capitalized
    words joined by "and", to the first word that is neither."""
    doc, end = span.doc, span.end
    if end + 1 >= len(doc) or doc[end].lower_ != "of":
        return span
    stop = end + 1
    while stop < len(doc) and (doc[stop].is_title or doc[stop].lower_ in {"the", "and", "&"}):
        stop += 1
    while stop > end + 1 and not doc[stop - 1].is_title:
        stop -= 1
    return doc[span.start:stop] if stop > end + 1 else span


def _one_name(first: Span, second: Span, world: World) -> bool:
    """Are two organizations side by side one name (see `join_listed_names`)? Not when
    each is a whole name of its own (`whole_organization`)."""
    doc = first.doc
    between = doc[first.end:second.start]
    if not len(between):
        return False
    rules = world.rules
    closing = set(rules["organization_suffixes"]) | set(rules["organization_heads"])
    after = doc[second.end] if second.end < len(doc) else None
    if len(between) == 1 and between[0].lower_ in {"and", "&"}:
        if world.lookup(first.text) or world.lookup(second.text) \
                or not (first[0].lower_ == "the" or first.start > 0 and doc[first.start - 1].lower_ == "the"):
            return False  # "the X and Y Council" is one name; "Apple and Samsung Group" two
        headed = after is not None and after.is_lower \
            and (after.lower_ in rules["organization_heads"] or after.lower_ in rules["media_nouns"])
        joined = headed or second[-1].text in closing and first[-1].text not in closing
        return joined and not (whole_organization(first, world) and whole_organization(second, world))
    words = [t for t in between if t.text not in {",", "and", "&"}]
    return len(first) >= 3 and "," in between.text and bool(words) \
        and all(t.is_title and t.ent_type_ == "" for t in words) and between[-1].lower_ in {"and", "&"}


def whole_organization(span: Span, world: World) -> bool:
    """Is the span an organization's whole name on its own: a name word with an
    organization's head noun or legal form closing it ("Halden Transit Group plc") or
    opening it before "of" or "for" ("the Federation of Rail Workers")? A head alone
    ("Post") or a name without one ("World Travel") is no whole name."""
    rules = world.rules
    words = [t for t in span if t.lower_ != "the"]
    heads = set(rules["organization_heads"]) | set(rules["legal_suffixes"])
    openers = rules["organization_openers"]
    opens = len(words) > 2 and words[0].text in openers and words[1].lower_ in {"of", "for"}
    if not (opens or words and words[-1].text in heads):
        return False
    return any(t.is_alpha and t.text[:1].isupper() and t.text not in heads
               and t.text not in openers for t in words)


def split_listed_names(items: list[Item], world: World) -> list[Item]:
    """One recognizer span over two organizations, each a whole name, coordinated by "and"
    ("the Federation of Rail Workers and Halden Transit Group plc") is two spans; a name
    with "and" inside ("World Travel and Tourism Council") stays whole."""
    out: list[Item] = []
    for span, label, from_world in items:
        cut = None if from_world or label != "ORG" else next(
            (t.i for t in span[1:-1] if t.lower_ in {"and", "&"}
             and whole_organization(span.doc[span.start:t.i], world)
             and whole_organization(span.doc[t.i + 1:span.end], world)), None)
        if cut is None:
            out.append((span, label, from_world))
            continue
        doc = span.doc
        out += [(doc[span.start:cut], label, False), (doc[cut + 1:span.end], label, False)]
    return out
