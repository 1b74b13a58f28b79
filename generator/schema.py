"""The fact-sheet contract: the one typed definition of every sheet in `content/`.

The generator writes these models, the validator and the site read them, and
`json_schema` turns them into the JSON Schema files under `content/schema/`
that editors use while a person types. Vocabularies live here and nowhere else.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal, get_args

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema

from generator.dates import edtf_bounds
from generator.text import ID_PATTERN, RESERVED_IDS

# --- vocabularies -------------------------------------------------------------------

ActorKind = Literal["country", "person", "organization", "group", "place"]

# CAMEO's top-level categories (01..20), named in plain words, plus `other`.
EventKind = Literal[
    "statement",  # 01 make a public statement
    "appeal",  # 02 appeal, call for
    "intent-to-cooperate",  # 03 express intent to cooperate, pledge, agree to talk
    "consult",  # 04 consult: meet, negotiate, hold talks, visit
    "diplomatic-cooperation",  # 05 praise, recognize, sign an agreement
    "material-cooperation",  # 06 trade, cooperate economically or militarily, deals
    "provide-aid",  # 07 give humanitarian, economic or military aid
    "yield",  # 08 ease sanctions, release, retreat, accept a ceasefire
    "investigate",  # 09 investigate, inquire
    "demand",  # 10 demand
    "disapprove",  # 11 criticize, accuse, denounce
    "reject",  # 12 reject, refuse
    "threaten",  # 13 threaten, warn
    "protest",  # 14 demonstrate, strike, boycott
    "show-force",  # 15 exhibit force posture: drills, mobilization
    "reduce-relations",  # 16 cut ties, impose sanctions or embargoes
    "coerce",  # 17 arrest, seize, expel, ban
    "assault",  # 18 bomb, kill, attack; casualties and displacement
    "fight",  # 19 armed clashes, war, fighting
    "mass-violence",  # 20 unconventional mass violence
    "other",  # anything outside CAMEO: elections, disasters, founding, independence
]

ParticipantRole = Literal[
    "initiator",  # who acts
    "target",  # who is acted upon
    "party",  # one side among equals (talks, fighting)
    "mediator",  # brokers between the parties
    "host",  # provides the venue
    "supporter",  # backs one side
    "observer",  # watches, reports
    "victim",  # suffers the harm
    "participant",  # takes part, role unknown
]

RelationType = Literal[
    "supports",
    "opposes",
    "criticizes",
    "accuses",
    "threatens",
    "mediates",
    "allied-with",
    "defense-treaty",
    "hosts-base-of",
    "member-of",
    "part-of",
    "leader-of",
    "official-of",
    "spokesperson-of",
    "envoy-of",
    "media-of",
    "sanctions",
    "negotiates-with",
    "agreement-with",
    "military-exercise-with",
    "fights",
    "hosts",
    "resident-of",
    "based-in",
    "family-of",
    "neighbor-of",
    "related-to",
]

# The article's stance on an event (issue 9; DESIGN.md "Only what the article asserts"):
#   happened      the article reports it as having happened (the default)
#   planned       announced, scheduled or intended ("will meet next month", "plans to")
#   possible      could, may, might, is considering
#   conditional   would happen if something else did ("if talks fail, ...")
#   alleged       someone says it happened and the article does not ("X said Y attacked")
#   denied        someone denies it happened ("the ministry denied that ...")
# An event the article says did not happen is no sheet at all.
EventStatus = Literal["happened", "planned", "possible", "conditional", "alleged", "denied"]

PublishedFrom = Literal["cli", "metadata", "page", "dateline", "none"]
# Where a source's title came from:
#   metadata  the article's own metadata (front matter, a NAME.meta.yml sidecar)
#   page      the page's markup: an HTML page's metadata or headline, the title element
#             of an SGML or XML record
#   headline  a headline line in a text file
#   none      no headline at all: the title is a stand-in, the opening words of the story
TitleFrom = Literal["metadata", "page", "headline", "none"]

VOCABULARIES: dict[str, tuple[str, ...]] = {
    "actor kinds": get_args(ActorKind),
    "event kinds": get_args(EventKind),
    "participant roles": get_args(ParticipantRole),
    "relation types": get_args(RelationType),
    "event statuses": get_args(EventStatus),
}



# --- field types --------------------------------------------------------------------


def _check_id(value: str) -> str:
    """A slug, whole (fullmatch: `$` alone would let a final newline through, and an id
    becomes a file name, a URL and an HTML anchor), and no name the site uses itself."""
    if not re.fullmatch(ID_PATTERN, value):
        raise ValueError(
            f"'{value}' is not an id; expected a lowercase slug of letters, digits and single hyphens"
        )
    if value in RESERVED_IDS:
        raise ValueError(f"'{value}' is a name the site uses; expected another id")
    return value


def _coerce_date(value: object) -> object:
    """YAML turns an unquoted 2020-10-09 into a date and 2020 into an int: accept both."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:04d}"
    return value


