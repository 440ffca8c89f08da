"""Envelopes of secret ballots between the vote and the close (models.SealedBallot).

The content — nomination, choice, receipt hash (or, for a ballot paper's own envelope, no
nomination, the choice "paper" and the paper's receipt hash) — is padded to one length (a "yes" and a "no"
envelope are the same size) and encrypted with AES-256-GCM under a key derived (HKDF-SHA256)
from the server's ``SECRET_KEY`` and the meeting's id; the meeting's id is also bound as
associated data, so an envelope moved to another meeting does not open. The key is never
written to the database: a reader of the database alone (dump, backup, raw pages) cannot open
an envelope. ``SECRET_KEY_FALLBACKS`` are tried too, so a key rotation during an open vote
loses no ballot.
"""
from __future__ import annotations

import json
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings

SIZE = 160  # bytes of plaintext in every envelope


def _key(secret: str, meeting_id: int) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=b"thidua-ballot-envelope",
                info=f"meeting:{meeting_id}".encode()).derive(secret.encode())


def seal(*, meeting_id: int, nomination_id: int | None, choice: str, receipt_hash: str) -> bytes:
    content = json.dumps({"n": nomination_id, "c": choice, "r": receipt_hash}, separators=(",", ":")).encode()
    if len(content) > SIZE:
        raise ValueError("ballot content too long to seal")
    nonce = os.urandom(12)
    return nonce + AESGCM(_key(settings.SECRET_KEY, meeting_id)).encrypt(
        nonce, content.ljust(SIZE, b" "), f"meeting:{meeting_id}".encode())


def open_envelope(*, meeting_id: int, envelope: bytes) -> dict:
    """{"n": nomination id (None for a paper), "c": choice, "r": receipt hash}; ValueError if it does not open."""
    envelope = bytes(envelope)
    for secret in [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]:
        try:
            content = AESGCM(_key(secret, meeting_id)).decrypt(envelope[:12], envelope[12:],
                                                                f"meeting:{meeting_id}".encode())
        except InvalidTag:
            continue
        return json.loads(content)
    raise ValueError("the envelope does not open with this server's keys")
