#pragma once

#include <QString>
#include <QStringView>
#include <compare>
#include <optional>

namespace market::core {

/// A quantity in integer thousandths of its unit (grams for kg, 1/1000 of a crate).
class Quantity {
public:
    static constexpr qint64 kScale = 1000;
    /// Largest accepted input: one billion units. Keeps quantity × price inside __int128
    /// comfortably and far from anything a market weighs.
    static constexpr qint64 kMaxInput = 1'000'000'000LL * kScale;

    constexpr Quantity() = default;
    static constexpr Quantity fromThousandths(qint64 t) { return Quantity(t); }
    static constexpr Quantity fromUnits(qint64 units) { return Quantity(units * kScale); }
    constexpr qint64 thousandths() const { return m_thousandths; }

    constexpr bool isZero() const { return m_thousandths == 0; }
    constexpr bool isPositive() const { return m_thousandths > 0; }
    constexpr bool isNegative() const { return m_thousandths < 0; }

    std::optional<Quantity> checkedAdd(Quantity other) const;
    std::optional<Quantity> checkedSub(Quantity other) const;
    Quantity operator+(Quantity other) const;
    Quantity operator-(Quantity other) const;
    Quantity& operator+=(Quantity other) { return *this = *this + other; }
    Quantity& operator-=(Quantity other) { return *this = *this - other; }
    constexpr auto operator<=>(const Quantity&) const = default;

    /// Parses "12", "12.5", "0.125", "1,250.000" (at most three decimals). Rejects the rest.
    static std::optional<Quantity> parse(QStringView text);

    /// "12.5", "12", "0.125": trailing zeros trimmed. Machine form, no grouping.
    QString toString() const;

private:
    constexpr explicit Quantity(qint64 t)
        : m_thousandths(t) {}
    qint64 m_thousandths = 0;
};

} // namespace market::core
