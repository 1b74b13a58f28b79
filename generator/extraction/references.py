"""References: which actors a phrase means.

Every extractor (events, claims, relations) asks the same question of a phrase: which
actors does it stand for? A name is a mention the actor pass resolved; the rest needs
the discourse around it, kept here in a `View` of each sentence:
- proxies: "the Russian government", "the governments of A and B" mean A and B;
- pronouns: "it", "he", "they" mean the subject or the last fitting actor before them;
- definite nouns: "that country", "the enclave", "the official" (a noun that stood for
  an actor earlier) mean the last actor of their kind;
- pairs: "the two republics", "both sides" mean the last pair named together;
- titles: "the US president" after "US President Donald Trump" means him;
- ages: "the 36-year-old" after "Anna Berg, 36," means her, if nobody else was given that age;
- allegiance: "militants loyal to the Red Hand" mean that group (`allegiance_words`);
- quotations: "I" inside quotation marks is the one person who speaks them (“I met him,”
  Berg said), and "he" or "she" there is someone else.
Each rule resolves by syntax and agreement (kind, number, a gender the text gives) or
not at all: a fact whose actor cannot be resolved names none rather than the nearest name.
The words each rule listens for are data, in `data/events_references.yml`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from generator.datafiles import load_data
from generator.dates import TimeExpr
from generator.extraction.sentence import Sentence
from generator.extraction.syntax import speech_subjects, speech_verbs
from generator.extraction.world import load_world
from generator.schema import Actor

# --- references ----------------------------------------------------------------------


@dataclass
class View:
    """A sentence as the extractors see it: its actor tokens, and what was named before it
    (for pronouns, definite nouns and pairs)."""

    sentence: Sentence
    by_token: dict[int, str]  # doc token index -> actor id
    before: list[str]  # actor ids named in earlier sentences of the article, latest last
    groups: list[tuple[str, ...]]  # pairs or groups named together before, latest last
    actors: dict[str, Actor]
    # noun lemma -> the actors it stood for, and how many names `before` held then
    named: dict[str, tuple[list[str], int]] = field(default_factory=dict)
    subject: tuple[str, ...] = ()  # the actors the previous sentence's main subject named
    inner: dict[int, list[str]] = field(default_factory=dict)  # token -> people its name also means
    genders: dict[str, str] = field(default_factory=dict)  # person id -> male | female, where the text says
    # the previous sentence's main subject was a singular noun naming no actor ("The attack killed
    # 19."): a subject "it", "he" or "she" after it most likely means that noun, not an actor
    thing_before: bool = False
    # title lemma -> the person it was the title of, and the actors its modifiers named then
    # ("US President Donald Trump": president -> (donald-trump, (united-states,)))
    titled: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)
    quoted: set[int] = field(default_factory=set)  # words inside quotation marks (token indices)
    voice: tuple[str, ...] = ()  # who speaks the quotation those tokens are in, where the text says
    ages: dict[str, str] = field(default_factory=dict)  # person id -> age given before ("Anna Berg, 36")

    @property
    def span(self) -> Span:
        return self.sentence.span

    def offset(self, token: Token) -> int:
        """A token's character offset within the sentence text."""
        return token.idx - self.span.start_char


def build_views(sentences: list[Sentence], actors: dict[str, Actor]) -> list[View]:
    """Views in reading order; the discourse memory restarts with each article."""
    views: list[View] = []
    before: list[str] = []
    groups: list[tuple[str, ...]] = []
    named: dict[str, tuple[list[str], int]] = {}
    subject: tuple[str, ...] = ()
    genders: dict[str, str] = {}
    ages: dict[str, str] = {}
    titled: dict[str, tuple[str, tuple[str, ...]]] = {}
    thing = False
    article = None
    for sentence in sentences:
        if sentence.article is not article:
            before, groups, named, subject, article = [], [], {}, (), sentence.article
            genders, titled, thing, ages = {}, {}, False, {}
        by_token = _tokens_of_mentions(sentence, actors)
        view = View(sentence, by_token, list(before), list(groups), actors, dict(named), subject,
                    _people_inside(sentence, actors, by_token), thing_before=thing, titled=dict(titled))
        genders.update(_genders_given(view))
        view.genders = dict(genders)
        view.ages = dict(ages)
        ages.update(_ages_given(view))
        views.append(view)
        before += [a for i in sorted(by_token) for a in named_at(view, i)]
        groups += _named_together(view)
        named.update({lemma: (found, len(before)) for lemma, found in _described(view).items()})
        titled.update(_titles_given(view))
        main = _main_subject(view)
        if main is not None:
            subject = tuple(actors_of(view, main))
            thing = not subject and main.tag_ in ("NN", "NNP") and main.lower_ not in load_data(
                "events_references")["pronouns"]
    _give_voices(views)
    return views


