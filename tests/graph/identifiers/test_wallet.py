"""Crypto wallet addresses, accepted only with a valid checksum."""

from __future__ import annotations

import bech32
import pytest

from graph.identifiers.document import Document
from graph.identifiers.wallet import Wallet

P2PKH = "1CEwg9pXFgT489hnmzygDmv3kYPRctKtat"
P2SH = "3545WrLSW63eq9fzPFFqAboy3DcRoPLaX2"
SEGWIT_V0 = "bc1qqjsqflpj7upus602rd70xcm6pfef9nu3shcrkh"
TAPROOT = "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0"  # BIP-350 test vector
TRON = "TLjCEVTFaPdGQd7Si7WyDLj5ahA5E4huMi"
ETH_EIP55 = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"  # EIP-55 test vector


def keys(text: str) -> list[str]:
    return [found.key for found in Wallet().find(Document(text))]


@pytest.mark.parametrize(
    ("address", "key"),
    [
        (P2PKH, f"payment:btc:{P2PKH}"),
        (P2SH, f"payment:btc:{P2SH}"),
        (SEGWIT_V0, f"payment:btc:{SEGWIT_V0}"),
        (SEGWIT_V0.upper(), f"payment:btc:{SEGWIT_V0}"),
        (TAPROOT, f"payment:btc:{TAPROOT}"),
        (TRON, f"payment:tron:{TRON}"),
        (ETH_EIP55, f"payment:eth:{ETH_EIP55.lower()}"),
        (ETH_EIP55.lower(), f"payment:eth:{ETH_EIP55.lower()}"),
        ("0x" + ETH_EIP55[2:].upper(), f"payment:eth:{ETH_EIP55.lower()}"),
    ],
)
def test_valid_addresses(address, key):
    assert keys(f"Send the deposit to {address} today.") == [key]
    assert Wallet().clean(f" {address} ").key == key


@pytest.mark.parametrize(
    "address",
    [
        P2PKH[:-1] + "T",  # one character changed
        P2SH[:-1] + "3",
        SEGWIT_V0[:-1] + "j",
        SEGWIT_V0[:10] + SEGWIT_V0[10:].upper(),  # bech32 forbids mixed case
        TAPROOT[:-1] + "1",
        TRON[:-1] + "j",
        ETH_EIP55[:3] + ETH_EIP55[3].swapcase() + ETH_EIP55[4:],  # EIP-55 capitals broken
        "1" + "1" * 30,  # base58 of the right shape with no valid checksum
    ],
)
def test_changed_or_miscased_addresses_are_not_identifiers(address):
    assert keys(f"wallet {address} ok") == []
    assert Wallet().clean(address) is None


def test_version_bytes_are_checked():
    # valid base58check strings shaped like P2SH and TRON addresses, with versions 0x06 and 0x42
    assert keys("3VAtnhnwT5KgmxAXTETHQb1hDz2rRSy6Um TdT5sDgE3u8FqxXivQSQW7LtzFVT1jCeA3") == []
    # witness version 1 with bech32's checksum instead of bech32m's
    program = list(bytes.fromhex("79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"))
    assert keys(bech32.encode("bc", 1, program)) == []


def test_addresses_must_be_whole_tokens():
    assert keys(f"x{P2PKH}") == []
    assert keys(f"{TRON}9") == []
    assert keys(f"{ETH_EIP55.lower()}ab") == []


def test_span_points_at_the_original_text():
    text = f"\u200bBTC ١: {P2PKH} ."
    found = next(iter(Wallet().find(Document(text))))
    assert text[found.span[0] : found.span[1]] == P2PKH
    assert found.value == P2PKH
    assert found.rule == "wallet:base58"
