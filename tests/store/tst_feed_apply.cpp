// The pull side's applier (services/FeedApplier) on real SQLite files: two counters of one shop,
// X records a day through its services, and its outbox — exactly what the server feeds — is
// applied to Y. No network: the feed pages are made from X's outbox.
#include "FeedFixture.h"
#include "services/CashSessionService.h"
#include "services/ChargeService.h"
#include "services/ExpenseService.h"
#include "services/FarmerPaymentService.h"
#include "services/FeedApplier.h"
#include "services/PriceService.h"
#include "services/ReturnService.h"
#include "services/SettingsService.h"
#include "services/StockAdjustmentService.h"
#include "store/Database.h"
#include "store/ReportIndexes.h"

#include <QJsonDocument>
#include <map>

using namespace market::core;
using market::test::feedOf;
using market::test::StoreFixture;

namespace {
std::vector<FeedChange> ofType(const std::vector<FeedChange>& feed, const QString& type, bool keep) {
    std::vector<FeedChange> out;
    for (const auto& c : feed)
        if ((c.type == type) == keep)
            out.push_back(c);
    return out;
}

/// The figures both counters must agree on after a sync.
struct Books {
    qint64 stock = 0;       ///< of the lot: received − sold + returned − adjusted
    qint64 outstanding = 0; ///< of the buyer: credit − collected − reduced by returns
    qint64 payable = 0;     ///< to the farmer: net sold − net returned − paid (farmer_balance)
    qint64 sales = 0;       ///< Σ bill totals
    bool operator==(const Books&) const = default;
};

Books books(StoreFixture& f, const Uuid& lot, const Uuid& buyer, const Uuid& farmer) {
    Books b;
    b.stock =
        f.integer(QStringLiteral("SELECT received_qty - (SELECT coalesce(sum(qty), 0) FROM sale_line WHERE "
                                 "lot_id = ?1) + (SELECT coalesce(sum(qty), 0) FROM return_line WHERE lot_id "
                                 "= ?1) - (SELECT coalesce(sum(qty), 0) FROM stock_adjustment WHERE lot_id = "
                                 "?1) FROM lot WHERE id = ?1"),
                  {lot.toString()});
    b.outstanding = f.integer(
        QStringLiteral(
            "SELECT (SELECT coalesce(sum(amount), 0) FROM credit WHERE buyer_id = ?1) - (SELECT "
            "coalesce(sum(a.amount), 0) FROM collection_allocation a JOIN credit c ON c.id = a.credit_id "
            "WHERE c.buyer_id = ?1) - (SELECT coalesce(sum(a.amount), 0) FROM return_allocation a JOIN "
            "credit c ON c.id = a.credit_id WHERE c.buyer_id = ?1)"),
        {buyer.toString()});
    b.payable =
        f.integer(QStringLiteral("SELECT sold_net - returned_net - paid FROM farmer_balance WHERE farmer_id "
                                 "= ?1"),
                  {farmer.toString()});
    b.sales = f.integer(QStringLiteral("SELECT coalesce(sum(total), 0) FROM sale"));
    return b;
}

QByteArray describe(const Books& b) {
    return QByteArray("stock ") + QByteArray::number(b.stock) + " outstanding " +
           QByteArray::number(b.outstanding) + " payable " + QByteArray::number(b.payable) + " sales " +
           QByteArray::number(b.sales);
}
} // namespace

class FeedApplyTest : public QObject {
    Q_OBJECT

    StoreFixture m_x; ///< the other counter (terminal 1)
    StoreFixture m_y; ///< this counter (terminal 2) of the same shop
    Uuid m_farmer, m_buyer, m_lot, m_product;

    /// The report indexes as sqlite_master has them, name → SQL ("" for a missing one).
    static std::map<QString, QString> reportIndexes(StoreFixture& f) {
        std::map<QString, QString> out;
        for (const auto& index : report_indexes::all())
            out[QString::fromLatin1(index.name)] =
                f.scalar(QStringLiteral("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?1"),
                         {QString::fromLatin1(index.name)})
                    .toString();
        return out;
    }

    qint64 count(StoreFixture& f, const char* table) {
        return f.integer(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table)));
    }

