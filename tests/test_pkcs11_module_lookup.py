"""A PKCS#11 module given by its bare name is found on the library path, as Windows users type opensc-pkcs11.dll."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from minutes_sample import softhsm_module

from tests.conftest import run_cli
from tests.test_signing_pkcs11 import PIN, TOKEN, token, unsigned  # noqa: F401 - the SoftHSM2 token fixtures
from visitapp.signing.errors import TokenError
from visitapp.signing.modules import find_module
from visitapp.signing.sign import Pkcs11Source, sign_pdf


def test_bare_name_signs_with_the_module_on_the_library_path(token, tmp_path):
    """``visitapp export --pkcs11 libsofthsm2.so`` in a fresh process, as a user types it."""
    module, pem = token
    name = Path(module).name  # libsofthsm2.so, no folder
    assert find_module(name).resolve() == Path(module).resolve()
    db = tmp_path / "demo.db"
    visit = run_cli("demo", "--db", str(db)).stdout.split()[0]
    out = tmp_path / "m.pdf"
    signed = run_cli("export", "--db", str(db), "--visit", visit, "--out", str(out), "--pkcs11", name,
                     "--token", TOKEN, "--key", "zofia", "--pin-env", "TEST_TOKEN_PIN",
                     env={"TEST_TOKEN_PIN": PIN, "SOFTHSM2_CONF": os.environ["SOFTHSM2_CONF"]}, timeout=180)
    assert signed.returncode == 0, signed.stderr
    checked = run_cli("verify", str(out), "--trust", str(pem), "--json")
    assert checked.returncode == 0, checked.stderr
    assert json.loads(checked.stdout)["signatures"][0]["trusted"] is True


def test_bare_name_without_prefix_or_suffix():
    module = Path(softhsm_module()).resolve()
    assert find_module("softhsm2").resolve() == module
    assert find_module(str(module)) == module  # a path is used as given


def test_a_library_in_the_current_folder_is_never_loaded_by_bare_name(tmp_path, monkeypatch, unsigned):
    (tmp_path / "libplanted-pkcs11.so").write_bytes(b"\x7fELF not really")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("LD_LIBRARY_PATH", raising=False)
    assert find_module("libplanted-pkcs11.so") is None
    with pytest.raises(TokenError, match=r"^The PKCS#11 module libplanted-pkcs11\.so does not exist\.$"):
        sign_pdf(unsigned, Pkcs11Source("libplanted-pkcs11.so", TOKEN, "zofia", PIN))
    assert find_module(os.path.join(".", "libplanted-pkcs11.so")) == Path("libplanted-pkcs11.so")  # asked for by path
