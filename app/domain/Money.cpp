#include "Money.h"

#include "Quantity.h"

#include <QList>
#include <cstdlib>
#include <limits>

namespace market::core {

namespace {
constexpr Int128 kInt64Max = std::numeric_limits<qint64>::max();
constexpr Int128 kInt64Min = std::numeric_limits<qint64>::min();

std::optional<qint64> fitInt64(Int128 v) {
    if (v > kInt64Max || v < kInt64Min)
        return std::nullopt;
    return static_cast<qint64>(v);
}

} // namespace

/// Grouping commas must delimit whole groups: "1,23,456" and "123,456" pass, "1,5" and "1,"
/// do not (a decimal comma must never be read as a hundredfold amount).
bool groupingOk(QStringView whole) {
    if (!whole.contains(QLatin1Char(',')))
        return true;
    const auto groups = whole.split(QLatin1Char(','));
    for (qsizetype i = 0; i < groups.size(); ++i) {
        const qsizetype n = groups[i].size();
        const bool ok = i == 0 ? n >= 1 && n <= 3 : i + 1 == groups.size() ? n == 3 : n == 2 || n == 3;
        if (!ok)
            return false;
    }
    return true;
}

namespace {
[[noreturn]] void overflowAbort() {
    qFatal("market::core::Money overflow: an unchecked sum exceeded int64");
    std::abort();
}
} // namespace

std::optional<qint64> divideRoundHalfUp(Int128 num, Int128 den) {
    if (den <= 0)
        return std::nullopt;
    const bool negative = num < 0;
    const Int128 magnitude = negative ? -num : num;
    // Adding half the divisor before truncating rounds exact halves away from zero.
    const Int128 rounded = (magnitude + den / 2) / den;
    return fitInt64(negative ? -rounded : rounded);
}

std::optional<Money> Money::checkedAdd(Money other) const {
    qint64 out = 0;
    if (__builtin_add_overflow(m_minor, other.m_minor, &out))
        return std::nullopt;
    return Money(out);
}

std::optional<Money> Money::checkedSub(Money other) const {
    qint64 out = 0;
    if (__builtin_sub_overflow(m_minor, other.m_minor, &out))
        return std::nullopt;
    return Money(out);
}

std::optional<Money> Money::checkedMul(qint64 factor) const {
    qint64 out = 0;
    if (__builtin_mul_overflow(m_minor, factor, &out))
        return std::nullopt;
    return Money(out);
}

Money Money::operator+(Money other) const {
    const auto r = checkedAdd(other);
    if (!r)
        overflowAbort();
    return *r;
}

Money Money::operator-(Money other) const {
    const auto r = checkedSub(other);
    if (!r)
        overflowAbort();
    return *r;
}

Money Money::operator-() const {
    if (m_minor == std::numeric_limits<qint64>::min())
        overflowAbort();
    return Money(-m_minor);
}

std::optional<Money> Money::lineAmount(const Quantity& quantity, Money pricePerUnit) {
    const Int128 num = static_cast<Int128>(quantity.thousandths()) * pricePerUnit.minor();
    const auto v = divideRoundHalfUp(num, Quantity::kScale);
    if (!v)
        return std::nullopt;
    return Money(*v);
}

std::optional<Money> Money::percentBp(qint64 basisPoints) const {
    const auto v = divideRoundHalfUp(static_cast<Int128>(m_minor) * basisPoints, 10'000);
    if (!v)
        return std::nullopt;
    return Money(*v);
}

std::optional<Money> Money::parse(QStringView text) {
    QString s = text.trimmed().toString();
    // Accept a leading currency symbol or code, and grouping separators people type.
    for (const auto& prefix :
         {QStringLiteral("₹"), QStringLiteral("Rs."), QStringLiteral("Rs"), QStringLiteral("INR"),
          QStringLiteral("$"), QStringLiteral("€"), QStringLiteral("£")}) {
        if (s.startsWith(prefix)) {
            s = s.mid(prefix.size()).trimmed();
            break;
        }
    }
    bool negative = false;
    if (s.startsWith(QLatin1Char('-'))) {
        negative = true;
        s = s.mid(1);
    } else if (s.startsWith(QLatin1Char('+'))) {
        s = s.mid(1);
    }
    if (s.isEmpty())
        return std::nullopt;

    Int128 whole = 0;
    Int128 fraction = 0;
    int fractionDigits = 0;
    bool seenPoint = false;
    bool seenDigit = false;
    QChar previous;
    for (const QChar c : std::as_const(s)) {
        if (c == QLatin1Char(',')) {
            // A grouping comma must sit between digits of the whole part.
            if (seenPoint || !previous.isDigit())
                return std::nullopt;
        } else if (c == QLatin1Char('.')) {
            if (seenPoint)
                return std::nullopt;
            seenPoint = true;
        } else if (c >= QLatin1Char('0') && c <= QLatin1Char('9')) {
            seenDigit = true;
            const int d = c.unicode() - u'0';
            if (seenPoint) {
                if (++fractionDigits > 2)
                    return std::nullopt;
                fraction = fraction * 10 + d;
            } else {
                whole = whole * 10 + d;
                if (whole > Money::kMaxInput)
                    return std::nullopt;
            }
        } else {
            return std::nullopt;
        }
        previous = c;
    }
    if (!seenDigit || previous == QLatin1Char(',') ||
        !groupingOk(QStringView(s).left(s.indexOf(QLatin1Char('.')))))
        return std::nullopt;
    if (fractionDigits == 1)
        fraction *= 10;
    Int128 minor = whole * 100 + fraction;
    if (minor > Money::kMaxInput)
        return std::nullopt;
    if (negative)
        minor = -minor;
    return Money(static_cast<qint64>(minor));
}

QString Money::toPlainString() const {
    const bool negative = m_minor < 0;
    const unsigned long long magnitude =
        negative ? 0ULL - static_cast<unsigned long long>(m_minor) : static_cast<unsigned long long>(m_minor);
    QString out = QString::number(magnitude / 100) + QLatin1Char('.') +
                  QStringLiteral("%1").arg(magnitude % 100, 2, 10, QLatin1Char('0'));
    return negative ? QLatin1Char('-') + out : out;
}

std::optional<Currency> currencyFromCode(QStringView code) {
    if (code == u"INR")
        return Currency::INR;
    if (code == u"USD")
        return Currency::USD;
    if (code == u"EUR")
        return Currency::EUR;
    if (code == u"GBP")
        return Currency::GBP;
    return std::nullopt;
}

QString currencyCode(Currency currency) {
    switch (currency) {
    case Currency::INR:
        return QStringLiteral("INR");
    case Currency::USD:
        return QStringLiteral("USD");
    case Currency::EUR:
        return QStringLiteral("EUR");
    case Currency::GBP:
        return QStringLiteral("GBP");
    }
    return QStringLiteral("INR");
}

QString currencySymbol(Currency currency) {
    switch (currency) {
    case Currency::INR:
        return QStringLiteral("₹");
    case Currency::USD:
        return QStringLiteral("$");
    case Currency::EUR:
        return QStringLiteral("€");
    case Currency::GBP:
        return QStringLiteral("£");
    }
    return {};
}

QString groupIndian(const QString& digits) {
    if (digits.size() <= 3)
        return digits;
    QString head = digits.left(digits.size() - 3);
    const QString tail = digits.right(3);
    QString grouped;
    while (head.size() > 2) {
        grouped.prepend(QLatin1Char(',') + head.right(2));
        head.chop(2);
    }
    return head + grouped + QLatin1Char(',') + tail;
}

QString groupThousands(const QString& digits) {
    QString out;
    const qsizetype n = digits.size();
    for (qsizetype i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % 3 == 0)
            out += QLatin1Char(',');
        out += digits.at(i);
    }
    return out;
}

QString formatMoney(Money amount, Currency currency) {
    const qint64 minor = amount.minor();
    const bool negative = minor < 0;
    const unsigned long long magnitude =
        negative ? 0ULL - static_cast<unsigned long long>(minor) : static_cast<unsigned long long>(minor);
    const QString whole = QString::number(magnitude / 100);
    const QString grouped = currency == Currency::INR ? groupIndian(whole) : groupThousands(whole);
    const QString text = currencySymbol(currency) + grouped + QLatin1Char('.') +
                         QStringLiteral("%1").arg(magnitude % 100, 2, 10, QLatin1Char('0'));
    return negative ? QLatin1Char('-') + text : text;
}

} // namespace market::core
