"""The tables of bench/RESULTS.md: one per figure, with its measurements and its checked ratios."""

import datetime


class Table:
    """One figure: rows of median, minimum and maximum, and the ratios checked against targets."""

    def __init__(self, title, unit, note):
        self.title = title
        self.unit = unit
        self.note = note
        self.rows = []
        self.checks = []

    def add_row(self, label, timing, scale=1.0):
        self.rows.append((label, timing.scaled(scale)))

    def check(self, description, value, target, passed, value_format="%.2fx"):
        """Record a ratio or limit, its target in words and whether this run met it."""
        self.checks.append((description, value_format % value, target, "PASS" if passed else "MISS"))

    def note_only(self, description, value, value_format="%.2fx"):
        """Record a ratio that has no target, such as hrbox beside a slower peer."""
        self.checks.append((description, value_format % value, "none", "-"))


def number(value):
    if value >= 100:
        return "{:,.0f}".format(value)
    if value >= 10:
        return "%.1f" % value
    return "%.2f" % value


def markdown(tables, facts, quick):
    lines = ["# Benchmark results", ""]
    lines.append("Written by `bench/run%s` on %s. Each figure is explained in [README.md](README.md)." % (
        " --quick" if quick else "", datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")))
    if quick:
        lines += ["", "**This is a --quick try-out run: smaller data, fewer runs, and the targets are "
                  "checked at the largest size it generates, not at the sizes the targets name.**"]
    lines += ["", "| | |", "|---|---|"]
    lines += ["| %s | %s |" % (name, value) for name, value in facts]

    for table in tables:
        lines += ["", "## %s" % table.title, "", table.note]
        if table.rows:
            lines += ["", "| program | median (%s) | min | max | runs |" % table.unit, "|---|---:|---:|---:|---:|"]
        for label, timing in table.rows:
            lines.append("| %s | %s | %s | %s | %d |" % (
                label, number(timing.median), number(timing.minimum), number(timing.maximum), timing.runs))
        if table.checks:
            lines += ["", "| ratio | this run | target | result |", "|---|---:|---|---|"]
            lines += ["| %s | %s | %s | %s |" % check for check in table.checks]
    return "\n".join(lines) + "\n"
