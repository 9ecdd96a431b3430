#include "StoreFixture.h"

#include <QJsonDocument>
#include <QRandomGenerator>

using namespace market::test;

// A generated day at the counter (arrivals, sales with split payments and credit, collections),
// checking the money and stock invariants of DOMAIN.md from the stored rows after every step.
// The seed is fixed; MARKET_SEED=<n> replays another day. A failure prints the seed and the step.
class TestRandomDay : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { MARKET_REQUIRE_OK(m_fx.setUp()); }
    void randomDay_data();
    void randomDay();

private:
    StoreFixture m_fx;
};

#define DAY_CHECK(cond)                                                                                      \
    QVERIFY2(cond, qPrintable(QStringLiteral("seed %1, step %2 (%3): %4")                                    \
                                  .arg(seed)                                                                 \
                                  .arg(step)                                                                 \
                                  .arg(what, QString::fromLatin1(#cond))))

#define DAY_OK(result)                                                                                       \
    do {                                                                                                     \
        const auto& day_r_ = (result);                                                                       \
        QVERIFY2(day_r_.ok(), qPrintable(QStringLiteral("seed %1, step %2 (%3): %4")                         \
                                             .arg(seed)                                                      \
                                             .arg(step)                                                      \
                                             .arg(what, day_r_.ok() ? QString() : day_r_.error().message))); \
    } while (false)

void TestRandomDay::randomDay_data() {
    QTest::addColumn<quint32>("seed");
    const QByteArray env = qgetenv("MARKET_SEED");
    if (!env.isEmpty()) {
        QTest::newRow("MARKET_SEED") << env.toUInt();
        return;
    }
    QTest::newRow("seed 20240601") << quint32(20240601);
    QTest::newRow("seed 7") << quint32(7);
}

void TestRandomDay::randomDay() {
    QFETCH(quint32, seed);
    MARKET_REQUIRE_OK(m_fx.reset());
    QRandomGenerator rng(seed);
    int step = 0;
    QString what = QStringLiteral("setup");

    std::vector<PartyDoc> farmers;
    std::vector<PartyDoc> buyers;
    std::vector<ProductDoc> products;
    for (int i = 0; i < 6; ++i) {
        auto f = m_fx.farmer(QStringLiteral("Farmer %1").arg(i));
        DAY_OK(f);
        farmers.push_back(*f);
    }
    for (int i = 0; i < 5; ++i) {
        auto b =
            m_fx.buyer(QStringLiteral("Buyer %1").arg(i), Money::fromMinor(rng.bounded(500'000, 5'000'000)));
        DAY_OK(b);
        buyers.push_back(*b);
    }
    const std::pair<const char*, Unit> catalog[] = {
        {"Marigold", Unit::Kg}, {"Rose", Unit::Bunch}, {"Tomato", Unit::Crate}, {"Jasmine", Unit::Kg}};
    for (const auto& [name, unit] : catalog) {
        auto p = m_fx.product(QString::fromLatin1(name), unit);
        DAY_OK(p);
        products.push_back(*p);
    }
    CommissionRule slab;
    slab.kind = CommissionKind::Slab;
    slab.slabs = {
        {qty(u"0"), qty(u"20"), 400}, {qty(u"20"), qty(u"100"), 600}, {qty(u"100"), std::nullopt, 800}};
    DAY_OK(m_fx.catalog().setCommissionRule(m_fx.manager, std::nullopt, slab));
    DAY_OK(m_fx.flatRule(products[3].id, 1000));

    struct LotState {
        Uuid id;
        Unit unit;
        Quantity received;
        Quantity left;
    };
    std::vector<LotState> lots;
    auto arrive = [&]() -> Status {
        const size_t p = rng.bounded(quint32(products.size()));
        const Unit unit = products[p].unit;
        const Quantity q = unitIsWeighed(unit) ? Quantity::fromThousandths(rng.bounded(1'000, 200'000))
                                               : Quantity::fromUnits(rng.bounded(1, 60));
        auto lot = m_fx.lot(farmers[rng.bounded(quint32(farmers.size()))].id, products[p].id, q);
        if (!lot.ok())
            return lot.error();
        lots.push_back(LotState{lot->id, unit, q, q});
        return okStatus();
    };

    int sales = 0;
    int collections = 0;
    for (step = 0; step < 300; ++step) {
        m_fx.clock.advanceMs(rng.bounded(1'000, 120'000));
        const quint32 dice = rng.bounded(100);
        std::vector<size_t> sellable;
        for (size_t i = 0; i < lots.size(); ++i)
            if (lots[i].left.isPositive())
                sellable.push_back(i);

        if (dice < 15 || sellable.empty()) {
            what = QStringLiteral("arrival");
            DAY_OK(arrive());
        } else if (dice < 80) {
            what = QStringLiteral("sale");
            SaleRequest r;
            std::map<size_t, Quantity> taking;
            Money total;
            const int nLines = int(rng.bounded(1, 5));
            for (int l = 0; l < nLines; ++l) {
                const size_t i = sellable[rng.bounded(quint32(sellable.size()))];
                const Quantity left = lots[i].left - taking[i];
                if (!left.isPositive())
                    continue;
                // Sometimes the whole remainder, to sell lots out.
                Quantity q = rng.bounded(6) == 0 ? left
                             : unitIsWeighed(lots[i].unit)
                                 ? Quantity::fromThousandths(
                                       rng.bounded(1, int(std::min<qint64>(left.thousandths(), 50'000)) + 1))
                                 : Quantity::fromUnits(rng.bounded(
                                       1, int(std::min<qint64>(left.thousandths() / 1000, 10)) + 1));
                const Money price = Money::fromMinor(rng.bounded(1, 50'000));
                taking[i] += q;
                total += *Money::lineAmount(q, price);
                r.lines.push_back(SaleLineRequest{lots[i].id, q, price});
            }
            if (r.lines.empty())
                continue;
            const bool walkin = rng.bounded(10) < 3;
            Money creditRoom;
            if (!walkin) {
                const auto& b = buyers[rng.bounded(quint32(buyers.size()))];
                r.buyerId = b.id;
                auto out = m_fx.collections().outstanding(b.id);
                DAY_OK(out);
                creditRoom = std::max(Money{}, b.creditLimit - *out);
            }
            // How much is paid now: all of it for a walk-in, else a random part within the credit room
            // (one sale in ten goes beyond it with a manager's override).
            Money payNow = total;
            if (!walkin) {
                const qint64 maxCredit =
                    rng.bounded(10) == 0 ? total.minor() : std::min(total, creditRoom).minor();
                payNow = total - Money::fromMinor(qint64(rng.bounded(double(maxCredit) + 1)));
                if (payNow + creditRoom < total)
                    r.creditOverride = CreditOverride{m_fx.manager, QStringLiteral("known buyer")};
            }
            // Split what is paid over 1–3 methods; non-cash never above the bill, cash may bring change.
            Money rest = payNow;
            const int nPay = int(rng.bounded(1, 4));
            for (int k = 0; k < nPay && rest.isPositive(); ++k) {
                const PaymentMethod m =
                    k + 1 == nPay ? PaymentMethod::Cash : PaymentMethod(rng.bounded(1, 6));
                const Money part =
                    k + 1 == nPay ? rest : Money::fromMinor(qint64(rng.bounded(double(rest.minor()) + 1)));
                if (part.isPositive())
                    r.payments.push_back(PaymentRequest{m, part, {}});
                rest -= part;
            }
            if (rng.bounded(4) == 0 && payNow == total)
                r.payments.push_back(
                    PaymentRequest{PaymentMethod::Cash, Money::fromMinor(rng.bounded(1, 50'000)), {}});

            auto sale = m_fx.sales().sell(m_fx.cashier, r);
            DAY_OK(sale);
            ++sales;
            for (const auto& [i, q] : taking)
                lots[i].left -= q;

            // The sale as stored: Σ lines = total = paid + credit; Σ payments = paid; Σ details = credit;
            // each line: amount = qty × price (half-up), farmer net + commission = amount.
            const QString id = sale->id.toString();
            const auto head =
                m_fx.rows(QStringLiteral("SELECT total, paid, credit, tendered, change_given FROM sale "
                                         "WHERE id = ?1"),
                          {id});
            DAY_CHECK(head.size() == 1);
            const qint64 sTotal = head[0][0].toLongLong();
            const qint64 sPaid = head[0][1].toLongLong();
            const qint64 sCredit = head[0][2].toLongLong();
            DAY_CHECK(sTotal == total.minor());
            DAY_CHECK(sTotal == sPaid + sCredit);
            DAY_CHECK(head[0][3].toLongLong() - head[0][4].toLongLong() == sPaid);
            DAY_CHECK(m_fx.integer(
                          QStringLiteral("SELECT coalesce(sum(amount), 0) FROM sale_line WHERE sale_id = ?1"),
                          {id}) == sTotal);
            DAY_CHECK(
                m_fx.integer(
                    QStringLiteral("SELECT coalesce(sum(amount), 0) FROM sale_payment WHERE sale_id = ?1"),
                    {id}) == sPaid);
            DAY_CHECK(m_fx.integer(QStringLiteral(
                                       "SELECT coalesce(sum(d.amount), 0) FROM credit_detail d JOIN credit c "
                                       "ON c.id = d.credit_id WHERE c.sale_id = ?1"),
                                   {id}) == sCredit);
            DAY_CHECK(
                m_fx.integer(QStringLiteral("SELECT coalesce(sum(amount), 0) FROM credit WHERE sale_id = ?1"),
                             {id}) == sCredit);
            DAY_CHECK(walkin ? sCredit == 0 : true);
            for (const auto& l :
                 m_fx.rows(QStringLiteral("SELECT qty, price, amount, commission, farmer_net, "
                                          "commission_bp FROM sale_line WHERE sale_id = ?1"),
                           {id})) {
                const Money amount = Money::fromMinor(l[2].toLongLong());
                DAY_CHECK(Money::lineAmount(Quantity::fromThousandths(l[0].toLongLong()),
                                            Money::fromMinor(l[1].toLongLong())) == amount);
                DAY_CHECK(l[3].toLongLong() + l[4].toLongLong() == l[2].toLongLong());
                DAY_CHECK(amount.percentBp(l[5].toLongLong())->minor() == l[3].toLongLong());
            }
            auto payload = SaleDoc::fromJson(
                QJsonDocument::fromJson(
                    m_fx.scalar(QStringLiteral(
                                    "SELECT payload FROM outbox WHERE type = 'sale.recorded' ORDER BY seq "
                                    "DESC LIMIT 1"))
                        .toString()
                        .toUtf8())
                    .object());
            DAY_OK(payload);
            DAY_CHECK(payload->id == sale->id);
            DAY_OK(payload->verifyArithmetic());
        } else {
            what = QStringLiteral("collection");
            const auto& b = buyers[rng.bounded(quint32(buyers.size()))];
            auto due = m_fx.collections().outstanding(b.id);
            DAY_OK(due);
            if (!due->isPositive())
                continue;
            const Money amount =
                rng.bounded(4) == 0 ? *due : Money::fromMinor(1 + qint64(rng.bounded(double(due->minor()))));
            auto c = m_fx.collections().collect(m_fx.cashier, b.id, std::min(amount, *due),
                                                PaymentMethod(rng.bounded(0, 6)));
            DAY_OK(c);
            ++collections;
        }

        // Store-wide invariants after every step.
        DAY_CHECK(
            m_fx.integer(QStringLiteral(
                "SELECT count(*) FROM collection c WHERE c.amount <> (SELECT coalesce(sum(a.amount), 0) FROM "
                "collection_allocation a WHERE a.collection_id = c.id)")) == 0);
        DAY_CHECK(m_fx.integer(QStringLiteral("SELECT count(*) FROM credit_detail d WHERE d.amount < (SELECT "
                                              "coalesce(sum(a.amount), 0) FROM "
                                              "collection_allocation a WHERE a.credit_detail_id = d.id)")) ==
                  0);
        for (const auto& lot : lots) {
            const auto row =
                m_fx.rows(QStringLiteral("SELECT l.received_qty, coalesce((SELECT sum(qty) FROM sale_line "
                                         "WHERE lot_id = l.id), 0), l.status FROM lot l WHERE l.id = ?1"),
                          {lot.id.toString()});
            const qint64 stock = row[0][0].toLongLong() - row[0][1].toLongLong();
            DAY_CHECK(stock >= 0);
            DAY_CHECK(stock == lot.left.thousandths());
            DAY_CHECK((row[0][2].toString() == u"closed") == (stock == 0));
        }
        for (const auto& b : buyers) {
            auto out = m_fx.collections().outstanding(b.id);
            DAY_OK(out);
            // Independently: what the credit details still hold open.
            const qint64 sql = m_fx.integer(
                QStringLiteral(
                    "SELECT coalesce(sum(d.amount), 0) - coalesce((SELECT sum(a.amount) FROM "
                    "collection_allocation a JOIN credit c2 ON c2.id = a.credit_id WHERE c2.buyer_id = ?1), "
                    "0) "
                    "FROM credit_detail d JOIN credit c ON c.id = d.credit_id WHERE c.buyer_id = ?1"),
                {b.id.toString()});
            DAY_CHECK(out->minor() == sql);
            DAY_CHECK(out->minor() >= 0);
            auto open = m_fx.collections().openCredits(b.id);
            DAY_OK(open);
            Money openSum;
            for (const auto& c : *open)
                openSum += c.outstanding;
            DAY_CHECK(openSum == *out);
        }
    }
    // Sequences stayed gapless through the whole day.
    what = QStringLiteral("end of day");
    DAY_CHECK(m_fx.integer(QStringLiteral("SELECT max(seq) - count(*) FROM outbox")) == 0);
    DAY_CHECK(m_fx.integer(QStringLiteral("SELECT max(receipt_seq) - count(*) FROM sale")) == 0);
    DAY_CHECK(m_fx.integer(QStringLiteral("SELECT max(seq) - count(*) FROM audit_log")) == 0);
    DAY_CHECK(sales > 100);
    DAY_CHECK(collections > 20);
    qInfo("seed %u: %d sales, %d collections, %d lots", seed, sales, collections, int(lots.size()));
}

QTEST_GUILESS_MAIN(TestRandomDay)
#include "tst_random_day.moc"
