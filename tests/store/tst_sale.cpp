#include "StoreFixture.h"
#include "store/Journal.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace market::test;

namespace {
CommissionRule slabRule() {
    // 3 % for 0–100 kg, 5 % for 100–500 kg, 7 % above.
    CommissionRule r;
    r.kind = CommissionKind::Slab;
    r.slabs = {
        {qty(u"0"), qty(u"100"), 300}, {qty(u"100"), qty(u"500"), 500}, {qty(u"500"), std::nullopt, 700}};
    return r;
}

// "cash:600;upi:400" → payments
std::vector<PaymentRequest> payments(const QString& spec) {
    std::vector<PaymentRequest> out;
    for (const QString& part : spec.split(u';', Qt::SkipEmptyParts)) {
        const auto kv = part.split(u':');
        out.push_back(PaymentRequest{*paymentMethodFromName(kv.at(0)), money(kv.at(1)), {}});
    }
    return out;
}

QJsonObject parseObject(const QVariant& v) {
    return QJsonDocument::fromJson(v.toString().toUtf8()).object();
}
} // namespace

class TestSale : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { MARKET_REQUIRE_OK(m_fx.setUp()); }
    void init() {
        MARKET_REQUIRE_OK(m_fx.reset());
        m_fx.clock.advanceMs(60'000);
    }

    void pricing_data();
    void pricing();
    void ruleChangeDoesNotAlterPastSale();
    void payments_data();
    void payments();
    void creditSplitPerFarmer_data();
    void creditSplitPerFarmer();
    void creditLimitAndOverride();
    void soldOutLotCloses();
    void receiptsOutboxAndAudit();

private:
    StoreFixture m_fx;
};

void TestSale::pricing_data() {
    QTest::addColumn<QString>("rule"); // flat5 | slab | override2 (product 2 % over shop 5 %) | none
    QTest::addColumn<QString>("quantity");
    QTest::addColumn<QString>("price");
    QTest::addColumn<qint64>("amount"); // paise
    QTest::addColumn<qint64>("rateBp");
    QTest::addColumn<qint64>("commission");

    // Line amount = qty × price, rounded half-up to a paisa.
    QTest::newRow("exact") << "flat5"
                           << "10"
                           << "100.00" << qint64(100000) << qint64(500) << qint64(5000);
    QTest::newRow("half paisa rounds up") << "flat5"
                                          << "0.125"
                                          << "0.04" << qint64(1) << qint64(500) << qint64(0);
    QTest::newRow("below half rounds down")
        << "flat5"
        << "2.345"
        << "10.10" << qint64(2368) << qint64(500) << qint64(118); // 23.6845 → 23.68; 5 % = 118.4 → 118
    QTest::newRow("x.5 paisa up") << "flat5"
                                  << "1.5"
                                  << "33.33" << qint64(5000) << qint64(500) << qint64(250);
    QTest::newRow("commission half-up")
        << "flat5"
        << "23.7"
        << "1.00" << qint64(2370) << qint64(500) << qint64(119); // 118.5 → 119
    QTest::newRow("no rule: 0 %") << "none"
                                  << "3"
                                  << "7.00" << qint64(2100) << qint64(0) << qint64(0);
    // The slab is chosen by the line's own quantity; a slab's upper bound belongs to the next.
    QTest::newRow("slab low") << "slab"
                              << "99.999"
                              << "1.00" << qint64(10000) << qint64(300) << qint64(300);
    QTest::newRow("slab boundary 100") << "slab"
                                       << "100"
                                       << "1.00" << qint64(10000) << qint64(500) << qint64(500);
    QTest::newRow("slab mid") << "slab"
                              << "250.5"
                              << "2.00" << qint64(50100) << qint64(500) << qint64(2505);
    QTest::newRow("slab boundary 500") << "slab"
                                       << "500"
                                       << "1.00" << qint64(50000) << qint64(700) << qint64(3500);
    QTest::newRow("product override beats default")
        << "override2"
        << "10"
        << "100.00" << qint64(100000) << qint64(200) << qint64(2000);
}

