"""Every record verify reads, extracts, stores or reports.

Records hold character offsets and strings, never spaCy objects: offsets are
Python ``str`` indices (end exclusive) into ``Document.text``, which is the
file's text exactly as decoded from UTF-8, before any cleaning.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

Qualifier = Literal[
    "exact", "approx", "more_than", "at_least", "less_than", "at_most", "vague"
]
AttributionKind = Literal["direct", "indirect", "mixed"]
Verdict = Literal["agree", "discrepancy"]


class Document(BaseModel):
    """One article: its text and what is known about it."""

    id: str
    path: str
    text: str
    title: str | None = None
    outlet: str | None = None
    date: str | None = None
    date_source: Literal["given", "inferred"] | None = None
    url: str | None = None
    skip: list[tuple[int, int]] = Field(default_factory=list)
    """Spans that hold no claim: metadata lines, boilerplate, captions, datelines."""

    digest: str = ""
    """A hash of the text and metadata, to skip unchanged documents on ingest."""


class Quantity(BaseModel):
    """A number in a claim, read as a value and the interval it allows.

    A vague quantity ("many", "several", "dozens", "tens of thousands") has
    qualifier ``vague`` and ``value`` None: the words name no number, so none
    is made up. ``low`` keeps only the floor the word itself states ("dozens"
    is at least two dozen, 24; "hundreds" at least 200; "several" at least 3;
    "many" none) and ``high`` stays None. A vague quantity is shown as its
    words and never compared with a number.
    """

    start: int
    end: int
    text: str
    value: float | None
    qualifier: Qualifier = "exact"
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    """What the number measures: ``person``, ``week``, ``USD``, ``percent``, ..."""
    counts: str | None = None
    """What is counted, as a short normalised phrase: ``deaths``, ``injured``, ``peacekeepers``."""
    kind: Literal[
        "count", "ordinal", "percent", "money", "duration", "measure", "range"
    ] = "count"


class Claim(BaseModel):
    """A span of a document that asserts something a fact-checker could check."""

    id: str
    doc: str
    start: int
    end: int
    text: str
    speaker: str | None = None
    """Canonical name of who made the claim; None in the outlet's own voice."""
    speaker_mention: str | None = None
    """The words in the text that name the speaker ("the top U.S. diplomat")."""
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_type: Literal["person", "body", "group", "other"] | None = None
    cue: str | None = None
    kind: AttributionKind | None = None
    """How the speaker's words are given; None for an assertion of the outlet."""
    quote: str | None = None
    """The speaker's own words when quoted (direct or mixed), as one string."""
    quantities: list[Quantity] = Field(default_factory=list)
    parent: str | None = None
    """For a claim about one number: the id of the sentence claim it comes from."""
    time: str | None = None
    """The time the claim is about: ISO date, ``YYYY-MM`` or ``YYYY``."""
    time_text: str | None = None
    entities: list[tuple[str, str]] = Field(default_factory=list)
    """The named entities of the claim's text as (label, text), spaCy's: its
    people, places, organisations, groups and events, the speaker's mention
    left out (for a number, those of its clause). What a fact is of: two
    claims that name different places or different people state different
    facts."""


class DocumentRef(BaseModel):
    """A document as a report names it: enough to find and open the article."""

    id: str
    path: str
    date: str | None = None
    title: str | None = None
    outlet: str | None = None
    url: str | None = None


class Group(BaseModel):
    """Claims from different documents about one fact."""

    id: str
    verdict: Verdict
    claims: list[str]
    conflicts: list[tuple[str, str]] = Field(default_factory=list)
    reason: str = ""
    origins: int = 1
    rules: list[str] = Field(default_factory=list)
    """The names of the rules that decided the verdict (``verify.match.rules``)."""


class Flag(BaseModel):
    """Something a person should look at that is not a verdict."""

    claims: list[str]
    reason: str


class Report(BaseModel):
    """What ``verify report --format json`` prints (see the gold FORMAT)."""

    documents: list[DocumentRef]
    claims: list[Claim]
    groups: list[Group] = Field(default_factory=list)
    flags: list[Flag] = Field(default_factory=list)


CheckStatus = Literal["supported", "contradicted", "single-source", "unsupported"]


class Evidence(BaseModel):
    """A claim of the corpus that bears on a claim of a draft."""

    doc: str
    start: int
    end: int
    text: str
    speaker: str | None = None
    verdict: Literal["agree", "discrepancy"] = "agree"
    reason: str = ""
    path: str = ""
    """The article's file, as indexed; with ``url``, where a person opens it."""
    title: str | None = None
    outlet: str | None = None
    date: str | None = None
    url: str | None = None
    severity: float = 0.0
    """For a conflict, how far apart the numbers are relative to the larger (0 for words)."""


class CheckedClaim(BaseModel):
    """A claim of a draft and what the corpus says of it."""

    start: int
    end: int
    text: str
    speaker: str | None = None
    speaker_type: Literal["person", "body", "group", "other"] | None = None
    status: CheckStatus
    reason: str
    origins: int = 0
    evidence: list[Evidence] = Field(default_factory=list)
    rules: list[str] = Field(default_factory=list)
    """The names of the rules that decided the status (``verify.match.rules``)."""


class CheckResult(BaseModel):
    """What ``verify check --format json`` prints."""

    draft: str
    claims: list[CheckedClaim]
