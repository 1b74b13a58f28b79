"""Page furniture: what one block of scraped text is, story or not.

A line is furniture (links, "Read more", bylines, photo credits, a site's domain, share
and font-size widgets, date lines, subscription and newsletter notices), a teaser (another
story's lead trailing off), a closing credit, a heading or prose, by general signals only:
the share of links, known page phrases (`data/reading_furniture.yml`), sentence
punctuation and length.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from generator.datafiles import load_data
from generator.dates import find_times
from generator.reading.metadata import ISO_DAY

TERMINAL = re.compile(r"[.!?:;][\"'”’»)\]]*$|[\"”»][.!?]?$")
ELLIPSIS = re.compile(r"(?:\.\.\.|…)[\"'”’)\]]*$")

MD_LINK = re.compile(r"!?\[([^\]]*)\]\(([^)\s]*)[^)]*\)")
URL = re.compile(r"https?://\S+|www\.\S+")

KEY_VALUE = re.compile(r"^[-*\s]*(?:\*\*|__)?[\w .()-]{1,40}(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*\S")
# A headline of the form "Word: rest" ("Brexit: UK and EU agree deal"): a capitalized key of
# at most three words, then at least three words of which one is lower case (a verb).
COLON_HEADLINE = re.compile(r"^(?P<key>[A-Z0-9][\w'’&.-]*(?: [\w'’&.-]+){0,2}):\s+(?P<rest>\S.*)$")
BYLINE = re.compile(
    r"^(?:By|BY|Von|Par)\s+[A-Z][\w.'’-]*(?:[\s,]+(?:and\s+|&\s+)?[A-Z][\w.'’-]*){0,12}"
    r"(?:\s*[,|/–-]\s*[\w .'’|/-]{0,60})?$"
)

# A photo caption's credit: "REUTERS/Alina Smutko", "AFP via Getty Images", "(Photo: ...)"
CAPTION_CREDIT = re.compile(
    r"(?:\b(?:REUTERS|AFP|AP|EPA(?:-EFE)?|XINHUA|ANADOLU)\s*/\s*[\w .'’-]{2,40}"
    r"|\b(?:via\s+)?Getty\s+Images|\((?:Photo|Image|Picture|Credit)\b[^)]*\)"
    r"|\b(?:Photo|Photograph|Image|Picture)\s*(?:by|:|credit:?)\s*[\w .'’/-]{2,60})\.?\s*$"
)
DOMAIN = re.compile(r"^[\w.-]+\.[a-z]{2,}/?$", re.IGNORECASE)
MAX_DATE_LINE = 14  # words: a longer line with a date in it is a sentence


WORD = re.compile(r"[\w'’-]+")
# Where one sentence ends and the next begins, for the rules that judge a block by its
# sentences (not after "Mr." or an initial).
SENTENCE_BREAK = re.compile(r"(?<![A-Z][a-z]\.)(?<![A-Z]\.)(?<=[.!?])[\"'”’)]*\s+(?=[A-Z\"“‘(])")


def furniture() -> dict:
    """The furniture word lists (`data/reading_furniture.yml`, read once by load_data)."""
    return load_data("reading_furniture")


@cache
def _pattern(key: str) -> re.Pattern:
    return re.compile(furniture()[key])


def split_sentences(text: str) -> list[str]:
    """A block's sentences, split at a full stop, question or exclamation mark before a
    capital; good enough for judging a block, never for quoting."""
    return [x for x in SENTENCE_BREAK.split(text.strip()) if x.strip()]


def _has_phrase(text: str, phrases: list[str]) -> bool:
    """Whether one of the phrases occurs as whole words (case-insensitive); a phrase that
    is a punctuation mark (a quotation mark) anywhere."""
    low = " " + " ".join(WORD.findall(text.lower())) + " "
    return any(f" {p} " in low if p[0].isalnum() else p in text for p in phrases)


def is_chrome_sentence(sentence: str) -> bool:
    """A sentence the site says to its reader about itself: a topic word (subscribe,
    newsletter, app, cookies...) with the site speaking (we, our, this article) or a call
    to act at its start, and no reported speech."""
    rules = furniture()["chrome"]
    if not _has_phrase(sentence, rules["topics"]) or _has_phrase(sentence, rules["reported"]):
        return False
    opening = " ".join(re.findall(r"[\w'’]+", sentence.lower())[:2])
    return _has_phrase(sentence, rules["address"]) or any(
        opening == o or opening.startswith(o + " ") for o in rules["openers"])


def is_chrome(block: str) -> bool:
    """A subscription offer, paywall notice, newsletter or cookie box: more than half of
    its sentences are chrome sentences."""
    sentences = split_sentences(block)
    chrome = sum(map(is_chrome_sentence, sentences))
    return chrome * 2 > len(sentences)


def is_widget(line: str) -> bool:
    """A share, print or font-size widget: only widget words, one of them a cue."""
    rules = furniture()
    words = [w for w in re.split(r"[\s|/·•,]+", strip_marks(line).lower()) if w]
    known = all(w in rules["widget_cues"] or w in rules["widget_words"] for w in words)
    return 0 < len(words) <= 12 and known and any(w in rules["widget_cues"] for w in words)


def is_date_line(line: str) -> bool:
    """A date line under a headline ("Mar 13, 2025 | 4:40 PM", "Updated 9 June 2021"):
    time expressions and the words of `date_line_words` only."""
    bare = strip_marks(line)
    if not bare or len(bare) > 80:
        return False
    times = find_times(bare, None)
    if not times:
        return False
    rest = bare
    for t in sorted(times, key=lambda t: -t.start):
        rest = rest[:t.start] + " " + rest[t.end:]
    words = re.findall(r"[^\W\d_]+(?:\.[^\W\d_]+)*", rest.lower())
    return all(w in furniture()["date_line_words"] for w in words)


def date_line_day(lines: Iterable[str]) -> str | None:
    """The first whole day (YYYY-MM-DD) that a date line among `lines` gives."""
    for line in lines:
        if is_date_line(line):
            times = find_times(strip_marks(line), None)
            days = [t.value for t in times if t.value and ISO_DAY.fullmatch(t.value)]
            if days:
                return days[0]
    return None


def is_box_label(line: str) -> bool:
    """The label of a box listing other stories ("Most read", "Related stories")."""
    key = strip_marks(line).lower().strip(" :.»›>")
    return key in furniture()["box_labels"]


def is_summary_label(line: str) -> bool:
    """The label of a box of summary points ("Highlights", "Key points")."""
    key = strip_marks(line).lower().strip(" :.")
    return key in furniture()["summary_labels"]


def is_colon_headline(line: str) -> bool:
    """"Word: rest" with a rest that reads as a headline, not a page field ("Tags: oil")."""
    m = COLON_HEADLINE.match(strip_marks(line))
    if not m or m["key"].lower() in furniture()["metadata_keys"]:
        return False
    rest = m["rest"].split()
    return len(rest) >= 3 and any(w[:1].islower() for w in rest) and m["rest"].count(",") < len(rest) / 3


def strip_marks(line: str) -> str:
    """A line without markdown heading, list and emphasis marks."""
    line = re.sub(r"^\s*(?:[-*+>]\s+)*(?:#{1,6}\s+)?", "", line)
    return line.replace("**", "").replace("__", "").strip()


def link_share(line: str) -> float:
    """How much of a line is markdown links or bare URLs."""
    linked = sum(len(m.group(0)) for pattern in (MD_LINK, URL) for m in pattern.finditer(line))
    return linked / max(1, len(line))


def _is_furniture_phrase(line: str) -> bool:
    words = furniture()
    key = re.sub(r"[\s:|»›>·•\-–—]+$", "", strip_marks(line).lower()).strip(" .:|")
    if key in words["lines"]:
        return True
    return len(key) < 120 and any(key.startswith(s) for s in words["starts"])


CREDIT_NAME = r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|da|di|van|von|der|den|al|el|bin|ibn|la|le))*"
CREDIT_NAMES = rf"{CREDIT_NAME}(?:\s*(?:,|\band\b|&)\s*{CREDIT_NAME})*"
MAX_CREDIT_LINE = 400  # characters: a credit box of several clauses, never a paragraph


@cache
def _credit_box() -> re.Pattern:
    """A line of "ROLE by Names[ in Place]" clauses (`credit_roles`)."""
    roles = "|".join(re.escape(r) for r in sorted(furniture()["credit_roles"], key=len, reverse=True))
    clause = rf"(?i:{roles})\s+(?i:by)\s+{CREDIT_NAMES}(?:\s+in\s+{CREDIT_NAMES})?"
    return re.compile(rf"^{clause}(?:\s*[;,.|/]\s*{clause})*\s*\.?$")


def is_credit_box(line: str) -> bool:
    """A site's credit box under the story ("Reporting by Lucia Ferreira; editing by Tom
    Hale"): credit clauses only, without the brackets the agency's own copy prints them in."""
    bare = strip_marks(line)
    return len(bare) <= MAX_CREDIT_LINE and bool(_credit_box().match(bare))