void TestSale::pricing() {
    QFETCH(QString, rule);
    QFETCH(QString, quantity);
    QFETCH(QString, price);
    QFETCH(qint64, amount);
    QFETCH(qint64, rateBp);
    QFETCH(qint64, commission);

    auto farmer = m_fx.farmer(QStringLiteral("Ramesh"));
    MARKET_REQUIRE_OK(farmer);
    auto product = m_fx.product(QStringLiteral("Marigold"));
    MARKET_REQUIRE_OK(product);
    if (rule == u"flat5" || rule == u"override2")
        MARKET_REQUIRE_OK(m_fx.flatRule(std::nullopt, 500));
    if (rule == u"override2")
        MARKET_REQUIRE_OK(m_fx.flatRule(product->id, 200));
    if (rule == u"slab")
        MARKET_REQUIRE_OK(m_fx.catalog().setCommissionRule(m_fx.manager, std::nullopt, slabRule()));
    auto lot = m_fx.lot(farmer->id, product->id, qty(u"1000"));
    MARKET_REQUIRE_OK(lot);

    SaleRequest r;
    r.lines = {StoreFixture::line(lot->id, quantity, price)};
    // Pay ₹100 more in cash than the line comes to: the surplus must come back as change.
    const Money tendered = Money::fromMinor(amount) + money(u"100");
    r.payments = {PaymentRequest{PaymentMethod::Cash, tendered, {}}};
    auto quote = m_fx.sales().quote(m_fx.cashier, r);
    MARKET_REQUIRE_OK(quote);
    QCOMPARE(quote->total.minor(), amount);
    auto sale = m_fx.sales().sell(m_fx.cashier, r);
    MARKET_REQUIRE_OK(sale);
    QCOMPARE(sale->total.minor(), amount);
    QCOMPARE(sale->change, money(u"100"));
    QCOMPARE(sale->credit, Money{});

    const auto row =
        m_fx.rows(QStringLiteral("SELECT amount, commission_bp, commission, farmer_net, qty, price "
                                 "FROM sale_line WHERE sale_id = ?1"),
                  {sale->id.toString()});
    QCOMPARE(row.size(), qsizetype(1));
    QCOMPARE(row[0][0].toLongLong(), amount);
    QCOMPARE(row[0][1].toLongLong(), rateBp);
    QCOMPARE(row[0][2].toLongLong(), commission);
    QCOMPARE(row[0][3].toLongLong(), amount - commission);
    QCOMPARE(row[0][4].toLongLong(), qty(quantity).thousandths());
    QCOMPARE(row[0][5].toLongLong(), money(price).minor());
    QCOMPARE(m_fx.integer(QStringLiteral("SELECT total FROM sale WHERE id = ?1"), {sale->id.toString()}),
             amount);
}

void TestSale::ruleChangeDoesNotAlterPastSale() {
    auto farmer = m_fx.farmer(QStringLiteral("Suresh"));
    auto product = m_fx.product(QStringLiteral("Rose"));
    MARKET_REQUIRE_OK(farmer);
    MARKET_REQUIRE_OK(product);
    MARKET_REQUIRE_OK(m_fx.flatRule(std::nullopt, 500));
    auto lot = m_fx.lot(farmer->id, product->id, qty(u"100"));
    MARKET_REQUIRE_OK(lot);
    SaleRequest r;
    r.lines = {StoreFixture::line(lot->id, u"10", u"50.00")};
    r.payments = {StoreFixture::pay(PaymentMethod::Cash, u"500.00")};
    auto first = m_fx.sales().sell(m_fx.cashier, r);
    MARKET_REQUIRE_OK(first);
    QCOMPARE(first->lines.at(0).commission, money(u"25.00"));

    MARKET_REQUIRE_OK(m_fx.flatRule(std::nullopt, 800));
    MARKET_REQUIRE_OK(m_fx.flatRule(product->id, 1000));
    auto second = m_fx.sales().sell(m_fx.cashier, r);
    MARKET_REQUIRE_OK(second);
    QCOMPARE(second->lines.at(0).commissionBp, qint64(1000));
    QCOMPARE(second->lines.at(0).commission, money(u"50.00"));

    auto again = m_fx.sales().sale(first->id);
    MARKET_REQUIRE_OK(again);
    QCOMPARE(again->lines.at(0).commissionBp, qint64(500));
    QCOMPARE(again->lines.at(0).commission, money(u"25.00"));
    QCOMPARE(again->lines.at(0).farmerNet, money(u"475.00"));
    // Retired rules are kept, not edited: two shop-wide versions and one product rule.
    QCOMPARE(m_fx.integer(QStringLiteral("SELECT count(*) FROM commission_rule WHERE product_id IS NULL")),
             qint64(2));
    QCOMPARE(m_fx.integer(QStringLiteral("SELECT count(*) FROM commission_rule WHERE active = 1")),
             qint64(2));
}

