"""Page furniture: lines and spans of a news page that hold no claim."""

from __future__ import annotations

import re
from collections.abc import Iterator

from verify.extract.timeref import DATE_PATTERN

__all__ = ["boilerplate"]

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
    r"Total\s+Access|Just\s+One\s+More\s+Thing\.*|\d+\s+min(?:ute)?s?\s+read|×)"
)
# Share and font widgets, menus: "A+ A-", "Share this | Tweet | Email | Print".
_WIDGET = re.compile(rf"^{_SEP}*{_WIDGET_WORD}(?:{_SEP}+{_WIDGET_WORD})*{_SEP}*\.?$", re.I)
# Subscription, paywall, sign-in, copyright and contact notices.
_NOTICE = re.compile(
    r"contact\s+us\s+for\s+subscription|subscription\s+options|offered\s+to\s+subscribers|"
    r"already\s+a\s+subscriber|\bsubscribe\s+(?:to|now|today|for|here)\b|\bsign\s+up\s+(?:for|to|here|now|today)\b|"
    r"(?:our|e-?mail)\s+newsletters?|all\s+rights\s+reserved|^\W*(?:©|\(c\)\s|copyright\b)|©\s*\d{4}|"
    r"this\s+material\s+may\s+not\s+be|may\s+not\s+be\s+(?:published|reproduced|redistributed)|"
    r"enable\s+javascript|(?:log|sign)\s+in\s+(?:to|with|using|or|here)\b|please\s+(?:log|sign)\s+in|"
    r"create\s+an\s+account|already\s+have\s+an\s+account|click\s+(?:here|on\s+the\s+button)|tap\s+here|"
    r"scroll\s+down\s+for|check\s+back\s+(?:for|later)|this\s+is\s+a\s+developing\s+story|"
    r"follow\s+(?:us|\w+(?:\s+\w+)?)\s+on\s+(?:twitter|facebook|instagram)|like\s+us\s+on\s+facebook|"
    r"join\s+the\s+conversation|digital\s+access|home\s+delivery|pending\s+comments|"
    r"comments?\s+(?:are|is)\s+closed|report\s+an\s+error|(?:email|push)\s+notifications?|"
    r"your\s+notification|thank\s+you\s+for\s+(?:registering|subscribing|reading)|why\s+are\s+we\s+asking|"
    r"owner\s+of\s+this\s+article|privacy\s+policy|terms\s+of\s+(?:use|service)|(?:use|accept)\s+cookies|"
    r"^read\s+more\b|^continue\s+reading|trending\s+stories|^(?:related|also\s+read|read\s+also|more)\s*[:|]|"
    r"download\s+(?:our|the)\s+(?:\w+\s+)?app\b|support\s+(?:our|independent)\s+journalism|"
    r"become\s+a\s+(?:member|subscriber)|story\s+continues\s+below|^editor['’]?s\s+note\b",
    re.I,
)
# Photo captions and credits.
_CAPTION = re.compile(
    r"\(\s*(?:(?:file|ap|afp|staff|handout)\s+)?(?:photo|photograph|image|picture|courtesy|credit|getty|"
    r"shutterstock)[^()]*\)[\s.]*$|\([^()]*\bphoto(?:graph)?s?(?:\s*/[^()]*)?\)[\s.]*$|"
    r"^(?:buy\s+photo\b|file\s+photo\b|(?:photos?|photograph|images?|pictures?|caption|credit|courtesy|mug\s*shot)"
    r"(?:\s+\d+\s+of\s+\d+|\s*(?:credit|source|courtesy)?\s*[:|]|\s+(?:by|via|courtesy|credit)\b))|"
    r"getty\s+images|(?-i:\bREUTERS/)|\(AP\s+Photo|\bAFP/|/\s*AFP\b|\bEPA-EFE\b|\|\s*photo\b|\bimage\s+via\b|"
    r"in\s+this\s+(?:undated\s+|file\s+|handout\s+|\d{4}\s+)?(?:photo|image|picture|photograph)\b|"
    r"(?:file|booking|handout)\s+photo[\s.)]*$|\bmug\s*shot[\s.)]*$",
    re.I,
)
# Credit lines and bylines: "With reporting by AFP", "Reporting by ...; Editing by ...".
_CREDIT = re.compile(
    r"^[(\[—–-]*\s*(?:with\s+)?(?:additional\s+)?(?:reporting|writing|editing|compiled|edited|written|"
    r"research|translated|translation|produced|contributing)\s+(?:by|from)\b|"
    r"contributed(?:\s+to)?\s+(?:this|the)\s+(?:report|story|article)",
    re.I,
)
_BYLINE = re.compile(r"^by\s+[A-Z]", re.I)
# A line of dates and times only: "Published: Monday, 1/25/2016 - Updated: 2 months ago".
_STAMP = re.compile(
    rf"{DATE_PATTERN}|\b(?:updated|published|posted|last|modified|on|at|am|pm|a\.m\.?|p\.m\.?|[ecmp][sd]t|et|"
    r"gmt|utc|bst|cet|ago|hours?|hrs?|minutes?|mins?|days?|weeks?|months?|years?|just|now|"
    r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?)(?!\w)|"
    r"\d{1,2}:\d{2}|\d+|[\s|,:;\-–—/().@]",
    re.I,
)
_CONTACT = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+|(?<!\w)@\w{2,}|https?://|www\.", re.I)
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
    r"^(?:UPDATE[SD]?|BREAKING(?:\s+NEWS)?|VIDEO|WATCH|PHOTOS?|GALLERY|EXCLUSIVE|DEVELOPING|LIVE|ALERT)"
    r"\s*[:|\-–—]\s*", re.I)