def is_follow_line(line: str) -> bool:
    """A request to follow someone on a social network ("Follow Clara Whitfield on X
    @cwhitfield.", "Follow her on Twitter"): it opens with "follow", names a network after
    "on" or an @handle, and is short."""
    words = WORD.findall(strip_marks(line).lower())
    if not words or words[0] != "follow" or len(words) > 20:
        return False
    networks = furniture()["social_networks"]
    on_network = any(w == "on" and after in networks for w, after in zip(words, words[1:], strict=False))
    return on_network or bool(re.search(r"(?<!\w)@\w{2,}", line))


def _is_credit(line: str) -> bool:
    """A closing credit: "(Reporting by ...)", a writer's sign-off ("-- Jane Doe"), a
    contributor line ("Jane Doe contributed to this report.")."""
    bare = strip_marks(line)
    key = bare.lower()
    if any(key.startswith(s) for s in furniture()["closing_credits"]):
        return True
    short = len(bare.split()) <= 14
    return short and bool(_pattern("sign_off").match(bare) or _pattern("contributed").search(bare))


def is_inline_furniture(line: str) -> bool:
    """Furniture that sits inside a story's flow, with the story going on after it: a
    labelled link to another story ("See also: ...", "Related: ..."), a photo caption, a
    subscription or newsletter box, a share widget."""
    bare = strip_marks(line)
    key = bare.lower()
    labelled = any(s.endswith(":") and key.startswith(s) and len(key[len(s):].split()) >= 2
                   for s in furniture()["starts"])
    return labelled or bool(CAPTION_CREDIT.search(bare)) or is_chrome(bare) or is_widget(bare)


