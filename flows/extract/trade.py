"""Trade claims: who sells which product to whom, one claim per product, mapped to HS where the product allows."""
from __future__ import annotations

from dataclasses import dataclass

from flows.extract.countries import CountryMention


@dataclass
class TradeState:
    pair: tuple[str, str] | None


@dataclass(frozen=True)
class TradeClaim:
    exporter: str
    importer: str
    product: str
    hs_code: str | None


def find_trade_claims(sentence: str, countries: list[CountryMention], state: TradeState) -> list[TradeClaim]:
    return []