_END_PUNCT = re.compile(r"[.!?…:;,][\"”’')\]]*$")


def boilerplate(text: str, title: str | None = None, begin: int = 0
                ) -> tuple[list[tuple[int, int]], str | None]:
    """The boilerplate spans of ``text`` after offset ``begin``, and the headline line if one leads it."""
    titles = {_key(t) for t in re.split(r"\s+[|\-–—]\s+", title or "") + [title or ""] if len(t.split()) >= 3}
    spans: list[tuple[int, int]] = []
    seen: set[str] = set()
    headline: str | None = None
    lines = list(_lines(text, begin))
    content = 0  # lines of article text met so far
    for i, (s, e) in enumerate(lines):
        line, key = text[s:e], _key(text[s:e])
        words = len(line.split())
        whole = _furniture(line, words) or key in titles or (len(key) > 8 and key in seen)
        if not whole and content == 0 and headline is None and i + 1 < len(lines) and _is_headline(line, words):
            whole, headline = True, line
        seen.add(key)
        if whole:
            spans.append((s, e))
            continue
        label = _LABEL.match(line)
        if label and not _END_PUNCT.search(line):  # "PHOTOS: Teens hurt in shooting", a link
            spans.append((s, e))
            continue
        if label:  # "UPDATE: Police say ..."
            spans.append((s, s + label.end()))
            line, s = line[label.end():], s + label.end()
        if _is_notice(line):  # a notice sentence, not the paragraph it ends
            spans += _notices(line, s)
        dateline = _DATELINE.match(line) if content < 3 else None
        if dateline and len(line[dateline.end():].split()) >= 3:
            spans.append((s, s + dateline.end()))
        content += 1
    return spans, headline


def _notices(line: str, offset: int) -> list[tuple[int, int]]:
    """The notice sentences of a line; from the notice on when it ends a long sentence."""
    spans = []
    for a, b in _sentences(line):
        m = _NOTICE.search(line[a:b])
        if m:
            lead = len(line[a:a + m.start()].split()) > 12
            spans.append((offset + a + (m.start() if lead else 0), offset + b))
    return spans


# Words one of which a notice or a caption must hold: a cheap test before the slow patterns.
_NOTICE_HINTS = (
    "subscri", "sign", "newsletter", "rights", "©", "(c)", "copyright", "material", "may not be", "script",
    "log", "account", "click", "tap", "scroll", "check back", "developing", "follow", "like us",
    "conversation", "access", "delivery", "comment", "error", "notification", "thank", "asking", "owner",
    "privacy", "terms", "cookie", "read more", "continue reading", "also read", "read also", "more:", "more |",
    "trending", "related", "download", "journalism",
    "become", "continues", "editor",
)
_CAPTION_HINTS = ("photo", "image", "picture", "caption", "credit", "courtesy", "getty", "reuters/", "afp",
                  "epa-efe", "mug", "shutterstock", "handout")


def _is_notice(line: str) -> bool:
    low = line.lower()
    return any(h in low for h in _NOTICE_HINTS) and bool(_NOTICE.search(line))


def _is_caption(line: str) -> bool:
    low = line.lower()
    return any(h in low for h in _CAPTION_HINTS) and bool(_CAPTION.search(line))


def _furniture(line: str, words: int) -> bool:
    """Whether a whole line is page furniture rather than article text."""
    if not re.search(r"\w", line) or _WIDGET.match(line):
        return True
    if words <= 12 and _is_notice(line):
        return True
    if words <= 60 and (_is_caption(line) or _CREDIT.search(line)):
        return True
    if words <= 12 and _BYLINE.match(line):
        return True
    if words <= 15 and (("@" in line or "http" in line or "www." in line) and _CONTACT.search(line)
                        or _DATELINE_LINE.match(line)):
        return True
    if words <= 6 and not re.search(r"[a-z]", line) and re.search(r"[A-Z]{2}", line):
        return True  # a city or a label in capitals: "BRUSSELS", "RELATED"
    return words <= 15 and bool(re.search(r"\d", line)) and not _STAMP.sub("", line).strip()


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