def is_page_furniture(line: str) -> bool:
    """What an article extractor lets through that is still page furniture: link lines,
    "Comments", "Read more: ...". Narrower than `classify`, which also judges layout."""
    return (link_share(line) > 0.4 or _is_furniture_phrase(line) or bool(CAPTION_CREDIT.search(line))
            or is_widget(line) or is_chrome(line) or len(line.split()) <= MAX_DATE_LINE and is_date_line(line)
            or is_credit_box(line) or is_follow_line(line))


def source_line(text: str) -> re.Match | None:
    """The source line of a monitored-media report at the end of `text` ("KV0203060094
    Vienna OSTERLICHER KURIER in German 0600 GMT 2 Mar 94"), when it names a language
    (`source_line`, `source_line_languages`); its group "named" holds the city and the
    outlet."""
    m = _pattern("source_line").search(text)
    return m if m and m.group("language") in furniture()["source_line_languages"] else None


def classify(line: str) -> str:
    """furniture, teaser, credit, prose or heading: what one block of text is.

    General signals only: links, known page phrases, bylines, teaser ellipses, sentence
    punctuation and length."""
    bare = strip_marks(line)
    words = bare.split()
    if not words or link_share(line) > 0.4 or DOMAIN.match(bare):
        return "furniture"
    if is_credit_box(bare) or is_follow_line(bare):
        return "furniture"
    if _is_credit(bare):
        return "credit"
    byline = bool(BYLINE.match(bare)) and len(words) <= 16 and not bare.endswith(".")
    field = len(words) < 12 and bool(KEY_VALUE.match(line)) and not is_colon_headline(line)
    if _is_furniture_phrase(line) or byline or field or is_widget(line):
        return "furniture"
    if CAPTION_CREDIT.search(bare) or is_chrome(bare):
        return "furniture"
    if len(words) <= MAX_DATE_LINE and is_date_line(bare):
        return "furniture"
    if ELLIPSIS.search(bare):
        return "teaser"
    if (TERMINAL.search(bare) and len(words) >= 4) or len(words) >= 25:
        return "prose"
    return "heading"
