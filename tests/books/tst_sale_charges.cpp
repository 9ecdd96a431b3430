// Charges on real sales: every basis on a two-farmer bill, who pays commission, the terms kept
// on the sale, returns reversing charges in proportion, the farmer's statement, the day summary
// against plain SQL, the audit and outbox entries, and bad input that writes nothing.
#include "StoreFixture.h"
#include "services/ChargeService.h"
#include "services/FarmerPaymentService.h"
#include "services/PriceService.h"
#include "services/ReturnService.h"
#include "services/SettingsService.h"
#include "services/reports/ReportFilter.h"
#include "services/reports/SalesReports.h"

#include <QJsonDocument>

using namespace market::test;

class TestSaleCharges : public QObject {
    Q_OBJECT
    StoreFixture f;
    PartyDoc m_buyer;
    PartyDoc m_farmerA;
    PartyDoc m_farmerB;
    ProductDoc m_tomato;
    ProductDoc m_onion;
    LotDoc m_tomatoLot; // farmer A, 100 kg in 10 bags
    LotDoc m_onionLot;  // farmer B, 50 kg in 5 bags

    ChargeService charges() { return ChargeService(f.store()); }

    Result<ChargeDoc> setCharge(const char* code, ChargeBasis basis, qint64 rate, ChargePayer payer,
                                std::optional<Uuid> product = std::nullopt) {
        ChargeRule r;
        r.code = QString::fromLatin1(code);
        r.name = QStringLiteral("%1 fee").arg(r.code.toLower());
        r.basis = basis;
        r.rate = rate;
        r.payer = payer;
        r.productId = product;
        return charges().set(f.manager, r);
    }

    Result<LotDoc> bagLot(const PartyDoc& farmer, const ProductDoc& product, QStringView net, qint64 bags) {
        ArrivalRequest r;
        r.farmerId = farmer.id;
        r.productId = product.id;
        r.netQty = qty(net);
        r.packages = bags;
        return f.arrivals().recordArrival(f.cashier, r);
    }

    /// Tomato 25 kg @ ₹20.00 (₹500.00) and onion 10 kg @ ₹33.33 (₹333.30), ₹347.63 by UPI.
    Result<SaleDoc> standardSale() {
        SaleRequest r;
        r.buyerId = m_buyer.id;
        r.lines = {StoreFixture::line(m_tomatoLot.id, u"25", u"20"),
                   StoreFixture::line(m_onionLot.id, u"10", u"33.33")};
        r.payments = {StoreFixture::pay(PaymentMethod::Upi, u"347.63")};
        return f.sales().sell(f.cashier, r);
    }

    static Money chargeOf(const SaleLineDoc& l, const QString& code) {
        for (const auto& c : l.charges)
            if (c.code == code)
                return c.amount;
        return Money::fromMinor(-1);
    }

private slots:
    void initTestCase() { MARKET_REQUIRE_OK(f.setUp()); }

    void init() {
        MARKET_REQUIRE_OK(f.reset());
        m_farmerA = *f.farmer(QStringLiteral("Ramesh"));
        m_farmerB = *f.farmer(QStringLiteral("సీత"));
        m_tomato = *f.product(QStringLiteral("Tomato"));
        m_onion = *f.product(QStringLiteral("Onion"));
        MARKET_REQUIRE_OK(f.flatRule(std::nullopt, 500)); // 5 %
        m_tomatoLot = *bagLot(m_farmerA, m_tomato, u"100", 10);
        m_onionLot = *bagLot(m_farmerB, m_onion, u"50", 5);
        m_buyer = *f.buyer(QStringLiteral("Lakshmi Stores"), money(u"100000"));
        MARKET_REQUIRE_OK(setCharge("CESS", ChargeBasis::Percent, 100, ChargePayer::Buyer));       // 1 %
        MARKET_REQUIRE_OK(setCharge("HAMALI", ChargeBasis::PerPackage, 300, ChargePayer::Farmer)); // ₹3/bag
        MARKET_REQUIRE_OK(setCharge("WEIGH", ChargeBasis::PerLine, 200, ChargePayer::Farmer)); // ₹2/line
        MARKET_REQUIRE_OK(setCharge("BILL", ChargeBasis::PerBill, 500, ChargePayer::Buyer));   // ₹5/bill
        MARKET_REQUIRE_OK(
            setCharge("ONION", ChargeBasis::PerUnit, 10, ChargePayer::Buyer, m_onion.id)); // 10 p/kg
    }

