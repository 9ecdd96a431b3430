#include "InputValidators.h"

#include "domain/Money.h"
#include "domain/Quantity.h"

#include <QRegularExpression>

namespace market::ui {

QValidator::State QuantityValidator::validate(QString& input, int& /*pos*/) const {
    const QString t = input.trimmed();
    if (t.isEmpty())
        return Intermediate;
    static const QRegularExpression shape(QStringLiteral("^[0-9][0-9,]*(\\.[0-9]{0,3})?$|^\\.[0-9]{0,3}$"));
    if (!shape.match(t).hasMatch())
        return Invalid;
    const auto q = core::Quantity::parse(t);
    return q && q->isPositive() ? Acceptable : Intermediate;
}

QValidator::State MoneyValidator::validate(QString& input, int& /*pos*/) const {
    QString t = input.trimmed();
    if (t.startsWith(QChar(0x20B9)))
        t = t.mid(1).trimmed();
    if (t.isEmpty())
        return Intermediate;
    static const QRegularExpression shape(QStringLiteral("^[0-9][0-9,]*(\\.[0-9]{0,2})?$|^\\.[0-9]{0,2}$"));
    if (!shape.match(t).hasMatch())
        return Invalid;
    const auto m = core::Money::parse(t);
    return m && m->isPositive() ? Acceptable : Intermediate;
}

} // namespace market::ui
