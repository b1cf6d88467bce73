"""Path converters of the public URLs."""

import datetime
from typing import NamedTuple


class IsoDateConverter:
    """A calendar date written YYYY-MM-DD; impossible dates (2020-02-30) do not match."""

    regex = r"\d{4}-\d{2}-\d{2}"

    def to_python(self, value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError as error:
            raise ValueError(value) from error

    def to_url(self, value):
        return value.isoformat() if isinstance(value, datetime.date) else str(value)


class SessionNumber(NamedTuple):
    number: int
    is_special: bool = False

    def __str__(self):
        return f"special-{self.number}" if self.is_special else str(self.number)


class SessionNumberConverter:
    """``11`` for the eleventh session, ``special-2`` for the second special session."""

    regex = r"(?:special-)?[0-9]{1,4}"

    def to_python(self, value):
        if value.startswith("special-"):
            return SessionNumber(int(value.removeprefix("special-")), True)
        return SessionNumber(int(value))

    def to_url(self, value):
        return str(value)
