"""Small text helpers and character sets that several stages share, each written once.

Ids (slugs and their unique forms), the quote marks and invisible characters that
readers and name rules strip, and the dateline that opens a wire story. Plain Python on
strings: no spaCy, no schema, so every stage can import it.
"""

from __future__ import annotations

import re
import unicodedata

from anyascii import anyascii

# --- ids ---------------------------------------------------------------------------------

# Names the site uses for its own pages and folders: an id may not take them.
RESERVED_IDS = frozenset({"index", "schema", "assets", "search", "404", "sitemap", "briefing"})
ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


# Scripts written without spaces between words: Han (Chinese characters, Japanese kanji),
# Hangul, and the Japanese kana with their middle dot and long-vowel mark. A name in one
# of them is one run of characters ("李明华"), not words split by spaces.
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_HANGUL = "\uac00-\ud7af\u1100-\u11ff\u3130-\u318f"
_KANA = "\u3040-\u309f\u30a0-\u30ff\u31f0-\u31ff\uff66-\uff9f"
CJK_CHARS = _HAN + _HANGUL + _KANA
CJK_RUN = re.compile(f"[{CJK_CHARS}]+")
_SYLLABLES = re.compile(f"[{_HAN}\uac00-\ud7af]+")  # one character, one syllable

# Letters whose usual romanization differs from anyascii's: Serbian and Croatian "Đ" is
# "Dj" ("Đurđa" is Djurdja), except in Vietnamese, where it is "D" (`_VIETNAMESE`).
_ROMANIZED = {"Đ": "Dj", "đ": "dj"}
_VIETNAMESE = re.compile("[\u1ea0-\u1ef9\u01a0\u01a1\u01af\u01b0]")


# Arabic script (Arabic, Persian, Urdu): letters and vowel marks, without its punctuation.
ARABIC_WORD = re.compile("[\u0621-\u065f\u0670-\u06d3\u06fa-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc]+")
_ARABIC_MARKS = {"\u064e": "a", "\u064f": "u", "\u0650": "i", "\u064b": "an", "\u064c": "un",
                 "\u064d": "in", "\u0670": "a"}  # fatha, damma, kasra, the tanwins, dagger alef
_ARABIC_LONG = {"ا": "a", "آ": "a", "ٱ": "a", "أ": "a", "إ": "i", "ة": "a", "ى": "a", "ئ": "i", "ؤ": "u"}
_ARABIC_GLIDES = {"و": ("u", "w"), "ي": ("i", "y"), "ی": ("i", "y")}  # as a vowel, as a consonant
_ARABIC_SILENT = "ء\u0652\u0640"  # a lone hamza, sukun, tatweel
_SHADDA = "\u0651"
_ARTICLE, _ALLAH = "ال", "الله"


def romanize(text: str) -> str:
    """The text in ASCII, so that a name in any alphabet has a readable id: accents
    folded ("Zürich" -> Zurich), other alphabets transliterated ("Ирина" -> Irina,
    "Łucja" -> Lucja), a name in Chinese characters or Hangul as its surname and given
    name ("李明华" -> "Li Minghua"), in Arabic script with its article and long vowels
    ("عبد الله الراشد" -> "Abd Allah al-Rashid", `romanize_arabic`). Punctuation outside
    ASCII is dropped, as it always was ("O’Brien" -> OBrien); dashes and spaces of any
    kind separate words."""
    text = ARABIC_WORD.sub(lambda m: romanize_arabic(m.group()), text)
    vietnamese = _VIETNAMESE.search(text) is not None
    pieces = re.split(f"([{CJK_CHARS}]+)", text)
    others = ["".join(_romanize_char(ch, vietnamese) for ch in piece) for piece in pieces[::2]]
    runs = [_romanize_run(piece) for piece in pieces[1::2]]
    if not runs:
        return others[0]
    text = others[0] + "".join(f" {run} {rest}" for run, rest in zip(runs, others[1:], strict=True))
    return re.sub(" {2,}", " ", text).strip()


def _romanize_char(ch: str, vietnamese: bool) -> str:
    """One character outside the syllabic scripts: a letter, mark or digit in ASCII, a
    space or dash as a space, other punctuation and symbols dropped."""
    if ch.isascii():
        return ch
    category = unicodedata.category(ch)
    if category[0] in "LMN":
        return _ROMANIZED[ch] if ch in _ROMANIZED and not vietnamese else anyascii(ch)
    return " " if category[0] == "Z" or category == "Pd" else ""


