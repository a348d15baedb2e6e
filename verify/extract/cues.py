"""Cues: where a parsed sentence reports speech, thought or stance, and whose.

The lexicons (general news English, not any one article; each list says what
it is for) and the rules over spaCy's dependency parse that find a cue (a
verb of saying, a stance, "according to", a cue noun) and its source. The
speakers themselves are resolved in ``speakers``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..nlp import Block

# Verbs that report speech whatever follows them.
STRONG_CUES = {
    "say", "tell", "add", "state", "report", "announce", "tweet",
    "write", "post", "note", "stress", "emphasize", "emphasise", "insist",
    "warn", "argue", "explain", "declare", "assert", "allege", "contend",
    "maintain", "admit", "acknowledge", "confirm", "deny", "reply", "respond",
    "retort", "testify", "complain", "concede", "charge", "accuse", "reiterate",
    "remark", "observe", "predict", "promise", "pledge", "vow", "estimate",
    "urge", "demand", "criticize", "criticise", "condemn", "blast", "slam",
    "praise", "welcome", "reject", "dismiss", "question", "caution", "underline",
    "underscore", "highlight", "mention", "disclose", "inform", "assure",
    "reassure", "express", "recount", "joke", "boast", "lament", "quip",
    "counter", "suggest", "conclude", "reveal", "recall",
}
# MANNER_OF_SPEAKING: verbs that say how words were spoken report them as
# "said" does ('"Why not?" Price shouted'); the unambiguous members of Levin's
# manner-of-speaking class (English Verb Classes and Alternations, 1993, 37.3).
MANNER_OF_SPEAKING = {
    "shout", "yell", "scream", "exclaim", "whisper", "mutter", "murmur", "holler", "bellow",
    "shriek", "grumble", "stammer",
}
STRONG_CUES |= MANNER_OF_SPEAKING
# Verbs that report speech or thought only with a clause or a quote after them.
WEAK_CUES = {
    "claim", "think", "believe", "know", "find", "show", "agree", "continue", "hope",
    "expect", "fear", "feel", "indicate", "learn", "see", "understand",
    "call", "ask", "describe", "cite", "point", "signal", "want", "plan",
    "propose", "seek", "threaten", "decline", "refuse", "worry",
}
# Verbs of stance whose content may be a noun phrase ("Trump attacked the
# deal"); the PARC and PolNeAR schemes count them as attributions when they
# are the main verb of the sentence.
STANCE_CUES = {
    "attack", "tout", "cite", "discuss", "defend", "mock", "blame", "promote",
    "support", "oppose", "back", "endorse", "decry", "denounce", "label",
    "dub", "brand", "address", "raise", "unveil", "offer", "detail", "outline",
    "reference", "invoke", "challenge", "dispute", "rate", "rule", "view",
    "consider", "regard", "applaud", "liken", "compare", "sing", "chant",
    "request", "invite", "encourage", "sue", "speak", "talk", "read",
    "mention", "describe", "call", "cite", "find", "show", "reveal", "question",
    "criticize", "criticise", "praise", "welcome", "reject", "dismiss", "deny",
    "admit", "acknowledge", "highlight", "recall", "predict", "promise",
    "pledge", "vow", "warn", "urge", "demand", "propose", "plan", "want",
    "characterize", "characterise", "portray",
}
# Verbs that put out a text: "X released a statement that ...", "sent a letter".
ISSUE_VERBS = {"release", "issue", "publish", "put", "send", "file", "submit", "circulate"}
DOC_NOUNS = {
    "statement", "report", "communique", "communiqué", "release", "tweet",
    "post", "letter", "memo", "study", "survey", "poll", "analysis", "filing",
    "declaration", "readout", "transcript", "document", "documents", "data",
    "complaint", "lawsuit", "affidavit", "ruling", "order", "paper", "papers",
    "brief", "petition", "motion",
}
# Normative sources and what they allow or demand: "the rules allow", "the
# law requires", "standards that prohibit lawyers from ...". The text that
# sets a norm is the source of what it allows (PARC, PolNeAR).
NORM_VERBS = {
    "allow", "require", "permit", "prohibit", "forbid", "ban", "bar", "mandate",
    "empower", "authorize", "authorise", "oblige", "obligate", "entitle", "compel",
    "direct", "restrict", "exempt",
}
NORM_NOUNS = {
    "law", "rule", "regulation", "policy", "program", "programme", "bill", "act",
    "constitution", "standard", "code", "treaty", "agreement", "statute",
    "provision", "measure", "guideline", "order", "amendment", "procedure",
    "legislation", "charter", "contract", "platform", "accord", "directive",
    "ordinance", "clause", "plan", "proposal", "ruling", "decision", "deal",
}
# People named by the stance they hold: "X is a staunch opponent of the death
# penalty", "has been an outspoken supporter of NATO".
STANCE_AGENTS = {
    "supporter", "opponent", "critic", "advocate", "proponent", "champion",
    "defender", "fan", "skeptic", "sceptic", "backer", "foe", "detractor", "admirer",
}
# Nouns for people that a definite description can stand for.
ROLE_NOUNS = {
    "official", "source", "spokesman", "spokeswoman", "spokesperson", "diplomat",
    "minister", "president", "secretary", "leader", "envoy", "ambassador",
    "chief", "senator", "governor", "mayor", "lawmaker", "candidate", "nominee",
    "premier", "representative", "officer", "general", "commander", "analyst",
    "expert", "lawyer", "attorney", "prosecutor", "witness", "resident",
    "victim", "sheriff", "chancellor", "director", "chairman", "head",
    "negotiator", "aide", "adviser", "advisor", "counterpart", "man", "woman",
    "executive", "investigator", "detective", "police", "authorities",
    # titles of office a description stands for ("the congresswoman said")
    "delegate", "congressman", "congresswoman", "legislator", "assemblyman", "assemblywoman",
    "councilman", "councilwoman", "alderman", "superintendent", "inspector", "sergeant",
    "lieutenant", "captain", "colonel", "admiral", "professor", "pastor", "judge", "deputy",
}
# Nouns for events and forces: subjects that act ("the conflict claimed 6,500
# lives", "the storm left three dead") but hold no view.
EVENT_NOUNS = {
    "conflict", "war", "fighting", "clash", "battle", "attack", "offensive",
    "violence", "shooting", "bombing", "blast", "explosion", "crash", "accident",
    "fire", "storm", "hurricane", "flood", "earthquake", "disaster", "crisis",
    "pandemic", "epidemic", "outbreak", "virus", "disease", "drought", "strike",
    "protest", "riot", "unrest", "recession", "inflation", "surge", "rise",
    "fall", "decline", "increase", "drop", "wave", "flare", "skirmish",
    "incident", "event", "move", "change", "shift", "trend", "growth",
    "tension", "escalation", "ceasefire", "truce", "deal", "situation",
    "development", "death", "killing", "loss", "damage", "result", "outcome",
}
# Verbs of attitude, judgement, perception and manner of speaking whose
# content may be a noun phrase or a clause (VerbNet's admire, judgement,
# conjecture, discover, manner-of-speaking and advise classes, as PARC and
# PolNeAR annotate them): "She despises the plan", "He decided to run".
ATTITUDE_CUES = {
    "decide", "hope", "wish", "intend", "wonder", "doubt", "suspect", "assume",
    "guess", "realize", "realise", "recognize", "recognise", "discover", "notice",
    "hear", "love", "like", "hate", "despise", "resent", "admire", "adore",
    "enjoy", "appreciate", "accept", "embrace", "champion", "advocate",
    "laud", "hail", "celebrate", "deride", "ridicule", "chastise", "scold",
    "rebuke", "lambaste", "grill", "pepper", "berate", "fault", "assail",
    "comment", "shout", "yell", "cry", "scream", "whisper", "mutter", "brag",
    "apologize", "apologise", "echo", "repeat", "persuade", "convince",
    "document", "chronicle", "portray", "depict", "paint", "profile", "feature",
    "illustrate", "examine", "investigate", "probe", "review", "analyze",
    "analyse", "judge", "identify", "link", "tie", "blame", "approve",
    "favor", "favour", "prefer", "vote", "ignore", "balk", "pitch", "present",
    "propound", "articulate", "proclaim", "clarify", "envision", "contemplate",
    "consider", "doubt", "lobby", "press", "campaign", "rail", "spar", "debate",
    "negotiate", "focus", "concentrate", "seize", "decry", "ask",
}
# Adjectives of stance after a copula: "Republicans weren't concerned about
# the shift", "She is confident that ...". Only with a complement after them.
STANCE_ADJECTIVES = {
    "critical", "supportive", "opposed", "skeptical", "sceptical", "confident",
    "convinced", "sure", "certain", "concerned", "worried", "optimistic",
    "pessimistic", "hopeful", "aware", "determined", "adamant", "eager",
    "reluctant", "wary", "frank", "vocal", "outspoken", "afraid", "proud",
    "angry", "furious", "upset", "frustrated", "disappointed", "satisfied",
    "dissatisfied", "unhappy", "happy", "doubtful", "insistent", "fond",
    "appreciative", "dismissive", "contemptuous", "enthusiastic", "keen",
}
COPULAS = {"be", "become", "remain", "seem", "appear", "grow", "stay", "sound"}
# Nouns that report what someone said, thought or wants: "his claim that",
# "Stumpf's repeated emphasis that", "made the case for", "has questions about".
CUE_NOUNS = {
    "claim", "case", "argument", "statement", "comment", "remark", "concern",
    "question", "position", "view", "stance", "decision", "pledge", "promise",
    "vow", "warning", "call", "plea", "appeal", "request", "demand",
    "prediction", "estimate", "assessment", "criticism", "praise", "support",
    "opposition", "fun", "speech", "announcement", "accusation", "allegation",
    "charge", "complaint", "objection", "admission", "acknowledgment",
    "acknowledgement", "suggestion", "proposal", "plan", "recommendation",
    "commitment", "doubt", "fear", "hope", "belief", "impression", "message",
    "reference", "attack", "defense", "defence", "endorsement", "apology",
    "threat", "assurance", "vision", "theory", "insistence", "emphasis",
    "obsession", "rhetoric", "determination", "disdain", "contempt",
    "reluctance", "eagerness", "refusal", "denial", "insistence", "answer",
    "response", "reply", "testimony", "assertion", "contention", "conclusion",
    "finding", "verdict", "ruling", "opinion", "idea", "point", "issue",
}
# Verbs whose object carries the report: "made the case", "expressed concern",
# "took issue with", "has questions about", "gave a speech".
LIGHT_VERBS = {"make", "have", "take", "express", "voice", "give", "deliver", "lay"}
# Nouns of a speech event: "Obama, in remarks at the museum, laid out ...".
SPEECH_NOUNS = {
    "remark", "interview", "speech", "statement", "address", "testimony",
    "letter", "tweet", "post", "email", "message", "memo", "op-ed", "essay",
    "column", "book", "editorial", "report", "briefing", "conference",
    "appearance", "debate", "hearing", "video", "ad", "commercial", "rally",
}

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
CONTENT_DEPS = {"ccomp", "xcomp", "parataxis", "dobj", "prep", "advcl", "dative", "oprd"}
CUT_FROM_MENTION = {"appos", "relcl", "acl", "punct", "advcl", "prep"}


@dataclass
class Cue:
    verb: Any  # the cue token ("said", "according")
    subject: Any | None  # head token of the speaker mention
    trailing: bool = False
    noun: bool = False  # a cue noun ("his claim that ..."): owns its noun phrase



def offset(block: Block, tok: Any) -> int:
    return block.start + tok.idx


def mention_tokens(head: Any) -> list[Any]:
    """The words naming a speaker: the subject without appositions or clauses."""
    left = [t for t in head.lefts if t.dep_ not in CUT_FROM_MENTION]
    toks: list[Any] = []
    for t in left:
        toks.extend(t.subtree)
    toks.append(head)
    for t in head.rights:
        if t.dep_ in CUT_FROM_MENTION or t.dep_ == "punct":
            break
        if t.dep_ in ("cc", "conj"):
            toks.extend(t.subtree)
            continue
        toks.extend(t.subtree)
    toks = sorted(set(toks), key=lambda t: t.i)
    toks = _whole_name(head, toks)
    if toks and is_dateline(toks[0]):  # "BRUSSELS - European leaders"
        toks = [t for t in toks if t.i > toks[0].i + 1]
    while toks and (toks[0].is_punct or toks[0].is_space or toks[0].dep_ == "cc"):
        toks.pop(0)
    while toks and (toks[-1].is_punct or toks[-1].is_space or toks[-1].dep_ == "cc"):
        toks.pop()  # a line break is no part of a name ("Comey\nsaid")
    return toks or [head]  # never empty: the subject word itself names the speaker


def _whole_name(head: Any, toks: list[Any]) -> list[Any]:
    """A name is not cut at its preposition: "the Syrian Observatory for Human
    Rights said" is the Observatory's whole name (an entity's words stay
    together, whatever the parse hangs them on)."""
    if head.ent_type_ not in ("ORG", "PERSON", "NORP", "GPE", "FAC") or not toks:
        return toks
    doc, end = head.doc, toks[-1].i
    while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I" and doc[end + 1].ent_type_ == head.ent_type_:
        end += 1
    return toks + [doc[i] for i in range(toks[-1].i + 1, end + 1)]


def _subject(verb: Any, quoted: Callable[[Any], bool] = lambda t: False) -> Any | None:
    prev = verb.doc[verb.i - 1] if verb.i > 0 else None
    # A quotation before its cue is often parsed as a second subject ("One of
    # the best," Cummings said): the speaker is the subject outside the quote.
    # A passive cue's source is its agent ("is supported by far fewer
    # papers"); the passive subject is what is said or whom it is said to.
    for c in verb.children:
        if c.dep_ == "agent":
            objs = [g for g in c.children if g.dep_ == "pobj"]
            return objs[0] if objs else None
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return None
    subjects = [_past_dateline(c) for c in verb.children if c.dep_ in SUBJECTS]
    outside = [c for c in subjects if not quoted(c)]
    if len(outside) >= 2 and _apposed(outside[-2], outside[-1]):
        return outside[-2] if outside[-2].pos_ == "PROPN" else outside[-1]
    if outside:
        return outside[-1]  # "who" in "a man who said": resolved to the man later
    if subjects:
        return subjects[0]
    # "Aaron Kall, the director of debate, compared Trump to ...": a name
    # parsed as the sentence's root, its verb as a participle hung on it; with
    # no other verb to be the sentence's, the name is the verb's subject
    # (NAME_ROOT_VERB).
    if verb.dep_ == "acl" and verb.head.dep_ == "ROOT" and verb.head.pos_ == "PROPN" and verb.i > verb.head.i \
            and verb.tag_ in ("VBD", "VBN") and not any(c.dep_ == "aux" for c in verb.children):
        return verb.head
    # Participles and infinitives inherit the subject of the verb they hang on:
    # "the statement said, adding that ..."; "continues to accuse".
    if verb.dep_ in ("advcl", "xcomp", "conj", "pcomp", "acl") and verb.head != verb:
        for c in verb.head.children:
            if c.dep_ in SUBJECTS:
                return c
        # "began by saying", "was criticized for saying": the gerund after a
        # preposition shares the subject of the verb the preposition hangs on.
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX"):
            outer = verb.head.head
            objs = [c for c in outer.children if c.dep_ == "dobj"]
            if verb.head.lower_ == "for" and objs and _names_someone(objs[0]):
                return objs[0]  # "held Pagliano in contempt for refusing": Pagliano refused
            if not any(c.dep_ in ("nsubjpass", "auxpass", "agent") for c in outer.children):
                before = [c for c in outer.children if c.dep_ in SUBJECTS and c.i < verb.head.i]
                return before[-1] if before else _subject(outer, quoted)
    # "... and the Karabakh army said ...": the parser took the subject for an
    # object of the clause before; a noun phrase ending right before the verb
    # and opened by a conjunction is the verb's subject.
    # "..., the Observatory for Human Rights said": the phrase's head, not
    # the last word of its prepositional phrase.
    while prev is not None and prev.dep_ in ("pobj", "prep") and prev.head.i < prev.i and prev.head.right_edge.i == verb.i - 1:
        prev = prev.head
    if prev is not None and prev.pos_ in ("NOUN", "PROPN") and prev.dep_ in ("conj", "dobj", "pobj", "appos"):
        left = prev.left_edge.i
        if left > 0 and verb.doc[left - 1].lower_ in ("and", "but", ",", "while"):
            return prev
    return None


def _names_someone(tok: Any) -> bool:
    """OBJECT_THAT_SPEAKS: the object of "praised X for saying" said it only
    when it is someone: a name, an entity, a pronoun or a role noun; "drew
    criticism for saying" was said by the subject, not by the criticism."""
    return _named_or_pronoun(tok) or tok.lemma_.lower() in ROLE_NOUNS or tok.lemma_.lower() in STANCE_AGENTS


