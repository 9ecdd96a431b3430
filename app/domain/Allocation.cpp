#include "Allocation.h"

#include <algorithm>
#include <numeric>

namespace market::core {

std::vector<Money> allocateProportionally(Money total, const std::vector<Money>& weights) {
    if (total.isNegative() || weights.empty())
        return {};
    Int128 sum = 0;
    for (const Money w : weights) {
        if (w.isNegative())
            return {};
        sum += w.minor();
    }
    if (sum == 0)
        return {};

    std::vector<Money> shares(weights.size());
    std::vector<Int128> remainders(weights.size());
    Int128 assigned = 0;
    for (size_t i = 0; i < weights.size(); ++i) {
        const Int128 num = static_cast<Int128>(total.minor()) * weights[i].minor();
        const Int128 share = num / sum;
        remainders[i] = num % sum;
        shares[i] = Money::fromMinor(static_cast<qint64>(share));
        assigned += share;
    }
    auto left = static_cast<qint64>(total.minor() - assigned);
    std::vector<size_t> order(weights.size());
    std::iota(order.begin(), order.end(), size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return remainders[a] > remainders[b]; });
    for (size_t k = 0; left > 0; k = (k + 1) % order.size(), --left)
        shares[order[k]] += Money::fromMinor(1);
    return shares;
}

std::vector<Money> allocateCapped(Money total, const std::vector<Money>& caps) {
    Int128 capSum = 0; // Int128: caps are input here, their sum may exceed int64
    for (const Money c : caps) {
        if (c.isNegative())
            return {};
        capSum += c.minor();
    }
    if (total.isNegative() || total.minor() > capSum)
        return {};
    if (total.isZero())
        return std::vector<Money>(caps.size());
    // A proportional share of total ≤ Σcaps never exceeds its cap after flooring, and a
    // remainder unit goes only where floor < exact share ≤ cap, so the cap holds.
    return allocateProportionally(total, caps);
}

} // namespace market::core
