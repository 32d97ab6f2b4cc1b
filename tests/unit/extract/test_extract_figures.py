from datetime import date


def test_turnover_growth_period_and_direction(extract):
    text = ("Trade between the two countries reached $4.1 billion last year, up 6% on 2022. "
            "In January–March 2024, Peruvian exports to Chile amounted to 310 million dollars. Peru and Chile agreed.")
    rows = {(r["measure"], r["value"], r["unit"], r["period_start"], r["exporter_iso3"], r["importer_iso3"])
            for r in extract(text, date(2024, 5, 10))["figures"].iter_rows(named=True)}
    assert rows == {
        ("turnover", 4.1e9, "USD", date(2023, 1, 1), None, None),
        ("turnover growth", 6.0, "percent", date(2023, 1, 1), None, None),
        ("exports", 3.1e8, "USD", date(2024, 1, 1), "PER", "CHL"),
    }


def test_targets_and_national_figures_are_left_out(extract):
    text = ("Peru and Chile want to push trade towards 10 billion dollars. "
            "Peru's economy grew 3% in 2023, and Chile's exports to the world reached 95 billion dollars.")
    assert extract(text)["figures"].height == 0
