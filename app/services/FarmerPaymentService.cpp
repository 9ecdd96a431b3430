#include "FarmerPaymentService.h"

#include "CashSessionService.h"
#include "DocumentRows.h"
#include "PartyService.h"
#include "Validation.h"
#include "store/Journal.h"
#include "store/Store.h"

namespace market::core {

namespace {
Result<Money> payableUntil(Database& db, const Uuid& farmerId, qint64 beforeMs) {
    Statement& s = db.prepare(
        "SELECT coalesce((SELECT sum(l.farmer_net) FROM sale_line l JOIN sale s ON s.id = l.sale_id "
        "                 WHERE l.farmer_id = ?1 AND s.created_at_ms < ?2), 0) - "
        "       coalesce((SELECT sum(r.farmer_net) FROM return_line r JOIN sale_return t ON t.id = "
        "r.return_id "
        "                 WHERE r.farmer_id = ?1 AND t.at_ms < ?2), 0) - "
        "       coalesce((SELECT sum(amount) FROM farmer_payment WHERE farmer_id = ?1 AND at_ms < ?2), 0)");
    s.bind(1, farmerId).bind(2, beforeMs);
    Money m;
    if (s.next())
        m = s.money(0);
    Status st = s.status("computing the farmer's balance");
    s.reset();
    if (!st.ok())
        return st.error();
    return m;
}
} // namespace

Result<Money> FarmerPaymentService::payable(const Uuid& farmerId) {
    return payableUntil(m_store.db(), farmerId, std::numeric_limits<qint64>::max());
}

Result<FarmerPaymentDoc> FarmerPaymentService::pay(const Session& actor, const Uuid& farmerId,
                                                   FarmerPaymentKind kind, Money amount, PaymentMethod method,
                                                   const QString& reference) {
    MARKET_TRY(require(actor, Permission::PayFarmer));
    MARKET_TRY(Validation::positiveMoney(amount, tr("The amount")));
    auto ref = Validation::optionalText(reference, tr("Reference"), 200);
    if (!ref.ok())
        return ref.error();
    StoreTransaction tx(m_store.db());
    MARKET_TRY(tx.begun());
    auto farmer = PartyService(m_store).get(farmerId);
    if (!farmer.ok() || farmer->kind != PartyKind::Farmer)
        return Error{ErrorCode::NotFound, tr("No such farmer.")};
    if (method == PaymentMethod::Cash)
        MARKET_TRY(CashSessionService(m_store).requireOpenForCash());
    if (kind == FarmerPaymentKind::Settlement) {
        auto due = payable(farmerId);
        if (!due.ok())
            return due.error();
        if (amount > *due) {
            const Currency c = m_store.identity()->currency;
            return Error{
                ErrorCode::Overpayment,
                tr("%1 is owed only %2; a settlement of %3 is more. Pay an advance instead if intended.")
                    .arg(farmer->name, formatMoney(std::max(*due, Money{}), c), formatMoney(amount, c))};
        }
    }
    const auto& identity = *m_store.identity();
    FarmerPaymentDoc d{
        m_store.newId(), identity.shopId, identity.terminalId, farmerId, kind, amount, method, *ref,
        actor.userId,    m_store.nowMs()};
    MARKET_TRY(insertFarmerPaymentRow(m_store.db(), d));
    MARKET_TRY(Journal::record(m_store, JournalEntry{actor.userId,
                                                     QStringLiteral("farmer_payment.create"),
                                                     QStringLiteral("farmer_payment"),
                                                     d.id,
                                                     {},
                                                     d.toJson(),
                                                     op::kFarmerPaymentRecorded,
                                                     d.toJson()}));
    MARKET_TRY(tx.commit());
    return d;
}

Result<SettlementStatement> FarmerPaymentService::statement(const Uuid& farmerId, qint64 fromMs,
                                                            qint64 toMs) {
    if (toMs <= fromMs)
        return Error{ErrorCode::InvalidInput, tr("The period must end after it starts.")};
    auto farmer = PartyService(m_store).get(farmerId);
    if (!farmer.ok() || farmer->kind != PartyKind::Farmer)
        return Error{ErrorCode::NotFound, tr("No such farmer.")};
    SettlementStatement st;
    st.farmer = *farmer;
    st.fromMs = fromMs;
    st.toMs = toMs;
    auto opening = payableUntil(m_store.db(), farmerId, fromMs);
    if (!opening.ok())
        return opening.error();
    st.openingBalance = *opening;

    Statement& lines = m_store.db().prepare(
        "SELECT s.created_at_ms, s.receipt_no, lot.code, p.name, l.qty, l.price, l.amount, l.commission_bp, "
        "CASE l.commission_by_buyer WHEN 1 THEN 0 ELSE l.commission END, l.farmer_charges, l.farmer_net "
        "FROM sale_line l JOIN sale s ON s.id = l.sale_id JOIN lot ON lot.id = "
        "l.lot_id "
        "JOIN product p ON p.id = l.product_id WHERE l.farmer_id = ?1 AND s.created_at_ms >= ?2 "
        "AND s.created_at_ms < ?3 ORDER BY s.created_at_ms, s.receipt_no, l.line_no");
    lines.bind(1, farmerId).bind(2, fromMs).bind(3, toMs);
    while (lines.next()) {
        StatementLine l{lines.int64(0),    lines.text(1),  lines.text(2),  lines.text(3),
                        lines.quantity(4), lines.money(5), lines.money(6), lines.int64(7),
                        lines.money(8),    lines.money(9), lines.money(10)};
        st.soldAmount += l.amount;
        st.commission += l.commission;
        st.farmerCharges += l.farmerCharges;
        st.farmerNet += l.farmerNet;
        st.lines.push_back(l);
    }
    Status s1 = lines.status("reading the farmer's sales");
    lines.reset();
    MARKET_TRY(s1);
    Statement& charges = m_store.db().prepare(
        "SELECT c.code, min(c.name), sum(c.amount) FROM sale_line l JOIN sale s ON s.id = l.sale_id "
        "JOIN sale_line_charge c ON c.sale_line_id = l.id WHERE l.farmer_id = ?1 AND c.payer = 'farmer' "
        "AND s.created_at_ms >= ?2 AND s.created_at_ms < ?3 GROUP BY c.code ORDER BY c.code");
    charges.bind(1, farmerId).bind(2, fromMs).bind(3, toMs);
    while (charges.next())
        st.charges.push_back(
            ChargeTotal{charges.text(0), charges.text(1), ChargePayer::Farmer, charges.money(2)});
    Status s3 = charges.status("reading the farmer's charges");
    charges.reset();
    MARKET_TRY(s3);

    Statement& pays = m_store.db().prepare(
        "SELECT id, shop_id, terminal_id, farmer_id, kind, amount, method, reference, paid_by, at_ms "
        "FROM farmer_payment WHERE farmer_id = ?1 AND at_ms >= ?2 AND at_ms < ?3 ORDER BY at_ms, id");
    pays.bind(1, farmerId).bind(2, fromMs).bind(3, toMs);
    while (pays.next()) {
        FarmerPaymentDoc d{pays.uuid(0),
                           pays.uuid(1),
                           pays.uuid(2),
                           pays.uuid(3),
                           farmerPaymentKindFromName(pays.text(4)).value_or(FarmerPaymentKind::Settlement),
                           pays.money(5),
                           paymentMethodFromName(pays.text(6)).value_or(PaymentMethod::Cash),
                           pays.text(7),
                           pays.uuid(8),
                           pays.int64(9)};
        (d.kind == FarmerPaymentKind::Advance ? st.advances : st.settlements) += d.amount;
        st.payments.push_back(d);
    }
    Status s2 = pays.status("reading the farmer's payments");
    pays.reset();
    MARKET_TRY(s2);
    Statement& returns = m_store.db().prepare(
        "SELECT coalesce(sum(r.amount), 0), "
        "coalesce(sum(CASE r.commission_by_buyer WHEN 1 THEN 0 ELSE r.commission END), 0), "
        "coalesce(sum(r.farmer_net), 0), coalesce(sum(r.farmer_charges), 0) FROM return_line r JOIN "
        "sale_return t ON t.id = r.return_id WHERE r.farmer_id = ?1 AND t.at_ms >= "
        "?2 "
        "AND t.at_ms < ?3");
    returns.bind(1, farmerId).bind(2, fromMs).bind(3, toMs);
    if (returns.next()) {
        st.returnedAmount = returns.money(0);
        st.returnedCommission = returns.money(1);
        st.returnedNet = returns.money(2);
        st.returnedCharges = returns.money(3);
    }
    returns.reset();
    st.closingBalance = st.openingBalance + st.farmerNet - st.returnedNet - st.advances - st.settlements;
    return st;
}

} // namespace market::core
