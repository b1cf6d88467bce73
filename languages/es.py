"""Spanish, as UN documents write it: "31 de agosto de 2020", "11.00 a 13.00 horas",
"undécimo período de sesiones", "del Grupo"."""

from .base import Language

ORDINALS = {
    1: "primero", 2: "segundo", 3: "tercero", 4: "cuarto", 5: "quinto", 6: "sexto",
    7: "séptimo", 8: "octavo", 9: "noveno", 10: "décimo",
    # The UN writes undécimo and duodécimo, not decimoprimero and decimosegundo.
    11: "undécimo", 12: "duodécimo", 13: "decimotercero", 14: "decimocuarto",
    15: "decimoquinto", 16: "decimosexto", 17: "decimoséptimo", 18: "decimoctavo",
    19: "decimonoveno", 20: "vigésimo", 30: "trigésimo", 40: "cuadragésimo",
    50: "quincuagésimo", 60: "sexagésimo", 70: "septuagésimo", 80: "octogésimo",
    90: "nonagésimo", 100: "centésimo",
}  # fmt: skip


def ordinal(n, gender):
    tens, units = divmod(n, 10)
    words = [ORDINALS[n]] if n in ORDINALS else [ORDINALS[tens * 10], ORDINALS[units]]
    if gender == "f":
        return " ".join(word[:-1] + "a" for word in words)
    phrase = " ".join(words)
    # Before a masculine noun primero/tercero lose their final o: "tercer período".
    return phrase[:-1] if phrase.endswith("ero") else phrase


def ordinal_in_figures(n, gender):
    return f"{n}{'ª' if gender == 'f' else 'º'}"


# "continuación" heads a resumed session's name: "primera parte de la continuación del ...".
FEMININE_HEADS = {
    "asamblea", "comisión", "conferencia", "continuación", "convención", "junta", "mesa",
    "oficina", "organización", "reunión", "subcomisión",
}  # fmt: skip
FEMININE_ORDINALS = {word[:-1] + "a" for word in ORDINALS.values()}


def of_name(name):
    """ "de" with the article: del Grupo, de la Conferencia, de la undécima reunión."""
    head = name.split(" ", 1)[0].lower()
    # An ordinal in front gives the gender away: "undécima reunión", "undécimo período".
    feminine = head in FEMININE_HEADS or head in FEMININE_ORDINALS
    return ("de la " if feminine else "del ") + name


LANGUAGE = Language(
    code="es",
    name="Español",
    babel_locale="es",
    cldr_code="es",
    job_letter="S",
    undocs_code="es",
    search_config="spanish",
    date="{day} de {month} de {year}",
    date_with_weekday="{weekday}, {day} de {month} de {year}",
    table_date="{Weekday}, {day} de {month}",
    day_heading="{Weekday}, {day} de {month} de {year}",
    range_same_month="{start_day} a {end_day} de {month} de {year}",
    range_same_year="{start_day} de {start_month} a {end_day} de {end_month} de {year}",
    range_across_years="{start} a {end}",
    place_and_dates="{place}, {dates}",
    clock="{hour}.{minute:02}",
    clock_with_minutes="{hour}.{minute:02}",
    time="{clock} horas",
    time_range="{start_clock} a {end_clock} horas",
    # Sub-items "a)"; cited "tema 2 a) del programa": the reference is "2 a)".
    sub_item_number="{label})",
    reference_part=" {label})",
    footnote_mark_after_punctuation=False,
    ordinal=ordinal,
    ordinal_in_figures=ordinal_in_figures,
    gatherings={
        ("meeting", False): ("{ordinal} reunión", "f"),
        ("session", False): ("{ordinal} período de sesiones", "m"),
        ("meeting", True): ("{ordinal} reunión extraordinaria", "f"),
        ("session", True): ("{ordinal} período extraordinario de sesiones", "m"),
    },
    references={"resolution": "resolución {label}", "decision": "decisión {label}"},
    citations={
        "resolution": "{reference}, titulada “{title}”",
        "decision": "{reference}, titulada “{title}”",
    },
    citation_last_separator="; y ",
    list_last_separator=" y ",
    joint_meeting=(
        "{items} del programa {verb} conjuntamente con {partner_items} del programa "
        "{partner_session_of} {partner_body_of} en sesiones conjuntas {body_of} y "
        "{partner_body_of}."
    ),
    joint_meeting_words={
        "items": {"one": "El tema {}", "other": "Los temas {}"},
        "verb": {"one": "se examinará", "other": "se examinarán"},
        "partner_items": {"one": "el tema {}", "other": "los temas {}"},
    },
    of_name=of_name,
    of_session=of_name,
    reissue="Publicado nuevamente por razones técnicas el {date}.",
    resumed={"other": "continuación {session_of}"},
    part={"other": "{part} parte {session_of}"},
    item_of_agenda="Tema {number} del programa provisional",
    # "continuación" heads the name of a resumed session: "la continuación del ...".
    resumed_gender="f",
    venue_sentence=(
        "El {session} {body_of} se celebrará en {city}, en el {venue}{starting}{room}."
    ),
    # The article agrees with the noun heading the session's name: el período de
    # sesiones, but la reunión, la continuación del ..., la primera parte del ...
    venue_sentence_forms={
        "f": "La {session} {body_of} se celebrará en {city}, en el {venue}{starting}{room}.",
        "other": "El {session} {body_of} se celebrará en {city}, en el {venue}{starting}{room}.",
    },
    venue_starting_time=", a partir de las {time} del {date}",
    venue_starting_date=", a partir del {date}",
    venue_room=", en la sala {room}",
    interpretation="Se prestarán servicios de interpretación en {languages}.",
    annex="Anexo",
    annex_numbered="Anexo {number}",
    not_yet_translated="(aún no disponible en español)",
    distributions={
        "general": "Distr. general",
        "limited": "Distr. limitada",
        "restricted": "Distr. reservada",
    },
)
