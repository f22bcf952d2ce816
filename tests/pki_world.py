"""A real PKI for the tests, on 127.0.0.1: root CA, issuing CA, officials, an OCSP responder, a timestamp authority.

Everything is made in the test with ``cryptography``; the servers are plain
HTTP servers in threads, each bounded (a request count cap and a socket
timeout) and stopped by :meth:`Pki.stop`.
"""

from __future__ import annotations

import datetime as dt
import http.server
import threading
from dataclasses import dataclass, field
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509 import ocsp
from cryptography.x509.oid import AuthorityInformationAccessOID, ExtendedKeyUsageOID, NameOID

PASSWORD = "hasło-pki"
MAX_REQUESTS = 5000  # every server answers at most this many requests, then refuses


def _key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _name(cn: str, org: str = "", serial: str = "") -> x509.Name:
    attrs = [x509.NameAttribute(NameOID.COUNTRY_NAME, "PL")]
    if org:
        attrs.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, org))
    attrs.append(x509.NameAttribute(NameOID.COMMON_NAME, cn))
    if serial:
        attrs.append(x509.NameAttribute(NameOID.SERIAL_NUMBER, serial))
    return x509.Name(attrs)


@dataclass
class Issued:
    key: rsa.RSAPrivateKey
    cert: x509.Certificate

    def pem(self) -> bytes:
        return self.cert.public_bytes(serialization.Encoding.PEM)


@dataclass
class _Server:
    httpd: http.server.ThreadingHTTPServer
    thread: threading.Thread
    requests: int = 0


