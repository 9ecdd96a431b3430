#pragma once

#include "Charges.h"
#include "Commission.h"
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

/// The documents that cross the wire: the payload of every outbox operation. Field names and
/// meaning are specified in sync/PROTOCOL.md. Money is integer minor units, quantities integer
/// thousandths, times integer milliseconds since the epoch (UTC), ids canonical UUID strings.
/// fromJson is strict: it rejects wrong types, non-integers, non-UUID ids and out-of-range
/// values with an InvalidInput error naming the field.

namespace op {
inline const QString kShopUpsert = QStringLiteral("shop.upsert");
inline const QString kTerminalUpsert = QStringLiteral("terminal.upsert");
inline const QString kUserUpsert = QStringLiteral("user.upsert");
inline const QString kPartyUpsert = QStringLiteral("party.upsert");
inline const QString kProductUpsert = QStringLiteral("product.upsert");
inline const QString kCommissionRuleUpsert = QStringLiteral("commission_rule.upsert");
inline const QString kChargeUpsert = QStringLiteral("charge.upsert");
inline const QString kLotReceived = QStringLiteral("lot.received");
inline const QString kLotStatusChanged = QStringLiteral("lot.status_changed");
inline const QString kSaleRecorded = QStringLiteral("sale.recorded");
inline const QString kCollectionRecorded = QStringLiteral("collection.recorded");
inline const QString kCommissionConfirmed = QStringLiteral("commission.confirmed");
} // namespace op

struct ShopDoc {
    Uuid id;
    QString code;
    QString name;
    Currency currency = Currency::INR;
    QString timeZone;
    qint64 version = 1;
    QJsonObject toJson() const;
    static Result<ShopDoc> fromJson(const QJsonObject& o);
};

struct TerminalDoc {
    Uuid id;
    Uuid shopId;
    qint64 number = 0;
    QString name;
    qint64 version = 1;
    QJsonObject toJson() const;
    static Result<TerminalDoc> fromJson(const QJsonObject& o);
};

struct UserDoc {
    Uuid id;
    Uuid shopId;
    QString username;
    QString displayName;
    Role role = Role::Cashier;
    QString passwordHash;
    QString pinHash; ///< empty: no PIN
    bool active = true;
    qint64 version = 1;
    QJsonObject toJson() const;
    static Result<UserDoc> fromJson(const QJsonObject& o);
};

struct PartyDoc {
    Uuid id;
    Uuid shopId;
    PartyKind kind = PartyKind::Buyer;
    QString code;
    QString name;
    QString phone;
    Money creditLimit; ///< buyers only; 0 = cash only
    bool active = true;
    qint64 version = 1;
    QJsonObject toJson() const;
    static Result<PartyDoc> fromJson(const QJsonObject& o);
};

struct ProductDoc {
    Uuid id;
    Uuid shopId;
    QString code;
    QString name;
    Category category = Category::Vegetable;
    Unit unit = Unit::Kg;
    bool active = true;
    qint64 version = 1;
    QJsonObject toJson() const;
    static Result<ProductDoc> fromJson(const QJsonObject& o);
};

struct CommissionRuleDoc {
    Uuid id;
    Uuid shopId;
    std::optional<Uuid> productId; ///< nullopt: the shop's default rule
    CommissionRule rule;
    bool active = true;
    qint64 version = 1;
    QJsonObject toJson() const;
    static Result<CommissionRuleDoc> fromJson(const QJsonObject& o);
};

/// One charge of the shop's stack (a new version of the same code retires the previous one).
struct ChargeDoc {
    Uuid shopId;
    ChargeRule rule;
    bool active = true;
    qint64 version = 1;
    QJsonObject toJson() const;
    static Result<ChargeDoc> fromJson(const QJsonObject& o);
};

struct LotDoc {
    Uuid id;
    Uuid shopId;
    Uuid terminalId;
    QString code;
    Uuid farmerId;
    Uuid productId;
    Quantity receivedQty; ///< net: gross − tare for weighed goods
    qint64 packages = 0;
    Quantity grossQty;
    Quantity tareQty;
    QString grade;
    QString vehicle;
    QString notes;
    qint64 receivedAtMs = 0;
    Uuid createdBy;
    QJsonObject toJson() const;
    static Result<LotDoc> fromJson(const QJsonObject& o);
};

