"""Lexicons of attribution: the words that report speech, thought and stance,
and the nouns that can name a speaker. General news English, not any one
article; each list says what it is for. Used by ``attribution``.
"""

from __future__ import annotations

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
    "acknowledge", "counter", "suggest", "conclude", "reveal", "recall",
}
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
}
# Verbs that put out a text: "X released a statement that ...".
ISSUE_VERBS = {"release", "issue", "publish", "put"}
DOC_NOUNS = {
    "statement", "report", "communique", "communiqué", "release", "tweet",
    "post", "letter", "memo", "study", "survey", "poll", "analysis", "filing",
    "declaration", "readout", "transcript", "document", "documents", "data",
    "complaint", "lawsuit", "affidavit", "ruling", "order",
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
    "flare", "tension", "escalation", "ceasefire", "truce", "deal", "situation",
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
