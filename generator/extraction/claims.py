"""Claims: what an actor says, believes or asserts, with the sentence that reports it.

Attribution is read from the dependency parse: the subject of a speech verb ("said",
"told", "argue", "believe", `data/claims_verbs.yml`) says its content clause; "according
to X" attributes the rest of the sentence to X; "X accused Y of Z" is a claim by X about
Y; a denial ("X denied that ...", `denial_verbs` in `data/factuality.yml`) is the denier's
claim in its own words, "denied" kept, never a claim that the denied thing happened; a
quotation of several sentences is the claim of the speaker named after its last one.
Casualty and displacement figures are claims like any other, so two sources' figures
stand side by side, each with its speaker.

A claim whose speaker is not an actor ("sources said", "observers believe") is dropped:
claims live on their speaker's sheet, and an unnamed speaker has none. When the actor
pass makes a group actor for such a speaker, its mentions make the claim come back.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from generator.datafiles import load_data
from generator.extraction.events import extract_events
from generator.extraction.references import View, actors_of, build_views, quoted_runs
from generator.extraction.sentence import Sentence
from generator.extraction.syntax import join_tokens, negated, speech_subjects
from generator.schema import Actor, Claim, Event, SourceRef
from generator.text import DATELINE, QUOTE_MARKS


def extract_claims(sentences: list[Sentence], actors: dict[str, Actor],
                   events: list[Event] | None = None) -> list[tuple[str, Claim]]:
    """(owner actor id, claim) for every attributed statement; the owner is the first speaker.

    `events` are the events already extracted from these sentences, so that a claim can be
    about them without extracting them twice; without them they are extracted here."""
    out: list[tuple[str, Claim]] = []
    if events is None:
        events = extract_events(sentences, actors)
    told = _events_by_quote(events)
    views = build_views(sentences, actors)
    runs = quoted_runs(views)
    for index, view in enumerate(views):
        found = _claims_in(view, attributions(view), actors, told)
        if not found and index in runs:  # inside a quotation its first or last sentence attributes
            speakers = _quotation_speakers(views[runs[index]], actors, opens=runs[index] < index)
            found = _claims_in(view, [(speakers, list(view.span))], actors, told)
        out += found
    return out


def _quotation_speakers(view: View, actors: dict[str, Actor], opens: bool) -> list[str]:
    """Who says a quotation of several sentences: the speaker of the sentence that closes it
    ("... Why not?” the president said."), or of the one that opens it, the attribution
    whose content starts at its opening mark ("Berg told her: “I am not going to. ...”")."""
    found = [(s, content) for s, content in attributions(view) if any(a in actors for a in s)]
    if opens:
        mark = max((t.i for t in view.span if t.text in ("“", '"', "``")), default=-1)
        found = [(s, content) for s, content in found
                 if content and mark <= min(t.i for t in content) <= mark + 1]
    return found[0][0] if found else []


def _claims_in(view: View, attributed: list[tuple[list[str], list[Token]]], actors: dict[str, Actor],
               told: dict[tuple[str, str], list[str]]) -> list[tuple[str, Claim]]:
    """The claims of one sentence, from its (speakers, content tokens); a nested report by
    the same speakers is told once."""
    out: list[tuple[str, Claim]] = []
    taken: list[tuple[set[str], set[int]]] = []
    for speakers, content in attributed:
        speakers = [s for s in speakers if s in actors]
        text = claim_text(content, view)
        tokens = {t.i for t in content}
        if not speakers or not text or _inside(set(speakers), tokens, taken):
            continue
        taken.append((set(speakers), tokens))
        about = [a for a in _actors_in(view, content) if a not in speakers]
        about += told.get((view.sentence.article.id, view.sentence.text), [])
        quote = SourceRef(article=view.sentence.article.id, quote=view.sentence.text)
        out.append((speakers[0], Claim(text=text, by=speakers, about=about, sources=[quote])))
    return out


def _events_by_quote(events: list[Event]) -> dict[tuple[str, str], list[str]]:
    """The events each sentence tells, so that a claim made in it is about them too."""
    out: dict[tuple[str, str], list[str]] = {}
    for event in events:
        for source in event.sources:
            out.setdefault((source.article, source.quote), []).append(event.id)
    return out


def _inside(speakers: set[str], tokens: set[int], taken: list[tuple[set[str], set[int]]]) -> bool:
    """A nested report by the same speakers ("he said he thought that ...") is already told."""
    return any(speakers <= who and tokens <= where for who, where in taken)


def attributions(view: View) -> list[tuple[list[str], list[Token]]]:
    """(speakers, content tokens) for each attribution in the sentence, outermost first."""
    lex = load_data("claims_verbs")
    denials = load_data("factuality")["denial_verbs"]
    found = []
    for token in view.span:
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" and lemma in denials and not negated(token) and not _not_yet_said(token):
            found.append((_speakers(view, token), _own_clause(token)))  # "X denied that ...": it says so
        elif token.pos_ in ("VERB", "AUX") and lemma in lex["speech_verbs"] and not negated(token) \
                and not _other_sense(token, lex) and not _not_yet_said(token):
            content = _content_clause(token)
            if content is not None:
                found.append((_speakers(view, token), _clause_tokens(content, token)))
            elif _states_own_clause(token, lex):
                found.append((_speakers(view, token), _own_clause(token)))
            elif _report_before(token):
                found.append((_speakers(view, token), _report_before(token)))
        elif token.pos_ == "VERB" and lemma in lex["statement_verbs"] and not negated(token):
            found.append((_speakers(view, token), _own_clause(token)))
        elif token.pos_ == "NOUN" and lemma in lex["speech_nouns"]:
            found.append(_noun_report(view, token))
        elif token.lower_ in lex["according"] and token.dep_ == "prep":
            found.append(_according(view, token))
    return sorted((f for f in found if f[0]), key=lambda f: -len(f[1]))


def _not_yet_said(verb: Token) -> bool:
    """"urged X to tell Americans that ...", "plans to announce that ...": an infinitive
    speech verb reports nothing said yet; "asked if he believed ...", "whether they
    knew ...": a question (`question_marks`) asserts nothing."""
    questions = load_data("claims_verbs")["question_marks"]
    return any(c.dep_ == "aux" and c.lower_ == "to" or c.dep_ == "mark" and c.lower_ in questions
               for c in verb.children)