void TestSale::payments_data() {
    // The bill is always ₹1,000.00 (10 kg at ₹100).
    QTest::addColumn<bool>("walkin");
    QTest::addColumn<QString>("tendered");
    QTest::addColumn<int>("error");       // -1: accepted
    QTest::addColumn<QString>("applied"); // payments as stored on the bill
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("credit");

    const int ok = -1;
    QTest::newRow("cash exact") << true << "cash:1000" << ok << "cash:1000"
                                << "0"
                                << "0";
    QTest::newRow("cash + upi") << true << "cash:600;upi:400" << ok << "cash:600;upi:400"
                                << "0"
                                << "0";
    QTest::newRow("cash change") << true << "cash:1200" << ok << "cash:1000"
                                 << "200"
                                 << "0";
    QTest::newRow("upi + cash with change") << true << "upi:400;cash:700" << ok << "upi:400;cash:600"
                                            << "100"
                                            << "0";
    QTest::newRow("change from cash only")
        << true << "cash:50;card:900;cash:100" << ok << "cash:50;card:900;cash:50"
        << "50"
        << "0";
    QTest::newRow("all methods") << false << "upi:100;card:100;bank:100;cheque:100;wallet:100;cash:500" << ok
                                 << "upi:100;card:100;bank:100;cheque:100;wallet:100;cash:500"
                                 << "0"
                                 << "0";
    QTest::newRow("non-cash over the bill") << true << "upi:1200" << int(ErrorCode::Overpayment) << ""
                                            << ""
                                            << "";
    QTest::newRow("two non-cash over the bill")
        << false << "card:500;upi:600" << int(ErrorCode::Overpayment) << ""
        << ""
        << "";
    QTest::newRow("buyer part on credit") << false << "cash:300" << ok << "cash:300"
                                          << "0"
                                          << "700";
    QTest::newRow("buyer all on credit") << false << "" << ok << ""
                                         << "0"
                                         << "1000";
    QTest::newRow("walk-in part on credit") << true << "cash:300" << int(ErrorCode::InvalidInput) << ""
                                            << ""
                                            << "";
    QTest::newRow("walk-in nothing paid") << true << "" << int(ErrorCode::InvalidInput) << ""
                                          << ""
                                          << "";
}

void TestSale::payments() {
    QFETCH(bool, walkin);
    QFETCH(QString, tendered);
    QFETCH(int, error);
    QFETCH(QString, applied);
    QFETCH(QString, change);
    QFETCH(QString, credit);

    auto farmer = m_fx.farmer(QStringLiteral("Lakshmi"));
    auto product = m_fx.product(QStringLiteral("Jasmine"));
    auto buyer = m_fx.buyer(QStringLiteral("Hotel Annapurna"), money(u"5000"));
    MARKET_REQUIRE_OK(farmer);
    MARKET_REQUIRE_OK(product);
    MARKET_REQUIRE_OK(buyer);
    auto lot = m_fx.lot(farmer->id, product->id, qty(u"50"));
    MARKET_REQUIRE_OK(lot);

    SaleRequest r;
    if (!walkin)
        r.buyerId = buyer->id;
    r.lines = {StoreFixture::line(lot->id, u"10", u"100")};
    r.payments = ::payments(tendered);
    const QByteArray before = m_fx.dump();
    auto sale = m_fx.sales().sell(m_fx.cashier, r);
    if (error >= 0) {
        MARKET_REQUIRE_ERROR(sale, ErrorCode(error));
        QCOMPARE(m_fx.dump(), before);
        return;
    }
    MARKET_REQUIRE_OK(sale);
    QCOMPARE(sale->change, money(change));
    QCOMPARE(sale->credit, money(credit));
    QCOMPARE(sale->paid + sale->credit, sale->total);

    QStringList stored;
    for (const auto& row :
         m_fx.rows(QStringLiteral("SELECT method, amount FROM sale_payment WHERE sale_id = ?1 "
                                  "ORDER BY rowid"),
                   {sale->id.toString()}))
        stored << row[0].toString() + u':' + Money::fromMinor(row[1].toLongLong()).toPlainString();
    QStringList expected;
    for (const auto& p : ::payments(applied))
        expected << paymentMethodName(p.method) + u':' + p.amount.toPlainString();
    QCOMPARE(stored, expected);
    QCOMPARE(
        m_fx.integer(QStringLiteral("SELECT change_given FROM sale WHERE id = ?1"), {sale->id.toString()}),
        money(change).minor());
    QCOMPARE(m_fx.integer(QStringLiteral("SELECT coalesce(sum(amount), 0) FROM credit WHERE sale_id = ?1"),
                          {sale->id.toString()}),
             money(credit).minor());
}

