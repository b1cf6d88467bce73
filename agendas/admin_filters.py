"""Date drill-downs and date filters in the admin that never fail with a server error.

Django's date hierarchy turns ``?start_date__year=2020`` into a range from the first
day of the year to the first day of the next. Given a year it cannot hold
(``99999999999999999999``), or the last period a date can be in (year 9999, its
December, its 31 December, whose end would be in year 10000), Django raises
OverflowError or ValueError instead of its own "wrong lookup" answer, and the person
gets a server error.

``SafeDateFiltersMixin`` gives a ModelAdmin a change list that treats such a query
string as Django treats any other bad lookup: a redirect to the list with ``?e=1``.
The last period a date can be in is still shown, filtered without an upper bound. So is
a lookup typed into the address that fails only when made into SQL
(``start_date__year__gt=99999999999999999999``).
"""

import datetime

from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import EmptyResultSet, FullResultSet


def _last(values):
    return values[-1] if values is not None else None


class SafeDateChangeList(ChangeList):
    """A change list whose date filters answer a bad date as a bad lookup, never a 500."""

    def get_filters(self, request):
        try:
            if self.date_hierarchy and self._date_period_is_open_ended():
                return self._get_filters_without_date_bounds(request)
            return super().get_filters(request)
        except (OverflowError, ValueError) as error:
            raise IncorrectLookupParameters(error) from error

    def get_queryset(self, request, exclude_parameters=None):
        queryset = super().get_queryset(request, exclude_parameters)
        # A lookup typed into the address (start_date__year__gt=99999999999999999999)
        # fails only when turned into SQL, after Django's own checks; compiling it here,
        # without running it, makes that failure a wrong lookup too.
        try:
            queryset.query.get_compiler(queryset.db).as_sql()
        except (EmptyResultSet, FullResultSet):
            pass
        except (OverflowError, ValueError) as error:
            raise IncorrectLookupParameters(error) from error
        return queryset

    def _date_period_is_open_ended(self):
        """Whether the drilled-down period ends after the last date Python can hold.

        Raises ValueError or OverflowError when the period is no date at all, as Django
        would (it treats ValueError as a bad lookup, but not OverflowError).
        """
        params = self.get_filters_params()
        field = self.date_hierarchy
        year = _last(params.get(f"{field}__year"))
        if year is None:
            return False
        month = _last(params.get(f"{field}__month"))
        day = _last(params.get(f"{field}__day"))
        # As Django reads them: a missing month or day is the first.
        start = datetime.date(
            int(year),
            int(month) if month is not None else 1,
            int(day) if day is not None else 1,
        )
        try:
            if day is not None:
                start + datetime.timedelta(days=1)
            elif month is not None:
                start + datetime.timedelta(days=32)
            else:
                start.replace(year=start.year + 1)
        except (OverflowError, ValueError):
            return True
        return False

    def _get_filters_without_date_bounds(self, request):
        # Without a date hierarchy, Django leaves the year, month and day in the lookups
        # it applies as they are (start_date__year=9999), which the database answers.
        hierarchy, self.date_hierarchy = self.date_hierarchy, None
        try:
            return super().get_filters(request)
        finally:
            self.date_hierarchy = hierarchy


def safe_date_changelist(changelist_class):
    """``changelist_class`` with the date filters of ``SafeDateChangeList``."""
    if issubclass(changelist_class, SafeDateChangeList):
        return changelist_class
    if changelist_class is ChangeList:
        return SafeDateChangeList
    return type(f"SafeDate{changelist_class.__name__}", (SafeDateChangeList, changelist_class), {})


class SafeDateFiltersMixin:
    """For a ModelAdmin: out-of-range dates in its filters redirect to ``?e=1``."""

    def get_changelist(self, request, **kwargs):
        return safe_date_changelist(super().get_changelist(request, **kwargs))
