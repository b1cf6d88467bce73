"""The peer of the benchmark: pretalx with a released schedule of 50 talks.

Run by ``make bench-peer`` with the peer's own interpreter (``bench/.peer-venv``,
Python 3.11, pretalx from PyPI; never installed into the project), after
``pretalx migrate``: creates the event ``bench`` (three days, two rooms, 50 accepted
and confirmed talks with a speaker each, every talk scheduled) and releases the
schedule. Its server-rendered schedule is then at ``/bench/schedule/nojs``. Running it
again changes nothing.
"""

import datetime
import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pretalx.settings")
django.setup()

from django.utils.timezone import make_aware  # noqa: E402
from django_scopes import scopes_disabled  # noqa: E402
from pretalx.event.models import Event, Organiser  # noqa: E402
from pretalx.person.models import User  # noqa: E402
from pretalx.schedule.models import Room, TalkSlot  # noqa: E402
from pretalx.submission.models import Submission, SubmissionStates  # noqa: E402

TALKS = 50
FIRST_DAY = datetime.date(2026, 3, 2)


def main():
    with scopes_disabled():
        if Event.objects.filter(slug="bench").exists():
            print("pretalx: the event bench exists already")
            return
        organiser = Organiser.objects.create(name="Benchmark", slug="benchmark")
        event = Event.objects.create(
            organiser=organiser,
            name="Benchmark conference",
            slug="bench",
            date_from=FIRST_DAY,
            date_to=FIRST_DAY + datetime.timedelta(days=2),
            timezone="UTC",
            email="orga@example.org",
            locale="en",
            locale_array="en",
            is_public=True,
        )
        rooms = [
            Room.objects.create(event=event, name=name, position=index)
            for index, name in enumerate(("Plenary hall", "Conference room 2"))
        ]
        submission_type = event.cfp.default_type
        wip = event.wip_schedule
        for number in range(TALKS):
            speaker = User.objects.create_user(
                email=f"speaker{number}@example.org", password=None, name=f"Speaker {number}"
            )
            talk = Submission.objects.create(
                event=event,
                title=f"Prevention of corruption: review of implementation, part {number + 1}",
                abstract="The Working Group will have before it a note by the Secretariat.",
                description="Delegations are invited to share their experience.",
                submission_type=submission_type,
                state=SubmissionStates.CONFIRMED,
                content_locale="en",
            )
            talk.speakers.add(speaker)
            day, slot = divmod(number, 17)
            start = make_aware(
                datetime.datetime.combine(FIRST_DAY + datetime.timedelta(days=day % 3),
                                          datetime.time(8)) + datetime.timedelta(minutes=30 * slot)
            )  # fmt: skip
            TalkSlot.objects.update_or_create(
                submission=talk,
                schedule=wip,
                defaults={
                    "room": rooms[number % 2],
                    "start": start,
                    "end": start + datetime.timedelta(minutes=30),
                    "is_visible": True,
                },
            )
        wip.freeze("v1", notify_speakers=False)
        print(f"pretalx: event bench with {TALKS} talks, schedule v1 released")


if __name__ == "__main__":
    main()
