#include "Validation.h"

namespace market::core {

Result<QString> Validation::name(const QString& raw, const QString& field, qsizetype maxLength) {
    const QString s = raw.trimmed();
    if (s.isEmpty())
        return Error{ErrorCode::InvalidInput, tr("%1 must not be empty.").arg(field)};
    if (s.size() > maxLength)
        return Error{ErrorCode::InvalidInput,
                     tr("%1 is longer than %2 characters.").arg(field).arg(maxLength)};
    for (const QChar c : s)
        if (c.category() == QChar::Other_Control)
            return Error{ErrorCode::InvalidInput, tr("%1 contains a control character.").arg(field)};
    return s;
}

Result<QString> Validation::code(const QString& raw, const QString& field, qsizetype maxLength) {
    const QString s = raw.trimmed();
    if (s.isEmpty() || s.size() > maxLength)
        return Error{ErrorCode::InvalidInput, tr("%1 must be 1 to %2 characters.").arg(field).arg(maxLength)};
    for (const QChar c : s) {
        const bool ok = (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
                        (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
                        (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('-') ||
                        c == QLatin1Char('_') || c == QLatin1Char('.');
        if (!ok)
            return Error{ErrorCode::InvalidInput,
                         tr("%1 may contain only letters A-Z, digits, '-', '_' and '.'.").arg(field)};
    }
    return s;
}

Result<QString> Validation::phone(const QString& raw) {
    const QString s = raw.trimmed();
    if (s.size() > 20)
        return Error{ErrorCode::InvalidInput, tr("Phone number is longer than 20 characters.")};
    for (const QChar c : s)
        if (!(c.isDigit() && c.unicode() < 128) && c != QLatin1Char('+') && c != QLatin1Char('-') &&
            c != QLatin1Char(' '))
            return Error{ErrorCode::InvalidInput,
                         tr("Phone number may contain only digits, +, - and spaces.")};
    return s;
}

Result<QString> Validation::optionalText(const QString& raw, const QString& field, qsizetype maxLength) {
    const QString s = raw.trimmed();
    if (s.size() > maxLength)
        return Error{ErrorCode::InvalidInput,
                     tr("%1 is longer than %2 characters.").arg(field).arg(maxLength)};
    for (const QChar c : s)
        if (c.category() == QChar::Other_Control && c != QLatin1Char('\n'))
            return Error{ErrorCode::InvalidInput, tr("%1 contains a control character.").arg(field)};
    return s;
}

Status Validation::positiveMoney(Money m, const QString& field) {
    if (!m.isPositive())
        return Error{ErrorCode::InvalidInput, tr("%1 must be more than zero.").arg(field)};
    if (m.minor() > Money::kMaxInput)
        return Error{ErrorCode::InvalidInput, tr("%1 is too large.").arg(field)};
    return okStatus();
}

Status Validation::positiveQuantity(Quantity q, const QString& field) {
    if (!q.isPositive())
        return Error{ErrorCode::InvalidInput, tr("%1 must be more than zero.").arg(field)};
    if (q.thousandths() > Quantity::kMaxInput)
        return Error{ErrorCode::InvalidInput, tr("%1 is too large.").arg(field)};
    return okStatus();
}

} // namespace market::core
