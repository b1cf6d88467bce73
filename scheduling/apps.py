from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SchedulingConfig(AppConfig):
    name = "scheduling"
    verbose_name = _("Organization of work")

    def ready(self):
        from agendas import history, savers
        from agendas.models import Session

        from . import services
        from .models import JointMeeting, JointParticipant, SlotItem, TimeSlot

        savers.register(services.SAVERS)
        # A session's versions hold its timetable: each slot with the items it takes
        # up. A change to a slot is seen in the slot's and the session's history.
        history.register(Session, follow=("time_slots",))
        history.register(TimeSlot, follow=("session", "slot_items"))
        history.register(SlotItem, follow=("slot",))
        history.register(JointMeeting, follow=("participants",))
        history.register(JointParticipant, follow=("joint_meeting",))
