"""Path converters of the public URLs."""

import datetime

from agendas.models import SESSION_KEY


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


class SessionKeyConverter:
    """A session as written in addresses: ``11``, ``special-2``, ``63-resumed``,
    ``11-part-1`` (``agendas.models.session_key``)."""

    regex = SESSION_KEY.pattern.removeprefix("^").removesuffix("$")

    def to_python(self, value):
        return value

    def to_url(self, value):
        return str(value)