void TestSale::creditSplitPerFarmer_data() {
    // Lines "farmer:qty:price" (farmer 0..2), what the buyer pays, and each farmer's credit detail.
    QTest::addColumn<QString>("lines");
    QTest::addColumn<QString>("paid");
    QTest::addColumn<QString>("details"); // per farmer 0..2, "0" = no detail row

    QTest::newRow("₹10 over three equal farmers") << "0:1:10;1:1:10;2:1:10"
                                                  << "20"
                                                  << "3.34;3.33;3.33";
    QTest::newRow("₹100 over three, all credit") << "0:1:100;1:1:100;2:1:100"
                                                 << "200"
                                                 << "33.34;33.33;33.33";
    QTest::newRow("one paisa goes to the larger share") << "0:1:1;1:1:2"
                                                        << "2.99"
                                                        << "0;0.01;0";
    QTest::newRow("odd paisa, unequal goods") << "0:3:1;1:7:1;2:1:1.01"
                                              << "0.01"
                                              << "3.00;6.99;1.01";
    QTest::newRow("proportional") << "0:1:250;1:1:750"
                                  << "0"
                                  << "250;750;0";
    QTest::newRow("same farmer, two lots is one detail") << "0:1:40;0:1:60;1:1:100"
                                                         << "100"
                                                         << "50;50;0";
    QTest::newRow("thirds of a paisa") << "0:1:0.01;1:1:0.01;2:1:0.01"
                                       << "0.02"
                                       << "0.01;0;0";
}

void TestSale::creditSplitPerFarmer() {
    QFETCH(QString, lines);
    QFETCH(QString, paid);
    QFETCH(QString, details);

    auto product = m_fx.product(QStringLiteral("Tomato"));
    auto buyer = m_fx.buyer(QStringLiteral("Reddy Traders"), money(u"100000"));
    MARKET_REQUIRE_OK(product);
    MARKET_REQUIRE_OK(buyer);
    MARKET_REQUIRE_OK(m_fx.flatRule(std::nullopt, 500));
    std::vector<PartyDoc> farmers;
    std::vector<std::vector<Uuid>> lots(3);
    for (int i = 0; i < 3; ++i) {
        auto f = m_fx.farmer(QStringLiteral("Farmer %1").arg(i));
        MARKET_REQUIRE_OK(f);
        farmers.push_back(*f);
    }
    SaleRequest r;
    r.buyerId = buyer->id;
    for (const QString& spec : lines.split(u';')) {
        const auto p = spec.split(u':');
        const int farmer = p[0].toInt();
        auto lot = m_fx.lot(farmers[size_t(farmer)].id, product->id, qty(u"100"));
        MARKET_REQUIRE_OK(lot);
        r.lines.push_back(StoreFixture::line(lot->id, p[1], p[2]));
    }
    if (money(paid).isPositive())
        r.payments = {StoreFixture::pay(PaymentMethod::Cash, paid)};
    auto sale = m_fx.sales().sell(m_fx.cashier, r);
    MARKET_REQUIRE_OK(sale);
    QCOMPARE(sale->paid, money(paid));

    Money sum;
    const QStringList expected = details.split(u';');
    for (int i = 0; i < 3; ++i) {
        const auto got =
            m_fx.rows(QStringLiteral("SELECT d.amount FROM credit_detail d JOIN credit c ON c.id = "
                                     "d.credit_id WHERE c.sale_id = ?1 AND d.farmer_id = ?2"),
                      {sale->id.toString(), farmers[size_t(i)].id.toString()});
        const Money want = money(expected[i]);
        if (want.isZero()) {
            QVERIFY2(got.isEmpty(), "no detail row for a zero share");
            continue;
        }
        QCOMPARE(got.size(), qsizetype(1));
        QCOMPARE(got[0][0].toLongLong(), want.minor());
        sum += want;
    }
    QCOMPARE(sum, sale->credit);
    QCOMPARE(m_fx.integer(QStringLiteral("SELECT sum(d.amount) FROM credit_detail d JOIN credit c ON c.id = "
                                         "d.credit_id WHERE c.sale_id = ?1"),
                          {sale->id.toString()}),
             sale->credit.minor());
}

