"""What a home day saves: commute time, cost and emissions a year, with the factors and assumptions named."""

from __future__ import annotations

from typing import Any

from .model import Commute, Savings

# A year of work: 52 weeks less about 6 weeks of annual leave and public holidays.
WEEKS_PER_YEAR = 46

SOURCE = "UK Government greenhouse gas conversion factors for company reporting, 2024 (DESNZ)"
# (value, label, kg CO2e per km travelled by one person), approximate and rounded from SOURCE. The car and
# motorbike factors are per vehicle-km, the right figure for someone travelling alone; the others are per
# passenger-km. Walking and cycling are counted as zero.
MODES: tuple[tuple[str, str, float], ...] = (
    ("car", "Car (petrol, diesel or hybrid)", 0.166),  # average car, unknown fuel
    ("electric", "Electric car", 0.047),  # average battery electric car, UK electricity
    ("motorbike", "Motorbike", 0.113),  # average motorbike
    ("bus", "Bus", 0.102),  # average local bus
    ("rail", "Train", 0.035),  # national rail
    ("tram", "Underground, tram or light rail", 0.029),  # light rail and tram
    ("active", "Bicycle or on foot", 0.0),
)
MODE_OPTIONS = tuple((value, text) for value, text, _ in MODES)
FACTORS = {value: factor for value, _, factor in MODES}


def own_factors(policy: dict[str, Any]) -> tuple[dict[str, float], str]:
    """The factors to use, by mode, and where they come from: the organisation's own (settings `policy.emissions`,
    checked at build time) over the defaults above."""
    own = policy.get("emissions") if isinstance(policy.get("emissions"), dict) else {}
    own = {mode: float(value) for mode, value in own.items() if mode in FACTORS
           and isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= 1}
    if not own:
        return dict(FACTORS), f"the {SOURCE}"
    named = policy.get("emissions_source") if isinstance(policy.get("emissions_source"), str) else ""
    source = named.strip() or "the organisation's own factors"
    if len(own) < len(FACTORS):
        source += f", and otherwise the {SOURCE}"
    return {**FACTORS, **own}, source


def savings(commute: Commute, home_days: int, factors: dict[str, float]) -> Savings:
    """Compared with travelling in on every working day: what `home_days` a week at home save in a year.

    A figure the person left blank stays None rather than becoming a misleading zero."""
    trips = home_days * 2 * WEEKS_PER_YEAR
    factor = factors.get(commute.mode, 0.0)
    km = None if commute.km is None else trips * commute.km
    return Savings(
        home_days=home_days,
        trips=trips,
        hours=None if commute.minutes is None else trips * commute.minutes / 60,
        cost=None if commute.cost is None else trips * commute.cost,
        km=km,
        co2_kg=None if km is None else km * factor,
        factor=factor,
    )
