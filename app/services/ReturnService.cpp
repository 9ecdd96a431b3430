#include "ReturnService.h"

#include "ArrivalService.h"
#include "CashSessionService.h"
#include "DocumentRows.h"
#include "SaleService.h"
#include "Validation.h"
#include "domain/Allocation.h"
#include "store/Journal.h"
#include "store/Store.h"

#include <map>

namespace market::core {

namespace {
/// The part of `whole` that `part` of `of` stands for, rounded half-up.
Money share(Money whole, Quantity part, Quantity of) {
    return Money::fromMinor(
        *divideRoundHalfUp(static_cast<Int128>(whole.minor()) * part.thousandths(), of.thousandths()));
}

struct ReturnedSoFar {
    Quantity qty;
};
} // namespace

Result<Quantity> ReturnService::returnable(const Uuid& saleLineId) {
    Statement& s = m_store.db().prepare(
        "SELECT l.qty - coalesce((SELECT sum(r.qty) FROM return_line r WHERE r.sale_line_id = l.id), 0) "
        "FROM sale_line l WHERE l.id = ?1");
    s.bind(1, saleLineId);
    if (!s.next()) {
        s.reset();
        return Error{ErrorCode::NotFound, tr("No such sale line.")};
    }
    const Quantity q = s.quantity(0);
    s.reset();
    return q;
}

Result<SaleReturnDoc> ReturnService::returnGoods(const Session& actor, const ReturnRequest& r) {
    MARKET_TRY(require(actor, Permission::RecordReturn));
    auto reason = Validation::name(r.reason, tr("Reason"), 2000);
    if (!reason.ok())
        return reason.error();
    if (r.lines.empty())
        return Error{ErrorCode::InvalidInput, tr("Choose at least one line to return.")};

    Database& db = m_store.db();
    StoreTransaction tx(db);
    MARKET_TRY(tx.begun());
    auto sale = SaleService(m_store).sale(r.saleId);
    if (!sale.ok())
        return sale.error();

    const auto& identity = *m_store.identity();
    SaleReturnDoc ret;
    ret.id = m_store.newId();
    ret.shopId = identity.shopId;
    ret.terminalId = identity.terminalId;
    ret.saleId = sale->id;
    ret.buyerId = sale->buyerId;
    ret.commissionByBuyer = sale->commissionByBuyer;
    ret.refundMethod = r.refundMethod;
    ret.reason = *reason;
    ret.by = actor.userId;
    ret.atMs = m_store.nowMs();

    std::map<Uuid, Quantity> requested;
    for (const auto& req : r.lines) {
        const auto line = std::find_if(sale->lines.begin(), sale->lines.end(),
                                       [&](const SaleLineDoc& l) { return l.id == req.saleLineId; });
        if (line == sale->lines.end())
            return Error{ErrorCode::NotFound, tr("That line is not on receipt %1.").arg(sale->receiptNo)};
        if (!req.qty.isPositive() || req.qty.thousandths() > Quantity::kMaxInput)
            return Error{ErrorCode::InvalidInput, tr("The quantity to return must be more than zero.")};
        if (req.qty.thousandths() % Quantity::kScale != 0 &&
            line->qty.thousandths() % Quantity::kScale == 0) {
            // A counted product was sold in whole units; it comes back in whole units too.
            Statement& unit = db.prepare("SELECT unit FROM product WHERE id = ?1");
            unit.bind(1, line->productId);
            const bool weighed = unit.next() && unitIsWeighed(unitFromName(unit.text(0)).value_or(Unit::Kg));
            unit.reset();
            if (!weighed)
                return Error{ErrorCode::InvalidInput,
                             tr("Line %1 is counted in whole units.").arg(line->lineNo)};
        }

        Statement& before =
            db.prepare("SELECT coalesce(sum(qty), 0) FROM return_line WHERE sale_line_id = ?1");
        before.bind(1, line->id);
        ReturnedSoFar so;
        if (before.next())
            so = ReturnedSoFar{before.quantity(0)};
        before.reset();
        Quantity& already = requested[line->id];
        const Quantity after = so.qty + already + req.qty;
        if (after > line->qty)
            return Error{ErrorCode::InvalidInput,
                         tr("Line %1 sold %2; only %3 can still be returned.")
                             .arg(line->lineNo)
                             .arg(line->qty.toString(), (line->qty - so.qty - already).toString())};
        // Cumulative rounding: returning everything reverses the line to the paisa.
        const Quantity upTo = so.qty + already;
        auto reversed = [&](Money whole) {
            return share(whole, after, line->qty) - share(whole, upTo, line->qty);
        };
        ReturnLineDoc rl;
        rl.id = m_store.newId();
        rl.saleLineId = line->id;
        rl.lotId = line->lotId;
        rl.productId = line->productId;
        rl.farmerId = line->farmerId;
        rl.qty = req.qty;
        rl.amount = reversed(line->amount);
        rl.commission = reversed(line->commission);
        rl.buyerCharges = reversed(line->buyerCharges);
        rl.farmerCharges = reversed(line->farmerCharges);
        // The farmer's net is what is left, so the line's parts add up on every return too.
        rl.farmerNet = rl.amount - rl.farmerCharges - (ret.commissionByBuyer ? Money{} : rl.commission);
        already += req.qty;
        ret.total += rl.billed(ret.commissionByBuyer);
        ret.lines.push_back(rl);
    }
    if (!ret.total.isPositive())
        return Error{ErrorCode::InvalidInput, tr("The return comes to nothing; check the quantities.")};

    // The bill's open credit absorbs the return first, in proportion to its open details.
    Statement& open = db.prepare(
        "SELECT c.id, d.id, d.farmer_id, d.amount "
        "  - coalesce((SELECT sum(a.amount) FROM collection_allocation a WHERE a.credit_detail_id = d.id), "
        "0) "
        "  - coalesce((SELECT sum(a.amount) FROM return_allocation a WHERE a.credit_detail_id = d.id), 0) "
        "FROM credit c JOIN credit_detail d ON d.credit_id = c.id WHERE c.sale_id = ?1 ORDER BY d.rowid");
    open.bind(1, sale->id);
    std::vector<ReturnAllocationDoc> details;
    std::vector<Money> caps;
    Money openCredit;
    while (open.next()) {
        const Money left = open.money(3);
        if (left.isPositive()) {
            details.push_back(
                ReturnAllocationDoc{Uuid{}, open.uuid(0), open.uuid(1), open.optionalUuid(2), left});
            caps.push_back(left);
            openCredit += left;
        }
    }
    open.reset();
    ret.creditReduction = std::min(openCredit, ret.total);
    if (ret.creditReduction.isPositive()) {
        const auto shares = allocateCapped(ret.creditReduction, caps);
        for (size_t i = 0; i < details.size(); ++i)
            if (shares[i].isPositive()) {
                ReturnAllocationDoc a = details[i];
                a.id = m_store.newId();
                a.amount = shares[i];
                ret.allocations.push_back(a);
            }
    }
    ret.refund = ret.total - ret.creditReduction;
    if (ret.refund.isPositive() && ret.refundMethod == PaymentMethod::Cash)
        MARKET_TRY(CashSessionService(m_store).requireOpenForCash());
    MARKET_TRY(ret.verifyArithmetic());

    MARKET_TRY(insertReturnRows(db, ret));
    const QJsonObject json = ret.toJson();
    MARKET_TRY(
        Journal::record(m_store, JournalEntry{actor.userId,
                                              QStringLiteral("sale.return"),
                                              QStringLiteral("sale"),
                                              sale->id,
                                              {},
                                              QJsonObject{{QStringLiteral("returnId"), ret.id.toString()},
                                                          {QStringLiteral("total"), ret.total.minor()},
                                                          {QStringLiteral("refund"), ret.refund.minor()},
                                                          {QStringLiteral("reason"), ret.reason}},
                                              op::kSaleReturned,
                                              json}));

    // A sold-out lot that gets goods back is active again (audited as its own status event).
    std::vector<Uuid> lots;
    for (const auto& l : ret.lines)
        if (std::find(lots.begin(), lots.end(), l.lotId) == lots.end())
            lots.push_back(l.lotId);
    for (const auto& lotId : lots) {
        Statement& st = db.prepare("SELECT status FROM lot WHERE id = ?1");
        st.bind(1, lotId);
        const bool closed = st.next() && st.text(0) == QLatin1String("closed");
        st.reset();
        if (!closed)
            continue;
        LotStatusDoc ev{m_store.newId(),
                        lotId,
                        LotStatus::Closed,
                        LotStatus::Active,
                        QStringLiteral("reopened by a return on %1").arg(sale->receiptNo),
                        ret.atMs,
                        actor.userId};
        MARKET_TRY(ArrivalService(m_store).recordTransition(ev));
    }
    MARKET_TRY(tx.commit());
    return ret;
}

} // namespace market::core
