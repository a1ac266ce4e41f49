"""Agreement statistics on nominal data: percent agreement, Cohen's κ, Scott's π, Brennan–Prediger, Krippendorff's α.

Two-coder measures work on a contingency table `{(value_a, value_b): weight}`, where a weight counts units
(characters, sentences, documents). Krippendorff's α works on units holding any number of coders' values, some
of them missing (None). A measure whose chance agreement is total (every unit in one category for both coders)
is undefined and returned as None; callers decide how to show that.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence

Table = Mapping[tuple[Hashable, Hashable], float]


def pair_table(a: Sequence[Hashable | None], b: Sequence[Hashable | None]) -> dict[tuple[Hashable, Hashable], float]:
    """The contingency table of two coders' values on the same units; units where either value is None are left out."""
    if len(a) != len(b):
        raise ValueError("both coders need a value (or None) for every unit")
    table: dict[tuple[Hashable, Hashable], float] = defaultdict(float)
    for value_a, value_b in zip(a, b):
        if value_a is not None and value_b is not None:
            table[(value_a, value_b)] += 1
    return dict(table)


def binary_table(both: float, a_only: float, b_only: float, neither: float) -> dict[tuple[bool, bool], float]:
    """The table of a coded / not-coded decision: units coded by both, by A only, by B only, by neither."""
    return {(True, True): both, (True, False): a_only, (False, True): b_only, (False, False): neither}


def _total(table: Table) -> float:
    return sum(table.values())


def observed_agreement(table: Table) -> float | None:
    """The share of units on which both coders gave the same value (P_o), or None without units."""
    total = _total(table)
    if total <= 0:
        return None
    return sum(weight for (value_a, value_b), weight in table.items() if value_a == value_b) / total


def _marginals(table: Table) -> tuple[Counter, Counter]:
    left: Counter = Counter()
    right: Counter = Counter()
    for (value_a, value_b), weight in table.items():
        left[value_a] += weight  # type: ignore[assignment]  # Counter's stubs type its counts as int; weights are float
        right[value_b] += weight  # type: ignore[assignment]  # the same: Counter adds float weights at run time
    return left, right


def _chance_corrected(observed: float | None, expected: float) -> float | None:
    if observed is None or expected >= 1 - 1e-12:
        return None
    return (observed - expected) / (1 - expected)


def cohen_kappa(table: Table) -> float | None:
    """Cohen's κ: chance agreement from each coder's own marginals."""
    total = _total(table)
    if total <= 0:
        return None
    left, right = _marginals(table)
    expected = sum(left[value] * right.get(value, 0) for value in left) / (total * total)
    return _chance_corrected(observed_agreement(table), expected)


def scott_pi(table: Table) -> float | None:
    """Scott's π: chance agreement from the two coders' pooled marginals."""
    total = _total(table)
    if total <= 0:
        return None
    left, right = _marginals(table)
    pooled = left + right
    expected = sum((count / (2 * total)) ** 2 for count in pooled.values())
    return _chance_corrected(observed_agreement(table), expected)


def brennan_prediger(observed: float | None, categories: int) -> float | None:
    """Brennan & Prediger's κ: chance agreement 1/q for q categories (free marginals)."""
    if observed is None or categories < 2:
        return None
    return _chance_corrected(observed, 1 / categories)


def percent(share: float | None) -> float | None:
    """A share between 0 and 1 as a percentage."""
    return None if share is None else 100.0 * share


def krippendorff_alpha(units: Iterable[Sequence[Hashable | None]], weights: Iterable[float] | None = None) -> float | None:
    """Krippendorff's α for nominal data.

    Each unit is the sequence of the coders' values, None where a coder gave none; a unit with fewer than two
    values cannot be paired and is skipped. `weights` (one per unit) let a unit stand for that many identical
    units, such as a stretch of characters. Returns None when the data hold no variation (expected disagreement 0).
    """
    coincidences: dict[tuple[Hashable, Hashable], float] = defaultdict(float)
    weight_iter = iter(weights) if weights is not None else None
    for unit in units:
        weight = next(weight_iter) if weight_iter is not None else 1.0
        counts = Counter(value for value in unit if value is not None)
        add_coincidences(coincidences, counts, weight)
    return alpha_from_coincidences(coincidences)


def add_coincidences(coincidences: dict[tuple[Hashable, Hashable], float], counts: Mapping[Hashable, int], weight: float = 1.0) -> None:
    """Add one unit's pairable values (`{value: how many coders gave it}`) to a coincidence matrix."""
    pairable = sum(counts.values())
    if pairable < 2 or weight <= 0:
        return
    for c, n_c in counts.items():
        for k, n_k in counts.items():
            pairs = n_c * (n_k - 1) if c == k else n_c * n_k
            if pairs:
                coincidences[(c, k)] += weight * pairs / (pairable - 1)


def alpha_from_coincidences(coincidences: Mapping[tuple[Hashable, Hashable], float]) -> float | None:
    """Nominal α = 1 − (n − 1)·Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k from a coincidence matrix."""
    totals: Counter = Counter()
    for (c, _k), value in coincidences.items():
        totals[c] += value  # type: ignore[assignment]  # Counter's stubs type its counts as int; these are float
    n = sum(totals.values())
    observed = sum(value for (c, k), value in coincidences.items() if c != k)
    expected = sum(totals[c] * totals[k] for c in totals for k in totals if c != k)
    if n <= 1 or expected <= 0:
        return None
    return 1 - (n - 1) * observed / expected


def mean(values: Iterable[float | None]) -> float | None:
    """The mean of the defined values, or None when none is defined."""
    defined = [value for value in values if value is not None]
    return sum(defined) / len(defined) if defined else None


def weighted_mean(pairs: Iterable[tuple[float | None, float]]) -> float | None:
    """The mean of `(value, weight)` pairs over the defined values, or None when none is defined."""
    numerator = 0.0
    denominator = 0.0
    for value, weight in pairs:
        if value is not None and weight > 0:
            numerator += value * weight
            denominator += weight
    return numerator / denominator if denominator else None