def _romanize_run(run: str) -> str:
    """A run of Han, Hangul or kana characters in Latin letters. Chinese and Korean names
    are a one-syllable surname and a given name written as one word ("Li Minghua"),
    so a run of two to four syllables is read so; a longer run is one syllable a word,
    and kana, which spell sounds, make one word."""
    words = []
    for piece in re.split(f"({_SYLLABLES.pattern})", run):
        syllables = [anyascii(ch) for ch in piece]
        if not _SYLLABLES.fullmatch(piece):
            words.append("".join(syllables))
        elif 2 <= len(piece) <= 4:
            words += [syllables[0], "".join(s.lower() for s in syllables[1:]).capitalize()]
        else:
            words += syllables
    return " ".join(w for w in words if w)


def romanize_arabic(word: str) -> str:
    """One word in Arabic script in Latin letters. The script writes consonants and long
    vowels and leaves the short vowels out, so a letter for letter transliteration is
    unreadable ("bd llh lrshd"). These rules give a readable, stable id, not a scholarly
    transliteration: the article is "al-" ("الراشد" -> "al-Rashid") and God's name
    "Allah", also at the end of a name ("عبدالله" -> "Abdallah"); alef, ta marbuta and
    the hamza seats are long vowels, waw and yeh between consonants "u" and "i" and
    "w" and "y" elsewhere; ain is "a" (a vowel or a glottal stop to an English reader);
    written vowel marks are read, shadda doubles; then the short vowels of the
    commonest shapes: "i" in the pattern of "Rashid", "Khalid", "Fatima" (a long "a",
    two consonants), and "a" in a word that opens with two consonants ("Hasan",
    "Karim"). Other consonants are anyascii's."""
    word = unicodedata.normalize("NFKC", word)
    if word == _ALLAH:
        return "Allah"
    if word.endswith(_ALLAH):
        return romanize_arabic(word[:-len(_ALLAH)]) + "allah"
    if word.startswith(_ARTICLE) and len(word) > len(_ARTICLE) + 1:
        return "al-" + romanize_arabic(word[len(_ARTICLE):])
    units: list[tuple[str, str]] = []  # (letters, shape): c consonant, v vowel, a long a, g ain
    for i, ch in enumerate(word):
        nxt = word[i + 1] if i + 1 < len(word) else ""
        after_consonant = bool(units) and units[-1][1] in "cg"
        if ch in _ARABIC_SILENT or ch == "ع" and nxt in _ARABIC_LONG:
            continue
        if ch == _SHADDA:  # doubles the last consonant, a vowel mark before it or not
            last = next((k for k in range(len(units) - 1, -1, -1) if units[k][1] == "c"), None)
            units = units if last is None else [*units[:last + 1], units[last], *units[last + 1:]]
        elif ch in _ARABIC_MARKS or ch in _ARABIC_LONG:
            units.append((_ARABIC_MARKS.get(ch) or _ARABIC_LONG[ch], "a" if ch in "اآٱ" else "v"))
        elif ch == "ع":
            units.append(("a", "g"))
        elif ch in _ARABIC_GLIDES:
            vowel = after_consonant and (not nxt or nxt not in _ARABIC_LONG and nxt not in _ARABIC_GLIDES)
            units.append((_ARABIC_GLIDES[ch][0], "v") if vowel else (_ARABIC_GLIDES[ch][1], "c"))
        else:
            units.append((re.sub(r"[^a-z]", "", anyascii(ch).lower()), "c"))
    return "".join(text for text, _ in _short_vowels(units)).capitalize()