def _check_edtf(value: str | None) -> str | None:
    """An EDTF value whose earliest and latest day can be told (`dates.edtf_bounds`): the
    same test the site applies when it places a date, so what validates also builds."""
    if value is None:
        return None
    if edtf_bounds(value) is None:
        raise ValueError(
            f"'{value}' is not an EDTF date; expected e.g. 2020-10-09, 2020-09, 2020-09~, "
            "2020-09-21/2020-09-30 or ../2020-10-08"
        ) from None
    return value


Id = Annotated[str, AfterValidator(_check_id), WithJsonSchema({"type": "string", "pattern": ID_PATTERN})]
EdtfDate = Annotated[str | None, BeforeValidator(_coerce_date), AfterValidator(_check_edtf)]


class Sheet(BaseModel):
    """Every sheet and item: unknown fields are errors, so a typo never passes silently."""

    model_config = ConfigDict(extra="forbid")


class SourceRef(Sheet):
    """Where a fact comes from: an article id and a verbatim span of its text."""

    article: str
    quote: str


class Sourced(Sheet):
    sources: list[SourceRef] = Field(default_factory=list)
    notes: str | None = None


class Relation(Sourced):
    type: RelationType
    target: Id
    text: str | None = None


class Claim(Sourced):
    text: str
    by: list[Id] = Field(default_factory=list)
    about: list[Id] = Field(default_factory=list)


class Actor(Sourced):
    id: Id
    name: str
    kind: ActorKind
    aliases: list[str] = Field(default_factory=list)
    summary: str | None = None
    relations: list[Relation] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)


class Participant(Sheet):
    actor: Id
    role: ParticipantRole = "participant"


class Event(Sourced):
    id: Id
    title: str
    kind: EventKind
    date: EdtfDate = None
    date_text: str | None = None
    place: Id | None = None
    participants: list[Participant] = Field(default_factory=list)
    summary: str | None = None
    status: EventStatus = "happened"


class BackgroundItem(Sourced):
    text: str


class Source(Sheet):
    id: Id
    title: str
    title_from: TitleFrom = "none"
    path: str | None = None
    url: str | None = None
    published: EdtfDate = None
    published_from: PublishedFrom = "none"
    notes: str | None = None


class Briefing(Sheet):
    title: str
    # What the briefing is about in a few words ("Nagorno-Karabakh"), set by hand: the site's
    # name. Without it the site is named by the title (the first article's headline).
    topic: str | None = None
    published: EdtfDate = None
    summary: str | None = None
    background: list[BackgroundItem] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    notes: str | None = None


# --- JSON Schema export -------------------------------------------------------------

SCHEMAS: dict[str, type[Sheet]] = {"actor": Actor, "event": Event, "briefing": Briefing}


def schema_path_for(kind: str) -> str:
    """The modeline's relative path from a sheet of this kind to its JSON Schema."""
    return f"schema/{kind}.json" if kind == "briefing" else f"../schema/{kind}.json"


def modeline(kind: str) -> str:
    return f"# yaml-language-server: $schema={schema_path_for(kind)}"


def json_schema(kind: str) -> dict:
    schema = SCHEMAS[kind].model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"Briefing {kind} sheet"
    return schema
