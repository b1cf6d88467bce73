"""Portuguese, written for the test that proves a seventh language is one module plus one
catalogue (``test_seventh_language.py``). Not a language of the product."""

from languages.base import Language

ORDINALS = {
    1: "primeira", 2: "segunda", 3: "terceira", 4: "quarta", 5: "quinta", 6: "sexta",
    7: "sétima", 8: "oitava", 9: "nona", 10: "décima", 20: "vigésima",
}  # fmt: skip


def ordinal(n, gender):
    tens, units = divmod(n, 10)
    if n in ORDINALS:
        return ORDINALS[n]
    return f"{ORDINALS[tens * 10]} {ORDINALS[units]}" if tens in (1, 2) else f"{n}.ª"


LANGUAGE = Language(
    code="pt",
    name="Português",
    babel_locale="pt",
    cldr_code="pt",
    job_letter="P",
    undocs_code="pt",
    date="{day} de {month} de {year}",
    table_date="{Weekday}, {day} de {month}",
    range_same_month="{start_day} a {end_day} de {month} de {year}",
    range_same_year="{start_day} de {start_month} a {end_day} de {end_month} de {year}",
    clock="{hour}h",
    clock_with_minutes="{hour}h{minute:02}",
    time_range="{start}–{end}",
    ordinal=ordinal,
    gatherings={
        ("meeting", False): ("{ordinal} reunião", "f"),
        ("session", False): ("{ordinal} sessão", "f"),
        ("meeting", True): ("{ordinal} reunião extraordinária", "f"),
        ("session", True): ("{ordinal} sessão extraordinária", "f"),
    },
    references={"resolution": "resolução {label}", "decision": "decisão {label}"},
    citations={
        "resolution": "{reference}, intitulada “{title}”",
        "decision": "{reference}, intitulada “{title}”",
    },
    citation_last_separator="; e ",
    list_last_separator=" e ",
    reissue="Reeditado por razões técnicas em {date}.",
    not_yet_translated="(ainda não disponível em português)",
    distributions={
        "general": "Distr.: Geral",
        "limited": "Distr.: Limitada",
        "restricted": "Distr.: Reservada",
    },
)
