"""The rules that decide or block a verdict, each by name with what it does.

Every link between two claims, every group of a report and every status of
a check carries the names of the rules that decided it (``rules`` in the
JSON of ``verify report`` and ``verify check``), so that a reader can see
why. A rule is declared where it is applied, with one line: what it does
and why it holds of news in general.
"""

from __future__ import annotations

RULES: dict[str, str] = {}


def rule(name: str, what: str) -> str:
    """Declare a rule; returns its name, the constant code refers to it by."""
    if name in RULES and RULES[name] != what:
        raise ValueError(f"rule {name} declared twice")
    RULES[name] = what
    return name


def explain(names: list[str] | tuple[str, ...]) -> list[str]:
    """``name: what it does`` for each rule named, in order."""
    return [f"{n}: {RULES.get(n, '?')}" for n in names]