def _give_voices(views: list[View]) -> None:
    """Mark the words inside quotation marks and who speaks them: the speaker a sentence
    names outside its marks (“I met him,” Berg said), else the one a quotation of several
    sentences names once (`quoted_runs`), so that "I" in a quotation is its speaker."""
    inside, previous = False, None
    for view in views:
        if previous is None or not _same_paragraph(previous, view):
            inside = False
        view.quoted = _quoted_tokens(view, inside)
        inside, previous = _ends_inside(view.sentence.text.strip(), inside), view
    runs = quoted_runs(views)
    for index, view in enumerate(views):
        if view.quoted:
            own = _quote_speakers(view)
            view.voice = tuple(own or (_quote_speakers(views[runs[index]]) if index in runs else []))


def _quoted_tokens(view: View, inside: bool) -> set[int]:
    """The words inside quotation marks, given whether the sentence starts inside one:
    curly marks by their shape, each straight mark turns it over."""
    out = set()
    for token in view.span:
        if token.text in ("“", "``"):
            inside = True
        elif token.text in ("”", "''"):
            inside = False
        elif token.text == '"':
            inside = not inside
        elif inside and not token.is_punct:
            out.add(token.i)
    return out


def _quote_speakers(view: View) -> list[str]:
    """The actors a speech verb outside the quotation marks names as its speaker; of
    several, the one whose clause holds the quotation most closely ("Vos said Berg had
    told him: “I will resign.”" is Berg's)."""
    found = []
    for token in view.span:
        if token.i in view.quoted or token.pos_ not in ("VERB", "AUX") or \
                token.lemma_.lower() not in speech_verbs():
            continue
        who = [a for s in speech_subjects(token) if s.i not in view.quoted for a in actors_of(view, s)]
        inside = {t.i for t in token.subtree}
        if who:
            found.append((-len(inside & view.quoted), len(inside), who))
    return min(found, key=lambda f: f[:2])[2] if found else []


def _voice(view: View, token: Token) -> list[str]:
    """"I" inside a quotation: its speaker, when one person speaks it."""
    if token.i not in view.quoted or len(view.voice) != 1 or view.actors[view.voice[0]].kind != "person":
        return []
    return list(view.voice)


def quoted_runs(views: list[View]) -> dict[int, int]:
    """A quotation of several sentences names its speaker once, after its last sentence
    ("“... We will see. Why not?” the president said.") or before its first ("Berg told
    her: “I am not going to. I will stay.”"): each other sentence of it (by index) -> the
    sentence that names the speaker, in the same paragraph. A quotation that is not
    closed in its paragraph attributes nothing."""
    runs: dict[int, int] = {}
    opened: list[int] = []
    opener: int | None = None  # a sentence that opens a quotation after its speaker ("X said: “...")
    inside = False
    for index, view in enumerate(views):
        text = view.sentence.text.strip()
        if opened and not _same_paragraph(views[opened[0]], view):
            opened, opener, inside = [], None, False
        starts, inside = inside, _ends_inside(text, inside)
        if not starts and inside:
            opened, opener = [index], (None if text[:1] in "“\"" else index)
        elif starts and inside:
            opened.append(index)
        elif starts:
            source = index if opener is None else opener
            runs.update(dict.fromkeys([i for i in [*opened, index] if i != source], source))
            opened, opener = [], None
    return runs


def _same_paragraph(a: View, b: View) -> bool:
    return a.sentence.article is b.sentence.article and a.sentence.paragraph == b.sentence.paragraph


def _ends_inside(text: str, inside: bool) -> bool:
    """Whether a sentence ends inside a quotation, given whether it starts inside one:
    curly marks by their shape, each straight mark turns it over."""
    for ch in text:
        if ch == "“":
            inside = True
        elif ch == "”":
            inside = False
        elif ch == '"':
            inside = not inside
    return inside


