#pragma once

#include "Session.h"
#include "domain/Documents.h"

#include <vector>

namespace market::core {

class Store;

struct SaleLineRequest {
    Uuid lotId;
    Quantity qty;
    Money price; ///< per unit of the lot's product
    /// Packages (bags, crates) this line takes, for per-package charges. nullopt: the lot's
    /// packages in proportion to the quantity (at least one when the lot has packages).
    std::optional<qint64> packages = std::nullopt;
};

struct PaymentRequest {
    PaymentMethod method = PaymentMethod::Cash;
    Money amount; ///< as tendered; cash beyond the bill comes back as change
    QString reference;
};

/// A manager's approval for credit beyond the buyer's limit.
struct CreditOverride {
    Session manager; ///< from AuthService::authorize(…, Permission::OverrideCreditLimit)
    QString reason;  ///< required
};

struct SaleRequest {
    std::optional<Uuid> buyerId; ///< nullopt: walk-in (cash only, credit limit 0)
    QString walkinName;
    QString walkinPhone;
    std::vector<SaleLineRequest> lines;
    std::vector<PaymentRequest> payments;
    std::optional<CreditOverride> creditOverride;
};

/// What a sale would come to, before it is committed (the cart's running totals).
struct SaleQuote {
    std::vector<SaleLineDoc> lines; ///< priced: amount, commission, charges, farmer net
    bool commissionByBuyer = false;
    Money goods;                      ///< Σ line amounts (quantity × price)
    std::vector<ChargeTotal> charges; ///< buyer- and farmer-side, by code
    Money buyerCharges;               ///< on the bill, commission not included
    Money farmerCharges;              ///< deducted from the farmers
    Money total;                      ///< goods + buyer charges (+ commission when the buyer pays it)
    Money commission;
    Money tendered;
    Money paid;
    Money change;
    Money credit;
    Money buyerOutstanding; ///< before this sale
    Money buyerCreditLimit;
    bool needsOverride = false; ///< credit would pass the limit
};

/// Selling: the counter's hot path. One sale = one SQLite transaction with its lines, payments,
/// credit and credit details, the lots it sells out, its audit entry and its outbox entry.
class SaleService {
    Q_DECLARE_TR_FUNCTIONS(SaleService)
public:
    static constexpr int kMaxLines = 200;
    static constexpr int kMaxPayments = 10;
    static constexpr qint64 kMaxPackages = 1'000'000;

    explicit SaleService(Store& store)
        : m_store(store) {}

    /// Prices and checks a request without writing anything (also the cart's live totals).
    Result<SaleQuote> quote(const Session& actor, const SaleRequest& request);
    /// Commits the sale and returns it with its receipt number. Nothing is written on error.
    Result<SaleDoc> sell(const Session& actor, const SaleRequest& request);

    Result<SaleDoc> sale(const Uuid& id);
    Result<SaleDoc> saleByReceipt(const QString& receiptNo);
    /// The receipt number of this counter's newest sale, if it has made one.
    Result<std::optional<QString>> lastReceiptNo();
    /// A manager confirms the commission of a sale (third leg of three-party completion).
    Status confirmCommission(const Session& actor, const Uuid& saleId);

private:
    Result<SaleQuote> price(const Session& actor, const SaleRequest& request);
    Status applyChargesAndCommission(SaleQuote& quote);
    Store& m_store;
};

} // namespace market::core
