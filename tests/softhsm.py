"""One way to make a SoftHSM2 token for the tests that need a smart card.

:func:`softhsm_token` gives a token in a folder of its own (its own ``softhsm2.conf``,
named by ``SOFTHSM2_CONF`` while the ``with`` block runs, restored after), initialised with
a label and a user PIN; :class:`SoftToken` puts keys and certificates on it as a card's
middleware lists them (a private key and its certificate under one label and CKA_ID).

SoftHSM2 reads ``SOFTHSM2_CONF`` once, at ``C_Initialize``, and python-pkcs11 keeps one
library per process, so :func:`softhsm_lib` re-initialises the library whenever the
variable changed since it was last initialised.  What it was initialised with is kept on
the ``pkcs11`` module itself: this file and ``conftest`` can be imported twice under two
names (``conftest`` / ``tests.conftest``), and two copies of that record would disagree.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SO_PIN = "1234"
_LOADED_WITH = "_visitapp_tests_softhsm_conf"  # attribute on the pkcs11 module: the conf it was initialised with
CKF_USER_PIN_LOCKED = 0x00040000
CKA_OS_TOKENFLAGS = 0x8000534B  # SoftHSM2's vendor attribute holding the token flags in token.object


def softhsm_lib(module: str | None = None) -> Any:
    """The SoftHSM2 library, re-initialised when ``SOFTHSM2_CONF`` changed since it was last initialised."""
    import pkcs11

    from tests.minutes_sample import SOFTHSM_MODULES

    module = module or next((p for p in SOFTHSM_MODULES if Path(p).exists()), None)
    if module is None:
        return None
    lib = pkcs11.lib(module)
    conf = os.environ.get("SOFTHSM2_CONF")
    if conf != getattr(pkcs11, _LOADED_WITH, None):
        lib.reinitialize()
        setattr(pkcs11, _LOADED_WITH, conf)
    return lib


@dataclass
class SoftToken:
    """An initialised SoftHSM2 token: its module, folder, label and user PIN."""

    module: str
    folder: Path
    label: str
    pin: str

    @property
    def lib(self) -> Any:
        return softhsm_lib(self.module)

    @contextlib.contextmanager
    def session(self) -> Iterator[Any]:
        """A read-write session logged in with the user PIN."""
        with self.lib.get_token(token_label=self.label).open(rw=True, user_pin=self.pin) as session:
            yield session

    def put_key(self, label: str, key_id: str, key: Any, cert: Any = None) -> None:
        """Import a ``cryptography`` private key (softhsm2-util) and, when given, its certificate (python-pkcs11)."""
        from cryptography.hazmat.primitives import serialization

        path = self.folder / f"{label}-{key_id}.pem"
        path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
        try:
            subprocess.run(["softhsm2-util", "--import", str(path), "--token", self.label, "--label", label,
                            "--id", key_id, "--pin", self.pin], check=True, capture_output=True, timeout=60)
        finally:
            path.unlink()
        if cert is not None:
            self.put_certificate(label, bytes.fromhex(key_id), cert)

    def put_certificate(self, label: str, key_id: bytes, cert: Any, session: Any = None) -> None:
        """Store an X.509 certificate object (a card's middleware pairs it with the key by CKA_ID)."""
        from cryptography.hazmat.primitives import serialization
        from pkcs11 import Attribute, CertificateType, ObjectClass

        template = {Attribute.CLASS: ObjectClass.CERTIFICATE, Attribute.CERTIFICATE_TYPE: CertificateType.X_509,
                    Attribute.TOKEN: True, Attribute.LABEL: label, Attribute.ID: key_id,
                    Attribute.SUBJECT: cert.subject.public_bytes(),
                    Attribute.VALUE: cert.public_bytes(serialization.Encoding.DER)}
        if session is not None:
            session.create_object(template)
            return
        with self.session() as own:
            own.create_object(template)

    def set_user_pin_locked(self, locked: bool) -> None:
        """Mark the user PIN locked, as a card does after too many wrong PINs.

        SoftHSM2 counts no tries, so the flag is set in its token file (the ulong value of its
        CKA_OS_TOKENFLAGS attribute) and the library re-initialised to read it again."""
        path = next(self.folder.glob("tokens/*/token.object"))
        data = bytearray(path.read_bytes())
        at = data.index(CKA_OS_TOKENFLAGS.to_bytes(8, "big")) + 16  # type, data type (ulong), then the value
        flags = int.from_bytes(data[at:at + 8], "big")
        flags = flags | CKF_USER_PIN_LOCKED if locked else flags & ~CKF_USER_PIN_LOCKED
        data[at:at + 8] = flags.to_bytes(8, "big")
        path.write_bytes(bytes(data))
        self.lib.reinitialize()


@contextlib.contextmanager
def softhsm_token(folder: Path, label: str, pin: str) -> Iterator[SoftToken]:
    """A fresh token in ``folder`` (``SOFTHSM2_CONF`` points at it until the block ends)."""
    from tests.minutes_sample import require_tool, softhsm_module

    module = softhsm_module()
    util = require_tool("softhsm2-util")
    (folder / "tokens").mkdir(parents=True)
    conf = folder / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {folder / 'tokens'}\nobjectstore.backend = file\nlog.level = ERROR\n")
    saved = os.environ.get("SOFTHSM2_CONF")
    os.environ["SOFTHSM2_CONF"] = str(conf)
    try:
        subprocess.run([util, "--init-token", "--free", "--label", label, "--so-pin", SO_PIN, "--pin", pin],
                       check=True, capture_output=True, timeout=60)
        token = SoftToken(module, folder, label, pin)
        softhsm_lib(module)  # this folder's tokens from now on
        yield token
    finally:
        if saved is None:
            os.environ.pop("SOFTHSM2_CONF", None)
        else:
            os.environ["SOFTHSM2_CONF"] = saved
        softhsm_lib(module)  # the previous folder's tokens again