def _other_sense(verb: Token, lex: dict) -> bool:
    """"adding to the problems": a speech verb that, with this preposition, says nothing."""
    words = lex["other_senses"].get(verb.lemma_.lower(), [])
    return any(c.dep_ in ("prep", "prt") and c.lower_ in words for c in verb.children)


def _content_clause(verb: Token) -> Token | None:
    """The clause a speech verb reports: its ccomp, or the main clause it is parenthetical to
    ("Sales will resume, officials said" parses the main clause as the verb's head), the
    clause of the statement it is made "in" ("said in a statement that ..."), or, after a
    verb with an addressee, a clause the parser hung on the addressee as a relative
    clause without a relative pronoun ("told the jury Roof stood over her")."""
    for child in verb.children:
        if child.dep_ == "ccomp":
            return child
    lex = load_data("claims_verbs")
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"):
        for noun in (o for o in prep.children
                     if o.dep_ == "pobj" and o.lemma_.lower() in lex["speech_nouns"]):
            clause = _that_clause(noun)  # "saying in a statement that ..."
            if clause is not None:
                return clause
    if verb.lemma_.lower() in lex["addressee_verbs"]:
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            for clause in (c for c in obj.children if c.dep_ == "relcl" and c.i > obj.i):
                if not any(t.tag_ in ("WDT", "WP", "WP$") or t.lower_ == "that" for t in clause.children):
                    return clause
    if verb.dep_ in ("parataxis", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
        return verb.head
    return None


def _that_clause(noun: Token) -> Token | None:
    """A noun's content clause: "the claim that ...", "a statement that ..."."""
    return next((c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl")
                 and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)


def _noun_report(view: View, noun: Token) -> tuple[list[str], list[Token]]:
    """"the party's insistence that Chun should step down", "a statement by the ministry
    that ...": a speech noun's "that" clause, said by its possessor or its "by"/"from"
    phrase; nothing when the noun names no speaker ("the claim that ..." alone)."""
    clause = _that_clause(noun)
    if clause is None or negated(noun):
        return [], []
    speakers = [a for c in noun.children if c.dep_ == "poss" for a in actors_of(view, c)]
    speakers += [a for c in noun.children if c.dep_ in ("prep", "agent") and c.lower_ in ("by", "from")
                 for o in c.children if o.dep_ == "pobj" for a in actors_of(view, o)]
    return list(dict.fromkeys(speakers)), list(clause.subtree)


def _states_own_clause(verb: Token, lex: dict) -> bool:
    """A speech verb with no content clause whose own clause is the claim: "X accused Y of
    Z" (`statement_verbs`), "Residents reported heavy shelling" (`object_report_verbs`, with
    a thing as object), "X vowed to resign" (`commitment_verbs`, with an infinitive)."""
    lemma = verb.lemma_.lower()
    return lemma in lex["statement_verbs"] or lemma in lex["object_report_verbs"] and _reports_thing(verb) \
        or lemma in lex["commitment_verbs"] and any(c.dep_ == "xcomp" for c in verb.children)


def _reports_thing(verb: Token) -> bool:
    """"Residents reported heavy shelling": the direct object is what is reported, when it
    is a thing (not a pronoun or a person's name)."""
    return any(c.dep_ == "dobj" and c.pos_ == "NOUN" for c in verb.children)


def _report_before(verb: Token) -> list[Token]:
    """"“No,” Fisheries Minister Dahl said", "Exports will resume, said an official": a
    reporting clause (the verb and its subject) after a comma reports everything before the
    comma, however the parser hung it; what it reports is a quotation or a clause with a
    verb ("In Oslo, Dahl said" reports nothing). The subject is the verb's own: in "Berg
    stood silent, reported Tolvane" the parser's borrowed subject is no speaker."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects:
        return []
    clause = [verb, *(t for subject in subjects for t in subject.subtree),
              *(c for c in verb.children if c.dep_ in ("aux", "neg", "advmod") and c.i < verb.i)]
    doc, sent = verb.doc, verb.sent
    i = min(t.i for t in clause) - 1
    while i > sent.start and doc[i].text in QUOTE_MARKS:
        i -= 1
    if i <= sent.start or doc[i].text != ",":
        return []
    before = [t for t in sent if t.i < i]
    quoted = any(t.text in QUOTE_MARKS for t in before)
    return before if quoted or any(t.pos_ in ("VERB", "AUX") for t in before) else []


def _own_clause(verb: Token) -> list[Token]:
    """A statement verb's clause with its subject, without clauses coordinated to it
    ("Ruritania has said ..., but Freedonia has called it a provocation")."""
    top = verb
    while top.dep_ in ("xcomp", "aux") and top.head.i != top.i:
        top = top.head
    if not speech_subjects(verb) and _described_noun(verb):
        top = _described_noun(verb)[0]  # "The leader of X, Y, condemned the attack": with its speaker
    skip = {t.i for c in top.children if c.dep_ in ("conj", "cc") or c.dep_ == "ccomp" and c.i < top.i
            for t in c.subtree}
    return [t for t in top.subtree if t.i not in skip]


def _clause_tokens(content: Token, verb: Token) -> list[Token]:
    """The content clause's tokens; with two content clauses joined ("Two gunmen died, and
    three others may have escaped, officials said"), both and what joins them."""
    if content.i == verb.head.i:  # the verb is parenthetical to the content clause
        inside = {t.i for t in verb.subtree}
        return [t for t in content.subtree if t.i not in inside]
    if content.dep_ != "ccomp":
        return list(content.subtree)
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and (c.i < verb.i) == (content.i < verb.i)]
    start = min(c.left_edge.i for c in clauses)
    end = max(c.right_edge.i for c in clauses)
    own = {verb.i} | {t.i for c in verb.children if c.dep_ in ("nsubj", "aux", "neg") for t in c.subtree}
    tokens = [t for t in verb.subtree if start <= t.i <= end and t.i not in own]
    return _with_antecedent(tokens, verb)


def _with_antecedent(tokens: list[Token], verb: Token) -> list[Token]:
    """"a system which the opposition says is stacked": a relative pronoun in what a
    relative clause's speech verb reports stands for the noun phrase the clause describes
    ("A system is stacked")."""
    if verb.dep_ != "relcl" or not any(t.tag_ in ("WDT", "WP") for t in tokens):
        return tokens
    clause = {t.i for t in verb.subtree}
    phrase = [t for t in verb.head.subtree if t.i not in clause and t.i <= verb.head.i]
    return sorted({*phrase, *(t for t in tokens if t.tag_ not in ("WDT", "WP"))}, key=lambda t: t.i)


def _speakers(view: View, verb: Token) -> list[str]:
    """The actors who say what `verb` reports; "the leader of X, ..., saying ...": a
    participle hung on a noun is that noun's saying."""
    subjects = speech_subjects(verb)
    if not subjects:
        subjects = _described_noun(verb)
    return [a for subject in subjects for a in actors_of(view, subject)]


def _described_noun(verb: Token) -> list[Token]:
    """"The leader of Ennahda, ..., condemned the attack, saying ...": the parser hangs the
    participles on the noun as clauses that describe it; that noun says it."""
    t = verb
    while t.dep_ in ("advcl", "conj", "xcomp") and t.head.i != t.i:
        t = t.head
    if t.dep_ == "acl" and t.tag_ in ("VBG", "VBN") and t.head.pos_ in ("NOUN", "PROPN"):
        return [t.head]
    return []


def _according(view: View, token: Token) -> tuple[list[str], list[Token]]:
    """"According to Armenia, 350 soldiers have been killed": the rest is Armenia's claim;
    "according to an article in the Herald" is the Herald's."""
    speakers = [a for prep in token.children if prep.dep_ == "prep" for pobj in prep.children
                if pobj.dep_ == "pobj" for a in actors_of(view, pobj) or _published_by(view, pobj)]
    inside = {t.i for t in token.subtree}
    return speakers, [t for t in view.span if t.i not in inside]


def _published_by(view: View, noun: Token) -> list[str]:
    """"a 2003 article in the Harbor Times", "a statement by the ministry": a writing
    (`source_nouns`, `speech_nouns`) speaks for whoever its "in", "by", "from" or "of"
    phrase or its possessor names."""
    lex = load_data("claims_verbs")
    if noun.lemma_.lower() not in lex["source_nouns"] and noun.lemma_.lower() not in lex["speech_nouns"]:
        return []
    found = [a for c in noun.children if c.dep_ == "poss" for a in actors_of(view, c)]
    found += [a for c in noun.children if c.dep_ in ("prep", "agent")
              and c.lower_ in ("in", "by", "from", "of")
              for o in c.children if o.dep_ == "pobj" for a in actors_of(view, o)]
    return list(dict.fromkeys(found))


def claim_text(tokens: list[Token], view: View) -> str:
    """The claim in the article's words: the content clause, without its leading "that",
    quotation marks and trailing commas, as a sentence. Three words at least, unless the
    speaker's own words are quoted: a one-word answer ("“No,” the minister said") is a claim."""
    words = [t for t in sorted(tokens, key=lambda t: t.i)]
    while words and (words[0].dep_ == "mark" and words[0].lower_ in ("that", "whether") or words[0].is_punct):
        words = words[1:]
    while words and words[-1].is_punct:
        words = words[:-1]
    text = DATELINE.sub("", join_tokens(words))  # the wire's dateline, not the speaker's
    text = re.sub(r"\s*,(\s*,)+", ",", text)  # where "according to X" was cut out
    text = re.sub(r"``|''|[“”\"]", "", text).strip(" ,;:")  # wire copy quotes with `` and ''
    quoted = any(t.text in QUOTE_MARKS for t in tokens)
    if not text or len(text.split()) < 3 and not quoted:
        return ""
    return text[:1].upper() + text[1:] + ("" if text.endswith((".", "?", "!")) else ".")


def _actors_in(view: View, tokens: list[Token]) -> list[str]:
    out = []
    for token in tokens:
        aid = view.by_token.get(token.i)
        if aid and aid not in out:
            out.append(aid)
    return out
