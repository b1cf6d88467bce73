"""Parsing UN document symbols: what every document save and symbol search pays."""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "1")

import django  # noqa: E402

# Rejections build translated messages, which need the settings loaded.
django.setup()

from _timing import report  # noqa: E402
from django.core.exceptions import ValidationError  # noqa: E402

from agendas.symbols import parse_symbol  # noqa: E402

VALID = [
    "CAC/COSP/WG.4/2020/1/Rev.1*",
    "CAC/COSP/WG.4/2020/4",
    "CAC/COSP/IRG/2020/CRP.2",
    "A/75/150",
    "E/CN.7/2019/L.3/Add.1",
    "CBD/SBI/3/1/Add.1/Rev.2",
    "S/RES/2231(2015)",
    "ECE/TRADE/C/CEFACT/2018/INF.1",
]
INVALID = ["", "cac/cosp/2020/1", "CAC/COSP//1", "CAC COSP/2020/1", "CAC/COSP/WG.4"]


def parse_all_valid():
    for symbol in VALID:
        parse_symbol(symbol)


def reject_all_invalid():
    for symbol in INVALID:
        try:
            parse_symbol(symbol)
        except ValidationError:
            pass
        else:
            raise AssertionError(f"{symbol!r} was accepted")


def main():
    parse_all_valid()
    reject_all_invalid()
    per = report(f"parse_symbol x {len(VALID)} valid", parse_all_valid, number=2000)
    print(f"{'':<48} = {per / len(VALID) * 1e6:.1f} µs per symbol")
    report(f"parse_symbol x {len(INVALID)} invalid", reject_all_invalid, number=2000)


if __name__ == "__main__":
    main()
