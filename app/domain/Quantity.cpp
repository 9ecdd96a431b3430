#include "Quantity.h"

#include "Money.h"

#include <cstdlib>

namespace market::core {

std::optional<Quantity> Quantity::checkedAdd(Quantity other) const {
    qint64 out = 0;
    if (__builtin_add_overflow(m_thousandths, other.m_thousandths, &out))
        return std::nullopt;
    return Quantity(out);
}

std::optional<Quantity> Quantity::checkedSub(Quantity other) const {
    qint64 out = 0;
    if (__builtin_sub_overflow(m_thousandths, other.m_thousandths, &out))
        return std::nullopt;
    return Quantity(out);
}

Quantity Quantity::operator+(Quantity other) const {
    const auto r = checkedAdd(other);
    if (!r)
        qFatal("market::core::Quantity overflow");
    return *r;
}

Quantity Quantity::operator-(Quantity other) const {
    const auto r = checkedSub(other);
    if (!r)
        qFatal("market::core::Quantity overflow");
    return *r;
}

std::optional<Quantity> Quantity::parse(QStringView text) {
    const QString s = text.trimmed().toString();
    if (s.isEmpty())
        return std::nullopt;
    qsizetype i = 0;
    bool negative = false;
    if (s.at(0) == QLatin1Char('-') || s.at(0) == QLatin1Char('+')) {
        negative = s.at(0) == QLatin1Char('-');
        i = 1;
    }
    const qsizetype start = i;
    Int128 whole = 0;
    Int128 fraction = 0;
    int fractionDigits = 0;
    bool seenPoint = false;
    bool seenDigit = false;
    QChar previous;
    for (; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (c == QLatin1Char(',')) {
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
                if (++fractionDigits > 3)
                    return std::nullopt;
                fraction = fraction * 10 + d;
            } else {
                whole = whole * 10 + d;
                if (whole * kScale > kMaxInput)
                    return std::nullopt;
            }
        } else {
            return std::nullopt;
        }
        previous = c;
    }
    if (!seenDigit || previous == QLatin1Char(',') ||
        !groupingOk(QStringView(s).left(s.indexOf(QLatin1Char('.'))).mid(start)))
        return std::nullopt;
    for (int k = fractionDigits; k < 3; ++k)
        fraction *= 10;
    Int128 t = whole * kScale + fraction;
    if (t > kMaxInput)
        return std::nullopt;
    return Quantity(static_cast<qint64>(negative ? -t : t));
}

QString Quantity::toString() const {
    const bool negative = m_thousandths < 0;
    const unsigned long long magnitude = negative ? 0ULL - static_cast<unsigned long long>(m_thousandths)
                                                  : static_cast<unsigned long long>(m_thousandths);
    QString out = QString::number(magnitude / kScale);
    const unsigned long long frac = magnitude % kScale;
    if (frac != 0) {
        QString f = QStringLiteral("%1").arg(frac, 3, 10, QLatin1Char('0'));
        while (f.endsWith(QLatin1Char('0')))
            f.chop(1);
        out += QLatin1Char('.') + f;
    }
    return negative ? QLatin1Char('-') + out : out;
}

} // namespace market::core
