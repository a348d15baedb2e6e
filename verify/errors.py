"""verify's exceptions: each one line, each saying what to do."""

from __future__ import annotations


class VerifyError(Exception):
    "Something the user can fix; the message names the file and what to do."


class InputError(VerifyError):
    "A document could not be read."


class IndexError_(VerifyError):
    "An index is missing, locked, damaged or from another version."


class GoldError(VerifyError):
    "A gold file could not be read."


class ExtractionError(VerifyError):
    "An article could not be analysed; it is left out and the others go on."
