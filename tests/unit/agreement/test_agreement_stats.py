"""The agreement coefficients against published reference values."""

from __future__ import annotations

import krippendorff
import numpy as np
import pytest

from workbench.domain.agreement_stats import (
    alpha_from_coincidences,
    binary_table,
    brennan_prediger,
    cohen_kappa,
    krippendorff_alpha,
    observed_agreement,
    pair_table,
    scott_pi,
    weighted_mean,
)

N = None
# Krippendorff (2011), "Computing Krippendorff's alpha-reliability": 4 coders x 12 units with missing values.
CANONICAL = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
    [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],
]
# tidycomm's test-icr_kappa.R
TIDY_A = [1, 2, 4, 1, 2, 1, 1, 1, 2]
TIDY_B = [1, 2, 3, 1, 2, 2, 1, 1, 2]
# ATLAS.ti's binary example
BIN_A = [int(c) for c in "1100000000"]
BIN_B = [int(c) for c in "0110010100"]


def test_krippendorff_canonical_four_coders_with_missing_values():
    units = list(zip(*CANONICAL))
    assert krippendorff_alpha(units) == pytest.approx(0.743, abs=5e-4)
    assert krippendorff_alpha(units) == pytest.approx(0.7434210526)


def test_alpha_agrees_with_the_krippendorff_package():
    data = np.array([[np.nan if v is None else v for v in row] for row in CANONICAL], dtype=float)
    expected = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
    assert krippendorff_alpha(zip(*CANONICAL)) == pytest.approx(expected)


def test_two_coders_kappa_pi_alpha_from_tidycomm():
    table = pair_table(TIDY_A, TIDY_B)
    assert observed_agreement(table) == pytest.approx(7 / 9)
    assert cohen_kappa(table) == pytest.approx(0.633, abs=5e-4)
    assert scott_pi(table) == pytest.approx(0.625, abs=5e-4)
    assert brennan_prediger(observed_agreement(table), 4) == pytest.approx(0.7037, abs=5e-5)
    assert krippendorff_alpha(zip(TIDY_A, TIDY_B)) == pytest.approx(0.6458, abs=5e-5)


def test_binary_example_from_atlas_ti():
    table = pair_table(BIN_A, BIN_B)
    assert observed_agreement(table) == pytest.approx(0.60)
    assert krippendorff_alpha(zip(BIN_A, BIN_B)) == pytest.approx(0.0952, abs=5e-5)
    assert cohen_kappa(table) == pytest.approx(0.0909, abs=5e-5)
    assert brennan_prediger(observed_agreement(table), 2) == pytest.approx(0.20)


def test_nvivo_help_example_over_characters():
    table = binary_table(both=50, a_only=100, b_only=50, neither=800)
    assert observed_agreement(table) == pytest.approx(0.85)
    assert cohen_kappa(table) == pytest.approx(0.3182, abs=5e-5)


def test_weighted_units_equal_repeated_units():
    units = [(1, 1), (1, 0), (0, 0)]
    weights = [3, 2, 5]
    repeated = [unit for unit, weight in zip(units, weights) for _ in range(weight)]
    assert krippendorff_alpha(units, weights) == pytest.approx(krippendorff_alpha(repeated))


def test_units_with_one_value_are_not_pairable():
    assert krippendorff_alpha([(1, None), (None, 2), (1, 1), (2, 2), (1, 2)]) == pytest.approx(
        krippendorff_alpha([(1, 1), (2, 2), (1, 2)])
    )


def test_no_variation_leaves_the_coefficients_undefined():
    table = pair_table([1, 1, 1], [1, 1, 1])
    assert observed_agreement(table) == 1.0
    assert cohen_kappa(table) is None
    assert scott_pi(table) is None
    assert krippendorff_alpha([(1, 1), (1, 1)]) is None
    assert alpha_from_coincidences({}) is None
    assert observed_agreement({}) is None
    assert cohen_kappa({}) is None


def test_pair_table_needs_equal_lengths_and_skips_missing():
    assert pair_table([1, None, 2], [1, 2, None]) == {(1, 1): 1}
    with pytest.raises(ValueError):
        pair_table([1], [1, 2])


def test_weighted_mean_skips_undefined_values():
    assert weighted_mean([(1.0, 3), (None, 5), (0.0, 1)]) == pytest.approx(0.75)
    assert weighted_mean([(None, 1)]) is None
