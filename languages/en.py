"""English, as UN documents write it: "31 August 2020", "11 a.m.–1 p.m.", "eleventh session"."""

from num2words import num2words

from .base import Language


def ordinal(n, gender):
    return num2words(n, to="ordinal", lang="en")


def ordinal_in_figures(n, gender):
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


LANGUAGE = Language(
    code="en",
    name="English",
    babel_locale="en",
    cldr_code="en",
    job_letter="E",
    undocs_code="en",
    search_config="english",
    date="{day} {month} {year}",
    date_with_weekday="{Weekday}, {day} {month} {year}",
    table_date="{Weekday}, {day} {month}",
    day_heading="{Weekday}, {day} {month} {year}",
    range_same_month="{start_day}–{end_day} {month} {year}",
    range_same_year="{start_day} {start_month}–{end_day} {end_month} {year}",
    range_across_years="{start}–{end}",
    place_and_dates="{place}, {dates}",
    clock="{hour}",
    clock_with_minutes="{hour}.{minute:02}",
    time="{clock} {period}",
    time_range="{start}–{end}",
    time_range_within_period="{start_clock}–{end_clock} {period}",
    periods=((0, "a.m."), (12, "p.m.")),
    noon="noon",
    ordinal=ordinal,
    ordinal_in_figures=ordinal_in_figures,
    gatherings={
        ("meeting", False): ("{ordinal} meeting", "m"),
        ("session", False): ("{ordinal} session", "f"),
        ("meeting", True): ("{ordinal} special meeting", "m"),
        ("session", True): ("{ordinal} special session", "f"),
    },
    references={"resolution": "resolution {label}", "decision": "decision {label}"},
    citations={
        "resolution": "{reference}, entitled “{title}”",
        "decision": "{reference}, entitled “{title}”",
    },
    joint_meeting=(
        "{items} will be considered jointly with {partner_items} of the agenda of the "
        "{partner_session} of the {partner_body} at joint meetings of the {body} and the "
        "{partner_body}."
    ),
    joint_meeting_words={
        "items": {"one": "Agenda item {}", "other": "Agenda items {}"},
        "partner_items": {"one": "item {}", "other": "items {}"},
    },
    reissue="Reissued for technical reasons on {date}.",
    resumed={"other": "resumed {session}"},
    part={"other": "{part} part of the {session}"},
    venue_sentence=(
        "The {session} of the {body} will be held at the {venue}, {city}{starting}{room}."
    ),
    venue_starting_time=", starting at {time} on {date}",
    venue_starting_date=", starting on {date}",
    venue_room=", in {room}",
    interpretation="Interpretation will be provided in {languages}.",
    # Geneva and other offices write English times on the 24-hour clock: "14.30–15.00".
    twenty_four_hour={
        "clock": "{hour:02}.{minute:02}",
        "clock_with_minutes": "{hour:02}.{minute:02}",
        "time": "{clock}",
        "periods": (),
        "noon": None,
    },
    not_yet_translated="(not yet available in English)",
    # The Arabic, Chinese and Russian versions borrow these lines too.
    distributions={
        "general": "Distr.: General",
        "limited": "Distr.: Limited",
        "restricted": "Distr.: Restricted",
    },
    # An English version never names its own language; translations into English
    # only say what the original was.
    names_its_version=False,
)
