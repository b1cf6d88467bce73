"""The published record's contract, for tests: ``docs/snapshot.schema.json``.

``validate_record`` checks one record; ``checked_rendering`` stands in for
``publishing.services.rendering_alongside`` so that every record a test publishes is
checked before it is stored. Patching the rendering rather than ``publish_agenda`` is
deliberate: tests and the product import ``publish_agenda`` by name, which a patch of
the module attribute would not reach, while ``publish_agenda`` looks the rendering up
at each call.

Records of an earlier schema that the code still reads (``READABLE_SCHEMAS``) keep
their own contract, kept beside the current one: ``validate_record(content, schema=2)``.
"""

import functools
import hashlib
import json
from contextlib import contextmanager
from pathlib import Path

import jsonschema

from publishing.rendering import rendering_alongside
from publishing.snapshot import SCHEMA

DOCS = Path(__file__).resolve().parent.parent / "docs"
# The contract of each schema a stored record may carry, by the record's "schema".
SCHEMA_PATHS = {
    2: DOCS / "snapshot.v2.schema.json",
    3: DOCS / "snapshot.schema.json",
}
SCHEMA_PATH = SCHEMA_PATHS[SCHEMA]

# Enough errors to see what is wrong without burying the test's own output.
MAX_REPORTED_ERRORS = 20


@functools.cache
def load_schema(schema=SCHEMA):
    """The contract of records of ``schema`` (the current one unless told)."""
    return json.loads(SCHEMA_PATHS[schema].read_text(encoding="utf-8"))


@functools.cache
def validator(schema=SCHEMA):
    """The contract's validator, the contract itself checked against draft 2020-12 first
    (a malformed schema would otherwise accept records it means to refuse)."""
    contract = load_schema(schema)
    jsonschema.Draft202012Validator.check_schema(contract)
    return jsonschema.Draft202012Validator(contract)


def record_errors(content, schema=SCHEMA):
    """The contract's errors in ``content``, sorted: (JSON path, message) pairs."""
    return sorted(
        (error.json_path, error.message) for error in validator(schema).iter_errors(content)
    )


def validate_record(content, schema=SCHEMA):
    """Return ``content`` if it keeps the contract of ``schema`` (the current one unless
    told); raise AssertionError naming each breach otherwise."""
    errors = record_errors(content, schema)
    if errors:
        lines = [f"{path}: {message[:300]}" for path, message in errors[:MAX_REPORTED_ERRORS]]
        if len(errors) > MAX_REPORTED_ERRORS:
            lines.append(f"... and {len(errors) - MAX_REPORTED_ERRORS} more")
        raise AssertionError(
            f"The record breaks {SCHEMA_PATHS[schema].relative_to(DOCS.parent)}:\n"
            + "\n".join(lines)
        )
    return content


# Digests of the records already found to keep the contract: many tests publish the same
# demo agendas, and checking a record takes a fifth of a second.
_KEPT = set()


@contextmanager
def checked_rendering(content):
    """``publishing.rendering.rendering_alongside``, then the contract checked on the
    whole record (once per distinct record)."""
    with rendering_alongside(content):
        yield
    digest = hashlib.blake2b(
        json.dumps(content, sort_keys=True, default=str).encode(), digest_size=16
    ).digest()
    if digest not in _KEPT:
        validate_record(content)
        _KEPT.add(digest)
