"""The store's SHA-256 and HMAC (made without hashlib, whose import loads OpenSSL) against
hashlib and hmac themselves."""

import hashlib
import hmac
import os

import pytest

from derivations import store

KEYS = [b"", b"k", os.urandom(32), os.urandom(64), os.urandom(65), os.urandom(200)]
MESSAGES = [b"", b"payload", os.urandom(1000), "中文".encode()]


@pytest.mark.parametrize("message", MESSAGES)
def test_sha256_is_hashlibs(message):
    assert store._sha256(message).hexdigest() == hashlib.sha256(message).hexdigest()
    grown = store._sha256()
    grown.update(message)
    assert grown.digest() == hashlib.sha256(message).digest()


@pytest.mark.parametrize("key", KEYS, ids=lambda key: f"{len(key)} bytes")
@pytest.mark.parametrize("message", MESSAGES, ids=lambda m: f"{len(m)} bytes")
def test_hmac_is_hmacs(key, message):
    assert store._hmac_sha256(key, message) == hmac.new(key, message, hashlib.sha256).hexdigest()


def test_same_compares_as_compare_digest():
    for a, b in [("ab", "ab"), ("ab", "ac"), ("ab", "abc"), ("", "")]:
        assert store._same(a, b) is hmac.compare_digest(a, b) is (a == b)