def _main_subject(view: View) -> Token | None:
    """The main clause's subject, when it has one. A subject that names no actor ("The
    attackers stormed ...") ends what the last subject meant: a "they" after it is not an
    actor named sentences before."""
    root = view.span.root
    return next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _genders_given(view: View) -> dict[str, str]:
    """The gender the text gives a person: an honorific or gendered noun right before the
    name ("Mr. Marek", "spokeswoman Anna Berg") or in apposition to it ("Anna Berg, his
    wife"), from `gender_words` in `data/events_references.yml`. Nothing is guessed from
    the name itself."""
    words = {w: gender for gender, ws in load_data("events_references")["gender_words"].items() for w in ws}
    out: dict[str, str] = {}
    doc = view.span.doc
    for i, aid in sorted(view.by_token.items()):
        if view.actors[aid].kind != "person" or view.by_token.get(i - 1) == aid:
            continue
        token = doc[i]
        head = next((t for t in token.subtree if t.i in view.by_token and view.by_token[t.i] == aid
                     and t.head.i not in view.by_token), token)
        near = [doc[i - 1]] if i > view.span.start else []
        near += [c for c in head.children if c.dep_ == "appos"]
        near += [head.head] if head.dep_ == "appos" else []
        for word in near:
            gender = words.get(word.lower_.rstrip("."))
            if gender:
                out[aid] = gender
    return out


def _ages_given(view: View) -> dict[str, str]:
    """The age the text gives a named person: "Anna Berg, 36,", "Anna Berg, aged 36",
    "Jan Vos, a 52-year-old farmer", so that a later "the 36-year-old" is that person."""
    out: dict[str, str] = {}
    doc = view.span.doc
    for i, aid in sorted(view.by_token.items()):
        token = doc[i]
        if view.actors[aid].kind != "person" or view.by_token.get(i + 1) == aid:
            continue
        after = doc[i + 1: min(i + 4, view.span.end)]
        comma_age = len(after) == 3 and after[0].text == "," and after[2].text in ",."  # "Anna Berg, 36,"
        ages = [after[1].text] if comma_age else []
        named = [t for t in token.subtree if t.i in view.by_token and t.head.i not in view.by_token]
        head = named[0] if named else token
        for child in head.children:
            if child.dep_ == "amod" and child.lower_ == "aged":
                ages += [n.text for n in child.children if n.like_num]
            elif child.dep_ == "appos":
                ages.append(_age_described(child) or "")
        age = next((a for a in ages if a.isdigit() and 0 < int(a) < 130), None)
        if age:
            out[aid] = age
    return out


def _age_described(token: Token) -> str | None:
    """The age in "the 36-year-old" or "a 36-year-old farmer": "old" with "year" and its number."""
    old = token if token.lower_ == "old" else next((c for c in token.children
                                                     if c.dep_ == "amod" and c.lower_ == "old"), None)
    if old is None:
        return None
    year = next((c for c in old.children if c.lower_ in ("year", "years")), None)
    number = next((n for n in year.children if n.like_num), None) if year is not None else None
    return number.text if number is not None else None


def _aged(view: View, token: Token) -> list[str]:
    """"the 36-year-old" after "Anna Berg, 36": the one person given that age before, only
    on that exact description and only when no other person was given it."""
    age = _age_described(token) if _is_definite(token) else None
    people = [aid for aid, given in view.ages.items() if given == age] if age else []
    return people if len(people) == 1 else []


def _described(view: View) -> dict[str, list[str]]:
    """Nouns that stood for actors in this sentence ("a U.S. official"), so that a later
    "the official" means the same actors; only nouns that can name an actor: "the U.S.
    embassy bombings" do not make a later "the bombings" the United States."""
    refs = load_data("events_references")
    out = {}
    for token in view.span:
        lemma = token.lemma_.lower()
        if token.pos_ == "NOUN" and token.i not in view.by_token and (
                lemma in refs["proxy_nouns"] or lemma in refs["definite_nouns"]):
            found = _modifier_actors(view, token)
            if found:
                out[lemma] = found
    return out


