#include "ReturnController.h"

#include "AppContext.h"

namespace market::ui {

using core::Error;
using core::ErrorCode;

ReturnController::ReturnController(AppContext& ctx, QObject* parent)
    : QObject(parent)
    , m_ctx(ctx) {}

void ReturnController::clear() {
    m_sale.reset();
    m_rows.clear();
    emit changed();
}

core::Status ReturnController::find(const QString& receiptNo) {
    const QString text = receiptNo.trimmed().toUpper();
    if (text.isEmpty())
        return Error{ErrorCode::InvalidInput, tr("Type or scan the receipt number.")};
    auto sale = m_ctx.sales.saleByReceipt(text);
    if (!sale.ok()) {
        clear();
        return sale.error();
    }
    std::vector<ReturnRow> rows;
    core::ReturnService returns(m_ctx.store);
    for (const auto& line : sale->lines) {
        ReturnRow row{line, {}, {}, {}, {}};
        if (auto lot = m_ctx.arrivals.lot(line.lotId); lot.ok()) {
            row.lotCode = lot->lot.code;
            row.productName = lot->productName;
        }
        auto left = returns.returnable(line.id);
        if (!left.ok())
            return left.error();
        row.returnable = *left;
        rows.push_back(std::move(row));
    }
    m_sale = std::move(sale).value();
    m_rows = std::move(rows);
    emit changed();
    return core::Ok{};
}

core::Status ReturnController::findLatest() {
    auto last = m_ctx.sales.lastReceiptNo();
    if (!last.ok())
        return last.error();
    if (!last->has_value())
        return Error{ErrorCode::NotFound, tr("This counter has made no sale yet.")};
    return find(**last);
}

core::Status ReturnController::setQuantity(int row, const QString& text) {
    if (row < 0 || row >= static_cast<int>(m_rows.size()))
        return Error{ErrorCode::InvalidInput, tr("No such line.")};
    ReturnRow& r = m_rows[static_cast<size_t>(row)];
    const auto qty = text.trimmed().isEmpty() ? std::optional<core::Quantity>(core::Quantity{})
                                              : core::Quantity::parse(text.trimmed());
    if (!qty || qty->isNegative())
        return Error{ErrorCode::InvalidInput, tr("Type a quantity such as 2 or 1.5.")};
    if (*qty > r.returnable)
        return Error{
            ErrorCode::InvalidInput,
            tr("Line %1: only %2 can still be returned.").arg(r.line.lineNo).arg(r.returnable.toString())};
    r.toReturn = *qty;
    emit changed();
    return core::Ok{};
}

core::Money ReturnController::previewValue() const {
    core::Money total;
    for (const auto& r : m_rows)
        if (r.toReturn.isPositive())
            total += core::Money::lineAmount(r.toReturn, r.line.price).value_or(core::Money{});
    return total;
}

core::Result<core::SaleReturnDoc> ReturnController::commit(core::PaymentMethod refundMethod,
                                                           const QString& reason) {
    if (!m_actor)
        return Error{ErrorCode::Forbidden, tr("The counter is locked.")};
    if (!m_sale)
        return Error{ErrorCode::InvalidInput, tr("Find the sale by its receipt number first.")};
    core::ReturnRequest request;
    request.saleId = m_sale->id;
    request.refundMethod = refundMethod;
    request.reason = reason.trimmed();
    for (const auto& r : m_rows)
        if (r.toReturn.isPositive())
            request.lines.push_back({r.line.id, r.toReturn});
    if (request.lines.empty())
        return Error{ErrorCode::InvalidInput, tr("Type the quantity coming back on at least one line.")};
    auto done = core::ReturnService(m_ctx.store).returnGoods(*m_actor, request);
    if (!done.ok())
        return done.error();
    m_lastReturn = *done;
    const QString receipt = m_sale->receiptNo;
    (void)find(receipt); // what is left to return now
    emit returned(*done);
    return done;
}

} // namespace market::ui
