#pragma once

#include "services/ArrivalService.h"
#include "services/SaleService.h"

#include <QObject>
#include <optional>
#include <vector>

namespace market::ui {

class AppContext;

/// One line in the cart: a lot, a quantity and the price agreed at the counter.
struct CartLine {
    core::LotSummary lot;
    core::Quantity qty;
    core::Money price;
};

/// The sale being built at the counter. Owns the cart and the buyer, prices it through
/// SaleService::quote after every change (the running totals) and commits it through
/// SaleService::sell only when the cashier confirms. Holds unfinished sales in memory.
class SaleSession : public QObject {
    Q_OBJECT
public:
    explicit SaleSession(AppContext& ctx, QObject* parent = nullptr);

    /// The cashier acting; nullopt while the counter is locked.
    void setActor(const std::optional<core::Session>& actor);

    // Buyer -------------------------------------------------------------------------------
    void setBuyer(const core::PartyDoc& buyer);
    /// A walk-in (cash only); name and phone are optional and only printed.
    void setWalkIn(const QString& name = {}, const QString& phone = {});
    const std::optional<core::PartyDoc>& buyer() const { return m_buyer; }
    QString walkinName() const { return m_walkinName; }
    /// The buyer's dues before this sale (0 for a walk-in).
    core::Money buyerOutstanding() const { return m_buyerOutstanding; }

    // Lines -------------------------------------------------------------------------------
    /// Finds an active lot by its code (typed or scanned).
    core::Result<core::LotSummary> findLot(const QString& code);
    /// Today's rate of the lot's product: the price a new line starts with (the cashier may
    /// change it; the price is agreed per sale). nullopt when the product has none.
    std::optional<core::Money> rateFor(const core::LotSummary& lot);
    /// Adds a line from text as typed; on any error the cart is left as it was.
    core::Status addLine(const QString& lotCode, const QString& qtyText, const QString& priceText);
    core::Status addLine(const core::LotSummary& lot, core::Quantity qty, core::Money price);
    core::Status setLineQuantity(int row, const QString& qtyText);
    core::Status setLinePrice(int row, const QString& priceText);
    void removeLine(int row);
    const std::vector<CartLine>& lines() const { return m_lines; }
    bool isEmpty() const { return m_lines.empty(); }
    /// Clears lines and buyer (back to walk-in).
    void clear();

    // Totals ------------------------------------------------------------------------------
    /// The cart's priced quote (no payments yet); nullopt when the cart is empty or invalid.
    const std::optional<core::SaleQuote>& quote() const { return m_quote; }
    /// What is wrong with the cart, if anything (from the core, translated).
    QString problem() const { return m_problem; }
    /// The quote with these payments (for the payment dialog).
    core::Result<core::SaleQuote> quoteWith(const std::vector<core::PaymentRequest>& payments);

    // Commit ------------------------------------------------------------------------------
    /// A manager's approval for credit beyond the limit: username + PIN or password + reason.
    core::Result<core::CreditOverride> authorizeOverride(const QString& username, const QString& secret,
                                                         const QString& reason);
    /// Commits the sale. On success the cart is cleared and saleCompleted() is emitted.
    core::Result<core::SaleDoc> confirm(const std::vector<core::PaymentRequest>& payments,
                                        const std::optional<core::CreditOverride>& creditOverride = {});
    const std::optional<core::SaleDoc>& lastSale() const { return m_lastSale; }

    // Hold and recall ---------------------------------------------------------------------
    /// Puts the current cart aside (in memory). Returns false when the cart is empty.
    bool hold();
    /// Brings back the oldest held sale; the current cart, if any, is held in its place.
    bool recall();
    int heldCount() const { return static_cast<int>(m_held.size()); }

signals:
    void changed();
    void saleCompleted(const market::core::SaleDoc& sale);

private:
    struct Held {
        std::optional<core::PartyDoc> buyer;
        QString walkinName;
        QString walkinPhone;
        std::vector<CartLine> lines;
    };
    core::SaleRequest request(const std::vector<core::PaymentRequest>& payments) const;
    /// Re-prices the cart; returns the core's error (cart unchanged by this call).
    core::Status reprice();
    void refreshBuyerOutstanding();

    AppContext& m_ctx;
    std::optional<core::Session> m_actor;
    std::optional<core::PartyDoc> m_buyer;
    QString m_walkinName;
    QString m_walkinPhone;
    core::Money m_buyerOutstanding;
    std::vector<CartLine> m_lines;
    std::optional<core::SaleQuote> m_quote;
    QString m_problem;
    std::optional<core::SaleDoc> m_lastSale;
    std::vector<Held> m_held;
};

} // namespace market::ui
