"""The translations to do, at the top of the admin's home page."""

from django import template

from agendas import permissions
from agendas.models import Agenda

from ..translation_status import agenda_progress

register = template.Library()

# The agendas of the latest sessions: those being translated.
OVERVIEW_AGENDAS = 5


@register.inclusion_tag("admin/interchange/_translation_overview.html", takes_context=True)
def translation_overview(context):
    """Each of the latest agendas' counts: in a translator's own languages, or in every
    language for staff who may change the structure. Nothing for those who may not
    view agendas."""
    user = context["request"].user
    if not user.has_perm("agendas.view_agenda"):
        return {"agendas": []}
    own = permissions.is_translator(user)
    codes = permissions.languages_of(user)
    agendas = Agenda.objects.select_related("session__body", "session__venue").order_by(
        "-session__start_date", "-pk"
    )[:OVERVIEW_AGENDAS]
    return {
        "own": own,
        "agendas": [(agenda, agenda_progress(agenda, codes)) for agenda in agendas],
    }