def is_dateline(tok: Any) -> bool:
    """"WASHINGTON --" or "BRUSSELS -" opening a story: a place, not a speaker."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return (tok.is_upper and len(tok) > 1 and tok.i == tok.sent.start and nxt is not None
            and nxt.text in ("--", "-", "—", "–", "―"))


def _named_after(source: Any) -> Any:
    """ACCORDING_TO_NAME: "according to the state comptroller, Thomas
    DiNapoli, ...": the person named between commas right after a role is
    the source, however the parser hung the name."""
    doc, after = source.doc, source.right_edge.i + 1
    if source.pos_ != "NOUN" or after + 1 >= len(doc) or doc[after].text != ",":
        return source
    ent = next((e for e in doc.ents if e.start == after + 1 and e.label_ == "PERSON"), None)
    if ent is not None and ent.end < len(doc) and doc[ent.end].text == ",":
        return ent.root
    return source


def _apposed(first: Any, second: Any) -> bool:
    """APPOSED_SUBJECTS: two subjects of one cue with only a comma between
    them ("Dujarric, the spokesperson for the Secretary-General, said") are
    a name and its role the parser took apart, not two speakers; the name,
    a proper noun, is the speaker."""
    after = first.right_edge.i + 1
    return (after < len(first.doc) and first.doc[after].text == "," and second.left_edge.i == after + 1
            and (first.pos_ == "PROPN") != (second.pos_ == "PROPN"))


def _past_dateline(subj: Any) -> Any:
    """The real subject when the parser took a dateline ("WASHINGTON -- President
    Obama ... said") or the object of a fronted clause ("To understand the real
    Dred Scott, Chief Justice Roberts said") for it: the apposition after it."""
    appos = [c for c in subj.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    if not appos:
        return subj
    if is_dateline(subj):
        return appos[0]
    first = subj.left_edge
    before = subj.doc[first.i - 1] if first.i > 0 else None
    if before is not None and before.pos_ == "VERB" and before.dep_ in ("advcl", "xcomp") and not any(
        c.dep_ in ("dobj", "ccomp") for c in before.children
    ):
        return appos[0]
    return subj


_CUE_LEMMAS = STRONG_CUES | WEAK_CUES | STANCE_CUES | ATTITUDE_CUES


def _lemma(tok: Any) -> str:
    """The verb's lemma, mended where the lemmatizer strips too much
    ("rated" -> "rat", "hoped" -> "hop"): a cue spelt with a final "e"."""
    lemma = tok.lemma_.lower()
    if lemma not in _CUE_LEMMAS and lemma + "e" in _CUE_LEMMAS and (
        tok.lower_.startswith(lemma + "e") or tok.lower_ == lemma + "ing"  # "hoping" -> "hop"
    ):
        return lemma + "e"
    return lemma


def _has_content(verb: Any, quoted_in_sentence: bool) -> bool:
    deps = {c.dep_ for c in verb.children}
    if deps & {"ccomp", "parataxis"}:
        return True
    if _lemma(verb) in STRONG_CUES and verb.i + 1 < len(verb.doc) and verb.doc[verb.i + 1].text == ":":
        return True  # "He added:" introduces what follows, maybe the next paragraph
    if _lemma(verb) in STRONG_CUES:
        # "But, he said, officials should be vigilant": a parenthetical cue
        # reports the clause it interrupts.
        if {"agent", "nsubjpass"} <= deps:
            return True  # "was first reported by the Post": the passive subject is the content
        if parenthetical(verb):
            return True  # "All of this, he acknowledges, could be undone"
        return bool(deps & CONTENT_DEPS) or quoted_in_sentence or verb.dep_ in ("parataxis", "advcl", "ccomp") and _lemma(verb) in {"say", "add", "note", "write", "argue", "explain", "tell", "insist", "warn"}
    if _lemma(verb) == "call":  # "called for", "called on", "called it X": not "a group called X"
        if verb.dep_ in ("acl", "amod"):
            return False
        return any(c.dep_ == "prep" and c.lower_ in ("for", "on") for c in verb.children) or bool(
            deps & {"oprd", "xcomp"}
        ) or any(c.dep_ == "dobj" and any(_quoted_appos(a) for a in c.children) for c in verb.children)
    if _lemma(verb) in ("speak", "talk"):  # "spoke of", "talked about": not "spoke to"
        return any(c.dep_ == "prep" and c.lower_ in ("of", "about") for c in verb.children)
    if _lemma(verb) == "point":  # "pointed out that", "pointed to reports"
        return any(c.lower_ in ("out", "to") for c in verb.children) and bool(deps & {"dobj", "ccomp", "prep", "prt"})
    if "xcomp" in deps and _lemma(verb) in {"ask", "urge", "want", "plan", "seek", "threaten", "refuse", "decline"}:
        return True
    if quoted_in_sentence and "dobj" not in deps:
        return True
    return False


def _quoted_appos(tok: Any) -> bool:
    """CALLED_QUOTED: "called the plan "a disgrace."": the parser hangs the
    quoted name given to the object on it as an apposition; it is the
    complement of "call" all the same, and the speaker's words."""
    before = tok.left_edge.i - 1
    return tok.dep_ == "appos" and before >= 0 and tok.doc[before].text in ('"', "“")


def _stance(verb: Any) -> bool:
    """A verb of stance or thought whose content is a noun phrase: "Trump
    attacked the deal", "She agreed with Matthews" (PARC and PolNeAR count
    these). Only speakers can hold a stance: see ``can_speak``."""
    deps = {c.dep_ for c in verb.children}
    lemma = _lemma(verb)
    if lemma in ("call", "speak", "talk", "point"):
        return False  # their own rules above: "spoke to reporters" reports nothing
    # A passive with its agent: "is supported by far fewer papers" (the
    # passive subject is what the stance is about).
    content = deps & {"dobj", "xcomp", "oprd"} or any(_content_prep(c) for c in verb.children) or {
        "agent", "nsubjpass"} <= deps
    return (lemma in STANCE_CUES or lemma in WEAK_CUES or lemma in ATTITUDE_CUES) and _main_or_shared(verb) and bool(content)


def _content_prep(prep: Any) -> bool:
    """A prepositional phrase that can be what a stance is about ("agreed
    with Matthews", "railed against the bill"), not when or where it was
    taken ("voted on Monday", "spoke in Iowa")."""
    if prep.dep_ != "prep" or prep.lower_ in ("during", "after", "before", "since", "until", "near", "amid"):
        return False
    objs = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
    return bool(objs) and not any(o.ent_type_ in ("DATE", "TIME", "GPE", "LOC", "FAC") for o in objs)


def can_speak(subj: Any) -> bool:
    """Can this subject hold a view? Names, pronouns, people and bodies can;
    "the conflict claimed 6,500 lives" is not a claim by the conflict."""
    return _named_or_pronoun(subj) or subj.lemma_.lower() not in EVENT_NOUNS


def _named_or_pronoun(tok: Any) -> bool:
    """A name, a person, body, place or people the tagger found, or a pronoun."""
    return tok.pos_ in ("PROPN", "PRON") or tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")


def _main_or_shared(verb: Any) -> bool:
    """A main verb, or one that shares its subject with the main verb: a
    participle ("..., comparing him to Obama") or a verb it governs ("continues
    to ignore", "was able to tout")."""
    if verb.dep_ in ("ROOT", "conj"):
        return True
    if verb.dep_ == "advcl" and verb.tag_ == "VBG":
        return True
    # "..., when Clinton cited his comments", "cities that support the rules":
    # a clause with a subject of its own holds that subject's stance (the
    # clause alone is attributed; see ``subordinate``).
    if verb.dep_ in ("advcl", "relcl") and any(c.dep_ == "nsubj" for c in verb.children):
        return True
    return verb.dep_ == "xcomp"


def cues_in(sent: Any, block: Block, mask: bytearray) -> list[Cue]:
    """Every cue of a sentence with the head of its source, in text order;
    ``mask`` marks quoted characters (cues inside quotes do not count)."""
    found: list[Cue] = []
    quoted_here = any(mask[offset(block, t)] for t in sent if not t.is_space)
    for tok in sent:
        if mask[offset(block, tok)]:
            continue  # cue verbs must occur *outside* any quotation (textacy)
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
            objs = [c for c in tok.doc[tok.i + 1].children if c.dep_ == "pobj"]
            if objs and objs[0].i < sent.end:
                found.append(Cue(tok, _named_after(objs[0])))
            continue
        other = _other_cue(tok, mask, block)
        if other is not None:
            if other.subject is not None and sent.start <= other.subject.i < sent.end and not any(
                f.verb == other.verb for f in found
            ):
                found.append(other)
            continue
        # "Trump claims that ...": a cue word the tagger took for a noun acts as
        # the verb when it has a subject and a clause of its own.
        acts = tok.pos_ == "NOUN" and any(c.dep_ == "nsubj" and c.i < tok.i for c in tok.children) and any(
            c.dep_ == "ccomp" and c.i > tok.i for c in tok.children)
        if tok.pos_ not in ("VERB", "AUX") and not (tok.pos_ == "NOUN" and tok.tag_ in ("VBZ", "VBD")) and not acts:
            continue
        lemma = _lemma(tok)
        if lemma == "put" and _as_put_it(tok):
            found.append(Cue(tok, _subject(tok)))  # "as Ms. Simonyan put it, ..."
            continue
        if lemma in NORM_VERBS:
            subj = _subject(tok)
            if subj is not None and _norm_source(subj) and sent.start <= subj.i < sent.end and any(
                c.dep_ in ("dobj", "ccomp", "xcomp") for c in tok.children
            ):
                found.append(Cue(tok, subj))
            continue
        if lemma in ISSUE_VERBS:
            # "X released a statement that ..." / "issued a statement saying ..."
            if any(c.dep_ == "dobj" and c.lemma_.lower() in DOC_NOUNS for c in tok.children):
                found.append(Cue(tok, _subject(tok)))
            continue
        if lemma not in STRONG_CUES and lemma not in WEAK_CUES and lemma not in STANCE_CUES and lemma not in ATTITUDE_CUES:
            continue
        stance = False
        if not _has_content(tok, quoted_here):
            if not _stance(tok):
                continue
            stance = True
        if tok.dep_ in ("advcl", "pcomp", "acl") and (
            (tok.tag_ == "VBG" and any(c.dep_ in SUBJECTS for c in tok.children))
            or any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        ):
            continue  # "with each side accusing ...", "spoke ... to call for ..."
        subj = _subject(tok, lambda t: bool(mask[offset(block, t)]))
        if subj is None or subj.i >= sent.end or subj.i < sent.start:
            continue
        if mask[offset(block, subj)] or stance and not can_speak(subj):
            continue
        if lemma in ("learn", "hear"):  # "X learned from an official": the official speaks
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "from":
                    pobj = [g for g in c.children if g.dep_ == "pobj"]
                    if pobj:
                        subj = pobj[0]
        found.append(Cue(tok, subj, trailing=_is_trailing(tok, subj, sent)))
    # One cue per verb: "In a statement, X said" is one report, not two.
    return [c for n, c in enumerate(found) if not any(o.verb == c.verb for o in found[n + 1 :])]


def _other_cue(tok: Any, mask: bytearray, block: Block) -> Cue | None:
    """Cues that are not verbs of saying: adjectives of stance, light verbs
    with a cue noun, cue nouns with a possessor, and speech-event phrases."""
    lemma = tok.lemma_.lower()
    deps = {c.dep_ for c in tok.children}
    quoted: Callable[[Any], bool] = lambda t: bool(mask[offset(block, t)])

    def speaker(subj: Any | None) -> Any | None:
        return subj if subj is not None and not quoted(subj) and can_speak(subj) else None

    # "Republicans weren't concerned about the shift": the adjective reports
    # a stance only with a complement ("a concerned look" reports nothing).
    if (tok.pos_ == "ADJ" and lemma in STANCE_ADJECTIVES or tok.tag_ == "VBN" and tok.lower_ in STANCE_ADJECTIVES) and deps & {
        "prep", "ccomp", "xcomp"
    }:
        if tok.dep_ == "acomp" and tok.head.lemma_.lower() in COPULAS:
            return Cue(tok, speaker(_subject(tok.head, quoted)))
        if tok.pos_ == "ADJ":
            return None
    # "We are convinced this is ...", "Voters were worried about ...": a
    # participle of stance in the passive; its subject holds the view.
    if tok.tag_ == "VBN" and tok.lower_ in STANCE_ADJECTIVES and "auxpass" in deps and deps & {"prep", "ccomp", "xcomp"}:
        # The parser sometimes hangs the subject on the auxiliary ("farmers are").
        near = [tok, *(c for c in tok.children if c.dep_ in ("aux", "auxpass"))]
        subj = next((c for t in near for c in t.children if c.dep_ in ("nsubjpass", "nsubj")), None)
        return Cue(tok, speaker(subj))
    # "X is a staunch opponent of the death penalty": the copula is the cue.
    if tok.pos_ == "NOUN" and lemma in STANCE_AGENTS and tok.dep_ == "attr" and tok.head.lemma_.lower() in COPULAS and any(
        c.dep_ == "prep" and c.lower_ in ("of", "for") for c in tok.children
    ):
        return Cue(tok.head, speaker(_subject(tok.head, quoted)))
    # "made the case that", "has questions about", "expressed concern".
    if tok.pos_ in ("VERB", "AUX") and lemma in LIGHT_VERBS:
        if any(c.dep_ == "dobj" and c.lemma_.lower() in CUE_NOUNS for c in tok.children):
            return Cue(tok, speaker(_subject(tok, quoted)))
        return None
    # "his claim that ...", "North Korea's claims about ...": the possessor
    # speaks; the noun phrase is the cue's own clause.
    if tok.pos_ == "NOUN" and lemma in CUE_NOUNS and deps & {"acl", "prep", "ccomp", "relcl"}:
        poss = [c for c in tok.children if c.dep_ == "poss" and c.lower_ not in ("its",)]
        if poss and tok.head.lemma_.lower() not in LIGHT_VERBS:
            return Cue(tok, speaker(poss[0]), noun=True)
    # "Obama, in remarks at the museum, laid out ...": a speech event on the
    # main verb makes its clause a report.
    if tok.dep_ == "pobj" and lemma in SPEECH_NOUNS and tok.head.lower_ in ("in", "during") and tok.head.dep_ == "prep":
        verb = tok.head.head
        if verb.pos_ in ("VERB", "AUX") and verb.dep_ in ("ROOT", "conj"):
            return Cue(verb, speaker(_subject(verb, quoted)))
    return None


def _is_trailing(verb: Any, subj: Any, sent: Any) -> bool:
    """", Price said." after the words it reports: the outermost attribution."""
    left = min(subj.left_edge.i, verb.i) if subj.head == verb else verb.i
    if left <= sent.start:
        return False
    before = sent.doc[left - 1]
    if before.text not in {",", "”", '"', "’", "—", "–", ":"}:
        return False
    after = [t for t in sent.doc[verb.i + 1 : sent.end] if not t.is_punct]
    return all(verb in t.ancestors and t.dep_ not in ("ccomp", "parataxis") for t in after) and all(
        t.head != verb or t.dep_ not in ("ccomp",) for t in after
    )


def subordinate(cue: Cue) -> bool:
    """A cue inside an adverbial or relative clause of a main clause that is
    not itself a report ("..., though he said ...", "..., when X cited ...")."""
    verb = cue.verb
    if cue.noun:
        return True
    if _parenthetical_as(verb):
        return False
    return verb.lower_ != "according" and verb.dep_ in ("advcl", "relcl") and verb.tag_ != "VBG" and not cue.trailing


def parenthetical(verb: Any) -> bool:
    """"The museum, Mr. Bush said, celebrated ...": a verb of saying set off by
    commas inside the clause it reports, with no content of its own."""
    if verb.dep_ != "parataxis" or _lemma(verb) not in STRONG_CUES | {"think", "believe"}:
        return False
    if any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in verb.children):
        return False
    left = min([verb.i] + [c.left_edge.i for c in verb.children if c.dep_ in SUBJECTS])
    doc, marks = verb.doc, (",", "—", "--")
    return (verb.head.i > verb.i and left > verb.sent.start + 1 and doc[left - 1].text in marks
            and verb.i + 1 < len(doc) and doc[verb.i + 1].text in marks)


def _as_put_it(verb: Any) -> bool:
    """"As the senator put it, ..." reports the clause it hangs on."""
    kids = list(verb.children)
    return any(c.dep_ == "mark" and c.lower_ == "as" for c in kids) and any(c.dep_ == "dobj" and c.lower_ == "it" for c in kids)


def _norm_source(subj: Any) -> bool:
    """A text that sets a norm: "the rules", "the law" (not "a bill that
    would allow", whose norm is only proposed, often by someone quoted)."""
    return subj.lemma_.lower() in NORM_NOUNS and subj.head.dep_ != "relcl"


def _parenthetical_as(verb: Any) -> bool:
    """"..., as police have said." reports the clause it hangs on: an "as"
    clause whose cue has no content of its own."""
    kids = list(verb.children)
    return (
        verb.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in kids)
        and (not any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in kids) or _as_put_it(verb))
    )


