"""Validate an XLIFF file against the XLIFF 2.0 core schema and its metadata module.

The schemas are the OASIS ones, copied into ``docs/schemas/xliff2.0`` (see its
README). Core declares modules' places as ``xs:any`` with lax processing: loaded
together with the metadata module, ``mda:`` elements are validated too.
"""

from functools import cache
from pathlib import Path

from lxml import etree

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "docs" / "schemas" / "xliff2.0"

_DRIVER = """<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:import namespace="urn:oasis:names:tc:xliff:document:2.0"
      schemaLocation="xliff_core_2.0.xsd"/>
  <xs:import namespace="urn:oasis:names:tc:xliff:metadata:2.0"
      schemaLocation="modules/metadata.xsd"/>
</xs:schema>
"""


@cache
def schema():
    driver = etree.fromstring(_DRIVER.encode(), base_url=(SCHEMA_DIR / "driver.xsd").as_uri())
    return etree.XMLSchema(driver)


def validate(document):
    """The schema's complaints about ``document`` (bytes or an lxml tree), or []."""
    if isinstance(document, bytes | str):
        document = etree.fromstring(document.encode() if isinstance(document, str) else document)
    checker = schema()
    if checker.validate(document):
        return []
    return [f"line {error.line}: {error.message}" for error in checker.error_log]
