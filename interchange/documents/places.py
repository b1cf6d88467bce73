"""The time zone of a city named in any of the six languages, for a new venue.

Babel (CLDR) names the example city of every time zone in each language ("维也纳",
"Vienne", "Вена"); the UN's duty stations that are no example city are listed here.
"""

import functools
import zoneinfo

from babel import Locale

import interchange.documents.vocabulary as v

DUTY_STATIONS = {
    "Europe/Zurich": ["Geneva", "Genève", "Ginebra", "Женева", "جنيف", "日内瓦"],
    "Europe/Berlin": ["Bonn", "Бонн", "بون", "波恩"],
    "Europe/Amsterdam": ["The Hague", "La Haye", "La Haya", "Гаага", "لاهاي", "海牙"],
    "America/Toronto": ["Montreal", "Montréal", "Монреаль", "مونتريال", "蒙特利尔"],
    "Asia/Dubai": ["Abu Dhabi", "Abou Dhabi", "Abu Dabi", "Абу-Даби", "أبوظبي", "阿布扎比"],
    "Africa/Casablanca": ["Marrakech", "Marrakesh", "Marrakech", "Марракеш", "مراكش", "马拉喀什"],
    "America/New_York": ["New York", "Nueva York", "Нью-Йорк", "نيويورك", "纽约"],
}


@functools.cache
def _cities():
    cities = {}
    for zone, names in DUTY_STATIONS.items():
        for name in names:
            cities[v.key(name)] = zone
    for code in v.CODES:
        locale = Locale.parse(languages_locale(code))
        for zone, data in locale.time_zones.items():
            city = data.get("city") if hasattr(data, "get") else None
            if city:
                cities.setdefault(v.key(city), zone)
    for zone in sorted(zoneinfo.available_timezones()):
        if "/" in zone and not zone.startswith(("Etc/", "SystemV/", "US/")):
            cities.setdefault(v.key(zone.rsplit("/", 1)[-1].replace("_", " ")), zone)
    return cities


def languages_locale(code):
    import languages

    return languages.get(code).babel_locale


def time_zone_for(city):
    """The IANA time zone of ``city``, or None when it is not known."""
    return _cities().get(v.key(city))
