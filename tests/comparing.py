"""Helpers the tests share for comparing documents."""

from __future__ import annotations

import unicodedata


def nfc_everywhere(value: object) -> object:
    """``value`` (a JSON-like tree) with every string in NFC, for comparing NFD input with NFC."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, dict):
        return {key: nfc_everywhere(item) for key, item in value.items()}
    if isinstance(value, list):
        return [nfc_everywhere(item) for item in value]
    return value