void TestSale::creditLimitAndOverride() {
    auto farmer = m_fx.farmer(QStringLiteral("Venkat"));
    auto product = m_fx.product(QStringLiteral("Chrysanthemum"));
    auto buyer = m_fx.buyer(QStringLiteral("Sai Florists"), money(u"1000"));
    MARKET_REQUIRE_OK(farmer);
    MARKET_REQUIRE_OK(product);
    MARKET_REQUIRE_OK(buyer);
    auto lot = m_fx.lot(farmer->id, product->id, qty(u"100"));
    MARKET_REQUIRE_OK(lot);

    // ₹600 on credit fits the ₹1,000 limit.
    SaleRequest r;
    r.buyerId = buyer->id;
    r.lines = {StoreFixture::line(lot->id, u"6", u"100")};
    MARKET_REQUIRE_OK(m_fx.sales().sell(m_fx.cashier, r));

    // Another ₹600 would make dues ₹1,200: refused, nothing written, the quote says so.
    auto quote = m_fx.sales().quote(m_fx.cashier, r);
    MARKET_REQUIRE_OK(quote);
    QVERIFY(quote->needsOverride);
    QCOMPARE(quote->buyerOutstanding, money(u"600"));
    const QByteArray before = m_fx.dump();
    MARKET_REQUIRE_ERROR(m_fx.sales().sell(m_fx.cashier, r), ErrorCode::CreditLimitExceeded);
    QCOMPARE(m_fx.dump(), before);

    // A cashier cannot approve it, and a manager must give a reason.
    r.creditOverride = CreditOverride{m_fx.cashier, QStringLiteral("regular customer")};
    MARKET_REQUIRE_ERROR(m_fx.sales().sell(m_fx.cashier, r), ErrorCode::Forbidden);
    QCOMPARE(m_fx.dump(), before);
    auto approver = m_fx.auth().authorize(QStringLiteral("manager"), StoreFixture::kManagerPassword,
                                          Permission::OverrideCreditLimit);
    MARKET_REQUIRE_OK(approver);
    r.creditOverride = CreditOverride{*approver, QStringLiteral("   ")};
    MARKET_REQUIRE_ERROR(m_fx.sales().sell(m_fx.cashier, r), ErrorCode::InvalidInput);
    QCOMPARE(m_fx.dump(), before);

    r.creditOverride = CreditOverride{*approver, QStringLiteral("Pays every Monday; approved by phone")};
    auto sale = m_fx.sales().sell(m_fx.cashier, r);
    MARKET_REQUIRE_OK(sale);
    QCOMPARE(sale->overrideBy, std::optional<Uuid>(m_fx.manager.userId));
    const auto row =
        m_fx.rows(QStringLiteral("SELECT override_by, override_reason, credit FROM sale WHERE id = ?1"),
                  {sale->id.toString()});
    QCOMPARE(row[0][0].toString(), m_fx.manager.userId.toString());
    QCOMPARE(row[0][1].toString(), QStringLiteral("Pays every Monday; approved by phone"));
    QCOMPARE(row[0][2].toLongLong(), money(u"600").minor());
    // The audit entry records who overrode and why.
    const QJsonObject after = parseObject(m_fx.scalar(
        QStringLiteral("SELECT after_json FROM audit_log WHERE entity_id = ?1 AND action = 'sale.create'"),
        {sale->id.toString()}));
    QCOMPARE(after.value(QStringLiteral("overrideBy")).toString(), m_fx.manager.userId.toString());
    QCOMPARE(after.value(QStringLiteral("overrideReason")).toString(),
             QStringLiteral("Pays every Monday; approved by phone"));
    auto out = m_fx.collections().outstanding(buyer->id);
    MARKET_REQUIRE_OK(out);
    QCOMPARE(*out, money(u"1200"));

    // Cash sales need no override even above the limit.
    SaleRequest cash;
    cash.buyerId = buyer->id;
    cash.lines = {StoreFixture::line(lot->id, u"1", u"100")};
    cash.payments = {StoreFixture::pay(PaymentMethod::Cash, u"100")};
    MARKET_REQUIRE_OK(m_fx.sales().sell(m_fx.cashier, cash));
}