@dataclass
class Pki:
    folder: Path
    now: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))
    revoked: dict[int, dt.datetime] = field(default_factory=dict)
    unknown: set[int] = field(default_factory=set)
    servers: dict[str, _Server] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.root = self._ca("Testowe Centrum Certyfikacji Root", None)
        self.issuing = self._ca("Testowe CC Kwalifikowane 2026", self.root)
        self.ocsp_signer = self._issue(self.issuing, _name("Testowy OCSP"), days=365,
                                       eku=[ExtendedKeyUsageOID.OCSP_SIGNING])
        self._start("ocsp", self._ocsp_answer)
        self.tsa = self._issue(self.issuing, _name("Testowy Znacznik Czasu", "Test PKI"), days=3000,
                               eku=[ExtendedKeyUsageOID.TIME_STAMPING], ocsp_url=self.url("ocsp"))
        self.register(self.tsa)
        self._start("tsa", self._tsa_answer)

    # -- certificates -------------------------------------------------------------------------

    def _ca(self, cn: str, parent: Issued | None) -> Issued:
        key = _key()
        name = _name(cn, "Test PKI")
        issuer_name = parent.cert.subject if parent else name
        signing_key = parent.key if parent else key
        cert = (x509.CertificateBuilder().subject_name(name).issuer_name(issuer_name).public_key(key.public_key())
                .serial_number(x509.random_serial_number())
                .not_valid_before(self.now - dt.timedelta(days=30)).not_valid_after(self.now + dt.timedelta(days=3650))
                .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
                .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False, key_encipherment=False,
                                             data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                             crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
                .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
                .sign(signing_key, hashes.SHA256()))
        return Issued(key, cert)

    def _issue(self, issuer: Issued, name: x509.Name, *, days: int, eku=None, ocsp_url: str | None = None,
               not_before: dt.datetime | None = None, key: rsa.RSAPrivateKey | None = None) -> Issued:
        key = key or _key()
        start = not_before or (self.now - dt.timedelta(days=1))
        builder = (x509.CertificateBuilder().subject_name(name).issuer_name(issuer.cert.subject)
                   .public_key(key.public_key()).serial_number(x509.random_serial_number())
                   .not_valid_before(start).not_valid_after(start + dt.timedelta(days=days))
                   .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
                   .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True,
                                                key_encipherment=False, data_encipherment=False, key_agreement=False,
                                                key_cert_sign=False, crl_sign=False, encipher_only=False,
                                                decipher_only=False), critical=True)
                   .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer.key.public_key()),
                                  critical=False))
        if eku:
            builder = builder.add_extension(x509.ExtendedKeyUsage(eku),
                                            critical=eku == [ExtendedKeyUsageOID.TIME_STAMPING])
        if ocsp_url:
            builder = builder.add_extension(x509.AuthorityInformationAccess([x509.AccessDescription(
                AuthorityInformationAccessOID.OCSP, x509.UniformResourceIdentifier(ocsp_url))]), critical=False)
        return Issued(key, builder.sign(issuer.key, hashes.SHA256()))

    def official(self, who: str, name: str, serial: str, *, org: str = "Urząd Miasta Krakowa", days: int = 700,
                 not_before: dt.datetime | None = None, with_ocsp: bool = True) -> tuple[Path, Path, Issued]:
        """An official's certificate under the issuing CA: ``who.p12`` (with the chain) and ``who.pem`` (alone)."""
        issued = self._issue(self.issuing, _name(name, org, serial), days=days, not_before=not_before,
                             ocsp_url=self.url("ocsp") if with_ocsp else None)
        self.register(issued)
        p12, pem = self.folder / f"{who}.p12", self.folder / f"{who}.pem"
        p12.write_bytes(pkcs12.serialize_key_and_certificates(
            who.encode(), issued.key, issued.cert, [self.issuing.cert, self.root.cert],
            serialization.BestAvailableEncryption(PASSWORD.encode())))
        pem.write_bytes(issued.pem())
        return p12, pem, issued

    def write(self, name: str, *issued: Issued) -> Path:
        path = self.folder / name
        path.write_bytes(b"".join(i.pem() for i in issued))
        return path

    # -- servers ---------------------------------------------------------------------------------

    def url(self, which: str) -> str:
        host, port = self.servers[which].httpd.server_address[:2]
        return f"http://{host}:{port}/{which}"

    def requests(self, which: str) -> int:
        return self.servers[which].requests

    def _start(self, which: str, answer) -> None:
        world = self

        class Handler(http.server.BaseHTTPRequestHandler):
            timeout = 5

            def do_POST(self) -> None:
                server = world.servers[which]
                server.requests += 1
                if server.requests > MAX_REQUESTS:
                    self.send_error(503)
                    return
                length = min(int(self.headers.get("Content-Length", "0")), 1 << 20)
                status, ctype, body = answer(self.rfile.read(length))
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        httpd.daemon_threads = True
        thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.servers[which] = _Server(httpd, thread)
        thread.start()

    def stop(self) -> None:
        for server in self.servers.values():
            if server.thread.is_alive():
                server.httpd.shutdown()
                server.thread.join(5)
            server.httpd.server_close()

    def _ocsp_answer(self, body: bytes) -> tuple[int, str, bytes]:
        req = ocsp.load_der_ocsp_request(body)
        serial = req.serial_number
        cert = self._known.get(serial)
        now = dt.datetime.now(dt.UTC)
        if cert is None or serial in self.unknown:
            builder = ocsp.OCSPResponseBuilder().add_response_by_hash(
                req.issuer_name_hash, req.issuer_key_hash, req.hash_algorithm, serial,
                ocsp.OCSPCertStatus.UNKNOWN, now, now + dt.timedelta(hours=1), None, None)
        else:
            revoked = self.revoked.get(serial)
            builder = ocsp.OCSPResponseBuilder().add_response(
                cert=cert, issuer=self.issuing.cert, algorithm=hashes.SHA1(),
                cert_status=ocsp.OCSPCertStatus.REVOKED if revoked else ocsp.OCSPCertStatus.GOOD,
                this_update=now - dt.timedelta(minutes=1), next_update=now + dt.timedelta(hours=1),
                revocation_time=revoked, revocation_reason=x509.ReasonFlags.key_compromise if revoked else None)
        resp = (builder.responder_id(ocsp.OCSPResponderEncoding.HASH, self.ocsp_signer.cert)
                .certificates([self.ocsp_signer.cert]).sign(self.ocsp_signer.key, hashes.SHA256()))
        return 200, "application/ocsp-response", resp.public_bytes(serialization.Encoding.DER)

    def _tsa_answer(self, body: bytes) -> tuple[int, str, bytes]:
        """RFC 3161: a TimeStampReq in, a TimeStampResp out (pyHanko's in-process stamper behind real HTTP)."""
        from asn1crypto import keys as asn1_keys
        from asn1crypto import tsp
        from asn1crypto import x509 as asn1_x509
        from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper
        from pyhanko_certvalidator.registry import SimpleCertificateStore

        chain = SimpleCertificateStore()
        chain.register_multiple([asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER))
                                 for c in (self.issuing.cert, self.root.cert)])
        key_der = self.tsa.key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                             serialization.NoEncryption())
        stamper = DummyTimeStamper(asn1_x509.Certificate.load(self.tsa.cert.public_bytes(serialization.Encoding.DER)),
                                   asn1_keys.PrivateKeyInfo.load(key_der), certs_to_embed=chain)
        resp = stamper.request_tsa_response(tsp.TimeStampReq.load(body))
        return 200, "application/timestamp-reply", resp.dump()

    @property
    def _known(self) -> dict[int, x509.Certificate]:
        return getattr(self, "_certs", {})

    def register(self, issued: Issued) -> Issued:
        """Let the OCSP responder know a certificate (it answers "unknown" for any other)."""
        if not hasattr(self, "_certs"):
            self._certs: dict[int, x509.Certificate] = {}
        self._certs[issued.cert.serial_number] = issued.cert
        return issued
