"""No input crashes anything: property-based fuzzing of every reader of a received file (issue 12).

Record parsing, plan reading (signature check and parsing) and .p7m reading
get random bytes, random JSON and mutations of real, valid files; the only
exception any of them may raise is a one-sentence InvalidInput/UserError.
About 3,000 cases in all, under a minute.
"""

from __future__ import annotations

import functools
import json
import os
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.minutes_sample import sample_record
from visitapp.errors import UserError
from visitapp.exchange.record import dump_record, parse_record, record_bytes
from visitapp.registry.plan_sign import open_plan_bytes
from visitapp.registry.plans import parse_plan
from visitapp.signing import envelope

# Under CI the same cases every run (no flaky build); elsewhere new ones each run, to keep finding bugs.
FUZZ = settings(deadline=None, database=None, suppress_health_check=list(HealthCheck),
                derandomize=os.environ.get("CI") == "true")


def fuzz(cases: int) -> settings:
    return settings(FUZZ, max_examples=cases)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=10), inner, max_size=5),
    max_leaves=30,
)


def _refused_in_one_sentence(fn, *args: Any) -> None:
    try:
        fn(*args)
    except UserError as err:
        text = str(err)
        assert text and "\n" not in text and "Traceback" not in text


def _mutate(data: bytes, ops: list[tuple[int, int, int]]) -> bytes:
    """Flip, cut or insert bytes at positions (taken modulo the length)."""
    buf = bytearray(data)
    for kind, pos, value in ops:
        if not buf:
            break
        pos %= len(buf)
        if kind == 0:
            buf[pos] ^= value or 1
        elif kind == 1:
            del buf[pos:pos + value + 1]
        else:
            buf[pos:pos] = bytes([value]) * (value % 7 + 1)
    return bytes(buf)


mutations = st.lists(st.tuples(st.integers(0, 2), st.integers(0, 1 << 30), st.integers(0, 255)), min_size=1,
                     max_size=6)


@functools.cache
def _record_json() -> dict[str, Any]:
    return dump_record(sample_record())


@functools.cache
def _keys() -> dict[str, Any]:
    """A coordinator's key and a signed plan and an encrypted file made with it (once per run)."""
    from tests.registry_helpers import ANNA, KEY_PASSWORD, keys
    from visitapp.registry.plan_sign import sign_content
    from visitapp.signing.sign import Pkcs12Source

    folder = Path(tempfile.mkdtemp(prefix="visitapp-fuzz-"))
    p12, pem = keys(folder, "coord", ANNA)
    plan = json.dumps({"format": "visitapp.plan/1", "exported_at": "2026-05-01T10:00:00+00:00", "visits": []})
    signed_plan, _cert = sign_content(plan.encode(), Pkcs12Source(p12, KEY_PASSWORD))
    key = envelope.load_pkcs12_key(p12, KEY_PASSWORD)
    p7m = envelope.encrypt_for(b"%PDF-1.7\n" + bytes(range(256)) * 8, envelope.load_recipients([pem]))
    return {"key": key, "plan": signed_plan, "p7m": p7m}


# -- records ----------------------------------------------------------------------------


def test_a_record_nested_20000_levels_deep_is_refused_in_one_sentence():
    deep = b'{"format": "visitapp.visit/1", "x": ' + b"[" * 20000 + b"]" * 20000 + b"}"
    with pytest.raises(UserError) as err:
        parse_record(deep)
    assert "nested deeper" in str(err.value) and "\n" not in str(err.value)


@fuzz(600)
@given(st.binary(max_size=400))
def test_record_parsing_of_random_bytes(data):
    _refused_in_one_sentence(parse_record, data)


@fuzz(400)
@given(st.lists(st.sampled_from(["participants", "notes", "action_items", "answers", "visit", "organisation",
                                 "author", "template", "format", "exported_at", "copy", "version", "series"]),
                min_size=1, max_size=3),
       json_values, st.booleans())
def test_record_parsing_of_a_real_record_with_fields_replaced(keys, value, nested):
    data = json.loads(json.dumps(_record_json()))
    for key in keys:
        target = data
        if nested and isinstance(data.get(key), list) and data[key] and isinstance(data[key][0], dict) \
                and data[key][0]:
            target = data[key][0]
            key = next(iter(target))
        target[key] = json.loads(json.dumps(value))  # a fresh copy: never the same object twice
    _refused_in_one_sentence(parse_record, data)
    _refused_in_one_sentence(parse_record, json.dumps(data))


@fuzz(400)
@given(mutations)
def test_record_parsing_of_mutated_record_bytes(ops):
    _refused_in_one_sentence(parse_record, _mutate(record_bytes(_record_json()), ops))


# -- plans --------------------------------------------------------------------------------


@fuzz(300)
@given(st.binary(max_size=400) | json_values.map(lambda v: json.dumps(v).encode()))
def test_plan_reading_of_random_input(data):
    _refused_in_one_sentence(open_plan_bytes, data)
    _refused_in_one_sentence(parse_plan, data)


@fuzz(300)
@given(mutations)
def test_plan_reading_of_a_mutated_signed_plan(ops):
    data = _mutate(_keys()["plan"], ops)

    def read(raw: bytes) -> None:
        parse_plan(open_plan_bytes(raw).content)

    _refused_in_one_sentence(read, data)


@fuzz(300)
@given(json_values, st.sampled_from(["visits", "series", "exported_at", "format", "encrypt_to"]))
def test_plan_parsing_with_fields_replaced(value, key):
    data = {"format": "visitapp.plan/1", "exported_at": "2026-05-01T10:00:00+00:00", "visits": [], key: value}
    _refused_in_one_sentence(parse_plan, json.dumps(data))


# -- encrypted minutes ---------------------------------------------------------------------


@fuzz(300)
@given(st.binary(max_size=400))
def test_p7m_reading_of_random_bytes(data):
    _refused_in_one_sentence(envelope.decrypt, data, _keys()["key"])
    _refused_in_one_sentence(envelope.decrypt, data, None)


@fuzz(400)
@given(mutations)
def test_p7m_reading_of_a_mutated_envelope(ops):
    _refused_in_one_sentence(envelope.decrypt, _mutate(_keys()["p7m"], ops), _keys()["key"])


def test_the_fuzzed_files_are_accepted_unmutated():
    """The seeds are valid, so the mutations above test readers that would otherwise accept them."""
    assert parse_record(_record_json()).visit.id
    assert parse_plan(open_plan_bytes(_keys()["plan"]).content).visits == []
    assert envelope.decrypt(_keys()["p7m"], _keys()["key"]).startswith(b"%PDF")


def test_a_signed_plan_whose_certificate_subject_is_damaged_is_refused():
    """Found by the fuzzing above: the signature holds, but the signer's name cannot be parsed."""
    data = bytearray(_keys()["plan"])
    name = b"\x0c" + bytes([len("Anna Nowak")]) + b"Anna Nowak"  # the CN as a UTF8String
    first = data.find(name)
    subject = data.find(name, first + 1)  # a self-signed certificate: issuer first, then subject
    assert first > 0 and subject > first
    data[subject] = 0x0D  # a tag no name may have: the signature still holds, the name does not parse
    with pytest.raises(UserError):
        parse_plan(open_plan_bytes(bytes(data)).content)