def _titles_given(view: View) -> dict[str, tuple[str, tuple[str, ...]]]:
    """Titles given to a named person ("US President Donald Trump", "Trump, the US
    president"; a title is a `proxy_nouns` word), with the actors named in the title's
    modifiers, so that a later "the US president said" is that person, not the country."""
    proxies = load_data("events_references")["proxy_nouns"]
    out: dict[str, tuple[str, tuple[str, ...]]] = {}
    for token in view.span:
        if token.lemma_.lower() not in proxies or token.i in view.by_token:
            continue
        if token.dep_ == "compound" or token.dep_ == "appos":
            person = view.by_token.get(token.head.i)
        else:
            person = next((view.by_token[c.i] for c in token.children
                           if c.dep_ == "appos" and c.i in view.by_token), None)
        if person and view.actors[person].kind == "person":
            out[token.lemma_.lower()] = (person, tuple(_title_modifiers(view, token)))
    return out


def _title_modifiers(view: View, token: Token) -> list[str]:
    """The actors named in a title's modifiers before it ("US", "Foreign Ministry")."""
    return list(dict.fromkeys(view.by_token[t.i] for c in token.children
                              if c.i < token.i and c.dep_ in ("compound", "amod", "nmod", "poss")
                              for t in c.subtree if t.i in view.by_token))


def _tokens_of_mentions(sentence: Sentence, actors: dict[str, Actor]) -> dict[int, str]:
    out = {}
    base = sentence.span.start_char
    for mention in sentence.mentions:
        if mention.actor not in actors:
            continue
        for token in sentence.span:
            start = token.idx - base
            if mention.start <= start < mention.end:
                out[token.i] = mention.actor
    return out


def _people_inside(sentence: Sentence, actors: dict[str, Actor],
                   by_token: dict[int, str]) -> dict[int, list[str]]:
    """A country or organization named after a person ("the Berg administration", "the
    Putin government") means both: the person decides, the state acts. The person's
    mention lies inside the state's; every token of the state's name remembers the person."""
    out: dict[int, list[str]] = {}
    base = sentence.span.start_char
    for outer in sentence.mentions:
        if actors.get(outer.actor) is None or actors[outer.actor].kind not in ("country", "organization"):
            continue
        people = [m.actor for m in sentence.mentions if m is not outer and outer.start <= m.start
                  and m.end <= outer.end and m.actor in actors and actors[m.actor].kind == "person"]
        if not people:
            continue
        for token in sentence.span:
            if outer.start <= token.idx - base < outer.end and by_token.get(token.i) == outer.actor:
                out[token.i] = list(dict.fromkeys(people))
    return out


def named_at(view: View, index: int) -> list[str]:
    """The actors a named token means: the person a state's name is named after, then the
    state ("the Berg administration": Anna Berg and her country)."""
    if index not in view.by_token:
        return []
    return [*view.inner.get(index, []), view.by_token[index]]


def _named_together(view: View) -> list[tuple[str, ...]]:
    """Sets of two or more actors coordinated in one phrase: "A and B", "on A, as well as on B"."""
    out = []
    for token in view.span:
        if token.dep_ == "conj" or not any(c.dep_ == "conj" for c in token.children):
            continue
        ids: list[str] = []
        for t in [token, *token.conjuncts]:
            for aid in _names_at(view, t):
                if aid not in ids:
                    ids.append(aid)
        if len(ids) >= 2:
            out.append(tuple(ids))
    for token in view.span:
        if token.dep_ == "prep" and not any(p.dep_ == "conj" for p in token.children):
            sibling = [c for c in token.head.children if c.dep_ == "prep" and c.lower_ == token.lower_]
            ids = list(dict.fromkeys(a for p in sibling for o in p.children if o.dep_ == "pobj"
                                     for a in _names_at(view, o)))
            if len(ids) >= 2 and token.i == sibling[0].i:
                out.append(tuple(ids))
    return out


def _names_at(view: View, token: Token) -> list[str]:
    """The actor a word names, directly or through its apposition ("producer, Tolvane")."""
    if token.i in view.by_token:
        return named_at(view, token.i)
    if token.dep_ == "prep":
        return [a for o in token.children if o.dep_ == "pobj" for a in _names_at(view, o)]
    return [view.by_token[c.i] for c in token.children if c.dep_ == "appos" and c.i in view.by_token]


def actors_of(view: View, token: Token) -> list[str]:
    """The actors a phrase headed by `token` denotes, with its coordinated siblings."""
    out: list[str] = []
    for t in [token, *token.conjuncts]:
        for aid in _actors_of_one(view, t):
            if aid not in out:
                out.append(aid)
    return out


