#pragma once

#include <QValidator>

namespace market::ui {

/// Validates as you type with the core's own parser: keys that can never make a quantity are
/// refused; a half-typed "12." is Intermediate; only what Quantity::parse accepts is Acceptable.
class QuantityValidator : public QValidator {
    Q_OBJECT
public:
    using QValidator::QValidator;
    State validate(QString& input, int& pos) const override;
};

/// The same for money (Money::parse: at most two decimals, ₹ and grouping allowed).
class MoneyValidator : public QValidator {
    Q_OBJECT
public:
    using QValidator::QValidator;
    State validate(QString& input, int& pos) const override;
};

} // namespace market::ui
