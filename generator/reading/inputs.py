"""Input files: refuse what is not an article before any work is done.

Every check here runs before the generator touches `content/`, so a bad input never
costs a person their briefing: the run stops with one message that names the input and
says what was expected, and nothing is written.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from charset_normalizer import from_bytes
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from generator.datafiles import load_data

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
# Data, not articles: an article's metadata sidecar (NAME.txt.meta.yml) lies beside it,
# and a glob such as `seeds/NAME.*` can pick it up by mistake.
DATA_SUFFIXES = frozenset({".yml", ".yaml", ".json"})
MB = 1024 * 1024
HTML_LIMIT = 5 * MB  # a news page with its boilerplate, scripts and inline styles
TEXT_LIMIT = 1 * MB  # about 150,000 words: far beyond any article

# Control characters that never occur in text (tab, newline, carriage return and form
# feed do); one of them in the first bytes marks a binary file.
_BINARY_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")

LANGUAGE_NAMES = {
    "de": "German", "fr": "French", "es": "Spanish", "it": "Italian", "pt": "Portuguese",
    "nl": "Dutch", "ru": "Russian", "uk": "Ukrainian", "pl": "Polish", "tr": "Turkish",
    "ar": "Arabic", "fa": "Persian", "zh": "Chinese", "ja": "Japanese", "ko": "Korean",
    "sv": "Swedish", "da": "Danish", "no": "Norwegian", "fi": "Finnish", "cs": "Czech",
    "hu": "Hungarian", "ro": "Romanian", "el": "Greek", "he": "Hebrew", "hy": "Armenian",
    "az": "Azerbaijani", "ka": "Georgian", "hi": "Hindi", "id": "Indonesian", "vi": "Vietnamese",
}
MIN_WORDS_FOR_LANGUAGE = 25  # below this a detector alone is not trusted
LANGUAGE_CONFIDENCE = 0.99
ENGLISH_WORD_SHARE = 0.08  # English prose runs at 0.20-0.30 of these words
# A short text (a sentence or two) is refused on two witnesses: the detector's first guess
# is another language (of a few words it is never sure: "La grève continue." is 48%
# French), and that language's words outnumber English's by this much.
MIN_WORDS_SHORT = 3
SHORT_CONFIDENCE = 0.3
SHORT_FOREIGN_RATIO = 2
NON_LATIN_SHARE = 0.5  # letters outside the Latin script: a language with no list above


class InputError(Exception):
    """An input that cannot be read as an article; the message names the input."""


def read_text(path: Path) -> str:
    """The file's text, decoded; InputError naming the file when it is not an article."""
    check_file(path)
    data = path.read_bytes()
    check_bytes(path, data)
    text = decode(path, data)
    if not text.strip():
        raise InputError(f"{path}: contains only blank space; expected an article's text")
    return text


def size_limit(path: Path) -> int:
    """HTML pages carry markup and scripts, so they may be larger than plain text."""
    return HTML_LIMIT if path.suffix.lower() in HTML_SUFFIXES else TEXT_LIMIT


def check_file(path: Path) -> None:
    """Refuse what is not a readable regular file of an article's size, before reading it."""
    if not path.exists():
        raise InputError(f"{path}: no such file; expected an article (.txt, .md or .html)")
    if path.is_dir():
        raise InputError(f"{path}: is a directory; expected an article file (.txt, .md or .html)")
    if not path.is_file():
        raise InputError(f"{path}: is not a regular file; expected an article file")
    if path.suffix.lower() in DATA_SUFFIXES:
        raise InputError(f"{path}: is a data file, not an article; expected the article itself "
                         "(.txt, .md or .html; metadata goes beside it as NAME.txt.meta.yml)")
    size = path.stat().st_size
    if size == 0:
        raise InputError(f"{path}: is empty; expected an article's text")
    limit = size_limit(path)
    if size > limit:
        raise InputError(
            f"{path}: is {size / MB:.1f} MB, too large to be an article; "
            f"expected at most {limit // MB} MB for a {'HTML' if limit == HTML_LIMIT else 'text'} file"
        )


