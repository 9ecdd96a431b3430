#include "DocumentRows.h"

#include "FarmerSoldTotals.h"
#include "domain/BooksDocuments.h"
#include "domain/Documents.h"
#include "store/Database.h"

namespace market::core {

Status insertSaleRows(Database& db, const SaleDoc& sale, FarmerSoldTotals* batch) {
    MARKET_TRY(
        db.prepare("INSERT INTO sale (id, shop_id, terminal_id, receipt_seq, receipt_no, buyer_id, "
                   "walkin_name, walkin_phone, cashier_id, created_at_ms, total, tendered, change_given, "
                   "paid, credit, override_by, override_reason, commission_by_buyer) VALUES "
                   "(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18)")
            .bind(1, sale.id)
            .bind(2, sale.shopId)
            .bind(3, sale.terminalId)
            .bind(4, sale.receiptSeq)
            .bind(5, sale.receiptNo)
            .bind(6, sale.buyerId)
            .bind(7, sale.walkinName)
            .bind(8, sale.walkinPhone)
            .bind(9, sale.cashierId)
            .bind(10, sale.createdAtMs)
            .bind(11, sale.total)
            .bind(12, sale.tendered)
            .bind(13, sale.change)
            .bind(14, sale.paid)
            .bind(15, sale.credit)
            .bind(16, sale.overrideBy)
            .bind(17, sale.overrideReason)
            .bind(18, sale.commissionByBuyer)
            .exec("writing the sale"));
    for (const auto& l : sale.lines) {
        MARKET_TRY(
            db.prepare("INSERT INTO sale_line (id, sale_id, line_no, lot_id, product_id, farmer_id, qty, "
                       "price, amount, commission_bp, commission, farmer_net, packages, buyer_charges, "
                       "farmer_charges, commission_by_buyer) VALUES "
                       "(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16)")
                .bind(1, l.id)
                .bind(2, sale.id)
                .bind(3, l.lineNo)
                .bind(4, l.lotId)
                .bind(5, l.productId)
                .bind(6, l.farmerId)
                .bind(7, l.qty)
                .bind(8, l.price)
                .bind(9, l.amount)
                .bind(10, l.commissionBp)
                .bind(11, l.commission)
                .bind(12, l.farmerNet)
                .bind(13, l.packages)
                .bind(14, l.buyerCharges)
                .bind(15, l.farmerCharges)
                .bind(16, sale.commissionByBuyer)
                .exec("writing the sale lines"));
        qint64 position = 0;
        for (const auto& c : l.charges)
            MARKET_TRY(
                db.prepare("INSERT INTO sale_line_charge (sale_line_id, position, charge_id, code, name, "
                           "basis, rate, payer, amount) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9)")
                    .bind(1, l.id)
                    .bind(2, ++position)
                    .bind(3, c.chargeId)
                    .bind(4, c.code)
                    .bind(5, c.name)
                    .bind(6, chargeBasisName(c.basis))
                    .bind(7, c.rate)
                    .bind(8, chargePayerName(c.payer))
                    .bind(9, c.amount)
                    .exec("writing the line's charges"));
    }
    for (const auto& p : sale.payments)
        MARKET_TRY(
            db.prepare(
                  "INSERT INTO sale_payment (id, sale_id, method, amount, reference) VALUES (?1,?2,?3,?4,?5)")
                .bind(1, p.id)
                .bind(2, sale.id)
                .bind(3, paymentMethodName(p.method))
                .bind(4, p.amount)
                .bind(5, p.reference)
                .exec("writing the payments"));
    if (sale.creditId) {
        MARKET_TRY(
            db.prepare(
                  "INSERT INTO credit (id, sale_id, buyer_id, amount, created_at_ms) VALUES (?1,?2,?3,?4,?5)")
                .bind(1, *sale.creditId)
                .bind(2, sale.id)
                .bind(3, sale.buyerId)
                .bind(4, sale.credit)
                .bind(5, sale.createdAtMs)
                .exec("writing the credit"));
        for (const auto& d : sale.creditDetails)
            MARKET_TRY(
                db.prepare(
                      "INSERT INTO credit_detail (id, credit_id, farmer_id, amount) VALUES (?1,?2,?3,?4)")
                    .bind(1, d.id)
                    .bind(2, *sale.creditId)
                    .bind(3, d.farmerId)
                    .bind(4, d.amount)
                    .exec("writing the credit details"));
    }
    // Every row is written: the lines count for their farmers now.
    if (batch) {
        batch->add(sale);
        return okStatus();
    }
    FarmerSoldTotals totals;
    totals.add(sale);
    return totals.addTo(db);
}

Status insertReturnRows(Database& db, const SaleReturnDoc& ret) {
    MARKET_TRY(db.prepare("INSERT INTO sale_return (id, shop_id, terminal_id, sale_id, buyer_id, total, "
                          "credit_reduction, refund, refund_method, reason, by_user, at_ms) VALUES "
                          "(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12)")
                   .bind(1, ret.id)
                   .bind(2, ret.shopId)
                   .bind(3, ret.terminalId)
                   .bind(4, ret.saleId)
                   .bind(5, ret.buyerId)
                   .bind(6, ret.total)
                   .bind(7, ret.creditReduction)
                   .bind(8, ret.refund)
                   .bind(9, paymentMethodName(ret.refundMethod))
                   .bind(10, ret.reason)
                   .bind(11, ret.by)
                   .bind(12, ret.atMs)
                   .exec("recording the return"));
    for (const auto& l : ret.lines)
        MARKET_TRY(
            db.prepare("INSERT INTO return_line (id, return_id, sale_line_id, lot_id, product_id, farmer_id, "
                       "qty, amount, commission, farmer_net, buyer_charges, farmer_charges, "
                       "commission_by_buyer) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13)")
                .bind(1, l.id)
                .bind(2, ret.id)
                .bind(3, l.saleLineId)
                .bind(4, l.lotId)
                .bind(5, l.productId)
                .bind(6, l.farmerId)
                .bind(7, l.qty)
                .bind(8, l.amount)
                .bind(9, l.commission)
                .bind(10, l.farmerNet)
                .bind(11, l.buyerCharges)
                .bind(12, l.farmerCharges)
                .bind(13, ret.commissionByBuyer)
                .exec("recording the returned lines"));
    for (const auto& a : ret.allocations)
        MARKET_TRY(db.prepare("INSERT INTO return_allocation (id, return_id, credit_id, credit_detail_id, "
                              "farmer_id, amount) VALUES (?1,?2,?3,?4,?5,?6)")
                       .bind(1, a.id)
                       .bind(2, ret.id)
                       .bind(3, a.creditId)
                       .bind(4, a.creditDetailId)
                       .bind(5, a.farmerId)
                       .bind(6, a.amount)
                       .exec("reducing the bill's credit"));
    return okStatus();
}

Status insertLotRow(Database& db, const LotDoc& d) {
    return db
        .prepare("INSERT INTO lot (id, shop_id, terminal_id, code, farmer_id, product_id, received_qty, "
                 "packages, gross_qty, tare_qty, grade, vehicle, notes, received_at_ms, created_by) "
                 "VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15)")
        .bind(1, d.id)
        .bind(2, d.shopId)
        .bind(3, d.terminalId)
        .bind(4, d.code)
        .bind(5, d.farmerId)
        .bind(6, d.productId)
        .bind(7, d.receivedQty)
        .bind(8, d.packages)
        .bind(9, d.grossQty)
        .bind(10, d.tareQty)
        .bind(11, d.grade)
        .bind(12, d.vehicle)
        .bind(13, d.notes)
        .bind(14, d.receivedAtMs)
        .bind(15, d.createdBy)
        .exec("recording the arrival");
}

Status insertLotStatusRow(Database& db, const LotStatusDoc& d) {
    return db
        .prepare("INSERT INTO lot_status_event (id, lot_id, from_status, to_status, reason, at_ms, by_user) "
                 "VALUES (?1,?2,?3,?4,?5,?6,?7)")
        .bind(1, d.id)
        .bind(2, d.lotId)
        .bind(3, lotStatusName(d.from))
        .bind(4, lotStatusName(d.to))
        .bind(5, d.reason)
        .bind(6, d.atMs)
        .bind(7, d.by)
        .exec("recording the lot status change");
}

Status insertCommissionConfirmationRow(Database& db, const CommissionConfirmationDoc& d) {
    return db
        .prepare("INSERT INTO commission_confirmation (id, sale_id, confirmed_by, at_ms) VALUES "
                 "(?1,?2,?3,?4)")
        .bind(1, d.id)
        .bind(2, d.saleId)
        .bind(3, d.confirmedBy)
        .bind(4, d.atMs)
        .exec("recording the commission confirmation");
}

Status insertFarmerPaymentRow(Database& db, const FarmerPaymentDoc& d) {
    return db
        .prepare("INSERT INTO farmer_payment (id, shop_id, terminal_id, farmer_id, kind, amount, method, "
                 "reference, paid_by, at_ms) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)")
        .bind(1, d.id)
        .bind(2, d.shopId)
        .bind(3, d.terminalId)
        .bind(4, d.farmerId)
        .bind(5, farmerPaymentKindName(d.kind))
        .bind(6, d.amount)
        .bind(7, paymentMethodName(d.method))
        .bind(8, d.reference)
        .bind(9, d.paidBy)
        .bind(10, d.atMs)
        .exec("recording the farmer payment");
}

Status insertExpenseRow(Database& db, const ExpenseDoc& d) {
    return db
        .prepare("INSERT INTO expense (id, shop_id, terminal_id, category, amount, method, note, "
                 "recorded_by, at_ms) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9)")
        .bind(1, d.id)
        .bind(2, d.shopId)
        .bind(3, d.terminalId)
        .bind(4, expenseCategoryName(d.category))
        .bind(5, d.amount)
        .bind(6, paymentMethodName(d.method))
        .bind(7, d.note)
        .bind(8, d.recordedBy)
        .bind(9, d.atMs)
        .exec("recording the expense");
}

Status insertStockAdjustmentRow(Database& db, const StockAdjustmentDoc& d) {
    return db
        .prepare("INSERT INTO stock_adjustment (id, shop_id, terminal_id, lot_id, qty, reason, note, "
                 "estimated_value, recorded_by, approved_by, at_ms) VALUES "
                 "(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11)")
        .bind(1, d.id)
        .bind(2, d.shopId)
        .bind(3, d.terminalId)
        .bind(4, d.lotId)
        .bind(5, d.qty)
        .bind(6, adjustmentReasonName(d.reason))
        .bind(7, d.note)
        .bind(8, d.estimatedValue)
        .bind(9, d.recordedBy)
        .bind(10, d.approvedBy)
        .bind(11, d.atMs)
        .exec("recording the stock adjustment");
}

Status insertCashSessionRow(Database& db, const CashSessionOpenedDoc& d) {
    return db
        .prepare("INSERT INTO cash_session (id, shop_id, terminal_id, opened_by, opened_at_ms, "
                 "opening_float) VALUES (?1,?2,?3,?4,?5,?6)")
        .bind(1, d.id)
        .bind(2, d.shopId)
        .bind(3, d.terminalId)
        .bind(4, d.openedBy)
        .bind(5, d.atMs)
        .bind(6, d.openingFloat)
        .exec("recording the cash session");
}

Status insertCashMovementRow(Database& db, const CashMovementDoc& d) {
    return db
        .prepare("INSERT INTO cash_movement (id, session_id, direction, amount, reason, by_user, at_ms) "
                 "VALUES (?1,?2,?3,?4,?5,?6,?7)")
        .bind(1, d.id)
        .bind(2, d.sessionId)
        .bind(3, d.cashIn ? QStringLiteral("in") : QStringLiteral("out"))
        .bind(4, d.amount)
        .bind(5, d.reason)
        .bind(6, d.by)
        .bind(7, d.atMs)
        .exec("recording the cash movement");
}

Status insertCollectionRows(Database& db, const CollectionDoc& d) {
    MARKET_TRY(
        db.prepare("INSERT INTO collection (id, shop_id, terminal_id, buyer_id, amount, method, reference, "
                   "cashier_id, at_ms) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9)")
            .bind(1, d.id)
            .bind(2, d.shopId)
            .bind(3, d.terminalId)
            .bind(4, d.buyerId)
            .bind(5, d.amount)
            .bind(6, paymentMethodName(d.method))
            .bind(7, d.reference)
            .bind(8, d.cashierId)
            .bind(9, d.atMs)
            .exec("recording the collection"));
    for (const auto& a : d.allocations)
        MARKET_TRY(
            db.prepare("INSERT INTO collection_allocation (id, collection_id, credit_id, credit_detail_id, "
                       "farmer_id, amount) VALUES (?1,?2,?3,?4,?5,?6)")
                .bind(1, a.id)
                .bind(2, d.id)
                .bind(3, a.creditId)
                .bind(4, a.creditDetailId)
                .bind(5, a.farmerId)
                .bind(6, a.amount)
                .exec("recording the collection's allocations"));
    return okStatus();
}

} // namespace market::core
