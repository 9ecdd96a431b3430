#include "StockAdjustmentService.h"

#include "ArrivalService.h"
#include "DocumentRows.h"
#include "SettingsService.h"
#include "Validation.h"
#include "store/Journal.h"
#include "store/Store.h"

namespace market::core {

Result<StockAdjustmentDoc> StockAdjustmentService::adjust(const Session& actor, const AdjustmentRequest& r) {
    MARKET_TRY(require(actor, Permission::AdjustStock));
    if (r.qty.isZero())
        return Error{ErrorCode::InvalidInput, tr("The adjustment quantity must not be zero.")};
    if (r.qty.thousandths() > Quantity::kMaxInput || r.qty.thousandths() < -Quantity::kMaxInput)
        return Error{ErrorCode::InvalidInput, tr("The adjustment quantity is too large.")};
    auto note = Validation::optionalText(r.note, tr("Note"), 2000);
    if (!note.ok())
        return note.error();

    Database& db = m_store.db();
    StoreTransaction tx(db);
    MARKET_TRY(tx.begun());
    ArrivalService arrivals(m_store);
    auto lot = arrivals.lot(r.lotId);
    if (!lot.ok())
        return lot.error();
    if (lot->status != LotStatus::Active)
        return Error{ErrorCode::InvalidState, tr("Lot %1 is %2; only active lots can be adjusted.")
                                                  .arg(lot->lot.code, lotStatusName(lot->status))};
    if (!unitIsWeighed(lot->unit) && r.qty.thousandths() % Quantity::kScale != 0)
        return Error{ErrorCode::InvalidInput,
                     tr("%1 is counted in whole %2s.").arg(lot->productName, unitName(lot->unit))};
    const Quantity after = lot->left - r.qty;
    if (after.isNegative())
        return Error{ErrorCode::InsufficientStock,
                     tr("Lot %1 has only %2 %3 left; it cannot go below zero.")
                         .arg(lot->lot.code, lot->left.toString(), unitName(lot->unit))};

    // Value at the lot's last sale price (0 if never sold): what the loss would have fetched.
    Statement& price =
        db.prepare("SELECT l.price FROM sale_line l JOIN sale s ON s.id = l.sale_id WHERE l.lot_id = ?1 "
                   "ORDER BY s.created_at_ms DESC LIMIT 1");
    price.bind(1, r.lotId);
    Money lastPrice;
    if (price.next())
        lastPrice = price.money(0);
    price.reset();
    const Quantity magnitude = r.qty.isNegative() ? Quantity{} - r.qty : r.qty;
    const Money value = Money::lineAmount(magnitude, lastPrice).value_or(Money{});

    SettingsService settings(m_store);
    auto qtyLimit = settings.integer(QStringLiteral("adjustment_approval_qty"));
    auto valueLimit = settings.integer(QStringLiteral("adjustment_approval_value"));
    if (!qtyLimit.ok() || !valueLimit.ok())
        return Error{ErrorCode::Storage, tr("Could not read the approval thresholds.")};
    std::optional<Uuid> approvedBy;
    const bool needsApproval = magnitude.thousandths() > *qtyLimit || value.minor() > *valueLimit;
    if (roleAllows(actor.role, Permission::ApproveAdjustment)) {
        approvedBy = actor.userId;
    } else if (needsApproval) {
        if (!r.approver)
            return Error{ErrorCode::Forbidden, tr("An adjustment of %1 %2 needs a manager's approval.")
                                                   .arg(magnitude.toString(), unitName(lot->unit))};
        MARKET_TRY(require(*r.approver, Permission::ApproveAdjustment));
        approvedBy = r.approver->userId;
    }

    const auto& identity = *m_store.identity();
    StockAdjustmentDoc d{
        m_store.newId(), identity.shopId, identity.terminalId, r.lotId,    r.qty,          r.reason,
        *note,           value,           actor.userId,        approvedBy, m_store.nowMs()};
    MARKET_TRY(insertStockAdjustmentRow(db, d));
    MARKET_TRY(Journal::record(
        m_store, JournalEntry{actor.userId, QStringLiteral("stock.adjust"), QStringLiteral("lot"), r.lotId,
                              QJsonObject{{QStringLiteral("left"), lot->left.thousandths()}}, d.toJson(),
                              op::kStockAdjusted, d.toJson()}));
    MARKET_TRY(tx.commit());
    return d;
}

} // namespace market::core
