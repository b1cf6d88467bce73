"""French, as UN documents write it: "1er septembre 2020", "10 heures-13 heures",
"onzième réunion", "de la Conférence"."""

from num2words import num2words

from .base import Language


def ordinal(n, gender):
    word = num2words(n, to="ordinal", lang="fr")
    # num2words 0.5.14 writes 80 as "quatre-vingtsième"; the plural s drops before -ième.
    word = word.replace("quatre-vingtsième", "quatre-vingtième")
    if gender == "f" and word == "premier":
        return "première"
    return word


def ordinal_in_figures(n, gender):
    return f"{n}e"


FEMININE_HEADS = {
    "assemblée", "commission", "conférence", "convention", "instance", "organisation",
    "réunion", "sous-commission",
}  # fmt: skip


def of_name(name):
    """ "de" with the article a body's name takes: du Groupe, de la Conférence, de l'Organe."""
    head = name.split(" ", 1)[0].lower()
    if head[:1] in "aeiouyàâéèêîôû":
        return "de l’" + name
    # Unlisted head nouns are taken as masculine, as most body names are (Groupe, Comité).
    return ("de la " if head in FEMININE_HEADS else "du ") + name


LANGUAGE = Language(
    code="fr",
    name="Français",
    babel_locale="fr",
    cldr_code="fr",
    job_letter="F",
    undocs_code="fr",
    search_config="french",
    date="{day} {month} {year}",
    date_with_weekday="{weekday} {day} {month} {year}",
    table_date="{Weekday} {day} {month}",
    day_heading="{Weekday} {day} {month} {year}",
    range_same_month="{start_day}–{end_day} {month} {year}",
    range_same_year="{start_day} {start_month}–{end_day} {end_month} {year}",
    range_across_years="{start}–{end}",
    place_and_dates="{place}, {dates}",
    first_day="1er",
    clock="{hour} heures",
    clock_with_minutes="{hour} h {minute:02}",
    time="{clock}",
    time_range="{start}-{end}",
    # Sub-items "a)"; cited as UN French cites them, "point 2 a) de l’ordre du jour":
    # the reference is "2 a)", and "2 a) i)" a level below.
    sub_item_number="{label})",
    reference_part=" {label})",
    footnote_mark_after_punctuation=False,
    # French sets a narrow space before the colon and semicolon.
    list_colon="\u00a0:",
    list_semicolon="\u00a0;",
    ordinal=ordinal,
    ordinal_in_figures=ordinal_in_figures,
    gatherings={
        ("meeting", False): ("{ordinal} réunion", "f"),
        ("session", False): ("{ordinal} session", "f"),
        ("meeting", True): ("{ordinal} réunion extraordinaire", "f"),
        ("session", True): ("{ordinal} session extraordinaire", "f"),
    },
    references={"resolution": "résolution {label}", "decision": "décision {label}"},
    citations={
        "resolution": "{reference}, intitulée « {title} »",
        "decision": "{reference}, intitulée « {title} »",
    },
    citation_separator=" ; ",
    citation_last_separator=" ; et ",
    list_last_separator=" et ",
    # Réunion and session are both feminine, hence "de la {partner_session}".
    joint_meeting=(
        "{items} de l’ordre du jour {verb} conjointement avec {partner_items} de l’ordre du "
        "jour de la {partner_session} {partner_body_of} lors de séances communes {body_of} "
        "et {partner_body_of}."
    ),
    joint_meeting_words={
        "items": {"one": "Le point {}", "other": "Les points {}"},
        "verb": {"one": "sera examiné", "other": "seront examinés"},
        "partner_items": {"one": "le point {}", "other": "les points {}"},
    },
    of_name=of_name,
    reissue="Nouveau tirage pour raisons techniques ({date}).",
    resumed={"other": "{session} reprise"},
    part={"other": "{part} partie de la {session}"},
    item_of_agenda="Point {number} de l’ordre du jour provisoire",
    venue_sentence=("La {session} {body_of} se tiendra à {city}, au {venue}{starting}{room}."),
    venue_starting_time=" ; elle s’ouvrira le {date} à {time}",
    venue_starting_date=" ; elle s’ouvrira le {date}",
    venue_room=", dans la salle suivante : {room}",
    interpretation="L'interprétation sera assurée en {languages}.",
    annex="Annexe",
    annex_numbered="Annexe {number}",
    not_yet_translated="(pas encore disponible en français)",
    distributions={
        "general": "Distr. générale",
        "limited": "Distr. limitée",
        "restricted": "Distr. restreinte",
    },
    original_line="Original : {language}",
)