private slots:
    void initTestCase() {
        MARKET_REQUIRE_OK(m_x.setUp());
        const auto& shop = *m_x.store().identity();
        const Enrolment second{QStringLiteral("http://127.0.0.1:1"),   shop.shopId, shop.shopCode,
                               Uuid::createV7(StoreFixture::kStartMs), 2,           StoreFixture::kStartMs};
        MARKET_REQUIRE_OK(m_y.setUp(StoreFixture::Options{}, second));
        QCOMPARE(m_y.store().identity()->shopId, shop.shopId);
    }

    /// X's day (arrival, cash and credit sales, a collection, a return, a farmer advance, an
    /// expense, a stock adjustment) lands on Y with identical stock, credit and payables; the
    /// sales arrive before their lot and wait parked; applying the pages again changes nothing.
    void aDayOfAnotherCounterAppliesExactlyAndOnce() {
        auto farmer = m_x.farmer(QStringLiteral("Ramesh"));
        auto buyer = m_x.buyer(QStringLiteral("Suresh Traders"), market::test::money(u"5000.00"));
        auto product = m_x.product(QStringLiteral("Marigold"));
        MARKET_REQUIRE_OK(farmer);
        MARKET_REQUIRE_OK(buyer);
        MARKET_REQUIRE_OK(product);
        MARKET_REQUIRE_OK(m_x.flatRule(std::nullopt, 800));
        auto lot = m_x.lot(farmer->id, product->id, market::test::qty(u"100.000"));
        MARKET_REQUIRE_OK(lot);
        m_farmer = farmer->id;
        m_buyer = buyer->id;
        m_lot = lot->id;
        m_product = product->id;

        SaleRequest cash;
        cash.lines.push_back(StoreFixture::line(lot->id, u"10.000", u"40.00"));
        cash.payments.push_back(StoreFixture::pay(PaymentMethod::Cash, u"400.00"));
        auto cashSale = m_x.sales().sell(m_x.cashier, cash);
        MARKET_REQUIRE_OK(cashSale);
        SaleRequest credit;
        credit.buyerId = buyer->id;
        credit.lines.push_back(StoreFixture::line(lot->id, u"20.500", u"33.33"));
        auto creditSale = m_x.sales().sell(m_x.cashier, credit);
        MARKET_REQUIRE_OK(creditSale);
        MARKET_REQUIRE_OK(m_x.collections().collect(m_x.cashier, buyer->id, market::test::money(u"100.00"),
                                                    PaymentMethod::Upi));
        ReturnRequest back;
        back.saleId = creditSale->id;
        back.lines.push_back(ReturnLineRequest{creditSale->lines.front().id, market::test::qty(u"2.000")});
        back.reason = QStringLiteral("wilted");
        MARKET_REQUIRE_OK(ReturnService(m_x.store()).returnGoods(m_x.cashier, back));
        MARKET_REQUIRE_OK(FarmerPaymentService(m_x.store())
                              .pay(m_x.manager, farmer->id, FarmerPaymentKind::Advance,
                                   market::test::money(u"50.00"), PaymentMethod::Cash));
        MARKET_REQUIRE_OK(ExpenseService(m_x.store())
                              .record(m_x.manager, ExpenseCategory::Transport, market::test::money(u"25.00"),
                                      PaymentMethod::Cash, QStringLiteral("auto")));
        MARKET_REQUIRE_OK(
            StockAdjustmentService(m_x.store())
                .adjust(m_x.manager,
                        AdjustmentRequest{lot->id, market::test::qty(u"1.500"), AdjustmentReason::Damage,
                                          QStringLiteral("crushed"), std::nullopt}));

        const auto feed = feedOf(m_x, 1);
        QVERIFY(feed.size() > 15);
        auto anomaly = FeedChange{qint64(feed.size()) + 1,
                                  QStringLiteral("anomaly.raised"),
                                  Uuid::createV7(StoreFixture::kStartMs).toString(),
                                  {},
                                  QJsonObject{{QStringLiteral("kind"), QStringLiteral("oversold")},
                                              {QStringLiteral("entity"), QStringLiteral("lot")},
                                              {QStringLiteral("entityId"), lot->id.toString()},
                                              {QStringLiteral("details"), QJsonObject{}}}};
        // Page 1: everything but the arrival (the server feeds a sale of a lot it has not received
        // yet, with an unknown_lot anomaly); page 2: the arrival.
        auto page1 = ofType(feed, op::kLotReceived, false);
        page1.push_back(anomaly);
        const auto page2 = ofType(feed, op::kLotReceived, true);

        const qint64 auditBefore = count(m_y, "audit_log");
        const qint64 outboxBefore = count(m_y, "outbox");
        FeedApplier applier(m_y.store());
        auto first = applier.applyPage(page1, QStringLiteral("e:1"));
        MARKET_REQUIRE_OK(first);
        QVERIFY2(first->parked >= 4,
                 "the sales, the return, the adjustment and the collection wait for the lot");
        QCOMPARE(first->anomalies, 1);
        QCOMPARE(*applier.parkedCount(), qint64(first->parked));
        QCOMPARE(*applier.cursor(), QStringLiteral("e:1"));
        auto second = applier.applyPage(page2, QStringLiteral("e:2"));
        MARKET_REQUIRE_OK(second);
        QCOMPARE(second->unparked, first->parked - 3); // X's three users stay parked: see below
        QCOMPARE(*applier.anomalyCount(), qint64(1));

        // Y made its own owner, manager and cashier: X's users of the same names cannot apply
        // here (one username, two people) and stay listed as parked.
        const auto parked = applier.parked();
        MARKET_REQUIRE_OK(parked);
        QCOMPARE(parked->size(), size_t(3));
        for (const auto& p : *parked)
            QCOMPARE(p.type, op::kUserUpsert);

        const Books x = books(m_x, m_lot, m_buyer, m_farmer);
        const Books y = books(m_y, m_lot, m_buyer, m_farmer);
        QVERIFY2(x == y, (describe(x) + " vs " + describe(y)).constData());
        QCOMPARE(x.stock, qint64(100'000 - 10'000 - 20'500 + 2'000 - 1'500));
        QCOMPARE(m_y.integer(QStringLiteral("SELECT count(*) FROM farmer_bucket WHERE farmer_id = ?1"),
                             {m_farmer.toString()}),
                 qint64(2));
        QCOMPARE(m_y.scalar(
                     QStringLiteral("SELECT group_concat(net) FROM farmer_bucket WHERE farmer_id = ?1 ORDER "
                                    "BY grain"),
                     {m_farmer.toString()}),
                 m_x.scalar(
                     QStringLiteral("SELECT group_concat(net) FROM farmer_bucket WHERE farmer_id = ?1 ORDER "
                                    "BY grain"),
                     {m_farmer.toString()}));
        // Another terminal's documents are its own: no audit entry, no outbox entry here.
        QCOMPARE(count(m_y, "audit_log"), auditBefore);
        QCOMPARE(count(m_y, "outbox"), outboxBefore);

        // Applying both pages again (a lost reply, a crash before the cursor moved) changes nothing.
        const QByteArray before = m_y.dump();
        auto again = applier.applyPage(feed, QStringLiteral("e:2"));
        MARKET_REQUIRE_OK(again);
        QCOMPARE(again->parked, 3); // the same three users, parked again (same rows)
        QCOMPARE(m_y.dump(), before);
        auto anomalyAgain = applier.applyPage({anomaly}, QStringLiteral("e:2"));
        MARKET_REQUIRE_OK(anomalyAgain);
        QCOMPARE(anomalyAgain->anomalies, 0);
        QCOMPARE(m_y.dump(), before);
    }

    /// Y's own documents coming back are skipped; its own master data is re-applied (unchanged).
    void ownDocumentsComingBackAreSkipped() {
        SaleRequest r;
        r.lines.push_back(StoreFixture::line(m_lot, u"1.000", u"40.00"));
        r.payments.push_back(StoreFixture::pay(PaymentMethod::Cash, u"40.00"));
        MARKET_REQUIRE_OK(m_y.sales().sell(m_y.cashier, r));
        const auto own = feedOf(m_y, 10'000);
        const QByteArray before = m_y.dump();
        auto stats = FeedApplier(m_y.store()).applyPage(own, QStringLiteral("e:3"));
        MARKET_REQUIRE_OK(stats);
        QCOMPARE(stats->applied + stats->localOnTop + stats->own + stats->present, int(own.size()));
        QCOMPARE(stats->own, 2); // the drawer and the sale
        QCOMPARE(stats->parked, 0);
        QByteArray after = m_y.dump();
        // Only the cursor moved.
        QCOMPARE(after.replace(QByteArray("e:3").toHex(), QByteArray("e:2").toHex()), before);
    }

    /// A buyer's credit limit edited on Y and not yet acknowledged stays on top of X's edit; once
    /// the server has Y's edit, the feed's order decides again.
    void anUnacknowledgedLocalEditStaysOnTop() {
        const qint64 highest = m_y.integer(QStringLiteral("SELECT coalesce(max(seq), 0) FROM outbox"));
        MARKET_REQUIRE_OK(Outbox::acknowledge(m_y.store(), highest, {}, StoreFixture::kStartMs));
        const qint64 xSeq = m_x.integer(QStringLiteral("SELECT max(seq) FROM outbox"));
        MARKET_REQUIRE_OK(
            m_y.parties().setCreditLimit(m_y.manager, m_buyer, market::test::money(u"7000.00")));
        MARKET_REQUIRE_OK(
            m_x.parties().setCreditLimit(m_x.manager, m_buyer, market::test::money(u"9000.00")));
        std::vector<FeedChange> edit;
        for (const auto& c : feedOf(m_x, 1))
            if (c.position > xSeq)
                edit.push_back(c);
        QCOMPARE(edit.size(), size_t(1));
        const auto limit = [&] {
            return m_y.integer(QStringLiteral("SELECT credit_limit FROM party WHERE id = ?1"),
                               {m_buyer.toString()});
        };
        auto stats = FeedApplier(m_y.store()).applyPage(edit, QStringLiteral("e:4"));
        MARKET_REQUIRE_OK(stats);
        QCOMPARE(stats->localOnTop, 1);
        QCOMPARE(limit(), qint64(700'000));

        MARKET_REQUIRE_OK(Outbox::acknowledge(m_y.store(), highest + 1, {}, StoreFixture::kStartMs));
        stats = FeedApplier(m_y.store()).applyPage(edit, QStringLiteral("e:5"));
        MARKET_REQUIRE_OK(stats);
        QCOMPARE(stats->applied, 1);
        QCOMPARE(limit(), qint64(900'000));
    }

    /// Charges, commission rules (a new version retires the old), a setting, a lot's status and a
    /// drawer's close of X end up on Y as on X; a rule Y set and the server has not acknowledged
    /// yet stays the active one while X's newer rule is kept retired.
    void masterDataAndBackOfficeFollowTheServersOrder() {
        const qint64 seen = m_x.integer(QStringLiteral("SELECT max(seq) FROM outbox"));
        ChargeRule cess;
        cess.code = QStringLiteral("CESS");
        cess.name = QStringLiteral("Market cess");
        cess.basis = ChargeBasis::Percent;
        cess.rate = 100;
        cess.payer = ChargePayer::Buyer;
        MARKET_REQUIRE_OK(ChargeService(m_x.store()).set(m_x.manager, cess));
        cess.rate = 150; // a new version: the first is retired
        MARKET_REQUIRE_OK(ChargeService(m_x.store()).set(m_x.manager, cess));
        MARKET_REQUIRE_OK(m_x.flatRule(std::nullopt, 900));
        MARKET_REQUIRE_OK(SettingsService(m_x.store())
                              .setInteger(m_x.manager, QStringLiteral("adjustment_approval_qty"), 25'000));
        auto spoiled = m_x.lot(m_farmer, m_product, market::test::qty(u"5.000"));
        MARKET_REQUIRE_OK(spoiled);
        MARKET_REQUIRE_OK(m_x.arrivals().changeStatus(m_x.manager, spoiled->id, LotStatus::Discarded,
                                                      QStringLiteral("rotten")));
        MARKET_REQUIRE_OK(CashSessionService(m_x.store()).close(m_x.cashier, market::test::money(u"400.00")));

        std::vector<FeedChange> page;
        for (const auto& c : feedOf(m_x, 1))
            if (c.position > seen)
                page.push_back(c);
        auto stats = FeedApplier(m_y.store()).applyPage(page, QStringLiteral("e:6"));
        MARKET_REQUIRE_OK(stats);
        QCOMPARE(stats->parked, 0);
        for (const char* sql :
             {"SELECT group_concat(id || ':' || code || ':' || rate || ':' || active, ',') FROM (SELECT * "
              "FROM "
              "charge ORDER BY id)",
              "SELECT group_concat(id || ':' || rate_bp || ':' || active, ',') FROM (SELECT * FROM "
              "commission_rule "
              "ORDER BY id)",
              "SELECT value FROM setting WHERE key = 'adjustment_approval_qty'",
              "SELECT group_concat(id || ':' || status, ',') FROM (SELECT * FROM lot ORDER BY id)",
              "SELECT group_concat(id || ':' || to_status, ',') FROM (SELECT * FROM lot_status_event ORDER "
              "BY id)",
              "SELECT group_concat(id || ':' || counted || ':' || variance, ',') FROM (SELECT * FROM "
              "cash_session "
              "WHERE terminal_id = (SELECT terminal_id FROM lot LIMIT 1) ORDER BY id)"}) {
            const QString q = QString::fromLatin1(sql);
            QCOMPARE(m_y.scalar(q).toString(), m_x.scalar(q).toString());
        }
        QCOMPARE(m_y.integer(QStringLiteral("SELECT count(*) FROM charge WHERE active = 1")), qint64(1));
        QCOMPARE(m_y.scalar(QStringLiteral("SELECT status FROM lot WHERE id = ?1"), {spoiled->id.toString()})
                     .toString(),
                 QStringLiteral("discarded"));

        // Y sets the default rule (not acknowledged yet); X's newer rule arrives: Y's stays active.
        const qint64 before = m_x.integer(QStringLiteral("SELECT max(seq) FROM outbox"));
        MARKET_REQUIRE_OK(m_y.flatRule(std::nullopt, 700));
        MARKET_REQUIRE_OK(m_x.flatRule(std::nullopt, 1000));
        page.clear();
        for (const auto& c : feedOf(m_x, 1))
            if (c.position > before)
                page.push_back(c);
        stats = FeedApplier(m_y.store()).applyPage(page, QStringLiteral("e:7"));
        MARKET_REQUIRE_OK(stats);
        QCOMPARE(m_y.integer(
                     QStringLiteral("SELECT rate_bp FROM commission_rule WHERE active = 1 AND product_id IS "
                                    "NULL")),
                 qint64(700));
        QCOMPARE(m_y.integer(QStringLiteral(
                     "SELECT count(*) FROM commission_rule WHERE rate_bp = 1000 AND active = 0")),
                 qint64(1));
    }

    /// What this counter cannot accept — arithmetic that does not check out, another shop's
    /// document, an operation type it does not know — is parked with the reason, never written.
    void documentsThatCannotApplyAreParkedWithTheReason() {
        SaleRequest r;
        r.lines.push_back(StoreFixture::line(m_lot, u"1.000", u"40.00"));
        r.payments.push_back(StoreFixture::pay(PaymentMethod::Upi, u"40.60")); // with the 1.5 % cess
        auto sale = m_x.sales().sell(m_x.cashier, r);
        MARKET_REQUIRE_OK(sale);
        QJsonObject tampered = sale->toJson();
        tampered.insert(QStringLiteral("total"), sale->total.minor() + 1);
        QJsonObject foreignParty = m_x.parties().get(m_buyer)->toJson();
        foreignParty.insert(QStringLiteral("shopId"), Uuid::createV7(StoreFixture::kStartMs).toString());
        const QString terminal = m_x.store().identity()->terminalId.toString();
        const std::vector<FeedChange> page{
            {900'001, op::kSaleRecorded, sale->id.toString(), terminal, tampered},
            {900'002, op::kPartyUpsert, m_buyer.toString(), terminal, foreignParty},
            {900'003, QStringLiteral("future.thing"), sale->id.toString(), terminal, QJsonObject{}}};
        const qint64 parkedBefore = *FeedApplier(m_y.store()).parkedCount();
        auto stats = FeedApplier(m_y.store()).applyPage(page, QStringLiteral("e:8"));
        MARKET_REQUIRE_OK(stats);
        QCOMPARE(stats->parked, 3);
        QCOMPARE(stats->applied, 0);
        QCOMPARE(*FeedApplier(m_y.store()).parkedCount(), parkedBefore + 3);
        QCOMPARE(
            m_y.integer(QStringLiteral("SELECT count(*) FROM sale WHERE id = ?1"), {sale->id.toString()}),
            qint64(0));
        QStringList reasons;
        const auto parked = FeedApplier(m_y.store()).parked();
        MARKET_REQUIRE_OK(parked);
        for (const auto& p : *parked)
            if (p.position > 900'000)
                reasons << p.reason;
        QCOMPARE(reasons.size(), 3);
        QVERIFY2(reasons[1].contains(QStringLiteral("shop")), qPrintable(reasons[1]));
        QVERIFY2(reasons[2].contains(QStringLiteral("future.thing")), qPrintable(reasons[2]));

        // The sale as it really is applies, with its line's charges as X recorded them.
        stats = FeedApplier(m_y.store())
                    .applyPage({{900'004, op::kSaleRecorded, sale->id.toString(), terminal, sale->toJson()}},
                               QStringLiteral("e:9"));
        MARKET_REQUIRE_OK(stats);
        QCOMPARE(stats->applied, 1);
        const QString charges = QStringLiteral("SELECT group_concat(c.code || ':' || c.amount || ':' || "
                                               "l.buyer_charges || ':' || s.total, ',') FROM "
                                               "sale_line_charge c JOIN sale_line l ON l.id = c.sale_line_id "
                                               "JOIN sale s ON s.id = l.sale_id WHERE "
                                               "s.id = ?1");
        QCOMPARE(m_y.scalar(charges, {sale->id.toString()}).toString(),
                 m_x.scalar(charges, {sale->id.toString()}).toString());
        QVERIFY(!m_y.scalar(charges, {sale->id.toString()}).toString().isEmpty());
    }

    /// Today's rate set on X replaces Y's; a rate Y set and the server has not acknowledged stays
    /// on top of X's newer one until it is acknowledged; a cleared rate is cleared here too; a rate
    /// of a product not here yet is parked, not written.
    void ratesFollowTheServersOrderUnlessEditedHere() {
        const auto rateOnY = [&]() -> QVariant {
            return m_y.scalar(QStringLiteral("SELECT price FROM product_price WHERE product_id = ?1"),
                              {m_product.toString()});
        };
        const auto pageAfter = [&](qint64 seq) {
            std::vector<FeedChange> page;
            for (const auto& c : feedOf(m_x, 1))
                if (c.position > seq)
                    page.push_back(c);
            return page;
        };
        qint64 seen = m_x.integer(QStringLiteral("SELECT max(seq) FROM outbox"));
        MARKET_REQUIRE_OK(
            PriceService(m_x.store()).set(m_x.manager, m_product, market::test::money(u"42.50")));
        auto stats = FeedApplier(m_y.store()).applyPage(pageAfter(seen), QStringLiteral("e:20"));
        MARKET_REQUIRE_OK(stats);
        QCOMPARE(stats->applied, 1);
        QCOMPARE(rateOnY().toLongLong(), qint64(4250));
        auto rate = PriceService(m_y.store()).rateOf(m_product);
        MARKET_REQUIRE_OK(rate);
        QVERIFY(rate->has_value());
        QCOMPARE(**rate, market::test::money(u"42.50"));
        QCOMPARE(m_y.integer(QStringLiteral("SELECT count(*) FROM outbox WHERE type = 'price.upsert'")), 0);

        // Y's own rate, not acknowledged yet, and X's newer one: Y's stays.
        const qint64 yHighest = m_y.integer(QStringLiteral("SELECT coalesce(max(seq), 0) FROM outbox"));
        MARKET_REQUIRE_OK(Outbox::acknowledge(m_y.store(), yHighest, {}, StoreFixture::kStartMs));
        MARKET_REQUIRE_OK(
            PriceService(m_y.store()).set(m_y.manager, m_product, market::test::money(u"44.00")));
        seen = m_x.integer(QStringLiteral("SELECT max(seq) FROM outbox"));
        MARKET_REQUIRE_OK(
            PriceService(m_x.store()).set(m_x.manager, m_product, market::test::money(u"39.00")));
        const auto newer = pageAfter(seen);
        QCOMPARE(newer.size(), size_t(1));
        stats = FeedApplier(m_y.store()).applyPage(newer, QStringLiteral("e:21"));
        MARKET_REQUIRE_OK(stats);
        QCOMPARE(stats->localOnTop, 1);
        QCOMPARE(rateOnY().toLongLong(), qint64(4400));
        // Once the server has Y's edit, the feed's order decides again.
        MARKET_REQUIRE_OK(Outbox::acknowledge(m_y.store(), yHighest + 1, {}, StoreFixture::kStartMs));
        stats = FeedApplier(m_y.store()).applyPage(newer, QStringLiteral("e:22"));
        MARKET_REQUIRE_OK(stats);
        QCOMPARE(stats->applied, 1);
        QCOMPARE(rateOnY().toLongLong(), qint64(3900));

        // X clears it: cleared on Y (the row keeps its version), no rate offered.
        seen = m_x.integer(QStringLiteral("SELECT max(seq) FROM outbox"));
        MARKET_REQUIRE_OK(PriceService(m_x.store()).clear(m_x.manager, m_product));
        stats = FeedApplier(m_y.store()).applyPage(pageAfter(seen), QStringLiteral("e:23"));
        MARKET_REQUIRE_OK(stats);
        QCOMPARE(stats->applied, 1);
        QVERIFY(rateOnY().isNull());
        QVERIFY(!PriceService(m_y.store()).rateOf(m_product)->has_value());
        QCOMPARE(m_y.integer(QStringLiteral("SELECT version FROM product_price WHERE product_id = ?1"),
                             {m_product.toString()}),
                 m_x.integer(QStringLiteral("SELECT version FROM product_price WHERE product_id = ?1"),
                             {m_product.toString()}));

        // A rate of a product Y does not have yet waits parked.
        const Uuid ghost = Uuid::createV7(StoreFixture::kStartMs + 1);
        PriceDoc early;
        early.shopId = m_y.store().identity()->shopId;
        early.productId = ghost;
        early.id = PriceDoc::idFor(early.shopId, ghost);
        early.price = market::test::money(u"10.00");
        stats = FeedApplier(m_y.store())
                    .applyPage({{900'100, op::kPriceUpsert, early.id.toString(),
                                 m_x.store().identity()->terminalId.toString(), early.toJson()}},
                               QStringLiteral("e:24"));
        MARKET_REQUIRE_OK(stats);
        QCOMPARE(stats->parked, 1);
        QCOMPARE(m_y.integer(QStringLiteral("SELECT count(*) FROM product_price WHERE product_id = ?1"),
                             {ghost.toString()}),
                 qint64(0));
    }

    /// A page of the feed commits without waiting for the disk (a power cut that undoes it
    /// undoes its cursor too, and the page is pulled again); whatever becomes of it, the
    /// connection is back at synchronous=FULL for the sale the cashier makes next.
    void aPulledPageDoesNotWaitForTheDiskButTheNextSaleDoes() {
        const auto synchronous = [&] { return m_y.integer(QStringLiteral("PRAGMA synchronous")); };
        constexpr qint64 kNormal = 1, kFull = 2;
        QCOMPARE(synchronous(), kFull);
        {
            StoreTransaction tx(m_y.store().db(), Durability::Refetchable);
            MARKET_REQUIRE_OK(tx.begun());
            QCOMPARE(synchronous(), kNormal);
            MARKET_REQUIRE_OK(tx.commit());
            QCOMPARE(synchronous(), kFull);
        }
        {
            StoreTransaction tx(m_y.store().db(), Durability::Refetchable);
            MARKET_REQUIRE_OK(tx.begun());
            QCOMPARE(synchronous(), kNormal);
        } // rolled back
        QCOMPARE(synchronous(), kFull);
        {
            StoreTransaction tx(m_y.store().db());
            MARKET_REQUIRE_OK(tx.begun());
            QCOMPARE(synchronous(), kFull); // the default: everything a user does
        }
        // A page that applies (everything in it is here already) and one that cannot begin (a
        // transaction is open on the connection already).
        const auto feed = feedOf(m_x, 1);
        const QString cursor = *FeedApplier(m_y.store()).cursor();
        MARKET_REQUIRE_OK(FeedApplier(m_y.store()).applyPage(feed, cursor));
        QCOMPARE(synchronous(), kFull);
        {
            StoreTransaction holder(m_y.store().db()); // BEGIN inside BEGIN fails
            MARKET_REQUIRE_OK(holder.begun());
            QVERIFY(!FeedApplier(m_y.store()).applyPage(feed, cursor).ok());
            QCOMPARE(synchronous(), kFull);
        }
        QCOMPARE(synchronous(), kFull);
    }

    /// A new counter loading the shop's history (its sales decoded ahead) sets the report indexes
    /// aside and gets them back exactly as the schema made them, also after a crash in between;
    /// its books match X's.
    void aNewCountersHistoryLoadsInBulkAndItsReportIndexesComeBack() {
        StoreFixture z;
        const auto& shop = *m_x.store().identity();
        MARKET_REQUIRE_OK(
            z.setUp(StoreFixture::Options{},
                    Enrolment{QStringLiteral("http://127.0.0.1:1"), shop.shopId, shop.shopCode,
                              Uuid::createV7(StoreFixture::kStartMs), 3, StoreFixture::kStartMs}));
        // The list names each index with the SQL the schema created it with.
        const auto fresh = reportIndexes(z);
        QCOMPARE(fresh.size(), size_t(8));
        for (const auto& index : report_indexes::all())
            QCOMPARE(fresh.at(QString::fromLatin1(index.name)), QString::fromLatin1(index.sql));

        QCOMPARE(*FeedApplier(m_y.store()).hasNoHistory(), false); // Y has its cursor and sales
        {
            FeedApplier applier(z.store());
            QCOMPARE(*applier.hasNoHistory(), true);
            QCOMPARE(*applier.bulkLoadPending(), false);
            MARKET_REQUIRE_OK(applier.beginBulkLoad());
            QCOMPARE(*applier.bulkLoadPending(), true);
            for (const auto& [name, sql] : reportIndexes(z))
                QVERIFY2(sql.isEmpty(), qPrintable(name));
            const auto feed = feedOf(m_x, 1);
            for (size_t from = 0; from < feed.size(); from += 5) {
                const std::vector<FeedChange> page(feed.begin() + qsizetype(from),
                                                   feed.begin() + qsizetype(std::min(feed.size(), from + 5)));
                // As the sync engine's pull does: the sales decoded ahead (on another thread there).
                const auto decoded = FeedApplier::decodeSales(page);
                for (size_t i = 0; i < page.size(); ++i)
                    QCOMPARE(decoded[i] != nullptr, page[i].type == op::kSaleRecorded);
                MARKET_REQUIRE_OK(
                    applier.applyPage(page, QStringLiteral("e:%1").arg(page.back().position), &decoded));
            }
        } // the process dies here: the mark stays, the next pull finishes the load
        FeedApplier after(z.store());
        QCOMPARE(*after.bulkLoadPending(), true);
        QCOMPARE(*after.hasNoHistory(), false);
        MARKET_REQUIRE_OK(after.endBulkLoad());
        QCOMPARE(*after.bulkLoadPending(), false);
        QCOMPARE(reportIndexes(z), fresh);
        MARKET_REQUIRE_OK(after.endBulkLoad()); // again: nothing to do, nothing breaks
        QCOMPARE(reportIndexes(z), fresh);

        const Books x = books(m_x, m_lot, m_buyer, m_farmer);
        const Books onZ = books(z, m_lot, m_buyer, m_farmer);
        QVERIFY2(x == onZ, (describe(x) + " vs " + describe(onZ)).constData());
        QCOMPARE(count(z, "sale"), count(m_x, "sale"));
        QCOMPARE(count(z, "sale_line"), count(m_x, "sale_line"));
    }
};

QTEST_GUILESS_MAIN(FeedApplyTest)
#include "tst_feed_apply.moc"