    void saleCarriesItsCharges() {
        auto sale = standardSale();
        MARKET_REQUIRE_OK(sale);
        const SaleLineDoc& tomato = sale->lines.at(0);
        const SaleLineDoc& onion = sale->lines.at(1);
        // Worked by hand. Packages in proportion: 25/100 × 10 = 2.5 → 3 bags; 10/50 × 5 = 1 bag.
        QCOMPARE(tomato.packages, 3);
        QCOMPARE(onion.packages, 1);
        QCOMPARE(chargeOf(tomato, u"CESS"_qs), money(u"5.00"));
        QCOMPARE(chargeOf(tomato, u"HAMALI"_qs), money(u"9.00"));
        QCOMPARE(chargeOf(tomato, u"WEIGH"_qs), money(u"2.00"));
        // ₹5.00 per bill over 500.00 : 333.30 → 300.01 p and 199.99 p → 3.00 and 2.00.
        QCOMPARE(chargeOf(tomato, u"BILL"_qs), money(u"3.00"));
        QCOMPARE(chargeOf(tomato, u"ONION"_qs), Money::fromMinor(-1)); // not an onion line
        QCOMPARE(chargeOf(onion, u"CESS"_qs), money(u"3.33"));
        QCOMPARE(chargeOf(onion, u"BILL"_qs), money(u"2.00"));
        QCOMPARE(chargeOf(onion, u"ONION"_qs), money(u"1.00"));
        QCOMPARE(tomato.commission, money(u"25.00"));
        QCOMPARE(onion.commission, money(u"16.67")); // 16.665 half-up
        QCOMPARE(tomato.buyerCharges, money(u"8.00"));
        QCOMPARE(tomato.farmerCharges, money(u"11.00"));
        QCOMPARE(tomato.farmerNet, money(u"464.00"));
        QCOMPARE(onion.buyerCharges, money(u"6.33"));
        QCOMPARE(onion.farmerCharges, money(u"5.00"));
        QCOMPARE(onion.farmerNet, money(u"311.63"));
        QCOMPARE(sale->total, money(u"847.63"));
        QCOMPARE(sale->credit, money(u"500.00"));
        // Credit split over the farmers' goods and the shop's own part, exactly.
        Money shopPart;
        Money details;
        for (const auto& d : sale->creditDetails) {
            details += d.amount;
            if (!d.farmerId)
                shopPart += d.amount;
        }
        QCOMPARE(details, sale->credit);
        QVERIFY(shopPart.isPositive());
        MARKET_REQUIRE_OK(sale->verifyArithmetic());

        // What was stored reads back identically, and plain SQL agrees with the invariants.
        auto stored = f.sales().sale(sale->id);
        MARKET_REQUIRE_OK(stored);
        QCOMPARE(stored->toJson(), sale->toJson());
        QCOMPARE(f.integer(QStringLiteral("SELECT count(*) FROM sale_line_charge")), 9);
        QCOMPARE(f.integer(QStringLiteral(
                     "SELECT count(*) FROM sale_line l WHERE l.buyer_charges + l.farmer_charges != "
                     "(SELECT sum(amount) FROM sale_line_charge c WHERE c.sale_line_id = l.id)")),
                 0);
        QCOMPARE(
            f.integer(QStringLiteral(
                "SELECT s.total - (SELECT sum(amount + buyer_charges + commission_by_buyer * commission) "
                "FROM sale_line WHERE sale_id = s.id) FROM sale s")),
            0);
        // The quote the cart shows is the same arithmetic, by code.
        SaleRequest r;
        r.buyerId = m_buyer.id;
        r.lines = {StoreFixture::line(m_onionLot.id, u"1", u"10")};
        auto quote = f.sales().quote(f.cashier, r);
        MARKET_REQUIRE_OK(quote);
        QCOMPARE(quote->goods, money(u"10.00"));
        QCOMPARE(quote->buyerCharges, money(u"5.20"));  // 0.10 cess + 5.00 bill + 0.10 onion
        QCOMPARE(quote->farmerCharges, money(u"5.00")); // one bag + one line
        QCOMPARE(quote->total, money(u"15.20"));
        QCOMPARE(quote->charges.size(), size_t(5));
    }

