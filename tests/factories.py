"""factory_boy factories for every model; tests build their own worlds from these."""

import datetime

import factory
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth import get_user_model

from agendas.models import (
    Agenda,
    AgendaEdition,
    AgendaItem,
    Body,
    Document,
    DocumentationLink,
    DocumentEdition,
    Room,
    Session,
    Venue,
)
from resolutions.models import Citation, Resolution
from scheduling.models import JointMeeting, JointParticipant, SlotItem, TimeSlot


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("correct horse battery staple")


class BodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Body

    name_en = factory.Sequence(lambda n: f"Working Group {n}")
    short_name_en = factory.Sequence(lambda n: f"WG {n}")
    symbol_prefix = factory.Sequence(lambda n: f"TEST/WG.{n}")
    slug = factory.Sequence(lambda n: f"wg-{n}")
    gathering_term = Body.GatheringTerm.MEETING


class VenueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Venue

    name_en = "Vienna International Centre"
    city_en = "Vienna"
    time_zone = "Europe/Vienna"


class RoomFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Room

    venue = factory.SubFactory(VenueFactory)
    name_en = factory.Sequence(lambda n: f"Board Room {n}")


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    body = factory.SubFactory(BodyFactory)
    number = factory.Sequence(lambda n: n + 1)
    start_date = datetime.date(2020, 8, 31)
    end_date = datetime.date(2020, 9, 2)
    venue = factory.SubFactory(VenueFactory)


class AgendaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agenda

    session = factory.SubFactory(SessionFactory)
    symbol = factory.LazyAttribute(
        lambda a: f"{a.session.body.symbol_prefix}/{a.session.start_date.year}/1"
    )
    kind = Agenda.Kind.ANNOTATED
    slug = "annotated-agenda"
    issued_on = datetime.date(2020, 7, 24)


class AgendaEditionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaEdition

    agenda = factory.SubFactory(AgendaFactory)
    language = "en"
    job_number = "V.20-04020 (E)"


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    agenda = factory.SubFactory(AgendaFactory)
    position = factory.Sequence(lambda n: (n + 1) * 10)
    title_en = factory.Sequence(lambda n: f"Item title {n}")
    annotation_en = factory.Sequence(lambda n: f"<p>Annotation paragraph {n}.</p>")


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    symbol = factory.Sequence(lambda n: f"TEST/WG.1/2020/{n + 2}")
    title_en = factory.Sequence(lambda n: f"Background paper {n} prepared by the Secretariat")
    issued_on = datetime.date(2020, 6, 15)


class DocumentEditionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DocumentEdition

    document = factory.SubFactory(DocumentFactory)
    language = "en"


class DocumentationLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DocumentationLink

    item = factory.SubFactory(AgendaItemFactory)
    document = factory.SubFactory(DocumentFactory)
    position = factory.Sequence(lambda n: n)


class ResolutionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Resolution

    body = factory.SubFactory(BodyFactory)
    kind = Resolution.Kind.RESOLUTION
    session_number = 8
    number = factory.Sequence(lambda n: n + 1)
    title_en = factory.Sequence(lambda n: f"Resolution title {n}")


class CitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Citation

    item = factory.SubFactory(AgendaItemFactory)
    resolution = factory.SubFactory(ResolutionFactory)
    position = factory.Sequence(lambda n: n)


class TimeSlotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TimeSlot

    session = factory.SubFactory(SessionFactory)
    date = factory.LazyAttribute(lambda s: s.session.start_date)
    start_time = datetime.time(11, 0)
    end_time = datetime.time(13, 0)


class SlotItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SlotItem

    slot = factory.SubFactory(TimeSlotFactory)
    item = factory.SubFactory(AgendaItemFactory)


class JointMeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JointMeeting


class JointParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JointParticipant

    joint_meeting = factory.SubFactory(JointMeetingFactory)
    session = factory.SubFactory(SessionFactory)


# django-axes' records of logins, as its handler writes them.
class AccessAttemptFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AccessAttempt

    username = "secretariat"
    ip_address = "127.0.0.1"
    user_agent = "Mozilla/5.0"
    path_info = "/admin/login/"
    get_data = ""
    post_data = "username=secretariat"
    failures_since_start = 1


class AccessLogFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AccessLog

    username = "secretariat"
    ip_address = "127.0.0.1"
    user_agent = "Mozilla/5.0"
    path_info = "/admin/login/"


class AccessFailureLogFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AccessFailureLog

    username = "secretariat"
    ip_address = "127.0.0.1"
    user_agent = "Mozilla/5.0"
    path_info = "/admin/login/"
