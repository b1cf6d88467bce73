"""Reusable reads of the draft. Prefetching and selection live here, once.

The admin's changelists and change pages read these, selected up front so that the
number of queries does not grow with the rows shown. (The public site reads published
versions only: ``publishing.queries``.)
"""

from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce

from .models import Agenda, AgendaItem
from .numbering import flatten, number_items


def admin_agendas():
    """Agendas with their session and body, and how many items each has.

    The count is a subquery per agenda shown, not a GROUP BY over every item."""
    items = (
        AgendaItem.objects.filter(agenda=OuterRef("pk"))
        .order_by()
        .values("agenda")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Agenda.objects.select_related("session__body").annotate(
        item_count=Coalesce(Subquery(items), 0)
    )


def admin_agenda_items():
    """Agenda items with their agenda (and its session and body) and their parent, in
    no order: the admin's list orders them by an index of its own (modeltranslation's
    queryset would otherwise carry the model's ordering, through the agenda's session,
    into every list)."""
    return AgendaItem.objects.select_related("agenda__session__body", "parent").order_by()


def numbered_items(agenda_id):
    """The items of an agenda in reading order, as ``numbering.NumberedNode``s."""
    return list(flatten(number_items(list(AgendaItem.objects.filter(agenda_id=agenda_id)))))