def check_bytes(path: Path, data: bytes) -> None:
    """NUL bytes or other control characters mean a binary file (image, PDF, archive)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return  # UTF-16 with a byte order mark: text, decoded below
    if b"\x00" in data[:65536] or _BINARY_CHARS.search(data[:65536].decode("latin-1")):
        raise InputError(f"{path}: is a binary file, not text; expected an article (.txt, .md or .html)")


def decode(path: Path, data: bytes) -> str:
    """UTF-8 first (most files); else the legacy encoding a detector is confident of.

    Detectors cannot tell the Windows Latin code pages apart on a text whose only
    non-ASCII characters are quotes, dashes and a few accented names (cp1250 and cp1252
    both fit), so cp1252, the usual one for English text, is taken when it reads as
    mostly-ASCII Latin text.
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    for bom, codec in ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
                       (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                break
    western = _try_decode(data, "cp1252")
    if western is not None and looks_western(western):
        return western
    text = detect(data)
    if text is None or _BINARY_CHARS.search(text):
        raise InputError(
            f"{path}: is not UTF-8 and its encoding cannot be detected with confidence; "
            "expected UTF-8 text (re-save the file as UTF-8)"
        )
    return text


def _try_decode(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def looks_western(text: str) -> bool:
    """Latin letters, mostly plain ASCII: English (or French, German...) text, not the
    mojibake that Cyrillic or Greek bytes make when read as cp1252."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return False
    foreign = [c for c in letters if ord(c) > 127]
    latin = sum(unicodedata.name(c, "").startswith("LATIN") for c in foreign)
    return latin == len(foreign) and len(foreign) <= 0.3 * len(letters)


def detect(data: bytes) -> str | None:
    """The detector's reading, when it is confident (little chaos, some coherence)."""
    for match in from_bytes(data):
        if match.encoding.startswith(("utf_16", "utf_32")):
            continue  # without a byte order mark, a guess from a handful of bytes
        if match.chaos <= 0.2 and match.coherence >= 0.1:
            return str(match)
        return None
    return None


# --- language ------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", text.lower())


def english_share(text: str) -> float:
    """The share of words that are common English function words (`data/reading_languages.yml`)."""
    words = _words(text)
    if not words:
        return 0.0
    english = frozenset(load_data("reading_languages")["english"])
    return sum(w in english for w in words) / len(words)


def non_latin_share(text: str) -> float:
    """The share of letters outside the Latin script (Cyrillic, Arabic, Han...)."""
    letters = [c for c in text if c.isalpha()]
    latin = sum(unicodedata.name(c, "").startswith("LATIN") for c in letters)
    return (len(letters) - latin) / len(letters) if letters else 0.0


def accented_words(text: str) -> list[str]:
    """Lower-case words with a Latin letter outside ASCII ("grève", "démissionné"): words of
    another Latin-script language. Names are capitalised, so an English text's "Hénin" or
    "Pelé" never counts."""
    words = re.findall(r"[^\W\d_]+", text)
    return [w for w in words if w[:1].islower() and not w.isascii() and non_latin_share(w) == 0]


def looks_foreign(text: str, lang: str) -> bool:
    """A short text written in `lang`: its function words and accented words outnumber
    English's function words, or (for a language without a list) most of its letters
    are of another script."""
    words = _words(text)
    data = load_data("reading_languages")
    english = sum(w in data["english"] for w in words)
    if lang in data["others"]:
        own = data["others"][lang]
        foreign = sum(w in own for w in words) + sum(w not in own for w in accented_words(text))
        return foreign >= 2 and foreign >= SHORT_FOREIGN_RATIO * max(1, english)
    return english == 0 and non_latin_share(text) >= NON_LATIN_SHARE


def detect_language(text: str) -> tuple[str, float]:
    """The detector's best guess and its probability (0..1)."""
    lang, prob = _identifier().classify(text[:20000])
    return lang, float(prob)


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, f"language code '{code}'")


def check_english(name: str, text: str) -> None:
    """Refuse a body that is confidently not English.

    Refusing an English article would be worse than reading a foreign one badly, so two
    witnesses must agree. For a text of some length: a detector sure of another language,
    and almost none of the words that fill every English text (names do not dilute them
    enough: an English report dense with foreign names stays well above the threshold).
    For a short text (a sentence or two, where no detector is sure): the detector's first
    guess is another language, and that language's own function words and accented
    words outnumber English's function words (a headline of names and verbs has
    neither, and passes).
    """
    count = len(_words(text))
    if count < MIN_WORDS_SHORT:
        return
    if count < MIN_WORDS_FOR_LANGUAGE:
        lang, prob = detect_language(text)
        if lang != "en" and prob >= SHORT_CONFIDENCE and looks_foreign(text, lang):
            _refuse(name, lang, prob)
        return
    if english_share(text) >= ENGLISH_WORD_SHARE:
        return
    lang, prob = detect_language(text)
    if lang != "en" and prob >= LANGUAGE_CONFIDENCE:
        _refuse(name, lang, prob)


def _refuse(name: str, lang: str, prob: float) -> None:
    raise InputError(
        f"{name}: the text looks {language_name(lang)} ({prob:.0%} sure), not English; "
        "expected an English article (the extraction reads English only)"
    )
