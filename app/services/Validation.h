#pragma once

#include "domain/Money.h"
#include "domain/Quantity.h"
#include "domain/Result.h"

#include <QCoreApplication>
#include <QString>

namespace market::core {

/// Input checks shared by the services, with translatable messages.
struct Validation {
    Q_DECLARE_TR_FUNCTIONS(Validation)
public:
    static constexpr qsizetype kNameMax = 200;

    /// Trimmed, 1..maxLength characters, no control characters. Any script is fine.
    static Result<QString> name(const QString& raw, const QString& field, qsizetype maxLength = kNameMax);
    /// Letters, digits, '-', '_' and '.' only; 1..maxLength.
    static Result<QString> code(const QString& raw, const QString& field, qsizetype maxLength = 40);
    /// Empty, or digits with optional + - and spaces, at most 20.
    static Result<QString> phone(const QString& raw);
    static Result<QString> optionalText(const QString& raw, const QString& field, qsizetype maxLength);
    static Status positiveMoney(Money m, const QString& field);
    static Status positiveQuantity(Quantity q, const QString& field);
    /// Case-folded form used for search-as-you-type indexes.
    static QString fold(const QString& s) { return s.trimmed().toCaseFolded(); }
};

} // namespace market::core
