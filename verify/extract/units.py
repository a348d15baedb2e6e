"""The words around numbers in news English: qualifiers, units, currencies, months.

Tables only, read by :mod:`verify.extract.amounts`. Each table maps a phrase, as its
tokens' lower-case text joined by spaces (:func:`verify.numbers.tokens`), to
what it means: "more than" to ``more_than``, "per cent" to ``percent``, "km" to
``kilometre``, "€" to ``EUR``.
"""

from __future__ import annotations

from .numbers import tokens

__all__ = [
    "ABBREVIATIONS", "CURRENCY_CODES", "CURRENCY_SYMBOLS", "CURRENCY_WORDS", "DURATIONS", "GLUED_ONLY",
    "MEASURES",
    "MONTHS", "NEAR_MISSES", "NOT_COMPOUNDS", "PERCENT", "POSTFIX", "QUALIFIERS", "TIME_WORDS",
    "VAGUE_FEW", "VAGUE_PLURALS",
]


def _table(spec: dict[str, str]) -> dict[str, str]:
    """Phrases (as their tokens' lower-case text joined by spaces) to values."""
    return {" ".join(t.lower for t in tokens(phrase)): value
            for value, phrases in spec.items() for phrase in phrases.split("|")}


QUALIFIERS: dict[str, str] = _table({
    "approx": "some|about|around|roughly|approximately|approx|approx.|an estimated|estimated"
              "|circa|c.|ca.|~|more or less|in the region of|on the order of|just about|roughly about",
    "more_than": "more than|over|above|upwards of|upward of|in excess of|exceeding|exceed|exceeds"
                 "|exceeded|surpass|surpassing|greater than|higher than|larger than|bigger than"
                 "|north of|>",
    "at_least": "at least|no fewer than|no less than|not less than|not fewer than|a minimum of"
                "|minimum of|at least or equal to|equal to or more than|equal to or greater than"
                "|greater than or equal to|more than or equal to|bigger or equal than"
                "|higher or equal than|larger or equal than|greater or equal than"
                "|more or equal than|>=|≥",
    "less_than": "fewer than|less than|under|below|nearly|almost|just under|just below|close to"
                 "|not quite|short of|just short of|just shy of|lower than|smaller than|<",
    "at_most": "up to|at most|no more than|not more than|as many as|as much as|a maximum of"
               "|maximum of|as high as|no greater than|less than or equal to|smaller or equal than"
               "|lower or equal than|less or equal than|equal to or less than|equal to or fewer than"
               "|fewer than or equal to|<=|≤",
    "exact": "exactly|precisely|just|only|equal to|equals|equals to|equaling to|equalling|=|a total of",
})
# "nearly" and its kin say the value was almost reached, so the interval has a floor.
NEAR_MISSES = {"nearly", "almost", "close to", "just under", "just below", "not quite",
               "short of", "just short of", "just shy of"}
POSTFIX: dict[str, str] = _table({
    "at_least": "or more|and more|or greater|or higher|or above|and above|and over|or over|plus|+"
                "|or more than|or greater than|and older|or older|and up|- plus",
    "at_most": "or less|or fewer|and less|and under|or under|or lower|or below|or less than"
               "|and younger|or younger",
    "approx": "or so|odd|-odd",
    "equal": "or equal|or equal to",
})

CURRENCY_SYMBOLS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR",
                    "₽": "RUB", "₺": "TRY", "₼": "AZN", "֏": "AMD", "₩": "KRW", "₪": "ILS",
                    "C$": "CAD", "A$": "AUD", "HK$": "HKD", "NZ$": "NZD", "R$": "BRL", "S$": "SGD"}
CURRENCY_CODES = set(
    "USD EUR GBP JPY CNY RMB INR RUB AZN AMD TRY CHF CAD AUD SEK NOK DKK PLN UAH KRW BRL MXN"
    " ZAR NGN KES EGP SAR AED ILS IRR PKR HKD SGD NZD GEL KZT BYN".split()
)
CURRENCY_WORDS = _table({
    "USD": "dollar|dollars", "EUR": "euro|euros", "GBP": "sterling|pounds sterling",
    "JPY": "yen", "CNY": "yuan|renminbi", "INR": "rupee|rupees|rs|rs.", "RUB": "rouble|roubles|ruble|rubles",
    "AZN": "manat|manats", "AMD": "dram|drams", "TRY": "lira|liras", "CHF": "franc|francs|swiss franc|swiss francs",
    "ILS": "shekel|shekels", "SAR": "riyal|riyals", "AED": "dirham|dirhams",
    "UAH": "hryvnia|hryvnias", "NGN": "naira", "ZAR": "rand", "MXN": "peso|pesos",
    "cent": "cent|cents", "penny": "penny|pence",
})
PERCENT = _table({"percent": "%|percent|per cent|pct|percentage|percents|pc",
                  "percentage point": "percentage point|percentage points"})