def nested(inner: Cue, outer: Cue) -> bool:
    """Is ``inner`` part of what ``outer`` reports? Coordinated cues are not:
    "Baku said X and the army said Y" has two speakers."""
    if outer.verb not in inner.verb.ancestors:
        return False
    if inner.verb.dep_ == "conj" and inner.verb.head == outer.verb:
        return False
    subj = inner.subject
    if subj is not None and subj.left_edge.i > 0:
        before = subj.doc[subj.left_edge.i - 1]
        if before.lower_ in {"and", "but", "while", "whereas", ";"} and before.i > outer.verb.i:
            return False
    return True


def reports(outer: Cue, inner: Cue) -> bool:
    """Is ``inner`` inside what ``outer`` reports? A clause on the speaker
    ("Obama, who understood X, told ...") is not."""
    if outer.verb not in inner.verb.ancestors:
        return False
    # The child of the outer cue that leads to the inner one: its content
    # ("said [that X, who claimed ...]") or an adjunct ("said X, [though she
    # acknowledged ...]", "[Obama, who understood X,] told ...").
    child = next(t for t in [inner.verb, *inner.verb.ancestors] if t.head == outer.verb)
    return child.dep_ in ("ccomp", "xcomp", "parataxis", "dobj", "oprd", "attr", "acomp")


def top_cues(cues: list[Cue]) -> list[Cue]:
    according = [c for c in cues if c.verb.lower_ == "according"]
    if according:
        return according[:1]  # the source of the whole sentence
    trailing = [c for c in cues if c.trailing or parenthetical(c.verb)]
    if trailing:
        return trailing[-1:]
    return [c for c in cues if not any(nested(c, o) for o in cues if o is not c)]
