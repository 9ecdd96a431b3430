#pragma once

#include "Money.h"

#include <vector>

namespace market::core {

/// Splits `total` (≥ 0) over `weights` (each ≥ 0, not all zero) in proportion, exactly:
/// every share is floor(total × w / Σw), then the leftover minor units go one each to the
/// largest remainders (ties: the earlier index). Σ result = total, always.
/// Returns an empty vector if the inputs break those preconditions.
std::vector<Money> allocateProportionally(Money total, const std::vector<Money>& weights);

/// Like allocateProportionally, but no share may exceed its weight (used when paying off
/// outstanding details: total ≤ Σ weights is required).
std::vector<Money> allocateCapped(Money total, const std::vector<Money>& caps);

} // namespace market::core