DURATIONS = _table({
    "second": "second|seconds|sec|secs", "minute": "minute|minutes|min|mins",
    "hour": "hour|hours|hr|hrs", "day": "day|days", "week": "week|weeks",
    "fortnight": "fortnight|fortnights", "month": "month|months", "year": "year|years|yr|yrs",
    "decade": "decade|decades", "century": "century|centuries", "millennium": "millennium|millennia",
})
MEASURES = _table({
    "kilometre": "km|kms|kilometre|kilometres|kilometer|kilometers", "metre": "m|metre|metres|meter|meters",
    "centimetre": "cm|centimetre|centimetres|centimeter|centimeters",
    "millimetre": "mm|millimetre|millimetres|millimeter|millimeters",
    "nanometre": "nm|nanometre|nanometres|nanometer|nanometers", "mile": "mile|miles|mi",
    "foot": "foot|feet|ft", "inch": "inch|inches", "yard": "yard|yards",
    "nautical mile": "nautical mile|nautical miles|nmi",
    "square foot": "sq ft|sq. ft|sq. ft.|square foot|square feet|sqft",
    "hectare": "hectare|hectares|ha", "acre": "acre|acres",
    "kilogram": "kg|kgs|kilogram|kilograms|kilo|kilos", "gram": "g|gram|grams|gramme|grammes",
    "milligram": "mg|milligram|milligrams", "tonne": "tonne|tonnes|ton|tons|t",
    "pound": "lb|lbs|pound|pounds", "ounce": "oz|ounce|ounces",
    "litre": "l|litre|litres|liter|liters", "millilitre": "ml", "centilitre": "cl",
    "gallon": "gallon|gallons", "barrel": "barrel|barrels|bpd", "cup": "cup|cups",
    "tablespoon": "tbsp|tablespoon|tablespoons", "degree": "degree|degrees|°",
    "degree Celsius": "°c|degrees celsius|degree celsius|degrees c",
    "degree Fahrenheit": "°f|degrees fahrenheit|degree fahrenheit|degrees f",
    "mile per hour": "mph", "mile per gallon": "mpg", "kilometre per hour": "km/h|kph|kmh|kilometres per hour|kilometers per hour",
    "knot": "knot|knots", "watt": "w|watt|watts", "kilowatt": "kw|kilowatt|kilowatts",
    "megawatt": "mw|megawatt|megawatts", "gigawatt": "gw|gigawatt|gigawatts",
    "watt hour": "wh|watt hour|watt hours",
    "kilowatt hour": "kwh|kilowatt hour|kilowatt hours|kilowatt-hour|kilowatt-hours",
    "megawatt hour": "mwh|megawatt hour|megawatt hours|megawatt-hour|megawatt-hours",
    "gigawatt hour": "gwh|gigawatt hour|gigawatt hours|gigawatt-hour|gigawatt-hours",
    "terawatt hour": "twh|terawatt hour|terawatt hours|terawatt-hour|terawatt-hours",
    "kilobit per second": "kbps", "megabit per second": "mbps", "gigabit per second": "gbps",
    "electronvolt": "ev", "teraelectronvolt": "tev", "byte": "byte|bytes",
    "megabyte": "mb|megabyte|megabytes", "gigabyte": "gb|gigabyte|gigabytes",
    "exabyte": "exabyte|exabytes", "bit": "bit|bits", "gigahertz": "ghz",
    "square kilometre": "km2|km²|sq km|square kilometre|square kilometres|square kilometer"
                        "|square kilometers|sq. km",
    "square mile": "sq mi|square mile|square miles|sq. mi", "square metre": "m2|m²|sq m|sq. m|square metre"
                   "|square metres|square meter|square meters",
    "cubic metre": "m3|m³|cubic metre|cubic metres|cubic meter|cubic meters",
    "cubic kilometre": "km3|km³|cubic kilometre|cubic kilometres|cubic kilometer|cubic kilometers",
})
# Unit abbreviations that are also English words or times of day: only a
# unit when glued to the digits ("10t", "5l", "2.1pm" is still a time).
GLUED_ONLY = {"t", "l", "g", "w", "ha", "cup", "ev", "m", "pc"}
# Abbreviations that are no English word ("6 ft", "8 oz", "30 min"): a unit
# spaced too, when written in lower case ("Ft." is a fort, "Min." a minister).
ABBREVIATIONS = {"ft", "oz", "ml", "cl", "mi", "min", "sec"}
# Compounds like "one-way", "two-sided" are adjectives, not counts.
NOT_COMPOUNDS = {"way", "sided", "off", "on", "time", "hand", "handed", "liner", "stop", "fold", "something",
                  "dimensional", "faced", "party", "shot", "size", "of", "to", "and", "or"}
TIME_WORDS = {"am", "pm", "o'clock", "o’clock", "gmt", "utc"}
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
          "sep", "sept", "oct", "nov", "dec"}
# (plural word, its unit): "dozens" is at least two dozen (24), "tens of
# thousands" at least 20,000; the plural states a floor and no ceiling.
VAGUE_PLURALS = {"dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1e3,
                  "millions": 1e6, "billions": 1e9}
# Quantifier words and the floor they state: "several" is more than two;
# "many", "numerous", "countless" state none.
VAGUE_FEW: dict[str, float | None] = {"several": 3, "many": None, "numerous": None, "countless": None}
