#include "StoreFixture.h"

#include <QJsonDocument>

using namespace market::test;

class TestCollection : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { MARKET_REQUIRE_OK(m_fx.setUp()); }
    void init();

    void fifoAcrossCredits();
    void proportionalInsideCredit_data();
    void proportionalInsideCredit();
    void overpaymentRefused();
    void unknownBuyerRefused();
    void previewEqualsCollect();

private:
    /// A sale to `buyer` with one line per farmer (1 kg each at the given price), all on credit
    /// except `paid` in cash. The clock moves a minute first, so credits have distinct ages.
    Result<SaleDoc> creditSale(const Uuid& buyer, const std::vector<QString>& prices,
                               QStringView paid = u"0");
    QList<QVariantList> allocationsOf(const Uuid& collectionId);

    StoreFixture m_fx;
    std::vector<PartyDoc> m_farmers;
    ProductDoc m_product;
    PartyDoc m_buyer;
};

void TestCollection::init() {
    MARKET_REQUIRE_OK(m_fx.reset());
    m_fx.clock.advanceMs(3'600'000);
    m_farmers.clear();
    for (const char16_t* name : {u"Ravi", u"Sita", u"Gopal"}) {
        auto f = m_fx.farmer(QString::fromUtf16(name));
        MARKET_REQUIRE_OK(f);
        m_farmers.push_back(*f);
    }
    auto p = m_fx.product(QStringLiteral("Marigold"));
    MARKET_REQUIRE_OK(p);
    m_product = *p;
    MARKET_REQUIRE_OK(m_fx.flatRule(std::nullopt, 500));
    auto b = m_fx.buyer(QStringLiteral("Balaji Flower Decorators"), money(u"100000"));
    MARKET_REQUIRE_OK(b);
    m_buyer = *b;
}

