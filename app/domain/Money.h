#pragma once

#include <QString>
#include <QStringView>
#include <compare>
#include <cstdint>
#include <optional>

namespace market::core {

/// 128-bit intermediate for products of money and quantity (GCC/Clang extension).
__extension__ typedef __int128 Int128;

class Quantity;

/// Rounds num/den to the nearest integer, halves away from zero ("half-up" on magnitudes).
/// den must be > 0. Returns nullopt when the result does not fit in int64.
std::optional<qint64> divideRoundHalfUp(Int128 num, Int128 den);

/// An amount of money as an integer count of minor units (paise, cents).
/// No floating point anywhere: there is deliberately no constructor from double.
class Money {
public:
    /// The largest magnitude the core accepts from input: 10^15 minor units
    /// (10 lakh crore rupees). Sums of accepted values stay far from int64 overflow.
    static constexpr qint64 kMaxInput = 1'000'000'000'000'000LL;

    constexpr Money() = default;
    static constexpr Money fromMinor(qint64 minor) { return Money(minor); }
    constexpr qint64 minor() const { return m_minor; }

    constexpr bool isZero() const { return m_minor == 0; }
    constexpr bool isNegative() const { return m_minor < 0; }
    constexpr bool isPositive() const { return m_minor > 0; }

    std::optional<Money> checkedAdd(Money other) const;
    std::optional<Money> checkedSub(Money other) const;
    std::optional<Money> checkedMul(qint64 factor) const;

    /// Aborts on int64 overflow: for sums of already validated amounts, where overflow is a bug.
    Money operator+(Money other) const;
    Money operator-(Money other) const;
    Money operator-() const;
    Money& operator+=(Money other) { return *this = *this + other; }
    Money& operator-=(Money other) { return *this = *this - other; }

    constexpr auto operator<=>(const Money&) const = default;

    /// quantity (thousandths of a unit) × price per unit, rounded half-up to a minor unit.
    static std::optional<Money> lineAmount(const Quantity& quantity, Money pricePerUnit);
    /// this × basisPoints / 10,000, rounded half-up (500 bp = 5 %).
    std::optional<Money> percentBp(qint64 basisPoints) const;

    /// Parses "1234", "1,234.5", "-12.05", "₹ 1,23,456.50". At most two decimals; rejects
    /// anything else (letters, three decimals, several signs, values beyond kMaxInput).
    static std::optional<Money> parse(QStringView text);

    /// Plain machine form: "-1234.50".
    QString toPlainString() const;

private:
    constexpr explicit Money(qint64 minor)
        : m_minor(minor) {}
    qint64 m_minor = 0;
};

enum class Currency { INR, USD, EUR, GBP };

std::optional<Currency> currencyFromCode(QStringView code);
QString currencyCode(Currency currency);
QString currencySymbol(Currency currency);

/// Formats with the currency symbol and the grouping people expect: Indian grouping for INR
/// (₹1,23,456.50), thousands for the others ($123,456.50). Exact: no floating point.
QString formatMoney(Money amount, Currency currency);
/// Groups digits of a non-negative integer string the Indian way ("1,23,45,678").
QString groupIndian(const QString& digits);
QString groupThousands(const QString& digits);
/// True when the commas in an integer part delimit groups the way people write them.
bool groupingOk(QStringView whole);

} // namespace market::core