struct LotStatusDoc {
    Uuid id; ///< the event's own id
    Uuid lotId;
    LotStatus from = LotStatus::Active;
    LotStatus to = LotStatus::Active;
    QString reason;
    qint64 atMs = 0;
    Uuid by;
    QJsonObject toJson() const;
    static Result<LotStatusDoc> fromJson(const QJsonObject& o);
};

struct SaleLineDoc {
    Uuid id;
    qint64 lineNo = 0;
    Uuid lotId;
    Uuid productId;
    Uuid farmerId;
    Quantity qty;
    Money price;
    Money amount;
    qint64 commissionBp = 0;
    Money commission;
    Money farmerNet;     ///< amount − farmer charges − commission when the farmer pays it
    qint64 packages = 0; ///< what per-package charges count
    std::vector<AppliedCharge> charges;
    Money buyerCharges;  ///< Σ charges the buyer pays (commission not included)
    Money farmerCharges; ///< Σ charges deducted from the farmer (commission not included)

    /// What the buyer pays for this line: amount + buyer charges (+ commission if the buyer pays it).
    Money billed(bool commissionByBuyer) const {
        return amount + buyerCharges + (commissionByBuyer ? commission : Money{});
    }
    /// What the shop keeps of this line for itself: commission and every charge.
    Money shopShare() const { return commission + buyerCharges + farmerCharges; }
};

struct PaymentDoc {
    Uuid id;
    PaymentMethod method = PaymentMethod::Cash;
    Money amount;
    QString reference;
};

struct CreditDetailDoc {
    Uuid id;
    std::optional<Uuid> farmerId; ///< nullopt: the shop's own part (buyer-side charges)
    Money amount;
};

struct SaleDoc {
    Uuid id;
    Uuid shopId;
    Uuid terminalId;
    qint64 receiptSeq = 0;
    QString receiptNo;
    std::optional<Uuid> buyerId; ///< nullopt: walk-in
    QString walkinName;
    QString walkinPhone;
    Uuid cashierId;
    qint64 createdAtMs = 0;
    bool commissionByBuyer = false; ///< the shop's setting when the sale was made
    std::vector<SaleLineDoc> lines;
    std::vector<PaymentDoc> payments; ///< as applied to the bill (cash net of change)
    Money total;                      ///< Σ line billed amounts
    Money tendered;                   ///< what the buyer handed over, all methods
    Money change;                     ///< cash handed back
    Money paid;                       ///< Σ payments
    Money credit;                     ///< total − paid
    std::optional<Uuid> creditId;
    std::vector<CreditDetailDoc> creditDetails;
    std::optional<Uuid> overrideBy;
    QString overrideReason;

    QJsonObject toJson() const;
    static Result<SaleDoc> fromJson(const QJsonObject& o);
    /// Re-checks every sum and rounding (line = qty × price rounded half-up, commission,
    /// farmer net, totals, payments, credit details, change). Never "fixes" anything.
    Status verifyArithmetic() const;
};

/// One charge (or the buyer-paid commission) summed over a bill, for totals and receipts.
struct ChargeTotal {
    QString code;
    QString name;
    ChargePayer payer = ChargePayer::Buyer;
    Money amount;
};
/// The bill's charges by code in the order they first appear (commission not included).
std::vector<ChargeTotal> chargeTotals(const std::vector<SaleLineDoc>& lines);

struct AllocationDoc {
    Uuid id;
    Uuid creditId;
    Uuid creditDetailId;
    std::optional<Uuid> farmerId;
    Money amount;
};

struct CollectionDoc {
    Uuid id;
    Uuid shopId;
    Uuid terminalId;
    Uuid buyerId;
    Money amount;
    PaymentMethod method = PaymentMethod::Cash;
    QString reference;
    Uuid cashierId;
    qint64 atMs = 0;
    std::vector<AllocationDoc> allocations;
    QJsonObject toJson() const;
    static Result<CollectionDoc> fromJson(const QJsonObject& o);
    /// Σ allocations = amount, each allocation positive.
    Status verifyArithmetic() const;
};

struct CommissionConfirmationDoc {
    Uuid id;
    Uuid saleId;
    Uuid confirmedBy;
    qint64 atMs = 0;
    QJsonObject toJson() const;
    static Result<CommissionConfirmationDoc> fromJson(const QJsonObject& o);
};

} // namespace market::core
