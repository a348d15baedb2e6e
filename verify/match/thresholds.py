"""Every number the matcher compares against, in one place, with its reason.

Thresholds only propose or admit candidates; they never decide a verdict
alone. What decides is structural: two facts of one measure, one time and
one event whose values (intervals) meet or not (``compare``), or two
statements that say the same words but for their numbers (``statements``).
Where a figure chose a value, it is named; every figure is a development
figure (``benchmarks/README.md``), kept only if it held on the held-apart
half.
"""

from __future__ import annotations

# -- candidates (embeddings propose, never decide) ---------------------------

# The nearest neighbours of each claim looked at, down to this cosine. More
# neighbours cost time and found no more groups on the seeds or GVA.
NEIGHBOURS = 24
FLOOR = 0.35
# Neighbours looked at for each claim of a draft.
CHECK_NEIGHBOURS = 20
# A draft tells which event it reports (and rules out articles of others)
# only when it names at least this many names: a one-line draft naming
# "Russian" says nothing of which articles report its event.
DRAFT_NAMES = 3

# -- numbers of one measure ---------------------------------------------------

# Two numbers of one measure are the same fact when their clauses are this
# alike; without a known common time the bar is higher, since "three dead"
# in two texts may be two events.
AGREE_SIMILARITY = 0.45
UNTIMED_SIMILARITY = 0.62
# A conflict needs the numbers' sentences this alike too: number clauses
# are short ("seven others injured") and alike whatever event they report.
CONFLICT_SIMILARITY = 0.55
# One number, stated alike, in two articles known to report one event
# agrees at this lower similarity: "that left one person dead" and "One
# person ... was pronounced dead at the scene".
ONE_EVENT_SIMILARITY = 0.3
# Numbers of differently named things ("peacekeepers", "troops") agree only
# when their clauses say much the same thing and the number is not a small
# one that many facts share; they never conflict.
LOOSE_SIMILARITY = 0.6
LOOSE_MIN_VALUE = 20
LOOSE_TOLERANCE = 0.1
# Values further apart than this factor, in sentences that do not say the
# same thing, are taken to be different facts (a war's toll and a clash's),
# unless a power of ten apart (a dropped or added zero: likely a typo), or
# both small in two reports of one event (a toll grows from 1 to 6 as
# victims are found; it does not grow from 3 to 6,500).
SCALE_APART = 5.0
SCALE_SMALL = 20
# Two bounds the same way ("more than 6,500", "more than 9,000") state one
# number when they are within this share of the larger.
SAME_BOUND = 0.1
# "About 300" allows this share either side.
APPROX = 0.1

# -- statements ---------------------------------------------------------------

# Two sentences say the same thing but for their numbers when this share of
# their words (numbers masked, spelling made one) lies in runs they share,
# and both have at least STATEMENT_WORDS words. A copy or a light edit
# ("said" for "told reporters") stays above it; two sentences of one
# template about two events ("A man was shot ... on Main Street" / "... on
# Oak Avenue") differ in their names, which the rule also requires to agree.
SAME_STATEMENT = 0.8
STATEMENT_WORDS = 6
# NEGATED_STATEMENT: of the shorter sentence's words, the share two sentences
# must have in common for a negation between them to turn one statement around.
NEGATION_SHARED = 0.6
# How alike (cosine) they must be for that: sentences with one negated and
# otherwise copied or lightly edited were 0.86 to 0.97 (political news,
# `benchmarks/README.md`); a short sentence sharing a name and a few words
# with a longer one, 0.74.
NEGATION_SIMILARITY = 0.8
# The share that needs no similarity, two sentences worded alike to this
# degree being one with a negation put in or taken out ("Michel has not been
# leading the EU's diplomacy", 0.79); and the share for an article of another
# event (OTHER_EVENT), which may contradict a draft only in the same sentence.
NEGATION_SHARED_ELSEWHERE = 0.85
# A statement without numbers or quotes backs a draft's when they are this
# alike (cosine of MiniLM embeddings) and share a run of content words.
TEXT_SIMILARITY = 0.5
TEXT_SUPPORT = 0.72

# -- time ---------------------------------------------------------------------

# A time without a date of its own is the document's date, give or take this.
DOC_DATE_DAYS = 10
# "On Wednesday" and "Thursday" of one event: days this close are one time.
SAME_DAY_SLACK = 2

# -- events (which articles report one event) --------------------------------

# Two articles are about one event when the names they share weigh this much
# of the lighter article's names (weights are rarity across the corpus).
EVENT_OVERLAP = 0.2
# Articles proposed as reports of one event: each article's DOC_NEIGHBOURS
# nearest by the names they share, down to this cosine. A name held by more
# than COMMON_SHARE of the articles (and more than COMMON_DOCS of them)
# proposes nothing.
DOC_NEIGHBOURS = 10
DOC_FLOOR = 0.1
COMMON_DOCS = 50
COMMON_SHARE = 0.05
# Articles dated further apart than this (days) report one event only if
# they name one person in full.
EVENT_DAYS = 10
# Two articles report one event only if they share at least EVENT_NAMES
# uncommon names (a victim's surname and a street, not only a county).
EVENT_NAMES = 2
# A full name that more than RARE_SHARE of the articles (and more than
# RARE_DOCS of them) hold is a public figure's, not an event's.
RARE_DOCS = 5
RARE_SHARE = 0.005

# -- quotations and copies ----------------------------------------------------

# Two quotations are one statement when this share of their words match
# (after spelling is made one) with a run of at least QUOTE_RUN words.
QUOTE_MATCH = 0.5
QUOTE_RUN = 3
# Near-identical words given to two speakers: this share of the shorter.
SAME_WORDS = 0.85
SAME_WORDS_MIN = 6
# Documents sharing this share of their 8-word shingles are copies of one text.
COPY_SHARE = 0.5
