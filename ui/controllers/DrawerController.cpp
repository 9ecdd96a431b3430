#include "DrawerController.h"

#include "AppContext.h"

namespace market::ui {

using core::Error;
using core::ErrorCode;

DrawerController::DrawerController(AppContext& ctx, QObject* parent)
    : QObject(parent)
    , m_ctx(ctx) {
    refresh();
}

void DrawerController::refresh() {
    auto session = m_ctx.cash.openSession();
    m_open = session.ok() && session->has_value();
    if (m_open) {
        if (auto report = m_ctx.cash.report(**session); report.ok())
            m_figures = *report;
    } else if (m_figures && !m_figures->closedAtMs) {
        m_figures.reset(); // closed elsewhere (another window, marketctl): its Z is not ours to show
    }
    emit changed();
}

core::Result<core::Money> DrawerController::parseAmount(const QString& text, bool zeroAllowed) const {
    const auto amount = core::Money::parse(text.trimmed());
    if (!amount || amount->isNegative() || (!zeroAllowed && amount->isZero()))
        return Error{ErrorCode::InvalidInput, tr("Type an amount such as 500 or 1,250.50.")};
    return *amount;
}

core::Result<core::CashSessionOpenedDoc> DrawerController::open(const QString& floatText) {
    if (!m_actor)
        return Error{ErrorCode::Forbidden, tr("The counter is locked.")};
    auto amount = parseAmount(floatText.trimmed().isEmpty() ? QStringLiteral("0") : floatText, true);
    if (!amount.ok())
        return amount.error();
    auto opened = m_ctx.cash.open(*m_actor, *amount);
    if (opened.ok())
        refresh();
    return opened;
}

core::Result<core::CashMovementDoc> DrawerController::move(bool cashIn, const QString& amountText,
                                                           const QString& reason) {
    if (!m_actor)
        return Error{ErrorCode::Forbidden, tr("The counter is locked.")};
    auto amount = parseAmount(amountText, false);
    if (!amount.ok())
        return amount.error();
    auto moved = m_ctx.cash.move(*m_actor, cashIn, *amount, reason);
    if (moved.ok())
        refresh();
    return moved;
}

core::Result<core::CashSessionReport> DrawerController::close(const QString& countedText,
                                                              const std::vector<core::Denomination>& notes) {
    if (!m_actor)
        return Error{ErrorCode::Forbidden, tr("The counter is locked.")};
    std::vector<core::Denomination> counted;
    for (const auto& n : notes)
        if (n.count != 0)
            counted.push_back(n);
    std::optional<core::Money> typed;
    if (!countedText.trimmed().isEmpty() || counted.empty()) {
        auto amount = parseAmount(countedText, true);
        if (!amount.ok())
            return Error{ErrorCode::InvalidInput, tr("Count the cash in the drawer and type the total.")};
        typed = *amount;
    }
    auto closed = m_ctx.cash.close(*m_actor, typed, counted);
    if (closed.ok()) {
        m_figures = *closed;
        refresh();
    }
    return closed;
}

} // namespace market::ui