    void laterChangesNeverAlterPastSales() {
        auto sale = standardSale();
        MARKET_REQUIRE_OK(sale);
        const QJsonObject before = f.sales().sale(sale->id)->toJson();
        auto cess = setCharge("CESS", ChargeBasis::Percent, 200, ChargePayer::Buyer);
        MARKET_REQUIRE_OK(cess);
        QCOMPARE(cess->version, 2);
        MARKET_REQUIRE_OK(charges().retire(f.manager, QStringLiteral("bill")));
        QCOMPARE(f.sales().sale(sale->id)->toJson(), before);
        SaleRequest r;
        r.buyerId = m_buyer.id;
        r.lines = {StoreFixture::line(m_tomatoLot.id, u"10", u"20")};
        auto next = f.sales().sell(f.cashier, r);
        MARKET_REQUIRE_OK(next);
        QCOMPARE(chargeOf(next->lines.at(0), u"CESS"_qs), money(u"4.00")); // 2 % now
        QCOMPARE(chargeOf(next->lines.at(0), u"BILL"_qs), Money::fromMinor(-1));
        QCOMPARE(charges().active()->size(), size_t(4));
        // Each change is audited and queued for the server: set ×6, retire ×2 (CESS v1, BILL).
        QCOMPARE(f.integer(QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'charge'")), 8);
        QCOMPARE(f.integer(QStringLiteral("SELECT count(*) FROM outbox WHERE type = 'charge.upsert'")), 8);
        QCOMPARE(f.integer(QStringLiteral("SELECT count(*) FROM outbox WHERE type = 'charge.upsert' AND "
                                          "json_extract(payload, '$.active') = 0")),
                 2);
    }

    void commissionPaidByTheBuyer() {
        MARKET_REQUIRE_OK(
            SettingsService(f.store()).setInteger(f.manager, QStringLiteral("commission_paid_by_buyer"), 1));
        auto sale = standardSale();
        MARKET_REQUIRE_OK(sale);
        QVERIFY(sale->commissionByBuyer);
        QCOMPARE(sale->lines.at(0).farmerNet, money(u"489.00")); // 500 − 11 charges, no commission
        QCOMPARE(sale->total, money(u"847.63") + money(u"25.00") + money(u"16.67"));
        MARKET_REQUIRE_OK(sale->verifyArithmetic());
        QCOMPARE(*FarmerPaymentService(f.store()).payable(m_farmerA.id), money(u"489.00"));
        auto st = FarmerPaymentService(f.store()).statement(m_farmerA.id, StoreFixture::kStartMs - 1,
                                                            f.clock.nowMs() + 1);
        MARKET_REQUIRE_OK(st);
        QCOMPARE(st->commission, Money{}); // nothing deducted for commission
        QCOMPARE(st->farmerCharges, money(u"11.00"));
        // A past sale keeps the payer it was made with.
        MARKET_REQUIRE_OK(
            SettingsService(f.store()).setInteger(f.manager, QStringLiteral("commission_paid_by_buyer"), 0));
        QVERIFY(f.sales().sale(sale->id)->commissionByBuyer);
    }

    void returnsReverseChargesExactly() {
        auto sale = standardSale();
        MARKET_REQUIRE_OK(sale);
        const SaleLineDoc line = sale->lines.at(0);
        ReturnService returns(f.store());
        Money amount, commission, buyerCharges, farmerCharges, net, total;
        for (QStringView part : {u"10", u"10", u"5"}) {
            ReturnRequest r;
            r.saleId = sale->id;
            r.lines = {ReturnLineRequest{line.id, qty(part)}};
            r.reason = QStringLiteral("bruised");
            auto ret = returns.returnGoods(f.cashier, r);
            MARKET_REQUIRE_OK(ret);
            MARKET_REQUIRE_OK(ret->verifyArithmetic());
            const ReturnLineDoc& rl = ret->lines.front();
            amount += rl.amount;
            commission += rl.commission;
            buyerCharges += rl.buyerCharges;
            farmerCharges += rl.farmerCharges;
            net += rl.farmerNet;
            total += ret->total;
        }
        QCOMPARE(amount, line.amount);
        QCOMPARE(commission, line.commission);
        QCOMPARE(buyerCharges, line.buyerCharges);
        QCOMPARE(farmerCharges, line.farmerCharges);
        QCOMPARE(net, line.farmerNet);
        QCOMPARE(total, line.billed(false)); // the buyer gets the line and its charges back
        // The farmer's payable now counts only the onion farmer's line.
        QCOMPARE(*FarmerPaymentService(f.store()).payable(m_farmerA.id), Money{});
        QCOMPARE(f.integer(QStringLiteral("SELECT sum(buyer_charges) FROM return_line")),
                 line.buyerCharges.minor());
    }

    void statementAndDaySummaryShowCharges() {
        MARKET_REQUIRE_OK(standardSale());
        auto st = FarmerPaymentService(f.store()).statement(m_farmerA.id, StoreFixture::kStartMs - 1,
                                                            f.clock.nowMs() + 1);
        MARKET_REQUIRE_OK(st);
        QCOMPARE(st->commission, money(u"25.00"));
        QCOMPARE(st->farmerCharges, money(u"11.00"));
        QCOMPARE(st->charges.size(), size_t(2));
        QCOMPARE(st->charges.at(0).code, QStringLiteral("HAMALI"));
        QCOMPARE(st->charges.at(0).amount, money(u"9.00"));
        QCOMPARE(st->closingBalance, money(u"464.00"));
        auto day = SalesReports(f.store()).daily(
            ReportFilter{StoreFixture::kStartMs - 1, f.clock.nowMs() + 1, {}, {}, {}, {}, {}});
        MARKET_REQUIRE_OK(day);
        QCOMPARE(day->totals.buyerCharges.minor(),
                 f.integer(QStringLiteral("SELECT sum(amount) FROM sale_line_charge WHERE payer = 'buyer'")));
        QCOMPARE(
            day->totals.farmerCharges.minor(),
            f.integer(QStringLiteral("SELECT sum(amount) FROM sale_line_charge WHERE payer = 'farmer'")));
        QCOMPARE(day->totals.salesValue, money(u"847.63"));
    }

    void badInputWritesNothing() {
        const QByteArray before = f.dump();
        MARKET_REQUIRE_ERROR(setCharge("NEG", ChargeBasis::PerLine, -1, ChargePayer::Buyer),
                             ErrorCode::InvalidInput);
        MARKET_REQUIRE_ERROR(setCharge("PCT", ChargeBasis::Percent, 10001, ChargePayer::Buyer),
                             ErrorCode::InvalidInput);
        MARKET_REQUIRE_ERROR(
            setCharge("HUGE", ChargeBasis::PerBill, Money::kMaxInput + 1, ChargePayer::Buyer),
            ErrorCode::InvalidInput);
        MARKET_REQUIRE_ERROR(setCharge("A B", ChargeBasis::PerLine, 1, ChargePayer::Buyer),
                             ErrorCode::InvalidInput);
        MARKET_REQUIRE_ERROR(setCharge("X'; DROP TABLE sale;--", ChargeBasis::PerLine, 1, ChargePayer::Buyer),
                             ErrorCode::InvalidInput);
        MARKET_REQUIRE_ERROR(
            setCharge("GHOST", ChargeBasis::PerLine, 1, ChargePayer::Buyer, f.store().newId()),
            ErrorCode::NotFound);
        MARKET_REQUIRE_ERROR(charges().retire(f.manager, QStringLiteral("NOPE")), ErrorCode::NotFound);
        ChargeRule byCashier{
            {}, QStringLiteral("TIP"), QStringLiteral("Tip"), ChargeBasis::PerLine, 100, ChargePayer::Buyer,
            {}};
        MARKET_REQUIRE_ERROR(charges().set(f.cashier, byCashier), ErrorCode::Forbidden);
        QCOMPARE(f.dump(), before);

        // A sale whose farmer-side deductions would pass the line's amount is refused whole.
        MARKET_REQUIRE_OK(setCharge("TRUCK", ChargeBasis::PerLine, 5000, ChargePayer::Farmer)); // ₹50 a line
        const QByteArray beforeSale = f.dump();
        SaleRequest r;
        r.buyerId = m_buyer.id;
        r.lines = {StoreFixture::line(m_tomatoLot.id, u"1", u"20")}; // ₹20 of goods
        MARKET_REQUIRE_ERROR(f.sales().sell(f.cashier, r), ErrorCode::InvalidInput);
        r.lines = {StoreFixture::line(m_tomatoLot.id, u"10", u"20")};
        r.lines[0].packages = -1;
        MARKET_REQUIRE_ERROR(f.sales().sell(f.cashier, r), ErrorCode::InvalidInput);
        r.lines[0].packages = SaleService::kMaxPackages + 1;
        MARKET_REQUIRE_ERROR(f.sales().sell(f.cashier, r), ErrorCode::InvalidInput);
        QCOMPARE(f.dump(), beforeSale);
        // An explicit package count is taken as given.
        r.lines[0].packages = 0;
        auto sale = f.sales().sell(f.cashier, r);
        MARKET_REQUIRE_OK(sale);
        QCOMPARE(chargeOf(sale->lines.at(0), u"HAMALI"_qs), Money{});

        // At most kMaxActive charges.
        for (int i = charges().active()->size(); i < ChargeService::kMaxActive; ++i)
            MARKET_REQUIRE_OK(setCharge(qPrintable(QStringLiteral("F%1").arg(i)), ChargeBasis::PerLine, 0,
                                        ChargePayer::Buyer));
        MARKET_REQUIRE_ERROR(setCharge("ONEMORE", ChargeBasis::PerLine, 0, ChargePayer::Buyer),
                             ErrorCode::InvalidInput);
        // … but replacing one of them is fine.
        MARKET_REQUIRE_OK(setCharge("F9", ChargeBasis::PerLine, 1, ChargePayer::Buyer));
    }

    /// Today's rate is master data: a manager sets it (audit entry and price.upsert in the
    /// outbox, under the id both sides derive), the owner changes it (version 2), clearing keeps
    /// the row's version; a sale's own agreed price is never replaced by the rate.
    void productRatesAreVersionedMasterData() {
        PriceService prices(f.store());
        const qint64 outboxBefore = f.integer(QStringLiteral("SELECT count(*) FROM outbox"));
        auto first = prices.set(f.manager, m_tomato.id, money(u"42.50"));
        MARKET_REQUIRE_OK(first);
        QCOMPARE(first->version, qint64(1));
        QCOMPARE(first->id, PriceDoc::idFor(f.manager.shopId, m_tomato.id));
        QCOMPARE(first->id.version(), 5);
        auto rate = prices.rateOf(m_tomato.id);
        MARKET_REQUIRE_OK(rate);
        QVERIFY(rate->has_value());
        QCOMPARE(**rate, money(u"42.50"));
        QVERIFY(!prices.rateOf(m_onion.id)->has_value());

        auto second = prices.set(f.owner, m_tomato.id, money(u"40"));
        MARKET_REQUIRE_OK(second);
        QCOMPARE(second->version, qint64(2));
        const QString id = first->id.toString();
        QCOMPARE(f.integer(QStringLiteral("SELECT count(*) FROM outbox")), outboxBefore + 2);
        const QString lastPayload = QStringLiteral(
            "SELECT payload FROM outbox WHERE type = 'price.upsert' ORDER BY seq DESC LIMIT 1");
        QCOMPARE(QJsonDocument::fromJson(f.scalar(lastPayload).toString().toUtf8()).object(),
                 second->toJson());
        QCOMPARE(f.integer(QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'price' AND "
                                          "action = 'price.set' AND entity_id = ?1"),
                           {id}),
                 qint64(2));
        auto listed = prices.list();
        MARKET_REQUIRE_OK(listed);
        QCOMPARE(listed->size(), size_t(1));
        QCOMPARE(listed->at(0).product.code, m_tomato.code);
        QCOMPARE(listed->at(0).price, money(u"40.00"));
        QCOMPARE(listed->at(0).updatedBy, f.owner.username);

        // The price of a sale is agreed at the counter: the rate does not replace it.
        SaleRequest r;
        r.buyerId = m_buyer.id;
        r.lines = {StoreFixture::line(m_tomatoLot.id, u"10", u"45")};
        auto sale = f.sales().sell(f.cashier, r);
        MARKET_REQUIRE_OK(sale);
        QCOMPARE(sale->lines.at(0).price, money(u"45.00"));

        auto cleared = prices.clear(f.manager, m_tomato.id);
        MARKET_REQUIRE_OK(cleared);
        QCOMPARE(cleared->version, qint64(3));
        QVERIFY(!cleared->price);
        QVERIFY(!prices.rateOf(m_tomato.id)->has_value());
        QCOMPARE(prices.list()->size(), size_t(0));
        QVERIFY(QJsonDocument::fromJson(f.scalar(lastPayload).toString().toUtf8())
                    .object()
                    .value(QStringLiteral("price"))
                    .isNull());
        QCOMPARE(f.integer(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'price.clear'")),
                 qint64(1));
        // Set again after a clear: the version goes on.
        QCOMPARE(prices.set(f.manager, m_tomato.id, money(u"41"))->version, qint64(4));
    }

    /// A cashier is refused with a message that says a manager must; zero, negative and huge
    /// rates, an unknown product and clearing a rate that is not there write nothing. The document
    /// codec refuses an id that is not the one of (shop, product), and non-integer prices.
    void badRatesWriteNothing() {
        PriceService prices(f.store());
        MARKET_REQUIRE_OK(prices.set(f.manager, m_onion.id, money(u"30")));
        const QByteArray before = f.dump();
        auto byCashier = prices.set(f.cashier, m_tomato.id, money(u"42.50"));
        MARKET_REQUIRE_ERROR(byCashier, ErrorCode::Forbidden);
        QVERIFY2(byCashier.error().message.contains(QStringLiteral("manager")),
                 qPrintable(byCashier.error().message));
        MARKET_REQUIRE_ERROR(prices.clear(f.cashier, m_onion.id), ErrorCode::Forbidden);
        MARKET_REQUIRE_ERROR(prices.set(f.manager, m_tomato.id, Money{}), ErrorCode::InvalidInput);
        MARKET_REQUIRE_ERROR(prices.set(f.manager, m_tomato.id, money(u"-1")), ErrorCode::InvalidInput);
        MARKET_REQUIRE_ERROR(prices.set(f.manager, m_tomato.id, Money::fromMinor(Money::kMaxInput + 1)),
                             ErrorCode::InvalidInput);
        MARKET_REQUIRE_ERROR(prices.set(f.manager, f.store().newId(), money(u"1")), ErrorCode::NotFound);
        MARKET_REQUIRE_ERROR(prices.clear(f.manager, m_tomato.id), ErrorCode::NotFound);
        QCOMPARE(f.dump(), before);

        PriceDoc good;
        good.shopId = f.manager.shopId;
        good.productId = m_tomato.id;
        good.id = PriceDoc::idFor(good.shopId, good.productId);
        good.price = money(u"1.00");
        MARKET_REQUIRE_OK(PriceDoc::fromJson(good.toJson()));
        const auto with = [&](const char* key, const QJsonValue& v) {
            QJsonObject o = good.toJson();
            o.insert(QString::fromLatin1(key), v);
            return PriceDoc::fromJson(o);
        };
        MARKET_REQUIRE_ERROR(with("id", PriceDoc::idFor(good.shopId, m_onion.id).toString()),
                             ErrorCode::InvalidInput);
        MARKET_REQUIRE_ERROR(with("price", 0), ErrorCode::InvalidInput);
        MARKET_REQUIRE_ERROR(with("price", 1.5), ErrorCode::InvalidInput);
        MARKET_REQUIRE_ERROR(with("price", QStringLiteral("100")), ErrorCode::InvalidInput);
        MARKET_REQUIRE_ERROR(with("version", 0), ErrorCode::InvalidInput);
        QJsonObject noPrice = good.toJson();
        noPrice.remove(QStringLiteral("price"));
        MARKET_REQUIRE_ERROR(PriceDoc::fromJson(noPrice), ErrorCode::InvalidInput);
    }

    void storeRefusesAnInconsistentLine() {
        MARKET_REQUIRE_OK(standardSale());
        // Defence in depth: the table's CHECK holds even for a writer that skips the services.
        const Status st = f.store().db().execScript(
            "INSERT INTO sale_line (id, sale_id, line_no, lot_id, product_id, farmer_id, qty, price, amount, "
            "commission_bp, commission, farmer_net, packages, buyer_charges, farmer_charges, "
            "commission_by_buyer) SELECT 'x-' || id, sale_id, line_no + 100, lot_id, product_id, farmer_id, "
            "qty, "
            "price, amount, commission_bp, commission, farmer_net, packages, buyer_charges, farmer_charges + "
            "1, "
            "commission_by_buyer FROM sale_line LIMIT 1",
            "a raw insert");
        QVERIFY(!st.ok());
        QVERIFY(st.error().message.contains(QStringLiteral("CHECK"), Qt::CaseInsensitive));
    }
};

QTEST_GUILESS_MAIN(TestSaleCharges)
#include "tst_sale_charges.moc"