def _actors_of_one(view: View, token: Token) -> list[str]:
    """The actors one word stands for: a name, a relative or personal pronoun, or a noun."""
    refs = load_data("events_references")
    low = token.lower_
    if token.i in view.by_token:
        return named_at(view, token.i)
    if low in ("which", "who", "that") and token.head.dep_ in ("relcl", "acl"):
        return _relative(view, token)
    if low in refs["first_person"]:
        return _voice(view, token)
    if low in refs["pronouns"]:
        return _pronoun(view, token, refs["pronouns"][low], refs["pronoun_genders"].get(low))
    if _aged(view, token):
        return _aged(view, token)
    if low in refs["group_pronouns"]:
        return _they(view, token)
    if token.pos_ in ("NOUN", "PROPN", "NUM"):
        return _noun_phrase(view, token, refs)
    return []


def _describes_a_thing(view: View, token: Token) -> bool:
    """"It was the deadliest attack in a decade": the subject of "be" with a noun
    predicate that names no actor is that thing, an event or an object."""
    verb = token.head
    if verb.lemma_ != "be" or token.lower_ != "it":  # "He was a lawyer" is still someone
        return False
    attrs = [c for c in verb.children if c.dep_ == "attr" and c.pos_ in ("NOUN", "PROPN")]
    return bool(attrs) and not any(actors_of(view, a) for a in attrs)


def _relative(view: View, token: Token) -> list[str]:
    """"the generals, who seized power": the noun the clause describes, never a name near
    it; "who" is a person or a body of people, "which" no person. A name coordinated after
    the clause is not described by it ("A, who killed B, and C": only A)."""
    noun, clause = token.head.head, token.head
    found = list(dict.fromkeys(a for t in [noun, *noun.conjuncts] if t.i < min(token.i, clause.i)
                               for a in _actors_of_one(view, t)))
    if token.lower_ == "who":
        return [a for a in found if view.actors[a].kind != "place"]
    if token.lower_ == "which":
        return [a for a in found if view.actors[a].kind != "person"]
    return found


def _pronoun(view: View, token: Token, kinds: list[str], gender: str | None = None) -> list[str]:
    """"it", "he", "its": the main clause's subject, else the previous sentence's (for a
    subject), the clause's own subject (for a possessive), else the latest fitting actor.
    Fitting is agreement: the kinds a pronoun can stand for, and for "he" and "she" a
    gender the text does not contradict ("Mr. Marek met Anna Berg. She ..." is Berg)."""
    def fits(aid: str) -> bool:
        speaks = token.i in view.quoted and aid in view.voice  # a speaker says "I", not "he"
        return view.actors[aid].kind in kinds and view.genders.get(aid, gender) == gender and not speaks

    if token.dep_ in ("nsubj", "nsubjpass"):
        if _describes_a_thing(view, token):
            return []
        main = _root_subject(view, token)
        if main is None and not _named_before_in_sentence(view, token):
            if view.thing_before and not view.subject:
                return []  # "The attack killed 19. It was ...": the thing, not an actor
            main = list(view.subject)
        main = [a for a in main or [] if fits(a)]
        if len(main) == 1:
            return main
    if token.dep_ == "poss":
        own = [a for a in _clause_subject_actors(view, token) if fits(a)]
        if own:
            return own[:1]
        return _near_owner(view, token, fits)
    return _recent(view, token, kinds, fits)


def _near_owner(view: View, token: Token, fits: Callable[[str], bool]) -> list[str]:
    """"its", "his" with no subject to agree with in its clause: the latest fitting actor
    named before it in its sentence, or the last sentence's subject when its own sentence's
    subject is no thing ("The drug was banned ... its"). An actor named further back is a
    guess ("... the government banned the drug as experts test its efficacy" is
    the drug's, not a country's named a paragraph before)."""
    here = [view.by_token[i] for i in sorted(view.by_token) if i < token.i]
    own = set(_clause_actors(view, token))
    main = _main_subject(view)
    thing = main is not None and main.i < token.i and main.pos_ != "PRON" and not actors_of(view, main)
    for aid in reversed([*([] if thing else view.subject), *here]):
        if fits(aid) and aid not in own:
            return [aid]
    return []


