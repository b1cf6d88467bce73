"""The published record's contract, for tests: ``docs/snapshot.schema.json``.

``validate_record`` checks one record; ``checked_freeze`` stands in for
``publishing.services.freeze`` so that every record a test publishes is checked before
it is stored. Patching ``freeze`` rather than ``publish_agenda`` is deliberate: tests
and the product import ``publish_agenda`` by name, which a patch of the module
attribute would not reach, while ``publish_agenda`` looks ``freeze`` up at each call.
"""

import functools
import json
from pathlib import Path

import jsonschema

from publishing.rendering import freeze

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "docs" / "snapshot.schema.json"

# Enough errors to see what is wrong without burying the test's own output.
MAX_REPORTED_ERRORS = 20


@functools.cache
def load_schema():
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


@functools.cache
def validator():
    """The contract's validator, the contract itself checked against draft 2020-12 first
    (a malformed schema would otherwise accept records it means to refuse)."""
    schema = load_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def record_errors(content):
    """The contract's errors in ``content``, sorted: (JSON path, message) pairs."""
    return sorted((error.json_path, error.message) for error in validator().iter_errors(content))


def validate_record(content):
    """Return ``content`` if it keeps the contract; raise AssertionError naming each
    breach otherwise."""
    errors = record_errors(content)
    if errors:
        lines = [f"{path}: {message[:300]}" for path, message in errors[:MAX_REPORTED_ERRORS]]
        if len(errors) > MAX_REPORTED_ERRORS:
            lines.append(f"... and {len(errors) - MAX_REPORTED_ERRORS} more")
        raise AssertionError("The record breaks docs/snapshot.schema.json:\n" + "\n".join(lines))
    return content


def checked_freeze(content, codes=None):
    """``publishing.rendering.freeze``, then the contract checked on the whole record."""
    return validate_record(freeze(content, codes))
