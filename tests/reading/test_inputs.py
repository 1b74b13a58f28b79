"""Input checks: every way a file can fail to be an article gets a clear, named refusal,
and no English article is ever refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.reading.inputs import TEXT_LIMIT, InputError, check_english, read_text
from tests.paths import SEED

ENGLISH = (
    "The governments of Armenia and Azerbaijan have pledged to come to Moscow on Friday to "
    "discuss a ceasefire, the Russian government announced. Russia has been mediating in the "
    "conflict between the two former Soviet republics over the disputed enclave for years. "
)

# English reports dense with foreign names, places and quoted titles: a language
# detector alone calls some of these Bicolano, Javanese or Azerbaijani.
ENGLISH_WITH_NAMES = [
    "Nikol Pashinyan, Ilham Aliyev, Sergei Lavrov and Jeyhun Bayramov met Zohrab Mnatsakanyan in "
    "Moscow; Stepanakert, Shushi, Hadrut, Ganja, Tartar, Fuzuli and Jabrayil were shelled, said "
    "Arayik Harutyunyan, Artsrun Hovhannisyan and Hikmet Hajiyev on Saturday.",
    "Recep Tayyip Erdoğan, Mevlüt Çavuşoğlu, Hulusi Akar and İbrahim Kalın spoke with Emmanuel "
    "Macron, Jean-Yves Le Drian and Zhang Jun at the Élysée, while Kyriakos Mitsotakis, "
    "Nikos Dendias and Jordi Pujol met in Strasbourg and Thessaloniki.",
    "Xi Jinping, Wang Yi, Zhao Lijian and Hua Chunying of the Zhōngguó Gòngchǎndǎng received "
    "Nguyễn Phú Trọng, Phạm Bình Minh, Hun Sen and Prayut Chan-o-cha in Beijing and Xiamen, "
    "according to Xinhua and the Global Times.",
    "Ayatollah Ali Khamenei, Hassan Rouhani, Mohammad Javad Zarif and Qasem Soleimani's successor "
    "Esmail Qaani were named by Hezbollah's Hassan Nasrallah, Bashar al-Assad and Abu Bakr "
    "al-Baghdadi's rivals in Tehran, Qom, Damascus, Aleppo and Deir ez-Zor.",
]

FOREIGN = {
    "German": "Die Regierungen von Armenien und Aserbaidschan haben zugesagt, am Freitag nach Moskau "
              "zu kommen, um über eine Waffenruhe zu sprechen, teilte die russische Regierung mit. "
              "Russland vermittelt seit Jahren in dem Konflikt zwischen den beiden ehemaligen "
              "Sowjetrepubliken über die umstrittene Enklave Bergkarabach.",
    "French": "Les gouvernements de l'Arménie et de l'Azerbaïdjan se sont engagés à venir à Moscou "
              "vendredi pour discuter d'un cessez-le-feu, a annoncé le gouvernement russe. La Russie "
              "joue depuis des années un rôle de médiateur dans le conflit entre les deux anciennes "
              "républiques soviétiques au sujet de l'enclave disputée du Haut-Karabakh.",
    "Spanish": "Los gobiernos de Armenia y Azerbaiyán se han comprometido a venir a Moscú el viernes "
               "para discutir un alto el fuego, anunció el gobierno ruso. Rusia lleva años mediando en "
               "el conflicto entre las dos antiguas repúblicas soviéticas por el disputado enclave de "
               "Nagorno Karabaj, donde los combates continúan.",
    "Russian": "Правительства Армении и Азербайджана пообещали приехать в Москву в пятницу, чтобы "
               "обсудить прекращение огня, сообщило российское правительство. Россия уже много лет "
               "выступает посредником в конфликте между двумя бывшими советскими республиками из-за "
               "спорного анклава Нагорный Карабах, где продолжаются бои и гибнут мирные жители.",
}


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def refused(path: Path) -> str:
    with pytest.raises(InputError) as info:
        read_text(path)
    message = str(info.value)
    assert message.startswith(str(path)), "the message names the input first"
    return message


def test_missing_path(tmp_path):
    assert "no such file" in refused(tmp_path / "nowhere.txt")


def test_directory(tmp_path):
    assert "is a directory" in refused(tmp_path)


def test_empty_and_blank(tmp_path):
    assert "is empty" in refused(write(tmp_path, "empty.txt", b""))
    assert "blank" in refused(write(tmp_path, "blank.txt", b" \n\t\r\n  \n"))
    assert "blank" in refused(write(tmp_path, "bom.txt", "\ufeff\n\u3000\n".encode()))


def test_binary(tmp_path):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    assert "binary" in refused(write(tmp_path, "image.txt", png))
    assert "binary" in refused(write(tmp_path, "nul.md", ENGLISH.encode() + b"\x00" + ENGLISH.encode()))
    assert "binary" in refused(write(tmp_path, "ctl.txt", ENGLISH.encode() + b"\x01\x02\x03"))


def test_legacy_encodings_are_decoded(tmp_path):
    cp1252 = "The minister said \u201cwe will talk\u201d \u2014 at a caf\u00e9 in Z\u00fcrich, na\u00efvely. "
    latin1 = "Le caf\u00e9 \u00e0 Z\u00fcrich \u00e9tait ferm\u00e9; the minister's na\u00efve plan. "
    assert read_text(write(tmp_path, "w.txt", (cp1252 * 3).encode("cp1252"))) == cp1252 * 3
    assert read_text(write(tmp_path, "l.txt", (latin1 * 3).encode("latin-1"))) == latin1 * 3
    assert read_text(write(tmp_path, "b.txt", b"\xef\xbb\xbf" + ENGLISH.encode())) == ENGLISH
    assert read_text(write(tmp_path, "u16.txt", ENGLISH.encode("utf-16"))) == ENGLISH
    russian = FOREIGN["Russian"]
    assert read_text(write(tmp_path, "r.txt", russian.encode("cp1251"))) == russian


def test_undecodable_bytes_are_refused(tmp_path):
    noise = bytes((i * 97 + 131) % 128 + 128 for i in range(3000))
    assert "cannot be detected with confidence" in refused(write(tmp_path, "noise.txt", noise))


@pytest.mark.parametrize("name", ["story.txt.meta.yml", "story.yaml", "story.json"])
def test_data_files_are_not_articles(tmp_path, name):
    path = tmp_path / name
    path.write_text('title: "Talks"\npublished: "2020-10-09"\n', encoding="utf-8")
    with pytest.raises(InputError, match=rf"{name}: is a data file, not an article; expected the article"):
        read_text(path)


def test_too_large(tmp_path):
    big = write(tmp_path, "big.txt", (ENGLISH * (TEXT_LIMIT // len(ENGLISH) + 2)).encode())
    message = refused(big)
    assert "too large" in message and "1 MB" in message
    page = write(tmp_path, "page.html", b"<p>" + ENGLISH.encode() * 20000 + b"</p>")
    assert read_text(page).startswith("<p>")  # 4 MB of HTML is still a page
    huge = write(tmp_path, "huge.html", b"<p>" + ENGLISH.encode() * 30000 + b"</p>")
    assert "5 MB" in refused(huge)


@pytest.mark.parametrize("language", sorted(FOREIGN))
def test_foreign_text_is_refused_with_its_language(language):
    with pytest.raises(InputError) as info:
        check_english("article.txt", FOREIGN[language])
    assert str(info.value).startswith("article.txt: ") and language in str(info.value)


@pytest.mark.parametrize("text", [ENGLISH * 3, *ENGLISH_WITH_NAMES, " ".join(ENGLISH_WITH_NAMES)])
def test_english_is_never_refused(text):
    check_english("article.txt", text)


def test_the_seed_is_english():
    seed = SEED
    check_english(str(seed), read_text(seed))


@pytest.mark.parametrize(("text", "language"), [
    ("Die Regierung hat am Montag neue Gespräche mit den Nachbarn angekündigt.", "German"),
    ("Le gouvernement a annoncé lundi de nouvelles discussions avec ses voisins.", "French"),
    ("El gobierno anunció el lunes nuevas conversaciones con sus vecinos.", "Spanish"),
    ("Правительство в понедельник объявило о новых переговорах с соседями.", "Russian"),
])
def test_a_short_text_in_another_language_is_refused_like_a_long_one(text, language):
    with pytest.raises(InputError) as info:
        check_english("short.txt", text)
    assert language in str(info.value)


@pytest.mark.parametrize(("text", "language"), [
    ("La grève continue.", "French"),  # three words: the detector is not sure, the words are
    ("Le maire de Harborton a démissionné.", "French"),
    ("Die Wahl ist vorbei.", "German"),
    ("De staking gaat door.", "Dutch"),
])
def test_a_very_short_text_in_another_language_is_refused_naming_it(text, language):
    with pytest.raises(InputError, match=f"looks {language}"):
        check_english("short.txt", text)


@pytest.mark.parametrize("text", [
    "Ruritania shells Harborton rail depot",  # a headline: names and verbs, no function word
    "Xi Jinping meets Hun Sen in Beijing",
    "Ruiz de la Torre said on Monday the talks would go on.",
    "Talks agreed.",
    "Talks resume in Vienna.",
    "Storm hits coast.",
    "Le Pen wins in Hénin.",  # accented names are capitalised; English function words
    "The café closed.",
    "Fire at Notre-Dame de Paris.",
    "Vive la différence, said the minister.",
])
def test_short_english_texts_pass(text):
    check_english("short.txt", text)