Result<SaleDoc> TestCollection::creditSale(const Uuid& buyer, const std::vector<QString>& prices,
                                           QStringView paid) {
    m_fx.clock.advanceMs(60'000);
    SaleRequest r;
    r.buyerId = buyer;
    for (size_t i = 0; i < prices.size(); ++i) {
        auto lot = m_fx.lot(m_farmers.at(i).id, m_product.id, qty(u"10"));
        if (!lot.ok())
            return lot.error();
        r.lines.push_back(StoreFixture::line(lot->id, u"1", prices[i]));
    }
    if (money(paid).isPositive())
        r.payments = {StoreFixture::pay(PaymentMethod::Cash, paid)};
    return m_fx.sales().sell(m_fx.cashier, r);
}

QList<QVariantList> TestCollection::allocationsOf(const Uuid& collectionId) {
    return m_fx.rows(
        QStringLiteral("SELECT credit_id, credit_detail_id, farmer_id, amount FROM collection_allocation "
                       "WHERE collection_id = ?1 ORDER BY rowid"),
        {collectionId.toString()});
}

void TestCollection::fifoAcrossCredits() {
    auto first = creditSale(m_buyer.id, {QStringLiteral("100")});
    auto second = creditSale(m_buyer.id, {QStringLiteral("120"), QStringLiteral("80")});
    auto third = creditSale(m_buyer.id, {QStringLiteral("50")});
    MARKET_REQUIRE_OK(first);
    MARKET_REQUIRE_OK(second);
    MARKET_REQUIRE_OK(third);
    auto due = m_fx.collections().outstanding(m_buyer.id);
    MARKET_REQUIRE_OK(due);
    QCOMPARE(*due, money(u"350"));

    // ₹150: the oldest credit is cleared, the rest goes to the second; the third is untouched.
    m_fx.clock.advanceMs(86'400'000);
    auto c1 = m_fx.collections().collect(m_fx.cashier, m_buyer.id, money(u"150"), PaymentMethod::Cash);
    MARKET_REQUIRE_OK(c1);
    Money toFirst;
    Money toSecond;
    for (const auto& a : c1->allocations) {
        QVERIFY(a.creditId != *third->creditId);
        (a.creditId == *first->creditId ? toFirst : toSecond) += a.amount;
    }
    QCOMPARE(toFirst, money(u"100"));
    QCOMPARE(toSecond, money(u"50"));

    auto open = m_fx.collections().openCredits(m_buyer.id);
    MARKET_REQUIRE_OK(open);
    QCOMPARE(open->size(), size_t(2));
    QCOMPARE(open->at(0).creditId, *second->creditId);
    QCOMPARE(open->at(0).status, CreditStatus::Partial);
    QCOMPARE(open->at(0).paid, money(u"50"));
    QCOMPARE(open->at(0).outstanding, money(u"150"));
    QCOMPARE(open->at(0).receiptNo, second->receiptNo);
    QCOMPARE(open->at(0).ageDays, qint64(1));
    QCOMPARE(open->at(1).creditId, *third->creditId);
    QCOMPARE(open->at(1).status, CreditStatus::Pending);
    QCOMPARE(open->at(1).outstanding, money(u"50"));

    // Inside the second credit the ₹50 split 120:80 → 30 + 20.
    const auto rows = allocationsOf(c1->id);
    Money sum;
    for (const auto& row : rows) {
        sum += Money::fromMinor(row[3].toLongLong());
        if (row[0].toString() == second->creditId->toString()) {
            const bool ravi = row[2].toString() == m_farmers[0].id.toString();
            QCOMPARE(row[3].toLongLong(), money(ravi ? u"30" : u"20").minor());
        }
    }
    QCOMPARE(sum, money(u"150"));

    // The rest clears everything.
    auto c2 = m_fx.collections().collect(m_fx.cashier, m_buyer.id, money(u"200"), PaymentMethod::Upi,
                                         QStringLiteral("UTR 4411"));
    MARKET_REQUIRE_OK(c2);
    open = m_fx.collections().openCredits(m_buyer.id);
    MARKET_REQUIRE_OK(open);
    QVERIFY(open->empty());
    due = m_fx.collections().outstanding(m_buyer.id);
    MARKET_REQUIRE_OK(due);
    QCOMPARE(*due, Money{});
    // Cleared: every credit detail is paid to the paisa.
    QCOMPARE(
        m_fx.integer(QStringLiteral(
            "SELECT count(*) FROM credit_detail d WHERE d.amount <> (SELECT coalesce(sum(a.amount), 0) FROM "
            "collection_allocation a WHERE a.credit_detail_id = d.id)")),
        qint64(0));
    MARKET_REQUIRE_ERROR(
        m_fx.collections().collect(m_fx.cashier, m_buyer.id, money(u"0.01"), PaymentMethod::Cash),
        ErrorCode::Overpayment);

    // Each collection is in the outbox with a document that adds up.
    const auto payloads = m_fx.rows(QStringLiteral("SELECT payload FROM outbox WHERE type = ?1 ORDER BY seq"),
                                    {op::kCollectionRecorded});
    QCOMPARE(payloads.size(), qsizetype(2));
    for (const auto& p : payloads) {
        auto doc = CollectionDoc::fromJson(QJsonDocument::fromJson(p[0].toString().toUtf8()).object());
        MARKET_REQUIRE_OK(doc);
        MARKET_REQUIRE_OK(doc->verifyArithmetic());
    }
}

void TestCollection::proportionalInsideCredit_data() {
    // One credit, split over three farmers by the sale; then a collection of `amount`.
    QTest::addColumn<QString>("prices"); // per farmer, 1 kg each, all on credit
    QTest::addColumn<QString>("amount");
    QTest::addColumn<QString>("shares"); // per farmer

    QTest::newRow("₹100 over 1:1:1, all at once") << "33.34;33.33;33.33"
                                                  << "100"
                                                  << "33.34;33.33;33.33";
    QTest::newRow("₹10 over 1:1:1") << "33.34;33.33;33.33"
                                    << "10"
                                    << "3.34;3.33;3.33";
    QTest::newRow("₹100 over 1:1:1 of ₹300") << "100;100;100"
                                             << "100"
                                             << "33.34;33.33;33.33";
    QTest::newRow("one paisa") << "100;100;100"
                               << "0.01"
                               << "0.01;0;0";
    QTest::newRow("two paise") << "100;100;100"
                               << "0.02"
                               << "0.01;0.01;0";
    QTest::newRow("1:2:7") << "10;20;70"
                           << "50"
                           << "5;10;35";
    QTest::newRow("odd remainder") << "1;1;1.01"
                                   << "1.99"
                                   << "0.66;0.66;0.67";
}

void TestCollection::proportionalInsideCredit() {
    QFETCH(QString, prices);
    QFETCH(QString, amount);
    QFETCH(QString, shares);

    std::vector<QString> p;
    for (const auto& s : prices.split(u';'))
        p.push_back(s);
    auto sale = creditSale(m_buyer.id, p);
    MARKET_REQUIRE_OK(sale);
    auto c = m_fx.collections().collect(m_fx.cashier, m_buyer.id, money(amount), PaymentMethod::Cash);
    MARKET_REQUIRE_OK(c);

    const QStringList want = shares.split(u';');
    Money sum;
    for (size_t i = 0; i < 3; ++i) {
        Money got;
        for (const auto& a : c->allocations)
            if (a.farmerId == m_farmers[i].id)
                got += a.amount;
        QCOMPARE(got, money(want[qsizetype(i)]));
        sum += got;
    }
    QCOMPARE(sum, money(amount));
    QCOMPARE(
        m_fx.integer(QStringLiteral("SELECT sum(amount) FROM collection_allocation WHERE collection_id = ?1"),
                     {c->id.toString()}),
        money(amount).minor());
    for (const auto& row : allocationsOf(c->id))
        QVERIFY(row[3].toLongLong() > 0);

    auto open = m_fx.collections().openCredits(m_buyer.id);
    MARKET_REQUIRE_OK(open);
    const Money rest = sale->credit - money(amount);
    if (rest.isZero()) {
        QVERIFY(open->empty());
        return;
    }
    QCOMPARE(open->size(), size_t(1));
    QCOMPARE(open->at(0).status, CreditStatus::Partial);
    QCOMPARE(open->at(0).outstanding, rest);
    // Paying the rest clears each farmer's detail exactly.
    MARKET_REQUIRE_OK(m_fx.collections().collect(m_fx.cashier, m_buyer.id, rest, PaymentMethod::Card));
    QCOMPARE(
        m_fx.integer(QStringLiteral(
            "SELECT count(*) FROM credit_detail d WHERE d.amount <> (SELECT coalesce(sum(a.amount), 0) FROM "
            "collection_allocation a WHERE a.credit_detail_id = d.id)")),
        qint64(0));
    open = m_fx.collections().openCredits(m_buyer.id);
    MARKET_REQUIRE_OK(open);
    QVERIFY(open->empty());
}

void TestCollection::overpaymentRefused() {
    MARKET_REQUIRE_OK(creditSale(m_buyer.id, {QStringLiteral("100")}));
    const QByteArray before = m_fx.dump();
    auto r = m_fx.collections().collect(m_fx.cashier, m_buyer.id, money(u"100.01"), PaymentMethod::Cash);
    MARKET_REQUIRE_ERROR(r, ErrorCode::Overpayment);
    // The message names what is owed, in the shop's currency format.
    QVERIFY2(r.error().message.contains(QStringLiteral("₹100.00")), qPrintable(r.error().message));
    MARKET_REQUIRE_ERROR(m_fx.collections().preview(m_buyer.id, money(u"100.01")), ErrorCode::Overpayment);
    MARKET_REQUIRE_ERROR(m_fx.collections().collect(m_fx.cashier, m_buyer.id, Money{}, PaymentMethod::Cash),
                         ErrorCode::InvalidInput);
    MARKET_REQUIRE_ERROR(
        m_fx.collections().collect(m_fx.cashier, m_buyer.id, money(u"-5"), PaymentMethod::Cash),
        ErrorCode::InvalidInput);
    QCOMPARE(m_fx.dump(), before);
    MARKET_REQUIRE_OK(
        m_fx.collections().collect(m_fx.cashier, m_buyer.id, money(u"100"), PaymentMethod::Cash));
}

void TestCollection::unknownBuyerRefused() {
    MARKET_REQUIRE_OK(creditSale(m_buyer.id, {QStringLiteral("100")}));
    const QByteArray before = m_fx.dump();
    MARKET_REQUIRE_ERROR(
        m_fx.collections().collect(m_fx.cashier, m_fx.store().newId(), money(u"10"), PaymentMethod::Cash),
        ErrorCode::NotFound);
    MARKET_REQUIRE_ERROR(m_fx.collections().collect(m_fx.cashier, Uuid{}, money(u"10"), PaymentMethod::Cash),
                         ErrorCode::NotFound);
    // A farmer is not a buyer.
    MARKET_REQUIRE_ERROR(
        m_fx.collections().collect(m_fx.cashier, m_farmers[0].id, money(u"10"), PaymentMethod::Cash),
        ErrorCode::NotFound);
    // A buyer who owes nothing.
    auto other = m_fx.buyer(QStringLiteral("Nobody Owes"), Money{});
    MARKET_REQUIRE_OK(other);
    const QByteArray withOther = m_fx.dump();
    auto r = m_fx.collections().collect(m_fx.cashier, other->id, money(u"10"), PaymentMethod::Cash);
    MARKET_REQUIRE_ERROR(r, ErrorCode::Overpayment);
    QCOMPARE(m_fx.dump(), withOther);
    Q_UNUSED(before);
}

void TestCollection::previewEqualsCollect() {
    MARKET_REQUIRE_OK(creditSale(m_buyer.id, {QStringLiteral("33.33"), QStringLiteral("33.33")}));
    MARKET_REQUIRE_OK(
        creditSale(m_buyer.id, {QStringLiteral("10"), QStringLiteral("20"), QStringLiteral("30.01")}));
    MARKET_REQUIRE_OK(creditSale(m_buyer.id, {QStringLiteral("7")}, u"2"));
    for (const char16_t* amount : {u"0.01", u"50", u"66.67", u"10"}) {
        const QByteArray before = m_fx.dump();
        auto preview = m_fx.collections().preview(m_buyer.id, money(amount));
        MARKET_REQUIRE_OK(preview);
        QCOMPARE(m_fx.dump(), before); // a preview writes nothing
        auto c = m_fx.collections().collect(m_fx.cashier, m_buyer.id, money(amount), PaymentMethod::Upi);
        MARKET_REQUIRE_OK(c);
        QCOMPARE(c->allocations.size(), preview->size());
        const auto stored = allocationsOf(c->id);
        QCOMPARE(stored.size(), qsizetype(preview->size()));
        for (size_t i = 0; i < preview->size(); ++i) {
            const auto& p = preview->at(i);
            QCOMPARE(stored[qsizetype(i)][0].toString(), p.creditId.toString());
            QCOMPARE(stored[qsizetype(i)][1].toString(), p.creditDetailId.toString());
            QCOMPARE(stored[qsizetype(i)][2].toString(), p.farmerId ? p.farmerId->toString() : QString());
            QCOMPARE(stored[qsizetype(i)][3].toLongLong(), p.amount.minor());
        }
    }
    auto due = m_fx.collections().outstanding(m_buyer.id);
    MARKET_REQUIRE_OK(due);
    QCOMPARE(*due, money(u"66.66") + money(u"60.01") + money(u"5") - money(u"126.68"));
}

QTEST_GUILESS_MAIN(TestCollection)
#include "tst_collection.moc"
