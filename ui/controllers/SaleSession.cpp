#include "SaleSession.h"

#include "AppContext.h"

namespace market::ui {

using core::Error;
using core::ErrorCode;

SaleSession::SaleSession(AppContext& ctx, QObject* parent)
    : QObject(parent)
    , m_ctx(ctx) {}

void SaleSession::setActor(const std::optional<core::Session>& actor) {
    m_actor = actor;
}

void SaleSession::setBuyer(const core::PartyDoc& buyer) {
    m_buyer = buyer;
    m_walkinName.clear();
    m_walkinPhone.clear();
    refreshBuyerOutstanding();
    (void)reprice();
    emit changed();
}

void SaleSession::setWalkIn(const QString& name, const QString& phone) {
    m_buyer.reset();
    m_walkinName = name.trimmed();
    m_walkinPhone = phone.trimmed();
    m_buyerOutstanding = {};
    (void)reprice();
    emit changed();
}

void SaleSession::refreshBuyerOutstanding() {
    m_buyerOutstanding = {};
    if (!m_buyer)
        return;
    auto outstanding = m_ctx.collections.outstanding(m_buyer->id);
    if (outstanding.ok())
        m_buyerOutstanding = *outstanding;
}

core::Result<core::LotSummary> SaleSession::findLot(const QString& code) {
    const QString trimmed = code.trimmed().toUpper();
    if (trimmed.isEmpty())
        return Error{ErrorCode::InvalidInput, tr("Type or scan a lot code.")};
    auto lot = m_ctx.arrivals.lotByCode(trimmed);
    if (!lot.ok())
        return Error{ErrorCode::NotFound, tr("No lot with the code %1.").arg(trimmed)};
    if (lot->status != core::LotStatus::Active)
        return Error{
            ErrorCode::InvalidState,
            tr("Lot %1 is %2 and cannot be sold.").arg(lot->lot.code, core::lotStatusName(lot->status))};
    return lot;
}

std::optional<core::Money> SaleSession::rateFor(const core::LotSummary& lot) {
    auto rate = m_ctx.prices.rateOf(lot.lot.productId);
    if (!rate.ok())
        return std::nullopt; // no default then: the cashier types the price, as without rates
    return *rate;
}

core::Status SaleSession::addLine(const QString& lotCode, const QString& qtyText, const QString& priceText) {
    auto lot = findLot(lotCode);
    if (!lot.ok())
        return lot.error();
    const auto qty = core::Quantity::parse(qtyText.trimmed());
    if (!qty || !qty->isPositive())
        return Error{ErrorCode::InvalidInput, tr("Type a quantity such as 12 or 12.5.")};
    const auto price = core::Money::parse(priceText.trimmed());
    if (!price || !price->isPositive())
        return Error{ErrorCode::InvalidInput, tr("Type a price per unit such as 40 or 42.50.")};
    return addLine(*lot, *qty, *price);
}

core::Status SaleSession::addLine(const core::LotSummary& lot, core::Quantity qty, core::Money price) {
    m_lines.push_back(CartLine{lot, qty, price});
    if (auto st = reprice(); !st.ok()) {
        // The core refused the new line (stock, whole units, ...): leave the cart as it was.
        m_lines.pop_back();
        (void)reprice();
        return st;
    }
    emit changed();
    return core::okStatus();
}

core::Status SaleSession::setLineQuantity(int row, const QString& qtyText) {
    if (row < 0 || row >= static_cast<int>(m_lines.size()))
        return Error{ErrorCode::InvalidInput, tr("No such line.")};
    const auto qty = core::Quantity::parse(qtyText.trimmed());
    if (!qty || !qty->isPositive())
        return Error{ErrorCode::InvalidInput, tr("Type a quantity such as 12 or 12.5.")};
    auto& line = m_lines[static_cast<size_t>(row)];
    const core::Quantity before = line.qty;
    line.qty = *qty;
    if (auto st = reprice(); !st.ok()) {
        line.qty = before;
        (void)reprice();
        return st;
    }
    emit changed();
    return core::okStatus();
}

core::Status SaleSession::setLinePrice(int row, const QString& priceText) {
    if (row < 0 || row >= static_cast<int>(m_lines.size()))
        return Error{ErrorCode::InvalidInput, tr("No such line.")};
    const auto price = core::Money::parse(priceText.trimmed());
    if (!price || !price->isPositive())
        return Error{ErrorCode::InvalidInput, tr("Type a price per unit such as 40 or 42.50.")};
    auto& line = m_lines[static_cast<size_t>(row)];
    const core::Money before = line.price;
    line.price = *price;
    if (auto st = reprice(); !st.ok()) {
        line.price = before;
        (void)reprice();
        return st;
    }
    emit changed();
    return core::okStatus();
}

void SaleSession::removeLine(int row) {
    if (row < 0 || row >= static_cast<int>(m_lines.size()))
        return;
    m_lines.erase(m_lines.begin() + row);
    (void)reprice();
    emit changed();
}

void SaleSession::clear() {
    m_lines.clear();
    m_buyer.reset();
    m_walkinName.clear();
    m_walkinPhone.clear();
    m_buyerOutstanding = {};
    m_quote.reset();
    m_problem.clear();
    emit changed();
}

core::SaleRequest SaleSession::request(const std::vector<core::PaymentRequest>& payments) const {
    core::SaleRequest r;
    if (m_buyer)
        r.buyerId = m_buyer->id;
    r.walkinName = m_walkinName;
    r.walkinPhone = m_walkinPhone;
    r.lines.reserve(m_lines.size());
    for (const auto& l : m_lines)
        r.lines.push_back(core::SaleLineRequest{l.lot.lot.id, l.qty, l.price});
    r.payments = payments;
    return r;
}

core::Status SaleSession::reprice() {
    m_quote.reset();
    m_problem.clear();
    if (m_lines.empty())
        return core::okStatus();
    if (!m_actor) {
        m_problem = tr("The counter is locked.");
        return Error{ErrorCode::Forbidden, m_problem};
    }
    // The cart has no payments yet, but the core refuses a walk-in quote that leaves money
    // unpaid: price a walk-in cart as if fully tendered in cash (only lines and totals are used).
    std::vector<core::PaymentRequest> tender;
    if (!m_buyer)
        tender.push_back(core::PaymentRequest{
            core::PaymentMethod::Cash, core::Money::fromMinor(core::Money::kMaxInput), {}});
    auto q = m_ctx.sales.quote(*m_actor, request(tender));
    if (!q.ok()) {
        m_problem = q.error().message;
        return q.error();
    }
    m_quote = std::move(q).value();
    return core::okStatus();
}

core::Result<core::SaleQuote> SaleSession::quoteWith(const std::vector<core::PaymentRequest>& payments) {
    if (!m_actor)
        return Error{ErrorCode::Forbidden, tr("The counter is locked.")};
    if (m_lines.empty())
        return Error{ErrorCode::InvalidInput, tr("The cart is empty.")};
    return m_ctx.sales.quote(*m_actor, request(payments));
}

core::Result<core::CreditOverride>
SaleSession::authorizeOverride(const QString& username, const QString& secret, const QString& reason) {
    if (reason.trimmed().isEmpty())
        return Error{ErrorCode::InvalidInput, tr("Give a reason for the override.")};
    if (username.trimmed().isEmpty() || secret.isEmpty())
        return Error{ErrorCode::InvalidInput, tr("The manager types their username and PIN or password.")};
    auto manager = m_ctx.auth.authorize(username.trimmed(), secret, core::Permission::OverrideCreditLimit);
    if (!manager.ok())
        return manager.error();
    return core::CreditOverride{*manager, reason.trimmed()};
}

core::Result<core::SaleDoc> SaleSession::confirm(const std::vector<core::PaymentRequest>& payments,
                                                 const std::optional<core::CreditOverride>& creditOverride) {
    if (!m_actor)
        return Error{ErrorCode::Forbidden, tr("The counter is locked.")};
    if (m_lines.empty())
        return Error{ErrorCode::InvalidInput, tr("The cart is empty.")};
    core::SaleRequest r = request(payments);
    r.creditOverride = creditOverride;
    auto sale = m_ctx.sales.sell(*m_actor, r);
    if (!sale.ok())
        return sale.error();
    m_lastSale = *sale;
    clear();
    emit saleCompleted(*m_lastSale);
    return sale;
}

bool SaleSession::hold() {
    if (m_lines.empty())
        return false;
    m_held.push_back(Held{m_buyer, m_walkinName, m_walkinPhone, m_lines});
    clear();
    return true;
}

bool SaleSession::recall() {
    if (m_held.empty())
        return false;
    Held next = m_held.front();
    m_held.erase(m_held.begin());
    if (!m_lines.empty())
        m_held.push_back(Held{m_buyer, m_walkinName, m_walkinPhone, m_lines});
    m_buyer = next.buyer;
    m_walkinName = next.walkinName;
    m_walkinPhone = next.walkinPhone;
    m_lines = next.lines;
    refreshBuyerOutstanding();
    // Stock may have moved while it was held: the quote says so, the cart is kept to fix.
    (void)reprice();
    emit changed();
    return true;
}

} // namespace market::ui
