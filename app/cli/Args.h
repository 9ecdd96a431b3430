#pragma once

#include "domain/BooksDocuments.h"
#include "domain/Commission.h"
#include "domain/Money.h"
#include "domain/Quantity.h"
#include "domain/Result.h"
#include "domain/Types.h"

#include <QDate>
#include <QString>
#include <QStringList>

namespace market::cli {

/// Turning option text into typed values. Malformed text is an InvalidInput error naming the
/// option (exit code 2); whether a value is acceptable is left to the services.
namespace args {

core::Result<core::Money> money(const QString& option, const QString& text);
core::Result<core::Quantity> quantity(const QString& option, const QString& text);
/// Codes of parties, products and lots: letters, digits, '-', '_' (1–40), starting with a
/// letter or digit.
core::Result<QString> code(const QString& option, const QString& text);
/// YYYY-MM-DD.
core::Result<QDate> date(const QString& option, const QString& text);
core::Result<qint64> integer(const QString& option, const QString& text, qint64 min, qint64 max);
/// A percent with at most two decimals ("5", "5.25") in basis points.
core::Result<qint64> percentBp(const QString& option, const QString& text);

core::Result<core::Role> role(const QString& text);
core::Result<core::PartyKind> partyKind(const QString& text);
core::Result<core::Category> category(const QString& text);
core::Result<core::Unit> unit(const QString& text);
core::Result<core::LotStatus> lotStatus(const QString& text);
core::Result<core::PaymentMethod> paymentMethod(const QString& text);
core::Result<core::Currency> currency(const QString& text);
core::Result<core::FarmerPaymentKind> farmerPaymentKind(const QString& text);
core::Result<core::ExpenseCategory> expenseCategory(const QString& text);
core::Result<core::AdjustmentReason> adjustmentReason(const QString& text);
/// A quantity that may be negative ("-2.5"): stock put back by an adjustment.
core::Result<core::Quantity> signedQuantity(const QString& option, const QString& text);
/// A record id (UUID).
core::Result<core::Uuid> id(const QString& option, const QString& text);

/// "500x3,100x1,10x3": faces in currency units (coins may have decimals), counts of each.
core::Result<std::vector<core::Denomination>> denominations(const QString& text);

/// "0-100:3,100-500:5,500-:7": quantities in units, rates in percent.
core::Result<core::CommissionRule> slabs(const QString& text);

/// "LOTCODE:QTY:PRICE".
struct LineSpec {
    QString lotCode;
    core::Quantity qty;
    core::Money price;
    std::optional<qint64> packages; ///< the optional 4th field
};
core::Result<LineSpec> saleLine(const QString& text);

/// "method:amount[:reference]".
struct PaymentSpec {
    core::PaymentMethod method = core::PaymentMethod::Cash;
    core::Money amount;
    QString reference;
};
core::Result<PaymentSpec> payment(const QString& text);

} // namespace args
} // namespace market::cli
