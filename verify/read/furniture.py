"""Page furniture: lines and spans of a news page that hold no claim."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from typing import NamedTuple

from verify.extract.timeref import DATE_PATTERN

__all__ = ["LINE_RULES", "RECUR_STORIES", "Piece", "boilerplate", "furniture", "line_rule", "recurring",
           "recurring_lines", "sentence_shaped"]

# General rules for news pages, each named for what it catches; a line that one
# of them catches is skipped whole unless the rule says otherwise.

_SEP = r"[\s|•·,/:;\-–—]"
_WIDGET_WORD = (
    r"(?:A\+|A-|AA?|Share(?:\s+(?:this|on|via))?(?:\s+(?:article|story|page|post))?|Tweet|E-?mail|Print|"
    r"Facebook|Twitter|X|Google\+?|Pinterest|LinkedIn|Reddit|WhatsApp|Telegram|Tumblr|Messenger|Flipboard|"
    r"SMS|Copy(?:\s+link)?|Link|Save|Like(?:\s+this)?|Loading\.*|\d*\s*Comments?|Close|More|Photos?|Videos?|"
    r"Gallery|Listen(?:\s+to\s+this\s+(?:article|story))?|(?:Text|Font)\s+size|Next|Prev(?:ious)?|Menu|"
    r"Search|Home|(?:Back\s+to\s+)?Top|Advertisement|Ad|Sponsored|Trending(?:\s+Now)?|Recommended|"
    r"Related(?:\s+(?:Articles|Stories|Content|Coverage|Links))?|Most\s+(?:Read|Popular|Viewed)|"
    r"Watch(?:\s+(?:this|the)\s+(?:story|video))?|Play|Pause|Skip|Open(?:\s+Gallery)?|Image|"
    r"View\s+(?:as\s+)?(?:list|gallery|comments)|(?:Hide\s+)?Caption|Show\s+more|Read\s+more|"
    r"\d+\s+min(?:ute)?s?\s+read|×|"
    r"(?:Next|Previous|Prev)\s+(?:article|story|post|page|item)|Subscribe|Sign\s+(?:in|up|out)|Log\s*(?:in|out)|"
    r"Register|Newsletters?|Shares?|Views?|Likes?|Reactions?|Retweets?|Vote|View\s+Results|Submit(?:\s+here)?|"
    r"(?:Android|iPhone|iPad|iOS|Mobile)(?:\s+Apps?)?|Apps?|Stories|"
    r"(?:Complete|Full|More|Continuing)\s+Coverage|Watch\s+the\s+(?:report|video)|\[?Advertisements?\]?|"
    r"Continue\s+reading|Download(?:\s+(?:the\s+)?app)?|More\s+Videos?\.*|Page\s+\d+|Reader\s+Comments|"
    # a count beside a share or comment button: "Share 12", "1.2K shares"
    r"(?>\d+(?:[.,]\d+)*)\s*[KkMm]?(?:\s+(?:shares?|comments?|views?|likes?|reactions?|tweets?|retweets?))?)"
)
# Share and font widgets, menus: "A+ A-", "Share this | Tweet | Email | Print".
_WIDGET = re.compile(rf"^{_SEP}*{_WIDGET_WORD}(?:{_SEP}+{_WIDGET_WORD})*{_SEP}*\.?$", re.I)
# Subscription, paywall, sign-in, copyright and contact notices.
# Subscription, paywall, sign-in, copyright, cookie and contact notices, and the outlet's notes to its readers.
# Notices that open the line or the sentence: "Read more", "Stay with Channel 4 for updates.", "© 2016".
_NOTICE_START = re.compile(
    r"\W*(?:©|\(c\)\s|copyright\b)|read\s+more\b|continue\s+reading|"
    r"(?:related|also\s+read|read\s+also|more)\s*[:|]|editor['’]?s\s+note\b|"
    r"stay\s+(?:with|tuned)\b.{0,60}?\b(?:for|to)\b|(?:article\s+)?comments?\s+by\b|follow\b[^.:]{0,30}:\s*$|"
    r"more\s+(?:from|on|stories|news|coverage|headlines)\b[^.!?]{0,40}$|keep\s+up\s+with\s+(?:us|our)\b|"
    r"original\s+(?:story|report|post)\b|"
    r"(?:read|watch|see|view|listen\s+to)\b.{0,60}\bhere\s*[.:!]?$|click\s+(?:or\s+tap\s+)?to\b|"
    r"(?:watch|listen\s+to|hear)\b[^.]{0,60}\b(?:report|video|interview|footage|clip|press\s+conference|below)\b|"
    r"also\s+on\b.{0,30}:$",
    re.I,
)
# Notices anywhere in a sentence: "All rights reserved", "privacy policy", "subscribe to".
_NOTICE_ANY = re.compile(
    r"contact\s+us\s+for\s+subscription|subscription\s+options|offered\s+to\s+subscribers|"
    r"already\s+a\s+subscriber|\bsubscribe\s+(?:to|now|today|for|here)\b|"
    r"\bsign\s+up\s+(?:for|to|here|now|today)\b|(?:our|e-?mail)\s+newsletters?|all\s+rights\s+reserved|"
    r"©\s*\d{4}|this\s+material\s+may\s+not\s+be|may\s+not\s+be\s+(?:published|reproduced|redistributed)|"
    r"enable\s+javascript|(?:log|sign)\s+in\s+(?:to|with|using|or|here)\b|please\s+(?:log|sign)\s+in|"
    r"create\s+an\s+account|already\s+have\s+an\s+account|click\s+(?:here|on\s+the\s+button)|tap\s+here|"
    r"scroll\s+down\s+for|check\s+back\s+(?:for|later)|this\s+(?:is\s+a\s+)?developing\s+story|"
    r"follow\s+(?:us|\w+(?:\s+\w+)?)\s+on\s+(?:twitter|facebook|instagram)|like\s+us\s+on\s+facebook|"
    r"join\s+the\s+conversation|digital\s+access|home\s+delivery|pending\s+comments|"
    r"comments?\s+(?:are|is)\s+closed|report\s+an\s+error|(?:email|push)\s+notifications?|your\s+notification|"
    r"thank\s+you\s+for\s+(?:registering|subscribing|reading)|"
    r"privacy\s+policy|terms\s+of\s+(?:use|service)|"
    r"(?:use|uses|accept|allow)\s+cookies|cookies?\s+(?:policy|settings|preferences|consent|notice)|"
    r"trending\s+stories|download\s+(?:our|the)\s+(?:\w+\s+){0,3}app\b|"
    r"support\s+(?:our|independent)\s+journalism|become\s+a\s+(?:\w+\s+){0,2}(?:member|subscriber)|"
    r"story\s+continues\s+below|\bkeep\s+you\s+(?:updated|posted|informed)\b|"
    r"\bget\s+(?:the\s+latest|breaking)\b.{0,40}\b(?:by\s+e-?mail|alerts?|newsletter|app)\b|\bmobile\s+users?\b|"
    r"\bon\s+a\s+mobile\s+device\?|(?:watch|view|see)\b[^.]{0,30}\bon\s+your\s+mobile\b|"
    r"use\s+your\s+(?:facebook|google|twitter|social)\s+account|"
    r"enjoyed\s+your\s+(?:free\s+)?(?:preview|articles?)|free\s+articles?\s+(?:left|remaining)|"
    r"report\s+an?\s+(?:error|typo)|comments?(?:ing)?\s+policy|"
    r"\bthis\s+(?:post|story|article|page|report)\s+(?:will\s+be|has\s+been|was)\s+updated\b|"
    r"\bwill\s+be\s+(?:posted|updated)\s+as\s+(?:they|it|more|further|new)\b|\[\s*edit\s*\]\s*$",
    re.I,
)
# Photo captions and credits.
_CAPTION = re.compile(
    r"\(\s*(?:(?:file|ap|afp|staff|handout)\s+)?(?:photo|photograph|image|picture|courtesy|credit|getty|"
    r"shutterstock)[^()]*\)[\s.]*$|\([^()]*\bphoto(?:graph)?s?(?:\s*/[^()]*)?\)[\s.]*$|"
    r"^(?:buy\s+photo\b|file\s+photo\b|(?:photos?|photograph|images?|pictures?|slides?|caption|credit|courtesy|mug\s*shot)"
    r"(?:\s+\d+\s+of\s+\d+|\s*(?:credit|source|courtesy)?\s*[:|]|\s+(?:by|via|courtesy|credit)\b))|"
    r"getty\s+images|(?-i:\bREUTERS/)|\(AP\s+Photo|\bAFP/|/\s*AFP\b|\bEPA-EFE\b|\|\s*photo\b|\bimage\s+via\b|"
    r"in\s+this\s+(?:undated\s+|file\s+|handout\s+|\d{4}\s+)?(?:photo|image|picture|photograph)\b|"
    r"(?:file|booking|handout)\s+photo[\s.)]*$|\bmug\s*shot[\s.)]*$|"
    r"^(?:photo|image|picture|video)\s+(?:copyright|source|credit)\b",
    re.I,
)
# Credit lines and bylines: "With reporting by AFP", "Reporting by ...; Editing by ...".
_CREDIT = re.compile(
    r"^[(\[—–-]*\s*(?:with\s+)?(?:additional\s+)?(?:reporting|writing|editing|compiled|edited|written|"
    r"research|translated|translation|produced|contributing)\s+(?:by|from)\b|"
    r"contributed(?:\s+to)?\s+(?:this|the)\s+(?:report|story|article)|"
    r"^(?:contributing|contributors?|reporting|written|edited)\s*:|^\W*staff\s+writers?\s+(?-i:[A-Z])|"
    r"^(?:staff|wire)\s+reports?$|"
    # "The Daily Star's Jane Doe and John Roe contributed.", "Journal Sentinel staff and wires"
    r"^(?-i:[A-Z][\w.'’]*(?:\s+(?:[A-Z][\w.'’]*|and|staff|writers?|reporters?))*)\s+contributed\.?$|"
    r"^(?:[\w.'’]+\s+){0,4}(?:staff\s+and\s+wires?|and\s+wires?|wire\s+(?:services?|reports?))\.?$",
    re.I,
)
_BYLINE = re.compile(r"^by\s*[:\s]\s*(?P<who>\S.*)$", re.I)
# Words a byline may hold besides names: "By Jane Doe and John Roe, Staff Writers | Reuters".
_BYLINE_WORDS = {
    "and", "of", "the", "for", "at", "in", "on", "with", "via", "de", "da", "del", "der", "van", "von", "la", "le",
    "bin", "al", "staff", "writer", "writers", "reporter", "reporters", "correspondent", "correspondents",
    "editor", "editors", "contributor", "columnist", "producer", "news", "service", "wire", "desk", "team",
    "am", "pm", "a.m", "p.m", "a.m.", "p.m.", "updated", "published", "posted", "ago", "hours", "minutes",
    # "By our correspondent", "By a staff reporter", "By our own foreign correspondent"
    "our", "a", "an", "own", "special", "senior", "chief", "foreign", "political", "local",
}
# A word after "By" that makes it a time or a means, not a name: "By Tuesday, 40 had died", "By then".
_NOT_A_NAME = re.compile(
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)days?|january|february|march|april|june|july|august|september|"
    r"october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|today|tonight|tomorrow|"
    r"yesterday|then|now|noon|midnight|dawn|dusk|nightfall|sunrise|sunset|morning|afternoon|evening|night|"
    r"early|late|mid|last|next|far|contrast|comparison|law|design|chance|mistake|accident|some|most|all|"
    r"many|one|two|\d.*",
    re.I,
)
# An author's line: "Jane Doe | Staff writer", "Jane Doe, Associated Press".
_ROLES = re.compile(
    r"\b(?:staff|senior|chief|special|contributing|political|crime|city|news)?\s*(?:writer|reporter|correspondent|"
    r"editor|columnist|contributor|producer)s?\b|\bassociated\s+press\b|\breuters\b|\bafp\b",
    re.I,
)
# A line of dates and times only: "Published: Monday, 1/25/2016 - Updated: 2 months ago".
_STAMP = re.compile(
    rf"{DATE_PATTERN}|\b(?:updated?|published|posted|last|modified|edited|created|on|at|am|pm|a\.m\.?|p\.m\.?|[ecmp][sd]t|et|"
    r"gmt|utc|bst|cet|ago|hours?|hrs?|minutes?|mins?|days?|weeks?|months?|years?|just|now|"
    r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?)(?!\w)|"
    r"\d{1,2}:\d{2}|\d+|[\s|,:;\-–—/().@]",
    re.I,
)
_CONTACT = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+|(?<!\w)@\w{2,}|https?://|www\.|"
                      r"\b(?:twitter|facebook|instagram)\.com/", re.I)
# Datelines: "BRUSSELS", "WASHINGTON (AP) —", "BRUSSELS, Nov 17 (Reuters) -", "KANSAS CITY, Mo. —".
_CITY = r"[A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]+){0,3}"
_TITLE_CITY = r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}"
_PLACE_TAIL = r"(?:,\s*[A-Z][A-Za-z.'’\-]*(?:\s+[A-Z][A-Za-z.'’\-]*){0,2}){0,2}"
_DATE_TAIL = r"(?:,?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2})?"
_AGENCY = r"\((?=[^)]*[A-Za-z])[A-Za-z0-9 /.&'’-]{1,30}\)"
_PLACE = (rf"(?:{_CITY}{_PLACE_TAIL}{_DATE_TAIL}(?:\s*{_AGENCY})?|"
          rf"{_TITLE_CITY}{_PLACE_TAIL}{_DATE_TAIL}\s*{_AGENCY}|{_AGENCY})")
_DASH = r"\s*(?:—|–|-{1,2}|\|)\s*"
_DATELINE = re.compile(rf"^{_PLACE}{_DASH}")
_DATELINE_LINE = re.compile(rf"^{_PLACE}(?:{_DASH})?$")
_LABEL = re.compile(
    r"^(?:UPDATE[SD]?|BREAKING(?:\s+NEWS)?|VIDEO|WATCH|PHOTOS?|GALLERY|EXCLUSIVE|DEVELOPING|LIVE|ALERT|LINKS?|"
    r"SEE\s+ALSO|READ\s+(?:MORE|ALSO)|ALSO\s+READ|RAW)"
    r"\s*[:|\-–—]\s*", re.I)
_END_PUNCT = re.compile(r"[.!?…:;,][\"”’')\]]*$")


class Piece(NamedTuple):
    """A span of page furniture and the name of the rule that found it."""

    start: int
    end: int
    rule: str


def boilerplate(text: str, title: str | None = None, begin: int = 0
                ) -> tuple[list[tuple[int, int]], str | None]:
    """The boilerplate spans of ``text`` after offset ``begin``, and the headline line if one leads it."""
    pieces, headline = furniture(text, title, begin)
    return [(p.start, p.end) for p in pieces], headline


def furniture(text: str, title: str | None = None, begin: int = 0) -> tuple[list[Piece], str | None]:
    """The furniture of ``text`` after offset ``begin``, each piece with its rule, and the headline line."""
    titles = {_key(t) for t in re.split(r"\s+[|\-–—]\s+", title or "") + [title or ""] if len(t.split()) >= 3}
    spans: list[Piece] = []
    seen: set[str] = set()
    headline: str | None = None
    lines = list(_lines(text, begin))
    menu = _menus(text, lines)
    content = 0  # lines of article text met so far
    for i, (s, e) in enumerate(lines):
        line, key = text[s:e], _key(text[s:e])
        words = len(line.split())
        rule = line_rule(line, words) or ("title" if key in titles else None) or (
            "repeat" if len(key) > 8 and key in seen else None) or ("menu" if i in menu else None)
        if not rule and content == 0 and headline is None and i + 1 < len(lines) and _is_headline(line, words):
            rule, headline = "headline", line
        seen.add(key)
        if rule:
            spans.append(Piece(s, e, rule))
            continue
        label = _LABEL.match(line)
        if label and not _END_PUNCT.search(line):  # "PHOTOS: Teens hurt in shooting", a link
            spans.append(Piece(s, e, "label"))
            continue
        if label:  # "UPDATE: Police say ..."
            spans.append(Piece(s, s + label.end(), "label"))
            line, s = line[label.end():], s + label.end()
        if _is_notice(line):  # a notice sentence, not the paragraph it ends
            spans += [Piece(a, b, "notice") for a, b in _notices(line, s)]
        dateline = _DATELINE.match(line) if content < 3 else None
        if dateline and len(line[dateline.end():].split()) >= 3:
            spans.append(Piece(s, s + dateline.end(), "dateline"))
        content += 1
    return spans, headline


def _notices(line: str, offset: int) -> list[tuple[int, int]]:
    """The notice sentences of a line; from the notice on when it ends a long sentence."""
    spans = []
    for a, b in _sentences(line):
        m = _notice(line[a:b])
        if m:
            lead = len(line[a:a + m.start()].split()) > 12
            spans.append((offset + a + (m.start() if lead else 0), offset + b))
    return spans


# Words one of which a notice found anywhere (_NOTICE_ANY) or a caption must hold: a cheap test before
# the slow patterns.
_NOTICE_HINTS = (
    "subscri", "sign", "newsletter", "rights", "©", "material", "may not be", "script", "log", "account",
    "click", "tap", "scroll", "check back", "developing", "follow", "like us", "conversation", "access",
    "delivery", "comment", "error", "typo", "notification", "thank", "privacy", "terms",
    "cookie", "trending", "download", "journalism", "become", "continues", "keep you", "get the latest",
    "get breaking", "mobile", "enjoyed", "free article", "policy", "updated", "posted", "edit",
)
_NOTICE_HINT = re.compile("|".join(map(re.escape, _NOTICE_HINTS)))
_CAPTION_HINTS = ("photo", "image", "slide", "picture", "video", "caption", "credit", "courtesy", "getty",
                  "reuters/", "afp", "epa-efe", "mug", "shutterstock", "handout")


def _notice(text: str) -> re.Match[str] | None:
    """The notice that ``text`` (a line or a sentence) opens or holds."""
    low = text.lower()
    start = _NOTICE_START.match(text)
    if start and (len(text.split()) <= _NOTICE_WORDS or _COPYRIGHT.match(text)):
        return start
    return _NOTICE_ANY.search(text) if _NOTICE_HINT.search(low) else None


# An imperative that opens a notice ("Stay with us for updates.", "Watch the
# report here.") is short; a longer sentence that opens the same way is news
# ("Stick with the plan, the mayor told the council, and 40 jobs will be saved.").
_NOTICE_WORDS = 10
_COPYRIGHT = re.compile(r"\W*(?:©|\(c\)\s|copyright\b)", re.I)


def _is_notice(line: str) -> bool:
    return _notice(line) is not None


def _is_caption(line: str) -> bool:
    low = line.lower()
    return any(h in low for h in _CAPTION_HINTS) and bool(_CAPTION.search(line))


def _blank(line: str, words: int) -> bool:
    return not re.search(r"\w", line)


# A row of widgets is short; a longer line is never one (and the pattern,
# whose words may be separated by commas, is not tried on long lines).
_WIDGET_WORDS = 16


def _widget(line: str, words: int) -> bool:
    return words <= _WIDGET_WORDS and bool(_WIDGET.match(line))


def _short_notice(line: str, words: int) -> bool:
    return words <= 12 and _is_notice(line)


# A photographer's credit: "Jane Doe/KXYZ", "REUTERS/Jane Doe".
_SLASH_CREDIT = re.compile(r"(?:[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}\s*/\s*[A-Z]{2,}[\w-]*|"
                           r"[A-Z]{2,}[\w-]*\s*/\s*[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})")


def _caption(line: str, words: int) -> bool:
    return words <= 60 and _is_caption(line) or words <= 8 and bool(_SLASH_CREDIT.fullmatch(line))


# A link in a list of links: ">> PHOTOS: County fair opens", "► Man charged".
_ARROW = re.compile(r"^(?:>>+|»|►|▶|→)\s*\S")


def _link(line: str, words: int) -> bool:
    return bool(_ARROW.match(line)) and not sentence_shaped(line)


# Words that a headline in title case leaves in lower case.
_TITLE_LOWER = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "nor", "by", "with",
                "from", "as", "vs", "vs.", "via", "into", "onto", "over", "off", "up", "out", "per", "than"}


def _title_case(line: str, words: int) -> bool:
    """A headline or a subhead in title case: "Two Sets of Shots Ring Out"; no sentence is written so."""
    if not 3 <= words <= 16 or re.search(r"[.!?…;,\"“”]|:.", line):  # not "Location: Harbor Bridge"
        return False
    tokens = re.findall(r"[^\W\d_][\w'’.-]*", line)
    return len(tokens) >= 3 and all(t[0].isupper() or t in _TITLE_LOWER for t in tokens) and sum(
        t[0].isupper() for t in tokens) >= 3


def _credit(line: str, words: int) -> bool:
    return words <= 60 and bool(_CREDIT.search(line))


def _byline(line: str, words: int) -> bool:
    m = _BYLINE.match(line) if words <= 14 else None
    if not m:
        return False
    tokens = re.findall(r"[\w'’.@-]+", m["who"])
    if not tokens or _NOT_A_NAME.fullmatch(tokens[0].strip(".")):
        return False
    return all(t[0].isupper() or t[0].isdigit() or "@" in t or t.lower() in _BYLINE_WORDS for t in tokens)


def _author(line: str, words: int) -> bool:
    if words > 10 or not _ROLES.search(line) or _END_PUNCT.search(line) and not line.endswith("."):
        return False
    parts = [p.strip() for p in re.split(r"\s*[|,/•·–—]\s*|\s+-\s+", line.rstrip(".")) if p.strip()]
    name = re.fullmatch(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3}", parts[0])
    return len(parts) >= 2 and bool(name) and not _ROLES.search(parts[0]) and all(
        all(t[0].isupper() or t.lower() in _BYLINE_WORDS for t in p.split()) for p in parts[1:])


# A breadcrumb or a menu on one line: "Home > World > Middle East", "News | Sport | Weather".
_CRUMB = re.compile(r"\s+[|•·/]\s+|\s*[>»›]\s*")


def _breadcrumb(line: str, words: int) -> bool:
    parts = [p.strip() for p in _CRUMB.split(line)]
    pointed = bool(re.search(r"[>»›]", line))
    return (words <= 20 and len(parts) >= (2 if pointed else 3) and all(
        p and len(p.split()) <= 4 and (p[0].isupper() or p[0].isdigit()) and not _END_PUNCT.search(p)
        and not re.search(r"[\"“”]", p) for p in parts))


# "Contact Jane Doe at 555-0100.", "Contact Jane Doe: 636-0275"
_CONTACT_LINE = re.compile(r"^(?:contact|reach|e-?mail|call)\s+(?-i:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})"
                           r"\s*(?:at\b|:)\s*[(+\d]|^(?-i:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3}):\s*"
                           r"\(?\d{3}\)?[\s.-]*\d{3}-\d{4}$", re.I)
_HASHTAGS = re.compile(r"(?:#\w{2,}[\s,.]*)+")


def _contact(line: str, words: int) -> bool:
    return words <= 15 and (("@" in line or "http" in line or "www." in line or ".com/" in line)
                            and bool(_CONTACT.search(line))
                            or bool(_CONTACT_LINE.match(line)) or bool(_HASHTAGS.fullmatch(line)))


# A video in a playlist, its length before its title: "1:36 The team's championship moment".
_VIDEO = re.compile(r"^\d{1,2}:\d{2}\s+(?!(?:a|p)\.?m\b)[\w'‘“\"]", re.I)


def _video(line: str, words: int) -> bool:
    return words <= 20 and bool(_VIDEO.match(line)) and not sentence_shaped(line)


def _dateline_line(line: str, words: int) -> bool:
    return words <= 15 and bool(_DATELINE_LINE.match(line))


def _capitals(line: str, words: int) -> bool:
    return words <= 6 and not re.search(r"[a-z]", line) and bool(re.search(r"[A-Z]{2}", line))


def _timestamp(line: str, words: int) -> bool:
    return words <= 15 and bool(re.search(r"\d", line)) and not _STAMP.sub("", line).strip()


# A date or time line that names its author: "Posted by Jane Doe on March 3, 2024 at 2:32 PM".
_POSTED_BY = re.compile(r"\b(?:posted|published|updated|written)\s+by\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}", re.I)
# A stamp label alone: "Last Update", "Updated", "Published:".
_STAMP_LABEL = re.compile(r"(?:last\s+)?(?:updated?|modified|edited|published|posted)\s*:?", re.I)


_STAMP_NAME = re.compile(r"\b(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
                         r"[a-z]*|updated?|published|posted)\b", re.I)


def _stamp_line(line: str, words: int) -> bool:
    if words <= 3 and (_STAMP_LABEL.fullmatch(line.strip()) or _STAMP_NAME.search(line) and not _STAMP.sub("", line)):
        return True  # "Last Update", "August", "Monday"
    m = _POSTED_BY.search(line) if words <= 20 else None
    return bool(m) and _timestamp(line[:m.start()] + " updated " + line[m.end():], words)


# Rules that find a whole line of furniture by its shape: (name, test of the line and its word count).
LINE_RULES: tuple[tuple[str, Callable[[str, int], bool]], ...] = (
    ("blank", _blank),  # no letter or digit: "* * *", "---"
    ("widget", _widget),  # share, print and font buttons, menus: "A+ A-", "Share this | Tweet"
    ("notice", _short_notice),  # subscription, sign-in, copyright, cookie notices
    ("caption", _caption),  # photo captions and credits: "(AP Photo/Jane Doe)", "Photo: Getty Images"
    ("credit", _credit),  # "Reporting by ...; Editing by ...", "AP contributed to this report."
    ("byline", _byline),  # "By JOHN SMITH Associated Press", not "By Tuesday, 40 people had died."
    ("author", _author),  # a name and a role: "Jane Doe | Staff writer", "Jane Doe, Associated Press"
    ("contact", _contact),  # addresses, handles, links, hashtags: "jdoe@example.com | @jdoe", "Contact Jane Doe at 555-0100."
    ("dateline", _dateline_line),  # a dateline on a line of its own: "BRUSSELS"
    ("capitals", _capitals),  # a short line in capitals: a city or a label, "RELATED"
    ("timestamp", _timestamp),  # dates and times only: "Updated: Tuesday, Nov 8, 2016 @ 11:29 AM"
    ("stamp", _stamp_line),  # "Last Update", "Posted by Jane Doe on March 3, 2024"
    ("breadcrumb", _breadcrumb),  # "Home > World > Middle East", "News | Sport | Weather"
    ("link", _link),  # a link in a list: ">> PHOTOS: County fair opens"
    ("video", _video),  # a playlist entry, its length and title: "1:36 The team's championship moment"
    ("title-case", _title_case),  # a headline or subhead in title case: "Two Sets of Shots Ring Out"
)


def line_rule(line: str, words: int | None = None) -> str | None:
    """The name of the first rule that finds ``line`` (stripped) whole to be furniture, or None."""
    n = len(line.split()) if words is None else words
    return next((name for name, test in LINE_RULES if test(line, n)), None)


def _is_headline(line: str, words: int) -> bool:
    """A short first line without final punctuation: the headline, which is not a claim."""
    return 2 <= words <= 25 and len(line) <= 200 and not _END_PUNCT.search(line) and not line[0].islower()


def _lines(text: str, begin: int) -> Iterator[tuple[int, int]]:
    for m in re.finditer(r"[^\n]+", text):
        s, e = max(m.start(), begin), m.end()
        line = text[s:e]
        if s < e and line.strip():
            yield s + len(line) - len(line.lstrip()), e - len(line) + len(line.rstrip())


_ABBREVIATION = re.compile(r"(?:\b[A-Z]|Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Jr|Sr|Inc|Co|Corp|No|Vs|"
                           r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.$")


def _sentences(line: str) -> Iterator[tuple[int, int]]:
    """Sentence spans of a line: a break after . ! ? before a capital, not after "Mr." or "U.S."."""
    start = 0
    for m in re.finditer(r"[.!?][\"”’)]*\s+(?=[\"“(]?[A-Z0-9©])", line):
        if not _ABBREVIATION.search(line[max(start, m.start() - 5):m.start() + 1]):
            yield start, m.end() - len(m[0]) + len(m[0].rstrip())
            start = m.end()
    yield start, len(line)


def _key(line: str) -> str:
    return re.sub(r"\W+", " ", line.lower()).strip()


# A menu: four or more lines in a row of one to three capitalised words each ("World", "U.S.", "Sports").
_MENU_ITEM = re.compile(r"(?:[A-Z][\w'’.&-]*|&)(?:\s+(?:[A-Z][\w'’.&-]*|&)){0,2}")
_MENU_RUN = 4


def _menus(text: str, lines: list[tuple[int, int]]) -> set[int]:
    """The indexes of the lines that stand in a run of menu items."""
    items = [bool(_MENU_ITEM.fullmatch(text[s:e])) and not re.search(r"\d", text[s:e]) for s, e in lines]
    found: set[int] = set()
    i = 0
    while i < len(items):
        j = i
        while j < len(items) and items[j]:
            j += 1
        if j - i >= _MENU_RUN:
            found.update(range(i, j))
        i = j + 1
    return found


# --- Lines that recur across documents ----------------------------------------
# The strongest general sign of furniture: a line that recurs verbatim in the
# pages of several different stories is the site's, not the story's. Copies of
# one story (wire copy, updates) share their sentences, so documents that share
# long sentences count as one story (compared two at a time, never chained, so
# that a wire story copied by many outlets does not join all their pages), and
# a line that reads as a sentence never counts ("No arrests have been made."
# recurs in many stories and is a claim).

RECUR_STORIES = 3
"""How many different stories a line must recur in to be furniture."""
_STORY_WORDS = 10  # a shared sentence this long makes two documents one story
_RECUR_WORDS = 20  # a longer line is text, even when it recurs


def sentence_shaped(line: str) -> bool:
    """Whether a line reads as a sentence: three words or more, a final stop, most words after the first in lower case."""
    words = line.split()
    if len(words) < 3 or not re.search(r"[.!?…][\"”’')\]]*$", line):
        return False
    return sum(1 for w in words[1:] if w[0].isupper()) * 2 <= len(words) - 1


def recurring_lines(texts: Sequence[str]) -> set[str]:
    """The lines (stripped) that recur in at least ``RECUR_STORIES`` different stories among ``texts``."""
    lines_of = [{line.strip() for line in text.splitlines() if line.strip()} for text in texts]
    told = [{line for line in lines if len(line.split()) >= _STORY_WORDS and sentence_shaped(line)
             and not _is_notice(line)} for lines in lines_of]
    docs_of: dict[str, list[int]] = {}
    for i, lines in enumerate(lines_of):
        for line in lines:
            if len(line.split()) <= _RECUR_WORDS and re.search(r"\w", line) and not sentence_shaped(line):
                docs_of.setdefault(line, []).append(i)
    found = set()
    for line, docs in docs_of.items():
        if len(docs) < RECUR_STORIES:
            continue
        stories: list[int] = []  # one document of each story met, compared pairwise, not chained
        for i in docs:
            if not any(_copies(told[i], told[j]) for j in stories):
                stories.append(i)
                if len(stories) >= RECUR_STORIES:
                    found.add(line)
                    break
    return found


def _copies(a: set[str], b: set[str]) -> bool:
    """Whether two documents tell one story: they share two long sentences, or all of the shorter's.

    One shared sentence is not enough: an outlet repeats its background
    paragraph ("The war has killed more than 6,500 people") in its stories.
    """
    shared = len(a & b)
    return shared >= 2 or shared > 0 and shared == min(len(a), len(b))


def recurring(text: str, lines: set[str]) -> list[Piece]:
    """The lines of ``text`` that are among the recurring ``lines``."""
    return [Piece(s, e, "recurring") for s, e in _lines(text, 0) if text[s:e] in lines]
