#include "ReceiptBuilder.h"

#include "AppContext.h"

#include <map>

namespace market::ui {

QString ReceiptBuilder::userName(const core::Uuid& id) {
    auto users = m_ctx.auth.users();
    if (users.ok())
        for (const auto& u : *users)
            if (u.id == id)
                return u.displayName.isEmpty() ? u.username : u.displayName;
    return {};
}

QString ReceiptBuilder::partyName(const core::Uuid& id) {
    auto p = m_ctx.parties.get(id);
    return p.ok() ? p->name : QString();
}

QString ReceiptBuilder::terminalText() const {
    const auto& id = m_ctx.store.identity();
    return id ? QString::number(id->terminalNumber) : QString();
}

QString ReceiptBuilder::buyerText(const std::optional<core::Uuid>& buyerId, const QString& walkinName) {
    if (buyerId) {
        auto buyer = m_ctx.parties.get(*buyerId);
        return buyer.ok() ? QStringLiteral("%1 %2").arg(buyer->code, buyer->name) : QString();
    }
    QString walkin = tr("Walk-in");
    if (!walkinName.isEmpty())
        walkin += QStringLiteral(": ") + walkinName;
    return walkin;
}

void ReceiptBuilder::addShop(Receipt& r, const QString& title, bool copy) {
    const auto& id = m_ctx.store.identity();
    r.shopName = id ? id->shopName : QString();
    r.title = title;
    if (copy)
        r.copyMark = tr("COPY");
}

void ReceiptBuilder::addBillCharges(Receipt& r, const core::SaleDoc& s) {
    // Only what the buyer pays is on the buyer's receipt; farmer-side charges go on the
    // farmer's statement.
    core::Money goods;
    core::Money commission;
    for (const auto& l : s.lines) {
        goods += l.amount;
        commission += l.commission;
    }
    if (goods == s.total)
        return;
    r.charges.emplace_back(tr("Goods"), m_ctx.money(goods));
    for (const auto& c : core::chargeTotals(s.lines))
        if (c.payer == core::ChargePayer::Buyer)
            r.charges.emplace_back(c.name, m_ctx.money(c.amount));
    if (s.commissionByBuyer)
        r.charges.emplace_back(tr("Commission"), m_ctx.money(commission));
}

Receipt ReceiptBuilder::sale(const core::SaleDoc& s, bool copy) {
    Receipt r;
    addShop(r, tr("Sale receipt"), copy);
    r.fileStem = s.receiptNo + (copy ? QStringLiteral("-copy") : QString());
    r.header.emplace_back(tr("Receipt no"), s.receiptNo);
    r.header.emplace_back(tr("Date"), m_ctx.dateTime(s.createdAtMs));
    r.header.emplace_back(tr("Terminal"), terminalText());
    r.header.emplace_back(tr("Cashier"), userName(s.cashierId));
    r.header.emplace_back(tr("Buyer"), buyerText(s.buyerId, s.walkinName));
    for (const auto& l : s.lines) {
        auto lot = m_ctx.arrivals.lot(l.lotId);
        const QString code = lot.ok() ? lot->lot.code : QString();
        const QString product = lot.ok() ? lot->productName : QString();
        const QString unit = lot.ok() ? core::unitName(lot->unit) : QString();
        const QString farmer = lot.ok() ? lot->farmerName : partyName(l.farmerId);
        r.items.push_back(
            Receipt::Item{QStringLiteral("%1 %2").arg(code, product),
                          QStringLiteral("%1 %2 x %3").arg(l.qty.toString(), unit, m_ctx.money(l.price)),
                          m_ctx.money(l.amount), farmer});
    }
    addBillCharges(r, s);
    r.totals.emplace_back(tr("Total"), m_ctx.money(s.total));
    for (const auto& p : s.payments)
        r.footer.emplace_back(core::paymentMethodName(p.method).toUpper(), m_ctx.money(p.amount));
    if (s.tendered != s.paid)
        r.footer.emplace_back(tr("Tendered"), m_ctx.money(s.tendered));
    if (s.change.isPositive())
        r.footer.emplace_back(tr("Change"), m_ctx.money(s.change));
    if (s.credit.isPositive())
        r.footer.emplace_back(tr("On credit"), m_ctx.money(s.credit));
    if (s.buyerId) {
        auto outstanding = m_ctx.collections.outstanding(*s.buyerId);
        if (outstanding.ok())
            r.footer.emplace_back(tr("Your outstanding"), m_ctx.money(*outstanding));
    }
    r.closing = tr("Thank you");
    return r;
}

Receipt ReceiptBuilder::collection(const core::CollectionDoc& c, bool copy) {
    Receipt r;
    addShop(r, tr("Payment receipt"), copy);
    r.fileStem = QStringLiteral("collection-%1%2")
                     .arg(c.id.toString().left(8), copy ? QStringLiteral("-copy") : QString());
    r.header.emplace_back(tr("Date"), m_ctx.dateTime(c.atMs));
    r.header.emplace_back(tr("Terminal"), terminalText());
    r.header.emplace_back(tr("Cashier"), userName(c.cashierId));
    auto buyer = m_ctx.parties.get(c.buyerId);
    r.header.emplace_back(tr("Buyer"),
                          buyer.ok() ? QStringLiteral("%1 %2").arg(buyer->code, buyer->name) : QString());
    // Allocations by credit (a credit may have several farmer details).
    std::vector<std::pair<core::Uuid, core::Money>> byCredit;
    for (const auto& a : c.allocations) {
        auto it = std::find_if(byCredit.begin(), byCredit.end(),
                               [&](const auto& p) { return p.first == a.creditId; });
        if (it == byCredit.end())
            byCredit.emplace_back(a.creditId, a.amount);
        else
            it->second += a.amount;
    }
    // Credits still open after this payment show their receipt number; cleared ones a short id.
    std::map<core::Uuid, QString> receiptOf;
    if (auto open = m_ctx.collections.openCredits(c.buyerId); open.ok())
        for (const auto& oc : *open)
            receiptOf[oc.creditId] = oc.receiptNo;
    for (const auto& [creditId, amount] : byCredit) {
        const auto known = receiptOf.find(creditId);
        const QString name = known != receiptOf.end() ? known->second : creditId.toString().left(8);
        r.items.push_back(Receipt::Item{tr("Credit %1").arg(name), {}, m_ctx.money(amount), {}});
    }
    r.totals.emplace_back(tr("Received"), m_ctx.money(c.amount));
    r.footer.emplace_back(tr("Method"), core::paymentMethodName(c.method).toUpper());
    if (!c.reference.isEmpty())
        r.footer.emplace_back(tr("Reference"), c.reference);
    auto outstanding = m_ctx.collections.outstanding(c.buyerId);
    if (outstanding.ok())
        r.footer.emplace_back(tr("Your outstanding"), m_ctx.money(*outstanding));
    r.closing = tr("Thank you");
    return r;
}

Receipt ReceiptBuilder::arrival(const core::LotDoc& lot, bool copy) {
    Receipt r;
    addShop(r, tr("Arrival slip"), copy);
    r.fileStem = lot.code + (copy ? QStringLiteral("-copy") : QString());
    auto summary = m_ctx.arrivals.lot(lot.id);
    const QString unit = summary.ok() ? core::unitName(summary->unit) : QString();
    r.header.emplace_back(tr("Lot"), lot.code);
    r.header.emplace_back(tr("Date"), m_ctx.dateTime(lot.receivedAtMs));
    r.header.emplace_back(tr("Farmer"), partyName(lot.farmerId));
    r.header.emplace_back(tr("Product"), summary.ok() ? summary->productName : QString());
    if (lot.packages > 0)
        r.header.emplace_back(tr("Packages"), QString::number(lot.packages));
    if (lot.grossQty.isPositive()) {
        r.header.emplace_back(tr("Gross"), QStringLiteral("%1 %2").arg(lot.grossQty.toString(), unit));
        r.header.emplace_back(tr("Tare"), QStringLiteral("%1 %2").arg(lot.tareQty.toString(), unit));
    }
    r.totals.emplace_back(tr("Net"), QStringLiteral("%1 %2").arg(lot.receivedQty.toString(), unit));
    if (!lot.grade.isEmpty())
        r.footer.emplace_back(tr("Grade"), lot.grade);
    if (!lot.vehicle.isEmpty())
        r.footer.emplace_back(tr("Vehicle"), lot.vehicle);
    r.footer.emplace_back(tr("Received by"), userName(lot.createdBy));
    r.barcode = lot.code;
    return r;
}

QString ReceiptBuilder::returnNumber(const core::Uuid& returnId) {
    // The random tail of the id: unique enough to find the return again, short enough for 32
    // columns (the head of a v7 id is its time, the same for returns made together).
    return QStringLiteral("R-") + returnId.toString().right(12).toUpper();
}

Receipt ReceiptBuilder::saleReturn(const core::SaleReturnDoc& ret, bool copy) {
    Receipt r;
    addShop(r, tr("Credit note (return)"), copy);
    auto sale = m_ctx.sales.sale(ret.saleId);
    const QString number = returnNumber(ret.id);
    r.fileStem = (sale.ok() ? sale->receiptNo + QLatin1Char('-') : QString()) + number +
                 (copy ? QStringLiteral("-copy") : QString());
    r.header.emplace_back(tr("Return no"), number);
    r.header.emplace_back(tr("Original receipt"), sale.ok() ? sale->receiptNo : QString());
    r.header.emplace_back(tr("Date"), m_ctx.dateTime(ret.atMs));
    r.header.emplace_back(tr("Terminal"), terminalText());
    r.header.emplace_back(tr("Cashier"), userName(ret.by));
    r.header.emplace_back(tr("Buyer"), buyerText(ret.buyerId, sale.ok() ? sale->walkinName : QString()));
    for (const auto& l : ret.lines) {
        auto lot = m_ctx.arrivals.lot(l.lotId);
        const QString unit = lot.ok() ? core::unitName(lot->unit) : QString();
        // Priced as on the bill; the amount is what the service reversed (rounded cumulatively).
        core::Money price;
        if (sale.ok())
            for (const auto& sold : sale->lines)
                if (sold.id == l.saleLineId)
                    price = sold.price;
        r.items.push_back(
            Receipt::Item{QStringLiteral("%1 %2").arg(lot.ok() ? lot->lot.code : QString(),
                                                      lot.ok() ? lot->productName : QString()),
                          QStringLiteral("%1 %2 x %3").arg(l.qty.toString(), unit, m_ctx.money(price)),
                          m_ctx.money(l.amount), lot.ok() ? lot->farmerName : partyName(l.farmerId)});
    }
    core::Money goods;
    core::Money charges;
    core::Money commission;
    for (const auto& l : ret.lines) {
        goods += l.amount;
        charges += l.buyerCharges;
        commission += l.commission;
    }
    if (goods != ret.total) {
        r.charges.emplace_back(tr("Goods"), m_ctx.money(goods));
        r.charges.emplace_back(tr("Charges given back"), m_ctx.money(charges));
        if (ret.commissionByBuyer)
            r.charges.emplace_back(tr("Commission"), m_ctx.money(commission));
    }
    r.totals.emplace_back(tr("Total returned"), m_ctx.money(ret.total));
    if (ret.buyerId)
        r.totals.emplace_back(tr("Credit reduced"), m_ctx.money(ret.creditReduction));
    r.totals.emplace_back(tr("Refund %1").arg(core::paymentMethodName(ret.refundMethod).toUpper()),
                          m_ctx.money(ret.refund));
    if (!ret.reason.isEmpty())
        r.footer.emplace_back(tr("Reason"), ret.reason);
    if (ret.buyerId) {
        auto outstanding = m_ctx.collections.outstanding(*ret.buyerId);
        if (outstanding.ok())
            r.footer.emplace_back(tr("Your outstanding"), m_ctx.money(*outstanding));
    }
    r.closing = tr("Thank you");
    return r;
}

} // namespace market::ui
