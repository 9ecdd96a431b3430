#pragma once

#include "Money.h"
#include "Quantity.h"
#include "Result.h"
#include "Types.h"
#include "Uuid.h"

#include <QJsonObject>
#include <QString>
#include <optional>
#include <vector>

namespace market::core {

/// Documents of the back office (farmer payments, expenses, stock adjustments, cash sessions).
/// Same conventions as Documents.h.

namespace op {
inline const QString kFarmerPaymentRecorded = QStringLiteral("farmer_payment.recorded");
inline const QString kExpenseRecorded = QStringLiteral("expense.recorded");
inline const QString kStockAdjusted = QStringLiteral("stock.adjusted");
inline const QString kCashSessionOpened = QStringLiteral("cash_session.opened");
inline const QString kCashMovement = QStringLiteral("cash_session.movement");
inline const QString kCashSessionClosed = QStringLiteral("cash_session.closed");
} // namespace op

enum class FarmerPaymentKind { Advance, Settlement };
QString farmerPaymentKindName(FarmerPaymentKind k);
std::optional<FarmerPaymentKind> farmerPaymentKindFromName(QStringView name);

enum class ExpenseCategory { Wage, Rent, Utility, Transport, Supplies, Other };
QString expenseCategoryName(ExpenseCategory c);
std::optional<ExpenseCategory> expenseCategoryFromName(QStringView name);

enum class AdjustmentReason { QualityIssue, Damage, Theft, Correction, Expired, ReturnedToFarmer };
QString adjustmentReasonName(AdjustmentReason r);
std::optional<AdjustmentReason> adjustmentReasonFromName(QStringView name);

struct FarmerPaymentDoc {
    Uuid id;
    Uuid shopId;
    Uuid terminalId;
    Uuid farmerId;
    FarmerPaymentKind kind = FarmerPaymentKind::Settlement;
    Money amount;
    PaymentMethod method = PaymentMethod::Cash;
    QString reference;
    Uuid paidBy;
    qint64 atMs = 0;
    QJsonObject toJson() const;
    static Result<FarmerPaymentDoc> fromJson(const QJsonObject& o);
};

struct ExpenseDoc {
    Uuid id;
    Uuid shopId;
    Uuid terminalId;
    ExpenseCategory category = ExpenseCategory::Other;
    Money amount;
    PaymentMethod method = PaymentMethod::Cash;
    QString note;
    Uuid recordedBy;
    qint64 atMs = 0;
    QJsonObject toJson() const;
    static Result<ExpenseDoc> fromJson(const QJsonObject& o);
};

/// qty > 0 takes stock out of the lot; qty < 0 puts it back (a correction upwards).
struct StockAdjustmentDoc {
    Uuid id;
    Uuid shopId;
    Uuid terminalId;
    Uuid lotId;
    Quantity qty;
    AdjustmentReason reason = AdjustmentReason::Correction;
    QString note;
    Money estimatedValue; ///< at the lot's last sale price, 0 if never sold
    Uuid recordedBy;
    std::optional<Uuid> approvedBy;
    qint64 atMs = 0;
    QJsonObject toJson() const;
    static Result<StockAdjustmentDoc> fromJson(const QJsonObject& o);
};

struct CashSessionOpenedDoc {
    Uuid id;
    Uuid shopId;
    Uuid terminalId;
    Uuid openedBy;
    Money openingFloat;
    qint64 atMs = 0;
    QJsonObject toJson() const;
    static Result<CashSessionOpenedDoc> fromJson(const QJsonObject& o);
};

struct CashMovementDoc {
    Uuid id;
    Uuid sessionId;
    bool cashIn = true;
    Money amount;
    QString reason;
    Uuid by;
    qint64 atMs = 0;
    QJsonObject toJson() const;
    static Result<CashMovementDoc> fromJson(const QJsonObject& o);
};

struct Denomination {
    qint64 faceMinor = 0; ///< e.g. 50000 for a ₹500 note
    qint64 count = 0;
};

struct CashSessionClosedDoc {
    Uuid sessionId;
    Uuid closedBy;
    Money expected;
    Money counted;
    Money variance; ///< counted − expected
    std::vector<Denomination> denominations;
    qint64 atMs = 0;
    QJsonObject toJson() const;
    static Result<CashSessionClosedDoc> fromJson(const QJsonObject& o);
};

} // namespace market::core

namespace market::core {

namespace op {
inline const QString kSaleReturned = QStringLiteral("sale.returned");
} // namespace op

struct ReturnLineDoc {
    Uuid id;
    Uuid saleLineId;
    Uuid lotId;
    Uuid productId;
    Uuid farmerId;
    Quantity qty;
    Money amount;        ///< reversed line amount
    Money commission;    ///< reversed commission
    Money buyerCharges;  ///< reversed buyer-side charges (given back to the buyer)
    Money farmerCharges; ///< reversed farmer-side charges
    Money farmerNet; ///< reversed farmer net: amount − farmer charges − commission if the farmer pays it

    /// What goes back to the buyer for this line.
    Money billed(bool commissionByBuyer) const {
        return amount + buyerCharges + (commissionByBuyer ? commission : Money{});
    }
};

struct ReturnAllocationDoc {
    Uuid id;
    Uuid creditId;
    Uuid creditDetailId;
    std::optional<Uuid> farmerId;
    Money amount;
};

/// Goods returned against an original sale. total = Σ line amounts = creditReduction + refund:
/// the sale's still-open credit is reduced first, the rest is refunded by refundMethod.
struct SaleReturnDoc {
    Uuid id;
    Uuid shopId;
    Uuid terminalId;
    Uuid saleId;
    std::optional<Uuid> buyerId;
    bool commissionByBuyer = false; ///< as on the original sale
    std::vector<ReturnLineDoc> lines;
    Money total; ///< Σ line billed amounts
    Money creditReduction;
    std::vector<ReturnAllocationDoc> allocations; ///< Σ = creditReduction
    Money refund;
    PaymentMethod refundMethod = PaymentMethod::Cash;
    QString reason;
    Uuid by;
    qint64 atMs = 0;
    QJsonObject toJson() const;
    static Result<SaleReturnDoc> fromJson(const QJsonObject& o);
    Status verifyArithmetic() const;
};

} // namespace market::core