void TestSale::soldOutLotCloses() {
    auto farmer = m_fx.farmer(QStringLiteral("Anjaiah"));
    auto product = m_fx.product(QStringLiteral("Banana"), Unit::Dozen);
    MARKET_REQUIRE_OK(farmer);
    MARKET_REQUIRE_OK(product);
    auto lot = m_fx.lot(farmer->id, product->id, qty(u"10"));
    MARKET_REQUIRE_OK(lot);

    SaleRequest r;
    r.lines = {StoreFixture::line(lot->id, u"4", u"30")};
    r.payments = {StoreFixture::pay(PaymentMethod::Cash, u"120")};
    MARKET_REQUIRE_OK(m_fx.sales().sell(m_fx.cashier, r));
    auto summary = m_fx.arrivals().lot(lot->id);
    MARKET_REQUIRE_OK(summary);
    QCOMPARE(summary->status, LotStatus::Active);
    QCOMPARE(summary->left, qty(u"6"));

    r.lines = {StoreFixture::line(lot->id, u"2", u"30"), StoreFixture::line(lot->id, u"4", u"30")};
    r.payments = {StoreFixture::pay(PaymentMethod::Cash, u"180")};
    auto last = m_fx.sales().sell(m_fx.cashier, r);
    MARKET_REQUIRE_OK(last);
    summary = m_fx.arrivals().lot(lot->id);
    MARKET_REQUIRE_OK(summary);
    QCOMPARE(summary->status, LotStatus::Closed);
    QCOMPARE(summary->left, Quantity{});
    QCOMPARE(
        m_fx.scalar(QStringLiteral("SELECT status FROM lot WHERE id = ?1"), {lot->id.toString()}).toString(),
        QStringLiteral("closed"));
    QCOMPARE(m_fx.integer(QStringLiteral("SELECT count(*) FROM lot_status_event WHERE lot_id = ?1 AND "
                                         "to_status = 'closed'"),
                          {lot->id.toString()}),
             qint64(1));
    QCOMPARE(m_fx.integer(QStringLiteral("SELECT count(*) FROM outbox WHERE type = 'lot.status_changed'")),
             qint64(1));

    r.lines = {StoreFixture::line(lot->id, u"1", u"30")};
    r.payments = {StoreFixture::pay(PaymentMethod::Cash, u"30")};
    MARKET_REQUIRE_ERROR(m_fx.sales().sell(m_fx.cashier, r), ErrorCode::InvalidState);
}