def _noun_phrase(view: View, token: Token, refs: dict) -> list[str]:
    """A noun that is not a name: through its apposition ("the producer, Tolvane"), as a
    pair ("the two republics"), a proxy ("the Russian government"), a noun that stood for
    actors before ("the official"), a definite noun ("that country"), or its members
    ("companies including A and B")."""
    lemma = token.lemma_.lower()
    for child in token.children:
        if child.dep_ == "appos":
            found = actors_of(view, child)
            if found:
                return found
    if lemma in refs["proxy_nouns"]:
        found = _apposition_after_owner(view, token)
        if found:
            return found
    if token.lower_ in load_data("actor_rules")["quantity_nouns"]:
        return _counted(view, token)
    if _is_pair_phrase(token, refs):
        return list(_group_before(view, token, refs["definite_nouns"].get(lemma)))
    if _is_definite(token) and lemma in view.titled:
        person, modifiers = view.titled[lemma]
        if set(_title_modifiers(view, token)) <= set(modifiers):
            return [person]  # "the US president said", after "US President Donald Trump"
    if lemma in refs["private_nouns"] or token.lower_ in refs["private_nouns"]:
        found = _allegiance(view, token, refs)
        if found:
            return found
    if lemma in refs["proxy_nouns"] or lemma in refs["definite_nouns"]:
        found = _modifier_actors(view, token)
        if found:
            return found
    if _is_definite(token) and lemma in view.named:
        return _described_before(view, token, lemma)
    if lemma in refs["definite_nouns"] and _is_definite(token):
        return _recent(view, token, refs["definite_nouns"][lemma])
    return _included(view, token)


def _apposition_after_owner(view: View, token: Token) -> list[str]:
    """"The leader of the Red Hand, Ivo Marek, ...": the parser hangs the person's name on
    the "of" phrase it follows, but a person in apposition to a body that names no person
    is the title's holder, not the body's."""
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
        for owner in (p for p in prep.children if p.dep_ == "pobj"):
            bodies = actors_of(view, owner)
            if not bodies or any(view.actors[a].kind == "person" for a in bodies):
                continue
            people = [a for c in owner.children if c.dep_ == "appos" for a in actors_of(view, c)]
            if people and all(view.actors[a].kind == "person" for a in people):
                return people
    return []


def _allegiance(view: View, token: Token, refs: dict) -> list[str]:
    """"Militants loyal to the Red Hand", "fighters affiliated with X": armed men outside a
    state who answer to a group act for it (`allegiance_words`); only a group or an
    organization is answered to so ("loyal to the president" names no one who acts)."""
    words = set(refs["allegiance_words"])
    return [a for c in token.children if c.dep_ in ("amod", "acl") and c.lower_ in words
            for p in c.children if p.dep_ == "prep" and p.lower_ in ("to", "with")
            for o in p.children if o.dep_ == "pobj" for a in actors_of(view, o)
            if view.actors[a].kind in ("group", "organization")]


def _counted(view: View, token: Token) -> list[str]:
    """"Thousands of protesters", "dozens of residents": a quantity noun (`quantity_nouns`
    in `data/actor_rules.yml`) stands for the people its "of" phrase names."""
    return [a for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
            for o in p.children if o.dep_ == "pobj" for a in actors_of(view, o)]


def _described_before(view: View, token: Token, lemma: str) -> list[str]:
    """"A U.S. official said ... the official added": the actors the noun stood for, unless
    another actor of their kind has been named since ("the U.S. government ... Tunisia ...
    the government" is no longer surely the United States)."""
    found, at = view.named[lemma]
    kinds = {view.actors[a].kind for a in found}
    since = view.before[at:] + [view.by_token[i] for i in sorted(view.by_token) if i < token.i]
    if any(a not in found and view.actors[a].kind in kinds for a in since):
        return []
    return found


def _root_subject(view: View, token: Token) -> list[str] | None:
    """In a subordinate clause, "it" or "he" is most often the main clause's subject:
    "the country will be able to export ..., allowing it to earn dollars"."""
    root = view.span.root
    if token.head.i == root.i:
        return None
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < token.i), None)
    if subject is None or subject.pos_ == "PRON":
        return None
    return actors_of(view, subject) or None


def _named_before_in_sentence(view: View, token: Token) -> bool:
    return any(i < token.i for i in view.by_token)


