#include "SaleService.h"

#include "ArrivalService.h"
#include "CashSessionService.h"
#include "CatalogService.h"
#include "ChargeService.h"
#include "CollectionService.h"
#include "DocumentRows.h"
#include "PartyService.h"
#include "SettingsService.h"
#include "Validation.h"
#include "domain/Allocation.h"
#include "store/Journal.h"
#include "store/Store.h"

#include <map>

namespace market::core {

namespace {
struct PricingContext {
    std::optional<PartyDoc> buyer;
    std::map<Uuid, Quantity> soldOutCandidates; ///< lot → quantity left after this sale
};

QString moneyText(const Store& store, Money m) {
    return formatMoney(m, store.identity() ? store.identity()->currency : Currency::INR);
}
} // namespace

Status SaleService::applyChargesAndCommission(SaleQuote& q) {
    auto byBuyer = SettingsService(m_store).integer(QStringLiteral("commission_paid_by_buyer"));
    if (!byBuyer.ok())
        return byBuyer.error();
    q.commissionByBuyer = *byBuyer == 1;
    auto stack = ChargeService(m_store).stack();
    if (!stack.ok())
        return stack.error();
    std::vector<ChargeableLine> chargeable;
    chargeable.reserve(q.lines.size());
    for (const auto& l : q.lines)
        chargeable.push_back(ChargeableLine{l.productId, l.qty, l.packages, l.amount});
    auto applied = applyCharges(chargeable, *stack);
    if (!applied.ok())
        return applied.error();
    for (size_t i = 0; i < q.lines.size(); ++i) {
        SaleLineDoc& l = q.lines[i];
        l.charges = std::move((*applied)[i]);
        l.buyerCharges = chargesPaidBy(l.charges, ChargePayer::Buyer);
        l.farmerCharges = chargesPaidBy(l.charges, ChargePayer::Farmer);
        const Money deductions = l.farmerCharges + (q.commissionByBuyer ? Money{} : l.commission);
        if (deductions > l.amount)
            return Error{ErrorCode::InvalidInput,
                         tr("Line %1: the farmer's commission and charges (%2) would be more than the "
                            "line's amount (%3); check the price.")
                             .arg(l.lineNo)
                             .arg(moneyText(m_store, deductions), moneyText(m_store, l.amount))};
        l.farmerNet = l.amount - deductions;
        q.buyerCharges += l.buyerCharges;
        q.farmerCharges += l.farmerCharges;
        q.commission += l.commission;
        q.total += l.billed(q.commissionByBuyer);
    }
    if (q.total.minor() > Money::kMaxInput)
        return Error{ErrorCode::InvalidInput, tr("The bill total is too large.")};
    q.charges = chargeTotals(q.lines);
    return okStatus();
}

Result<SaleQuote> SaleService::quote(const Session& actor, const SaleRequest& request) {
    return price(actor, request);
}

Result<SaleQuote> SaleService::price(const Session& actor, const SaleRequest& r) {
    MARKET_TRY(require(actor, Permission::Sell));
    if (!m_store.identity())
        return Error{ErrorCode::InvalidState, tr("This counter has no shop yet.")};
    if (r.lines.empty())
        return Error{ErrorCode::InvalidInput, tr("A sale needs at least one line.")};
    if (r.lines.size() > kMaxLines)
        return Error{ErrorCode::InvalidInput, tr("A sale can have at most %1 lines.").arg(kMaxLines)};
    if (r.payments.size() > kMaxPayments)
        return Error{ErrorCode::InvalidInput, tr("A sale can have at most %1 payments.").arg(kMaxPayments)};

    SaleQuote q;
    PartyService parties(m_store);
    if (r.buyerId) {
        auto buyer = parties.get(*r.buyerId);
        if (!buyer.ok())
            return Error{ErrorCode::NotFound, tr("No such buyer.")};
        if (buyer->kind != PartyKind::Buyer)
            return Error{ErrorCode::InvalidInput, tr("%1 is a farmer, not a buyer.").arg(buyer->name)};
        if (!buyer->active)
            return Error{ErrorCode::InvalidState, tr("The buyer %1 is deactivated.").arg(buyer->name)};
        q.buyerCreditLimit = buyer->creditLimit;
        auto outstanding = CollectionService(m_store).outstanding(*r.buyerId);
        if (!outstanding.ok())
            return outstanding.error();
        q.buyerOutstanding = *outstanding;
    } else {
        MARKET_TRY(Validation::optionalText(r.walkinName, tr("Walk-in name"), Validation::kNameMax));
        MARKET_TRY(Validation::phone(r.walkinPhone));
    }

    ArrivalService arrivals(m_store);
    CatalogService catalog(m_store);
    std::map<Uuid, Quantity> requested;
    std::map<Uuid, CommissionRule> rules;
    qint64 lineNo = 0;
    for (const auto& line : r.lines) {
        ++lineNo;
        auto lot = arrivals.lot(line.lotId);
        if (!lot.ok())
            return Error{ErrorCode::NotFound, tr("Line %1: no such lot.").arg(lineNo)};
        if (lot->status != LotStatus::Active)
            return Error{ErrorCode::InvalidState, tr("Line %1: lot %2 is %3 and cannot be sold.")
                                                      .arg(lineNo)
                                                      .arg(lot->lot.code, lotStatusName(lot->status))};
        if (!line.qty.isPositive() || line.qty.thousandths() > Quantity::kMaxInput)
            return Error{ErrorCode::InvalidInput,
                         tr("Line %1: the quantity must be more than zero.").arg(lineNo)};
        if (!unitIsWeighed(lot->unit) && line.qty.thousandths() % Quantity::kScale != 0)
            return Error{ErrorCode::InvalidInput, tr("Line %1: %2 is sold in whole %3s.")
                                                      .arg(lineNo)
                                                      .arg(lot->productName, unitName(lot->unit))};
        if (!line.price.isPositive() || line.price.minor() > Money::kMaxInput)
            return Error{ErrorCode::InvalidInput,
                         tr("Line %1: the price must be more than zero.").arg(lineNo)};
        Quantity& wanted = requested[line.lotId];
        wanted += line.qty;
        if (wanted > lot->left)
            return Error{ErrorCode::InsufficientStock,
                         tr("Line %1: lot %2 has only %3 %4 left.")
                             .arg(lineNo)
                             .arg(lot->lot.code, lot->left.toString(), unitName(lot->unit))};
        auto rule = rules.find(lot->lot.productId);
        if (rule == rules.end()) {
            auto found = catalog.commissionRuleFor(lot->lot.productId);
            if (!found.ok())
                return found.error();
            rule = rules.emplace(lot->lot.productId, *found).first;
        }
        SaleLineDoc l;
        l.lineNo = lineNo;
        l.lotId = line.lotId;
        l.productId = lot->lot.productId;
        l.farmerId = lot->lot.farmerId;
        l.qty = line.qty;
        l.price = line.price;
        const auto amount = Money::lineAmount(line.qty, line.price);
        if (!amount || amount->minor() > Money::kMaxInput)
            return Error{ErrorCode::InvalidInput, tr("Line %1: the amount is too large.").arg(lineNo)};
        l.amount = *amount;
        if (!l.amount.isPositive())
            return Error{
                ErrorCode::InvalidInput,
                tr("Line %1: the amount rounds to nothing; check the quantity and price.").arg(lineNo)};
        l.commissionBp = rule->second.rateFor(line.qty);
        l.commission = *l.amount.percentBp(l.commissionBp);
        if (line.packages && (*line.packages < 0 || *line.packages > kMaxPackages))
            return Error{ErrorCode::InvalidInput,
                         tr("Line %1: packages must be between 0 and %2.").arg(lineNo).arg(kMaxPackages)};
        l.packages = line.packages ? *line.packages
                                   : packagesForShare(lot->lot.packages, lot->lot.receivedQty, line.qty);
        q.goods += l.amount;
        if (q.goods.minor() > Money::kMaxInput)
            return Error{ErrorCode::InvalidInput, tr("The bill total is too large.")};
        q.lines.push_back(l);
    }
    MARKET_TRY(applyChargesAndCommission(q));

    Money cash;
    Money nonCash;
    for (const auto& p : r.payments) {
        if (!p.amount.isPositive() || p.amount.minor() > Money::kMaxInput)
            return Error{ErrorCode::InvalidInput, tr("Each payment must be more than zero.")};
        MARKET_TRY(Validation::optionalText(p.reference, tr("Payment reference"), 200));
        (p.method == PaymentMethod::Cash ? cash : nonCash) += p.amount;
    }
    q.tendered = cash + nonCash;
    if (nonCash > q.total)
        return Error{ErrorCode::Overpayment,
                     tr("Non-cash payments (%1) are more than the bill (%2); change is given only in cash.")
                         .arg(moneyText(m_store, nonCash), moneyText(m_store, q.total))};
    q.change = q.tendered > q.total ? q.tendered - q.total : Money{};
    q.paid = q.tendered - q.change;
    q.credit = q.total - q.paid;
    if (q.credit.isPositive()) {
        if (!r.buyerId)
            return Error{
                ErrorCode::InvalidInput,
                tr("A walk-in buyer pays in full: %1 is still unpaid.").arg(moneyText(m_store, q.credit))};
        q.needsOverride = q.buyerOutstanding + q.credit > q.buyerCreditLimit;
    }
    return q;
}

Result<SaleDoc> SaleService::sell(const Session& actor, const SaleRequest& r) {
    Database& db = m_store.db();
    StoreTransaction tx(db);
    MARKET_TRY(tx.begun());
    // Priced inside the write transaction: stock and dues cannot change underneath.
    auto priced = price(actor, r);
    if (!priced.ok())
        return priced.error();
    SaleQuote& q = priced.value();

    const bool takesCash = std::any_of(r.payments.begin(), r.payments.end(), [](const PaymentRequest& p) {
        return p.method == PaymentMethod::Cash;
    });
    if (takesCash)
        MARKET_TRY(CashSessionService(m_store).requireOpenForCash());

    std::optional<Uuid> overrideBy;
    QString overrideReason;
    if (q.needsOverride) {
        if (!r.creditOverride) {
            const Money after = q.buyerOutstanding + q.credit;
            return Error{
                ErrorCode::CreditLimitExceeded,
                tr("Credit of %1 would take the buyer's dues to %2, above the limit of %3. A manager "
                   "can approve it.")
                    .arg(moneyText(m_store, q.credit), moneyText(m_store, after),
                         moneyText(m_store, q.buyerCreditLimit))};
        }
        MARKET_TRY(require(r.creditOverride->manager, Permission::OverrideCreditLimit));
        auto reason = Validation::name(r.creditOverride->reason, tr("Override reason"), 2000);
        if (!reason.ok())
            return reason.error();
        overrideBy = r.creditOverride->manager.userId;
        overrideReason = *reason;
    }

    const auto& identity = *m_store.identity();
    auto receiptSeq = m_store.nextCounter(QStringLiteral("receipt"));
    if (!receiptSeq.ok())
        return receiptSeq.error();

    SaleDoc sale;
    sale.id = m_store.newId();
    sale.shopId = identity.shopId;
    sale.terminalId = identity.terminalId;
    sale.receiptSeq = *receiptSeq;
    sale.receiptNo = QStringLiteral("%1-%2-%3")
                         .arg(identity.shopCode)
                         .arg(identity.terminalNumber)
                         .arg(*receiptSeq, 6, 10, QLatin1Char('0'));
    sale.buyerId = r.buyerId;
    if (!r.buyerId) {
        sale.walkinName = r.walkinName.trimmed();
        sale.walkinPhone = r.walkinPhone.trimmed();
    }
    sale.cashierId = actor.userId;
    sale.createdAtMs = m_store.nowMs();
    sale.commissionByBuyer = q.commissionByBuyer;
    sale.lines = q.lines;
    for (auto& l : sale.lines)
        l.id = m_store.newId();
    sale.total = q.total;
    sale.tendered = q.tendered;
    sale.change = q.change;
    sale.paid = q.paid;
    sale.credit = q.credit;
    sale.overrideBy = overrideBy;
    sale.overrideReason = overrideReason;

    // Payments as applied to the bill: change comes out of the cash payments, last first.
    Money changeLeft = q.change;
    std::vector<PaymentDoc> applied;
    for (auto it = r.payments.rbegin(); it != r.payments.rend(); ++it) {
        Money amount = it->amount;
        if (it->method == PaymentMethod::Cash && changeLeft.isPositive()) {
            const Money take = std::min(amount, changeLeft);
            amount -= take;
            changeLeft -= take;
        }
        if (amount.isPositive())
            applied.push_back(PaymentDoc{m_store.newId(), it->method, amount, it->reference.trimmed()});
    }
    sale.payments.assign(applied.rbegin(), applied.rend());

    if (sale.credit.isPositive()) {
        // Credit split per farmer in proportion to their goods on this bill, and the shop's own
        // part (buyer-side charges, a buyer-paid commission) in proportion to that, exactly.
        std::vector<std::optional<Uuid>> owners;
        std::vector<Money> weights;
        auto addWeight = [&](const std::optional<Uuid>& owner, Money weight) {
            auto it = std::find(owners.begin(), owners.end(), owner);
            if (it == owners.end()) {
                owners.push_back(owner);
                weights.push_back(weight);
            } else {
                weights[static_cast<size_t>(it - owners.begin())] += weight;
            }
        };
        for (const auto& l : sale.lines)
            addWeight(l.farmerId, l.amount);
        const Money shopPart = q.total - q.goods;
        if (shopPart.isPositive())
            addWeight(std::nullopt, shopPart);
        const auto shares = allocateProportionally(sale.credit, weights);
        sale.creditId = m_store.newId();
        for (size_t i = 0; i < owners.size(); ++i)
            if (shares[i].isPositive())
                sale.creditDetails.push_back(CreditDetailDoc{m_store.newId(), owners[i], shares[i]});
    }
    MARKET_TRY(sale.verifyArithmetic()); // the same check the server makes

    MARKET_TRY(insertSaleRows(db, sale));

    const QJsonObject json = sale.toJson();
    MARKET_TRY(Journal::record(
        m_store, JournalEntry{actor.userId,
                              QStringLiteral("sale.create"),
                              QStringLiteral("sale"),
                              sale.id,
                              {},
                              QJsonObject{{QStringLiteral("receiptNo"), sale.receiptNo},
                                          {QStringLiteral("total"), sale.total.minor()},
                                          {QStringLiteral("paid"), sale.paid.minor()},
                                          {QStringLiteral("credit"), sale.credit.minor()},
                                          {QStringLiteral("overrideBy"),
                                           overrideBy ? QJsonValue(overrideBy->toString()) : QJsonValue()},
                                          {QStringLiteral("overrideReason"), overrideReason}},
                              op::kSaleRecorded,
                              json}));

    // Lots sold out by this sale close, as their own audited status events.
    ArrivalService arrivals(m_store);
    std::vector<Uuid> lots;
    for (const auto& l : sale.lines)
        if (std::find(lots.begin(), lots.end(), l.lotId) == lots.end())
            lots.push_back(l.lotId);
    for (const auto& lotId : lots) {
        auto lot = arrivals.lot(lotId);
        if (!lot.ok())
            return lot.error();
        if (!lot->left.isZero())
            continue;
        LotStatusDoc ev{m_store.newId(),
                        lotId,
                        LotStatus::Active,
                        LotStatus::Closed,
                        QStringLiteral("sold out by %1").arg(sale.receiptNo),
                        sale.createdAtMs,
                        actor.userId};
        MARKET_TRY(arrivals.recordTransition(ev));
    }
    MARKET_TRY(tx.commit());
    return sale;
}

namespace {
Result<SaleDoc> loadSale(Database& db, Statement& head, const QString& notFound) {
    if (!head.next()) {
        Status st = head.status("reading a sale");
        head.reset();
        if (!st.ok())
            return st.error();
        return Error{ErrorCode::NotFound, notFound};
    }
    SaleDoc s;
    s.id = head.uuid(0);
    s.shopId = head.uuid(1);
    s.terminalId = head.uuid(2);
    s.receiptSeq = head.int64(3);
    s.receiptNo = head.text(4);
    s.buyerId = head.optionalUuid(5);
    s.walkinName = head.text(6);
    s.walkinPhone = head.text(7);
    s.cashierId = head.uuid(8);
    s.createdAtMs = head.int64(9);
    s.total = head.money(10);
    s.tendered = head.money(11);
    s.change = head.money(12);
    s.paid = head.money(13);
    s.credit = head.money(14);
    s.overrideBy = head.optionalUuid(15);
    s.overrideReason = head.text(16);
    s.commissionByBuyer = head.int64(17) != 0;
    head.reset();

    Statement& lines = db.prepare("SELECT id, line_no, lot_id, product_id, farmer_id, qty, price, amount, "
                                  "commission_bp, commission, farmer_net, packages, buyer_charges, "
                                  "farmer_charges FROM sale_line WHERE sale_id = ?1 ORDER BY line_no");
    lines.bind(1, s.id);
    while (lines.next()) {
        SaleLineDoc l;
        l.id = lines.uuid(0);
        l.lineNo = lines.int64(1);
        l.lotId = lines.uuid(2);
        l.productId = lines.uuid(3);
        l.farmerId = lines.uuid(4);
        l.qty = lines.quantity(5);
        l.price = lines.money(6);
        l.amount = lines.money(7);
        l.commissionBp = lines.int64(8);
        l.commission = lines.money(9);
        l.farmerNet = lines.money(10);
        l.packages = lines.int64(11);
        l.buyerCharges = lines.money(12);
        l.farmerCharges = lines.money(13);
        s.lines.push_back(l);
    }
    lines.reset();
    Statement& charges =
        db.prepare("SELECT c.sale_line_id, c.charge_id, c.code, c.name, c.basis, c.rate, c.payer, c.amount "
                   "FROM sale_line l JOIN sale_line_charge c ON c.sale_line_id = l.id WHERE l.sale_id = ?1 "
                   "ORDER BY l.line_no, c.position");
    charges.bind(1, s.id);
    while (charges.next()) {
        const Uuid lineId = charges.uuid(0);
        auto line = std::find_if(s.lines.begin(), s.lines.end(),
                                 [&](const SaleLineDoc& l) { return l.id == lineId; });
        if (line != s.lines.end())
            line->charges.push_back(AppliedCharge{
                charges.uuid(1), charges.text(2), charges.text(3),
                chargeBasisFromName(charges.text(4)).value_or(ChargeBasis::PerLine), charges.int64(5),
                chargePayerFromName(charges.text(6)).value_or(ChargePayer::Buyer), charges.money(7)});
    }
    charges.reset();
    Statement& pays = db.prepare("SELECT id, method, amount, reference FROM sale_payment WHERE sale_id = ?1 "
                                 "ORDER BY rowid");
    pays.bind(1, s.id);
    while (pays.next())
        s.payments.push_back(PaymentDoc{pays.uuid(0),
                                        paymentMethodFromName(pays.text(1)).value_or(PaymentMethod::Cash),
                                        pays.money(2), pays.text(3)});
    pays.reset();
    Statement& credit =
        db.prepare("SELECT d.credit_id, d.id, d.farmer_id, d.amount FROM credit c "
                   "JOIN credit_detail d ON d.credit_id = c.id WHERE c.sale_id = ?1 ORDER BY d.rowid");
    credit.bind(1, s.id);
    while (credit.next()) {
        s.creditId = credit.uuid(0);
        s.creditDetails.push_back(CreditDetailDoc{credit.uuid(1), credit.optionalUuid(2), credit.money(3)});
    }
    credit.reset();
    return s;
}

constexpr const char* kSaleHead =
    "SELECT id, shop_id, terminal_id, receipt_seq, receipt_no, buyer_id, walkin_name, walkin_phone, "
    "cashier_id, "
    "created_at_ms, total, tendered, change_given, paid, credit, override_by, override_reason, "
    "commission_by_buyer FROM sale ";
} // namespace

Result<SaleDoc> SaleService::sale(const Uuid& id) {
    static const QByteArray sql = QByteArray(kSaleHead) + "WHERE id = ?1";
    Statement& s = m_store.db().prepare(sql.constData());
    s.bind(1, id);
    return loadSale(m_store.db(), s, tr("No such sale."));
}

Result<SaleDoc> SaleService::saleByReceipt(const QString& receiptNo) {
    static const QByteArray sql = QByteArray(kSaleHead) + "WHERE receipt_no = ?1";
    Statement& s = m_store.db().prepare(sql.constData());
    s.bind(1, receiptNo.trimmed().toUpper());
    return loadSale(m_store.db(), s, tr("No sale has the receipt number %1.").arg(receiptNo.trimmed()));
}

Result<std::optional<QString>> SaleService::lastReceiptNo() {
    const auto identity = m_store.identity();
    if (!identity)
        return std::optional<QString>{};
    Statement& s = m_store.db().prepare("SELECT receipt_no FROM sale WHERE terminal_id = ?1 ORDER BY "
                                        "created_at_ms DESC, receipt_no DESC LIMIT 1");
    s.bind(1, identity->terminalId);
    std::optional<QString> out;
    if (s.next())
        out = s.text(0);
    Status st = s.status("finding the last sale");
    s.reset();
    if (!st.ok())
        return st.error();
    return out;
}

Status SaleService::confirmCommission(const Session& actor, const Uuid& saleId) {
    MARKET_TRY(require(actor, Permission::ConfirmCommission));
    StoreTransaction tx(m_store.db());
    MARKET_TRY(tx.begun());
    auto s = sale(saleId);
    if (!s.ok())
        return s.error();
    CommissionConfirmationDoc c{m_store.newId(), saleId, actor.userId, m_store.nowMs()};
    Status st = insertCommissionConfirmationRow(m_store.db(), c);
    if (!st.ok())
        return st.error().code == ErrorCode::Conflict
                   ? Status(Error{ErrorCode::InvalidState,
                                  tr("The commission of %1 is already confirmed.").arg(s->receiptNo)})
                   : st;
    MARKET_TRY(Journal::record(m_store, JournalEntry{actor.userId,
                                                     QStringLiteral("commission.confirm"),
                                                     QStringLiteral("sale"),
                                                     saleId,
                                                     {},
                                                     c.toJson(),
                                                     op::kCommissionConfirmed,
                                                     c.toJson()}));
    return tx.commit();
}

} // namespace market::core