void TestSale::receiptsOutboxAndAudit() {
    auto farmer = m_fx.farmer(QStringLiteral("Mallesh"));
    auto product = m_fx.product(QStringLiteral("Tuberose"));
    auto buyer = m_fx.buyer(QStringLiteral("Kalyan Decorators"), money(u"100000"));
    MARKET_REQUIRE_OK(farmer);
    MARKET_REQUIRE_OK(product);
    MARKET_REQUIRE_OK(buyer);
    MARKET_REQUIRE_OK(m_fx.flatRule(std::nullopt, 600));
    auto lot = m_fx.lot(farmer->id, product->id, qty(u"1000"));
    MARKET_REQUIRE_OK(lot);

    const qint64 outboxBefore = m_fx.integer(QStringLiteral("SELECT count(*) FROM outbox"));
    std::vector<SaleDoc> sold;
    for (int i = 0; i < 5; ++i) {
        m_fx.clock.advanceMs(1000);
        SaleRequest r;
        if (i % 2)
            r.buyerId = buyer->id;
        r.lines = {StoreFixture::line(lot->id, u"1.5", u"33.33")};
        r.payments = {StoreFixture::pay(PaymentMethod::Upi, i % 2 ? u"10" : u"50")};
        auto s = m_fx.sales().sell(m_fx.cashier, r);
        MARKET_REQUIRE_OK(s);
        sold.push_back(*s);
    }
    // A refused sale uses neither a receipt number nor an outbox sequence.
    SaleRequest bad;
    bad.lines = {StoreFixture::line(lot->id, u"5000", u"1")};
    MARKET_REQUIRE_ERROR(m_fx.sales().sell(m_fx.cashier, bad), ErrorCode::InsufficientStock);
    {
        SaleRequest r;
        r.lines = {StoreFixture::line(lot->id, u"1", u"1")};
        r.payments = {StoreFixture::pay(PaymentMethod::Cash, u"1")};
        auto s = m_fx.sales().sell(m_fx.cashier, r);
        MARKET_REQUIRE_OK(s);
        sold.push_back(*s);
    }

    for (size_t i = 0; i < sold.size(); ++i) {
        QCOMPARE(sold[i].receiptNo, QStringLiteral("HYD01-1-%1").arg(i + 1, 6, 10, QLatin1Char('0')));
        QCOMPARE(sold[i].receiptSeq, qint64(i + 1));
    }

    // Outbox: sequences 1..n with no gap, one sale.recorded entry per sale with a valid document.
    const auto outbox =
        m_fx.rows(QStringLiteral("SELECT seq, type, payload, audit FROM outbox ORDER BY seq"));
    QCOMPARE(qint64(outbox.size()), outboxBefore + qint64(sold.size()));
    for (int i = 0; i < outbox.size(); ++i)
        QCOMPARE(outbox[i][0].toLongLong(), qint64(i + 1));
    for (const auto& s : sold) {
        int found = 0;
        for (const auto& row : outbox) {
            if (row[1].toString() != op::kSaleRecorded)
                continue;
            auto doc = SaleDoc::fromJson(parseObject(row[2]));
            MARKET_REQUIRE_OK(doc);
            if (doc->id != s.id)
                continue;
            ++found;
            MARKET_REQUIRE_OK(doc->verifyArithmetic());
            QCOMPARE(doc->receiptNo, s.receiptNo);
            QCOMPARE(doc->total, s.total);
            QCOMPARE(doc->lines.size(), s.lines.size());
            QCOMPARE(doc->lines[0].commission, s.lines[0].commission);
            QCOMPARE(doc->credit, s.credit);
            QCOMPARE(doc->creditDetails.size(), s.creditDetails.size());
            // The outbox copy of the audit entry carries the same hash as the audit log.
            const QJsonObject audit = parseObject(row[3]);
            QCOMPARE(
                audit.value(QStringLiteral("hash")).toString(),
                m_fx.scalar(QStringLiteral("SELECT hash FROM audit_log WHERE entity_id = ?1 AND action = "
                                           "'sale.create'"),
                            {s.id.toString()})
                    .toString());
        }
        QCOMPARE(found, 1);
    }

    // Audit: one sale.create per sale, seq 1..n, and every hash recomputes from its predecessor.
    const auto audit =
        m_fx.rows(QStringLiteral("SELECT seq, terminal_id, user_id, at_ms, action, entity, entity_id, "
                                 "before_json, after_json, prev_hash, hash FROM audit_log ORDER BY seq"));
    QString prev = Journal::genesisHash();
    for (int i = 0; i < audit.size(); ++i) {
        const auto& a = audit[i];
        QCOMPARE(a[0].toLongLong(), qint64(i + 1));
        QCOMPARE(a[9].toString(), prev);
        auto json = [](const QVariant& v) {
            return v.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(parseObject(v));
        };
        const QJsonObject fields{
            {QStringLiteral("action"), a[4].toString()}, {QStringLiteral("after"), json(a[8])},
            {QStringLiteral("atMs"), a[3].toLongLong()}, {QStringLiteral("before"), json(a[7])},
            {QStringLiteral("entity"), a[5].toString()}, {QStringLiteral("entityId"), a[6].toString()},
            {QStringLiteral("seq"), a[0].toLongLong()},  {QStringLiteral("terminalId"), a[1].toString()},
            {QStringLiteral("userId"), a[2].toString()}};
        QCOMPARE(a[10].toString(), Journal::chainHash(prev, fields));
        prev = a[10].toString();
    }
    QCOMPARE(m_fx.scalar(QStringLiteral("SELECT value FROM meta WHERE key = 'audit_last_hash'")).toString(),
             prev);
    for (const auto& s : sold)
        QCOMPARE(
            m_fx.integer(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'sale.create' AND "
                                        "entity_id = ?1 AND user_id = ?2"),
                         {s.id.toString(), m_fx.cashier.userId.toString()}),
            qint64(1));
    // Tampering with a stored entry is refused by the log itself.
    const QByteArray tamper = "UPDATE audit_log SET action = 'x' WHERE seq = 1";
    QVERIFY(!m_fx.store().db().execScript(tamper, "tampering").ok());
}

QTEST_GUILESS_MAIN(TestSale)
#include "tst_sale.moc"