def _included(view: View, token: Token) -> list[str]:
    """"several companies, including A, B and C": the members named, also when the parser
    hangs "including" on a later word of the same clause."""
    preps = [c for c in token.children if c.dep_ == "prep" and c.lower_ in ("including", "like")]
    if not preps and token.tag_ == "NNS" and token.dep_ == "nsubj":
        clause = {t.i for t in token.head.subtree}
        preps = [t for t in view.span if t.i in clause and t.lower_ == "including" and t.dep_ == "prep"]
    for prep in preps:
        found = [a for p in prep.children if p.dep_ == "pobj" for a in actors_of(view, p)]
        if found:
            return found
    return []


def _they(view: View, token: Token) -> list[str]:
    """"they" is the subject named before it in its sentence, else the last sentence's
    subject when that can be several (not one person); a guess further back would more
    often be wrong than right."""
    for t in view.span:
        if t.i >= token.i:
            break
        if t.dep_ == "nsubj" and t.tag_ in ("NNS", "NNPS") or t.dep_ == "nsubj" and any(
                c.dep_ == "conj" for c in t.children):
            return [a for a in actors_of(view, t) if a]
    if len(view.subject) == 1 and view.actors[view.subject[0]].kind == "person":
        return []  # one person is no "they": "President Berg was ousted. They seized ..."
    return list(view.subject)


def _modifier_actors(view: View, token: Token) -> list[str]:
    """"the Russian government", "U.S., French and German officials", "Marek's
    agents", "the governments of Armenia and Azerbaijan", "a spokesperson of the
    ministry's committee": the actors named in the noun's modifiers or its "of" phrase.
    Armed men outside a state (`private_nouns`: "Freedonian rebels") are not their
    country, which they may well be fighting; only a group named so is them ("Houthi
    fighters")."""
    found = _modifiers_of(view, token)
    if token.lemma_.lower() in load_data("events_references")["private_nouns"]:
        found = [a for a in found if view.actors[a].kind in ("group", "organization")]
    return found


def _modifiers_of(view: View, token: Token) -> list[str]:
    found = [a for child in token.children
             if child.i < token.i and child.dep_ in ("poss", "amod", "compound", "nmod")
             for a in modifier_actors(view, child)]
    if found:
        if token.lemma_.lower() in load_data("events_references")["capital_proxy_nouns"]:
            found = [_state_of_capital(view, a) for a in found]
        return list(dict.fromkeys(found))
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "for"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found = actors_of(view, pobj)
                    if found:
                        return found
    return []


def _state_of_capital(view: View, aid: str) -> str:
    """"The Vienna government", "the Kyiv authorities": a capital before the noun of a
    state's rule (`capital_proxy_nouns`) stands for its country (world data), when the
    article names that country; another city's government is the city's own, and "the
    Kyiv embassy" is no Ukrainian embassy."""
    actor = view.actors[aid]
    known = load_world().lookup(actor.name) if actor.kind == "place" else None
    if known is None or known.role != "capital":
        return aid
    states = [other for other, a in view.actors.items() if a.kind == "country" and a.name == known.name]
    return states[0] if states else aid


def modifier_actors(view: View, modifier: Token) -> list[str]:
    """The actors one modifier names: a possessive pronoun resolved ("its forces"), else
    the names inside it, without its own prepositions and clauses."""
    if modifier.dep_ == "poss" and modifier.pos_ == "PRON":
        return actors_of(view, modifier)
    return mentions_in(view, modifier)


def mentions_in(view: View, token: Token) -> list[str]:
    """Actors named anywhere in a phrase, outside its prepositions and clauses."""
    out, stack = [], [token]
    while stack:
        t = stack.pop()
        aid = view.by_token.get(t.i)
        if aid and aid not in out:
            out.append(aid)
        stack += [c for c in t.children if c.dep_ not in ("prep", "relcl", "acl", "appos", "ccomp", "advcl")]
    return sorted(out, key=lambda a: min(i for i, b in view.by_token.items() if b == a))


def _is_definite(token: Token) -> bool:
    return any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "that", "this", "its", "their")
               for c in token.children)


