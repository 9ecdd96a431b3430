#include "CollectController.h"

#include "AppContext.h"

namespace market::ui {

using core::Error;
using core::ErrorCode;

CollectController::CollectController(AppContext& ctx, QObject* parent)
    : QObject(parent)
    , m_ctx(ctx) {}

void CollectController::setBuyer(const core::PartyDoc& buyer) {
    m_buyer = buyer;
    refresh();
}

void CollectController::refresh() {
    m_credits.clear();
    m_outstanding = {};
    if (m_buyer) {
        if (auto credits = m_ctx.collections.openCredits(m_buyer->id); credits.ok())
            m_credits = *credits;
        if (auto outstanding = m_ctx.collections.outstanding(m_buyer->id); outstanding.ok())
            m_outstanding = *outstanding;
    }
    emit changed();
}

core::Result<core::Money> CollectController::parseAmount(const QString& text) const {
    const auto amount = core::Money::parse(text.trimmed());
    if (!amount || !amount->isPositive())
        return Error{ErrorCode::InvalidInput, tr("Type the amount received, such as 500 or 1,250.50.")};
    return *amount;
}

core::Result<std::vector<core::AllocationDoc>> CollectController::preview(const QString& amountText) {
    if (!m_buyer)
        return Error{ErrorCode::InvalidInput, tr("Choose the buyer first.")};
    auto amount = parseAmount(amountText);
    if (!amount.ok())
        return amount.error();
    return m_ctx.collections.preview(m_buyer->id, *amount);
}

core::Result<core::CollectionDoc>
CollectController::collect(const QString& amountText, core::PaymentMethod method, const QString& reference) {
    if (!m_actor)
        return Error{ErrorCode::Forbidden, tr("The counter is locked.")};
    if (!m_buyer)
        return Error{ErrorCode::InvalidInput, tr("Choose the buyer first.")};
    auto amount = parseAmount(amountText);
    if (!amount.ok())
        return amount.error();
    auto done = m_ctx.collections.collect(*m_actor, m_buyer->id, *amount, method, reference);
    if (!done.ok())
        return done.error();
    refresh();
    emit collected(*done);
    return done;
}

} // namespace market::ui