def _short_vowels(units: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The short vowels of the commonest shapes of Arabic names (`romanize_arabic`)."""
    shape = "".join(kind for _, kind in units)
    if re.fullmatch(r"c?acc[v]?", shape):  # Rashid, Khalid, Fatima
        at = len(units) - (2 if shape.endswith("v") else 1)
        return [*units[:at], ("i", "v"), *units[at:]]
    if re.fullmatch(r"c{2,4}", shape):  # Hasan, Hamad: no vowel written at all
        return [piece for unit in units[:-1] for piece in (unit, ("a", "v"))] + units[-1:]
    if shape.startswith("cc"):  # Karim, Jamal, Salman
        return [units[0], ("a", "v"), *units[1:]]
    return units


def slug_words(text: str) -> list[str]:
    """The lowercase ASCII words of a text in any script (`romanize`): "Zürich" ->
    ["zurich"], "Đurđa Marković" -> ["djurdja", "markovic"], "李明华" -> ["li", "minghua"]."""
    return re.findall(r"[a-z0-9]+", romanize(text).lower())


def slugify(text: str, kind: str = "item") -> str:
    """An id from a text: lowercase ASCII words joined by hyphens (`ID_PATTERN`); `kind`
    when the text has no such word, and `TEXT-KIND` when the words make a reserved id,
    so every id this returns validates."""
    slug = "-".join(slug_words(text)) or kind
    return f"{slug}-{kind}" if slug in RESERVED_IDS else slug


def unique_id(wanted: str, taken: set[str] | frozenset[str]) -> str:
    """`wanted`, or `wanted-2`, `wanted-3`... when another sheet has that id. The caller
    adds the id it keeps to `taken`."""
    candidate, n = wanted, 2
    while candidate in taken:
        candidate, n = f"{wanted}-{n}", n + 1
    return candidate


# --- characters --------------------------------------------------------------------------

# Quotation marks as characters, and as the tokens a tokenizer makes of them (wire copy
# writes `` and '' for double quotes).
QUOTE_CHARS = "\"“”‘’'`´"
QUOTE_MARKS = frozenset({*QUOTE_CHARS, "``", "''"})

# Characters that carry no text: zero-width spaces and joiners, word joiner, BOM, soft hyphen.
INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_INVISIBLE_TABLE = dict.fromkeys(map(ord, INVISIBLE_CHARS))


def strip_invisible(text: str) -> str:
    """The text without zero-width and soft-hyphen characters."""
    return text.translate(_INVISIBLE_TABLE)


# No-break and figure spaces, read as plain spaces.
WIDE_SPACE_CHARS = "\u00a0\u2007\u202f"
_WIDE_SPACE_TABLE = dict.fromkeys(map(ord, WIDE_SPACE_CHARS), " ")


def plain_spaces(text: str) -> str:
    """The text with no-break and figure spaces as plain spaces."""
    return text.translate(_WIDE_SPACE_TABLE)


# --- names ------------------------------------------------------------------------------

def clean_name(text: str) -> str:
    """A name as a sheet shows it: no leading article, possessive, quotes or stray space."""
    text = strip_invisible(text)
    text = re.sub(r"\s*\([^)]*$", "", text)  # an unclosed bracket: "Federal Bureau of Investigation (FBI"
    text = re.sub(r"\s+", " ", text).strip().strip(QUOTE_CHARS + ",;:()[]").strip()
    if text.endswith(".") and "." not in text[:-1]:
        text = text[:-1]  # a sentence's full stop, not an abbreviation's ("U.S.")
    text = re.sub(r"^(the|The|THE)\s+", "", text)
    text = re.sub(r"(’s|'s|’|')$", "", text).strip()
    return text.rstrip("&-–—/+ ").strip()


def is_full_name(name: str) -> bool:
    """A name that says who someone is, not only which family: two words or more, or two
    characters or more of a script written without spaces ("李明华"). A lone surname is
    no full name."""
    return len(name.split()) > 1 or CJK_RUN.fullmatch(name.strip()) is not None and len(name.strip()) > 1


# --- datelines ---------------------------------------------------------------------------

# The dateline that opens a wire story: a place in capitals with an optional region or
# country, date and agency ("HARBORTON, Aug. 20 (Coastwire) --", "DUBAI, United Arab Emirates —",
# "LONDON —"), or a place in any case before an agency in brackets ("Washington
# (Reuters) -"), or the source's web name glued before the first sentence ("Outlet.com -",
# as syndicated and aggregated copy prints it); then a dash, an underscore or a colon.
# The date follows the place after a comma or stands in brackets ("BRELLO, TARVIA (June 8,
# 2021) -"), month first or day first. Groups: place, date, bracket_date, agency,
# named_agency, source.
_DATELINE_DAY = r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:,?\s+\d{4})?)"
DATELINE = re.compile(
    r"^(?:(?P<place>[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][A-Za-z.'’ -]{1,30}?)?)"
    rf"(?:,\s*(?P<date>{_DATELINE_DAY}))?"
    rf"\s*(?:\((?P<bracket_date>{_DATELINE_DAY})\)|\((?P<agency>[^()]{{1,40}})\))?"
    r"|(?:[A-Z][\w.'’-]*\s?){0,4}(?:,\s*[A-Z][\w.]*\s?\d{0,2})?\s*\((?P<named_agency>[A-Z][^()]{0,30})\)"
    r"|(?P<source>[A-Za-z][\w-]*(?:\.[A-Za-z][\w-]*)*\.(?:com|net|org|info|news|co\.uk|com\.au|[a-z]{2})))"
    r"\s*(?:--|–|—|-|_|:)(?:\s+|$)"
)


def dateline_end(text: str) -> int:
    """Where a dateline opening `text` ends, with the space after it (0 when none)."""
    match = DATELINE.match(text)
    return match.end() if match else 0