def _is_pair_phrase(token: Token, refs: dict) -> bool:
    """"the two countries", "both sides", "the two governments": a noun that can stand for
    actors (not "two gunmen", "both hospitals") counted as two or both."""
    forms = {token.lemma_.lower(), token.lower_}  # "parties" is listed, its lemma "party" is not
    words = {c.lower_ for c in token.children if c.dep_ in ("nummod", "det", "amod", "predet", "preconj")}
    pair_word = bool(forms & set(refs["pair_words"]))
    actor_noun = pair_word or bool(forms & (set(refs["definite_nouns"]) | set(refs["pair_nouns"])))
    counted = bool(words & {"two", "both"})
    return token.is_lower and actor_noun and (counted or (pair_word and _is_definite(token)))


def _recent(view: View, token: Token, kinds: list[str],
            fits: Callable[[str], bool] | None = None) -> list[str]:
    """The latest actor of one of these kinds (that `fits`, when given) named before the
    token (this sentence first)."""
    here = [view.by_token[i] for i in sorted(view.by_token) if i < token.i]
    own = set(_clause_subject_actors(view, token)) | _clause_actors(view, token)
    for aid in reversed(view.before + here):
        actor = view.actors.get(aid)
        if actor and actor.kind in kinds and aid not in own and (fits is None or fits(aid)):
            return [aid]
    return []


def _clause_actors(view: View, token: Token) -> set[str]:
    """Actors named elsewhere in the token's clause: "the nation will trade with the United
    States" is not the United States. What a speaker reports is not that clause: "X will
    monitor the vote, the organisation said" may well be X speaking."""
    if token.dep_ not in ("nsubj", "nsubjpass"):
        return set()  # "a treaty with that country" may well mean a country named just before
    verb = token.head
    inside = {t.i for t in token.subtree}
    for t in verb.subtree:  # predicatives name the subject itself: "declared ... as X"
        if t.dep_ in ("attr", "oprd") and t.head.i == verb.i or t.dep_ == "prep" and t.lower_ == "as":
            inside |= {s.i for s in t.subtree}
        if t.dep_ == "ccomp" and t.head.i == verb.i and verb.lemma_.lower() in speech_verbs():
            inside |= {s.i for s in t.subtree}  # "OSCE observers will monitor ..., the organisation said"
    return {view.by_token[t.i] for t in verb.subtree if t.i in view.by_token and t.i not in inside}


def _clause_subject_actors(view: View, token: Token) -> list[str]:
    """Actors that are the subject of the token's own clause: a pronoun there means another."""
    head = token
    while head.dep_ not in ("ROOT",) and head.pos_ not in ("VERB", "AUX"):
        head = head.head
    out = []
    for child in head.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.i != token.i and child.i in view.by_token:
            out += [view.by_token[t.i] for t in [child, *child.conjuncts] if t.i in view.by_token]
    return out


def _group_before(view: View, token: Token, kinds: list[str] | None = None) -> tuple[str, ...]:
    """The latest group named before the token whose actors fit the noun ("the two companies")."""
    here = _named_together_before(view, token)
    for group in [here, *reversed(view.groups)]:
        if group and (not kinds or all(view.actors[a].kind in kinds for a in group)):
            return group
    if kinds and any(c.lower_ == "two" for c in token.children):
        latest = [a for a in dict.fromkeys(reversed(view.before)) if view.actors[a].kind in kinds][:2]
        return tuple(reversed(latest)) if len(latest) == 2 else ()  # "the two companies" named apart
    return ()


def _named_together_before(view: View, token: Token) -> tuple[str, ...]:
    for i in sorted(view.by_token):
        if i >= token.i:
            break
        t = view.span.doc[i]
        ids = tuple(dict.fromkeys(view.by_token[c.i] for c in [t, *t.conjuncts] if c.i in view.by_token))
        if len(ids) >= 2 and t.i not in {c.i for c in token.subtree}:
            return ids
    return ()


def speakers_over(view: View, token: Token) -> list[str]:
    """Who reports the clause a token sits in ("X said that ... token ...")."""
    speech = set(load_data("claims_verbs")["speech_verbs"])
    t = token
    while t.dep_ != "ROOT":
        if t.dep_ in ("ccomp", "parataxis") and t.head.lemma_.lower() in speech:
            for child in t.head.children:
                if child.dep_ == "nsubj":
                    return actors_of(view, child)
            return []
        t = t.head
    return []


def time_tokens(view: View, time: TimeExpr) -> list[Token]:
    """The tokens a time expression covers in the sentence."""
    return [t for t in view.span if time.start <= view.offset(t) < time.end]


