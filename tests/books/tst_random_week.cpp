#include "StoreFixture.h"
#include "services/CashSessionService.h"
#include "services/ChargeService.h"
#include "services/ExpenseService.h"
#include "services/FarmerPaymentService.h"
#include "services/ReturnService.h"
#include "services/SettingsService.h"
#include "services/StockAdjustmentService.h"
#include "store/AuditVerifier.h"

#include <QRandomGenerator>

using namespace market::test;

// A generated week of a shop's books: each day opens the drawer, then arrivals, sales (cash,
// split, credit), returns, collections, farmer advances and settlements, stock adjustments,
// expenses and cash in/out, and closes the drawer with a counted amount. After every step the
// invariants of DOMAIN.md are checked against straightforward SQL over the stored rows, not
// against the services' own arithmetic: stock never negative and equal to what the service
// reports; buyer dues, farmer payables and the drawer's expected cash add up to the paisa;
// returns never exceed what was sold and reverse a whole line exactly. MARKET_SEED=<n> replays.
class TestRandomWeek : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { MARKET_REQUIRE_OK(m_fx.setUp()); }
    void randomWeek_data();
    void randomWeek();

private:
    StoreFixture m_fx;
};

#define WEEK_CHECK(cond)                                                                                     \
    QVERIFY2(cond, qPrintable(QStringLiteral("seed %1, step %2 (%3): %4")                                    \
                                  .arg(seed)                                                                 \
                                  .arg(step)                                                                 \
                                  .arg(what, QString::fromLatin1(#cond))))

#define WEEK_OK(result)                                                                                      \
    do {                                                                                                     \
        const auto& week_r_ = (result);                                                                      \
        QVERIFY2(week_r_.ok(),                                                                               \
                 qPrintable(QStringLiteral("seed %1, step %2 (%3): %4")                                      \
                                .arg(seed)                                                                   \
                                .arg(step)                                                                   \
                                .arg(what, week_r_.ok() ? QString() : week_r_.error().message)));            \
    } while (false)

void TestRandomWeek::randomWeek_data() {
    QTest::addColumn<quint32>("seed");
    const QByteArray env = qgetenv("MARKET_SEED");
    if (!env.isEmpty()) {
        QTest::newRow("MARKET_SEED") << env.toUInt();
        return;
    }
    QTest::newRow("seed 2024") << quint32(2024);
    QTest::newRow("seed 31337") << quint32(31337);
}

void TestRandomWeek::randomWeek() {
    QFETCH(quint32, seed);
    MARKET_REQUIRE_OK(m_fx.reset());
    QRandomGenerator rng(seed);
    // The week runs from 28 June into July: completion's month and day buckets cross a boundary.
    m_fx.clock.advanceMs(27LL * 24 * 3600 * 1000);
    int step = 0;
    QString what = QStringLiteral("setup");
    Store& store = m_fx.store();
    CashSessionService cash(store);
    FarmerPaymentService farmerPay(store);
    ReturnService returns(store);
    StockAdjustmentService adjustments(store);
    ExpenseService expenses(store);
    const auto pick = [&rng](auto& v) -> auto& {
        return v[rng.bounded(quint32(v.size()))];
    };
    const auto someMoney = [&rng](qint64 maxMinor) {
        return Money::fromMinor(1 + qint64(rng.bounded(double(std::max<qint64>(maxMinor, 1)))));
    };

    std::vector<PartyDoc> farmers, buyers;
    std::vector<ProductDoc> products;
    for (int i = 0; i < 5; ++i) {
        auto f = m_fx.farmer(QStringLiteral("किसान %1").arg(i));
        WEEK_OK(f);
        farmers.push_back(*f);
        auto b = m_fx.buyer(QStringLiteral("Buyer %1").arg(i), Money::fromMinor(100'000'000));
        WEEK_OK(b);
        buyers.push_back(*b);
    }
    for (const auto& [name, unit] : {std::pair{"Tomato", Unit::Kg}, std::pair{"Banana", Unit::Dozen},
                                     std::pair{"Onion", Unit::Crate}, std::pair{"Mango", Unit::Kg}}) {
        auto p = m_fx.product(QString::fromLatin1(name), unit);
        WEEK_OK(p);
        products.push_back(*p);
    }
    WEEK_OK(m_fx.flatRule(std::nullopt, 600));
    WEEK_OK(m_fx.flatRule(products[3].id, 1000));
    // A charge stack of every basis and both payers; the week changes it midway (day 3).
    ChargeService chargeStack(m_fx.store());
    const auto setCharge = [&](const char* code, ChargeBasis basis, qint64 rate, ChargePayer payer,
                               std::optional<Uuid> product) {
        return chargeStack.set(
            m_fx.manager,
            ChargeRule{
                {}, QString::fromLatin1(code), QString::fromLatin1(code), basis, rate, payer, product});
    };
    WEEK_OK(setCharge("CESS", ChargeBasis::Percent, 100, ChargePayer::Buyer, {}));
    WEEK_OK(setCharge("HAMALI", ChargeBasis::PerUnit, 5, ChargePayer::Farmer, {}));
    WEEK_OK(setCharge("BILL", ChargeBasis::PerBill, rng.bounded(1, 1000), ChargePayer::Buyer, {}));
    WEEK_OK(setCharge("WEIGH", ChargeBasis::PerLine, 1, ChargePayer::Farmer, products[0].id));

    struct LotRef {
        Uuid id;
        Unit unit;
    };
    std::vector<LotRef> lots;
    std::vector<SaleDoc> saleDocs;

    // Independent views of the books, straight from the rows.
    const auto stockLeft = [&](const Uuid& lot) {
        const QString id = lot.toString();
        return m_fx.integer(QStringLiteral("SELECT received_qty FROM lot WHERE id = ?1"), {id}) -
               m_fx.integer(QStringLiteral("SELECT coalesce(sum(qty), 0) FROM sale_line WHERE lot_id = ?1"),
                            {id}) +
               m_fx.integer(QStringLiteral("SELECT coalesce(sum(qty), 0) FROM return_line WHERE lot_id = ?1"),
                            {id}) -
               m_fx.integer(
                   QStringLiteral("SELECT coalesce(sum(qty), 0) FROM stock_adjustment WHERE lot_id = ?1"),
                   {id});
    };
    const auto buyerDue = [&](const Uuid& buyer) {
        const QString id = buyer.toString();
        return m_fx.integer(QStringLiteral("SELECT coalesce(sum(amount), 0) FROM credit WHERE buyer_id = ?1"),
                            {id}) -
               m_fx.integer(QStringLiteral("SELECT coalesce(sum(a.amount), 0) FROM collection_allocation a "
                                           "JOIN credit c ON c.id = a.credit_id WHERE c.buyer_id = ?1"),
                            {id}) -
               m_fx.integer(QStringLiteral("SELECT coalesce(sum(a.amount), 0) FROM return_allocation a "
                                           "JOIN credit c ON c.id = a.credit_id WHERE c.buyer_id = ?1"),
                            {id});
    };
    const auto farmerOwed = [&](const Uuid& farmer) {
        const QString id = farmer.toString();
        return m_fx.integer(
                   QStringLiteral("SELECT coalesce(sum(farmer_net), 0) FROM sale_line WHERE farmer_id = ?1"),
                   {id}) -
               m_fx.integer(QStringLiteral(
                                "SELECT coalesce(sum(farmer_net), 0) FROM return_line WHERE farmer_id = ?1"),
                            {id}) -
               m_fx.integer(
                   QStringLiteral("SELECT coalesce(sum(amount), 0) FROM farmer_payment WHERE farmer_id = ?1"),
                   {id});
    };
    // Cash that entered or left this terminal's drawer between two instants.
    const auto cashBetween = [&](qint64 fromMs, qint64 toMs) {
        const QStringList span{QString::number(fromMs), QString::number(toMs)};
        const qint64 sales = m_fx.integer(
            QStringLiteral(
                "SELECT coalesce(sum(p.amount), 0) FROM sale_payment p JOIN sale s ON s.id = p.sale_id "
                "WHERE p.method = 'cash' AND s.created_at_ms BETWEEN ?1 AND ?2"),
            span);
        const auto sum = [&](const char* sql) { return m_fx.integer(QString::fromLatin1(sql), span); };
        // Cash payments are stored as applied to the bill: the change is already out of them.
        return sales +
               sum("SELECT coalesce(sum(amount), 0) FROM collection WHERE method = 'cash' AND at_ms BETWEEN "
                   "?1 AND ?2") -
               sum("SELECT coalesce(sum(amount), 0) FROM farmer_payment WHERE method = 'cash' AND at_ms "
                   "BETWEEN ?1 AND ?2") -
               sum("SELECT coalesce(sum(amount), 0) FROM expense WHERE method = 'cash' AND at_ms BETWEEN ?1 "
                   "AND ?2") -
               sum("SELECT coalesce(sum(refund), 0) FROM sale_return WHERE refund_method = 'cash' AND at_ms "
                   "BETWEEN ?1 AND ?2") +
               sum("SELECT coalesce(sum(CASE direction WHEN 'in' THEN amount ELSE -amount END), 0) FROM "
                   "cash_movement WHERE at_ms BETWEEN ?1 AND ?2");
    };

    // Three-party completion from the rows: a sale's farmers are paid when each farmer's payments
    // cover the farmer's running net (net of returns) through that sale, in (time, id) order.
    const auto farmerPaidFromRows = [&]() {
        std::map<QString, qint64> paid, running;
        for (const auto& r : m_fx.rows(
                 QStringLiteral("SELECT farmer_id, sum(amount) FROM farmer_payment GROUP BY farmer_id")))
            paid[r[0].toString()] = r[1].toLongLong();
        std::map<QString, bool> farmerPaid;
        for (const auto& r : m_fx.rows(QStringLiteral(
                 "SELECT s.id, l.farmer_id, sum(l.farmer_net - coalesce((SELECT sum(farmer_net) FROM "
                 "return_line "
                 "WHERE sale_line_id = l.id), 0)) FROM sale s JOIN sale_line l ON l.sale_id = s.id "
                 "GROUP BY s.id, l.farmer_id ORDER BY s.created_at_ms, s.id"))) {
            const QString farmer = r[1].toString();
            running[farmer] += r[2].toLongLong();
            auto [it, fresh] = farmerPaid.try_emplace(r[0].toString(), true);
            it->second = it->second && running[farmer] <= paid[farmer];
        }
        return farmerPaid;
    };
    const auto completionAgrees = [&](qint64 fromMs, qint64 toMs) {
        auto rows = m_fx.reports().completion(fromMs, toMs);
        if (!rows.ok())
            return false;
        const auto expected = farmerPaidFromRows();
        const qint64 count =
            m_fx.integer(QStringLiteral("SELECT count(*) FROM sale WHERE created_at_ms >= ?1 AND "
                                        "created_at_ms < ?2"),
                         {QString::number(fromMs), QString::number(toMs)});
        if (qint64(rows->size()) != count)
            return false;
        for (const auto& row : *rows)
            if (expected.at(row.saleId.toString()) != row.farmerPaid)
                return false;
        return true;
    };

    int counts[8] = {};
    for (int day = 0; day < 7; ++day) {
        if (day == 3) {
            what = QStringLiteral("change the charges and who pays commission");
            WEEK_OK(setCharge("CESS", ChargeBasis::Percent, rng.bounded(0, 300), ChargePayer::Buyer, {}));
            WEEK_OK(setCharge("MKT", ChargeBasis::PerBill, rng.bounded(1, 500), ChargePayer::Farmer, {}));
            WEEK_OK(chargeStack.retire(m_fx.manager, QStringLiteral("BILL")));
            WEEK_OK(
                SettingsService(m_fx.store())
                    .setInteger(m_fx.manager, QStringLiteral("commission_paid_by_buyer"), rng.bounded(2)));
        }
        what = QStringLiteral("open the drawer");
        auto openNow = cash.openSession();
        WEEK_OK(openNow);
        if (!openNow->has_value())
            WEEK_OK(cash.open(m_fx.cashier, someMoney(500'000)));
        auto sessionId = cash.openSession();
        WEEK_OK(sessionId);
        auto opened = cash.report(**sessionId);
        WEEK_OK(opened);
        // Cash can only leave the drawer if it is there: outflows beyond it go by UPI instead.
        const auto drawerHolds = [&]() -> qint64 {
            auto x = cash.report(**sessionId);
            return x.ok() ? x->expected.minor() : 0;
        };
        const auto outflowMethod = [&](qint64 amount) {
            return rng.bounded(2) && amount + 10 <= drawerHolds() ? PaymentMethod::Cash : PaymentMethod::Upi;
        };

        for (int i = 0; i < 60; ++i, ++step) {
            m_fx.clock.advanceMs(rng.bounded(30'000, 400'000));
            const quint32 dice = rng.bounded(100);
            std::vector<size_t> sellable;
            for (size_t k = 0; k < lots.size(); ++k)
                if (stockLeft(lots[k].id) > 0)
                    sellable.push_back(k);

            if (dice < 12 || sellable.empty()) {
                what = QStringLiteral("arrival");
                const auto& product = pick(products);
                const Quantity q = unitIsWeighed(product.unit)
                                       ? Quantity::fromThousandths(rng.bounded(5'000, 300'000))
                                       : Quantity::fromUnits(rng.bounded(5, 80));
                auto lot = m_fx.lot(pick(farmers).id, product.id, q);
                WEEK_OK(lot);
                lots.push_back({lot->id, product.unit});
                ++counts[0];
            } else if (dice < 55) {
                what = QStringLiteral("sale");
                SaleRequest r;
                std::map<size_t, qint64> taking;
                Money total;
                for (int l = 0, n = int(rng.bounded(1, 4)); l < n; ++l) {
                    const size_t k = sellable[rng.bounded(quint32(sellable.size()))];
                    const qint64 left = stockLeft(lots[k].id) - taking[k];
                    if (left <= 0)
                        continue;
                    const qint64 q =
                        rng.bounded(5) == 0 ? left
                        : unitIsWeighed(lots[k].unit)
                            ? 1 + qint64(rng.bounded(double(std::min<qint64>(left, 40'000))))
                            : 1000 * (1 + qint64(rng.bounded(double(std::min<qint64>(left / 1000, 8)))));
                    if (q > left || q <= 0)
                        continue;
                    const Money price = Money::fromMinor(rng.bounded(500, 12'000));
                    taking[k] += q;
                    total += *Money::lineAmount(Quantity::fromThousandths(q), price);
                    r.lines.push_back({lots[k].id, Quantity::fromThousandths(q), price});
                }
                if (r.lines.empty() || !total.isPositive())
                    continue;
                // The bill comes to the goods plus the buyer-side charges: ask the pricing.
                r.buyerId = buyers.front().id; // a quote without payments is a credit sale
                auto priced = m_fx.sales().quote(m_fx.cashier, r);
                r.buyerId.reset();
                if (!priced.ok() && priced.error().message.contains(QStringLiteral("farmer's commission")))
                    continue; // charges beyond a tiny line's amount: refused, and rightly
                WEEK_OK(priced);
                total = priced->total;
                const bool walkin = rng.bounded(5) == 0;
                Money payNow = total;
                if (!walkin) {
                    r.buyerId = pick(buyers).id;
                    payNow = Money::fromMinor(qint64(rng.bounded(double(total.minor()) + 1)));
                }
                if (payNow.isPositive()) {
                    const Money upi = rng.bounded(2)
                                          ? Money::fromMinor(qint64(rng.bounded(double(payNow.minor()) + 1)))
                                          : Money{};
                    if (upi.isPositive())
                        r.payments.push_back({PaymentMethod::Upi, upi, QStringLiteral("UTR")});
                    if ((payNow - upi).isPositive()) // cash, sometimes with a note too big
                        r.payments.push_back(
                            {PaymentMethod::Cash,
                             payNow - upi + (rng.bounded(3) == 0 ? someMoney(20'000) : Money{}),
                             {}});
                }
                auto sale = m_fx.sales().sell(m_fx.cashier, r);
                WEEK_OK(sale);
                saleDocs.push_back(*sale);
                ++counts[1];
            } else if (dice < 63 && !saleDocs.empty()) {
                what = QStringLiteral("return");
                const SaleDoc& sale = pick(saleDocs);
                ReturnRequest r;
                r.saleId = sale.id;
                r.reason = QStringLiteral("quality");
                for (const auto& line : sale.lines) {
                    auto can = returns.returnable(line.id);
                    WEEK_OK(can);
                    if (!can->isPositive() || rng.bounded(2))
                        continue;
                    const auto& lot = *std::find_if(lots.begin(), lots.end(),
                                                    [&](const LotRef& x) { return x.id == line.lotId; });
                    qint64 q = rng.bounded(3) == 0 ? can->thousandths()
                                                   : 1 + qint64(rng.bounded(double(can->thousandths())));
                    if (!unitIsWeighed(lot.unit))
                        q = std::max<qint64>(1000, q / 1000 * 1000);
                    if (q > can->thousandths())
                        continue;
                    r.lines.push_back({line.id, Quantity::fromThousandths(q)});
                }
                if (r.lines.empty())
                    continue;
                Money value;
                for (const auto& l : r.lines)
                    for (const auto& sl : sale.lines)
                        if (sl.id == l.saleLineId)
                            value += *Money::lineAmount(l.qty, sl.price);
                r.refundMethod = outflowMethod(value.minor() + qint64(r.lines.size()));
                auto done = returns.returnGoods(m_fx.cashier, r);
                if (!done.ok() && done.error().code == ErrorCode::InvalidInput &&
                    done.error().message.contains(QStringLiteral("nothing")))
                    continue; // a sliver of a cheap line rounds to ₹0.00: refused, and rightly
                WEEK_OK(done);
                WEEK_CHECK(done->creditReduction + done->refund == done->total);
                Money sum;
                for (const auto& l : done->lines) {
                    sum += l.billed(done->commissionByBuyer);
                    WEEK_CHECK((done->commissionByBuyer ? Money{} : l.commission) + l.farmerCharges +
                                   l.farmerNet ==
                               l.amount);
                }
                WEEK_CHECK(sum == done->total);
                ++counts[2];
            } else if (dice < 73) {
                what = QStringLiteral("collection");
                const auto& b = pick(buyers);
                const qint64 due = buyerDue(b.id);
                if (due <= 0)
                    continue;
                WEEK_OK(m_fx.collections().collect(m_fx.cashier, b.id, someMoney(due),
                                                   rng.bounded(2) ? PaymentMethod::Cash
                                                                  : PaymentMethod::BankTransfer));
                ++counts[3];
            } else if (dice < 81) {
                what = QStringLiteral("farmer payment");
                const auto& f = pick(farmers);
                const qint64 owed = farmerOwed(f.id);
                const bool settle = owed > 0 && rng.bounded(3) > 0;
                // Sometimes a settlement of exactly what is owed: the farmer is paid up to the paisa.
                const Money amount = !settle               ? someMoney(200'000)
                                     : rng.bounded(4) == 0 ? Money::fromMinor(owed)
                                                           : someMoney(owed);
                WEEK_OK(farmerPay.pay(m_fx.manager, f.id,
                                      settle ? FarmerPaymentKind::Settlement : FarmerPaymentKind::Advance,
                                      amount, outflowMethod(amount.minor())));
                ++counts[4];
            } else if (dice < 87) {
                what = QStringLiteral("stock adjustment");
                const auto& lot = lots[sellable[rng.bounded(quint32(sellable.size()))]];
                const qint64 left = stockLeft(lot.id);
                qint64 q = 1 + qint64(rng.bounded(double(std::min<qint64>(left, 10'000))));
                if (!unitIsWeighed(lot.unit))
                    q = std::max<qint64>(1000, q / 1000 * 1000);
                if (q > left)
                    continue;
                AdjustmentRequest a{lot.id, Quantity::fromThousandths(q), AdjustmentReason::Damage,
                                    QStringLiteral("crushed"), std::nullopt};
                WEEK_OK(adjustments.adjust(m_fx.manager, a));
                ++counts[5];
            } else if (dice < 94) {
                what = QStringLiteral("expense");
                const Money amount = someMoney(50'000);
                WEEK_OK(expenses.record(m_fx.manager, ExpenseCategory::Wage, amount,
                                        outflowMethod(amount.minor())));
                ++counts[6];
            } else {
                what = QStringLiteral("cash in/out");
                const Money amount = someMoney(30'000);
                WEEK_OK(cash.move(m_fx.cashier, rng.bounded(2) == 0 || amount.minor() > drawerHolds(), amount,
                                  QStringLiteral("change")));
                ++counts[7];
            }

            // After every step: the books from the rows agree with the services, to the paisa.
            for (const auto& lot : lots) {
                auto summary = m_fx.arrivals().lot(lot.id);
                WEEK_OK(summary);
                const qint64 left = stockLeft(lot.id);
                WEEK_CHECK(left >= 0);
                WEEK_CHECK(summary->left.thousandths() == left);
            }
            for (const auto& b : buyers) {
                auto due = m_fx.collections().outstanding(b.id);
                WEEK_OK(due);
                WEEK_CHECK(due->minor() == buyerDue(b.id));
                WEEK_CHECK(due->minor() >= 0);
            }
            for (const auto& f : farmers) {
                auto owed = farmerPay.payable(f.id);
                WEEK_OK(owed);
                WEEK_CHECK(owed->minor() == farmerOwed(f.id));
            }
            // No credit detail is paid beyond its amount; no line returns more than it sold.
            WEEK_CHECK(m_fx.integer(QStringLiteral("SELECT count(*) FROM credit_detail d WHERE d.amount < "
                                                   "(SELECT coalesce(sum(amount), 0) FROM "
                                                   "collection_allocation WHERE credit_detail_id = d.id) + "
                                                   "(SELECT coalesce(sum(amount), 0) FROM return_allocation "
                                                   "WHERE credit_detail_id = d.id)")) == 0);
            WEEK_CHECK(m_fx.integer(QStringLiteral(
                           "SELECT count(*) FROM sale_line l WHERE l.qty < "
                           "(SELECT coalesce(sum(qty), 0) FROM return_line WHERE sale_line_id = l.id)")) ==
                       0);
            // A fully returned line is reversed exactly: amount, commission, charges and farmer net.
            WEEK_CHECK(
                m_fx.integer(QStringLiteral(
                    "SELECT count(*) FROM sale_line l JOIN (SELECT sale_line_id, sum(qty) q, sum(amount) a, "
                    "sum(commission) c, sum(farmer_net) n, sum(buyer_charges) b, sum(farmer_charges) f FROM "
                    "return_line GROUP BY sale_line_id) r ON "
                    "r.sale_line_id = l.id WHERE r.q = l.qty AND (r.a <> l.amount OR r.c <> l.commission OR "
                    "r.n <> l.farmer_net OR r.b <> l.buyer_charges OR r.f <> l.farmer_charges)")) == 0);
            // Every bill: total = Σ (goods + buyer charges + commission when the buyer pays it); every
            // line: its charges add up, and farmer net + commission + farmer charges = amount.
            WEEK_CHECK(
                m_fx.integer(QStringLiteral(
                    "SELECT count(*) FROM sale s WHERE s.total <> (SELECT sum(amount + buyer_charges + "
                    "commission_by_buyer * commission) FROM sale_line WHERE sale_id = s.id)")) == 0);
            WEEK_CHECK(
                m_fx.integer(QStringLiteral(
                    "SELECT count(*) FROM sale_line l WHERE l.farmer_net + l.farmer_charges + "
                    "(1 - l.commission_by_buyer) * l.commission <> l.amount OR l.buyer_charges <> "
                    "(SELECT coalesce(sum(amount), 0) FROM sale_line_charge WHERE sale_line_id = l.id AND "
                    "payer = 'buyer') OR l.farmer_charges <> (SELECT coalesce(sum(amount), 0) FROM "
                    "sale_line_charge WHERE sale_line_id = l.id AND payer = 'farmer')")) == 0);
            WEEK_CHECK(
                m_fx.integer(QStringLiteral(
                    "SELECT count(*) FROM sale_return r WHERE r.total <> (SELECT sum(amount + buyer_charges "
                    "+ "
                    "commission_by_buyer * commission) FROM return_line "
                    "WHERE return_id = r.id) OR r.credit_reduction <> (SELECT coalesce(sum(amount), 0) FROM "
                    "return_allocation WHERE return_id = r.id)")) == 0);
        }

        what = QStringLiteral("completion and payables");
        WEEK_CHECK(completionAgrees(opened->openedAtMs, m_fx.clock.nowMs() + 1));
        WEEK_CHECK(completionAgrees(StoreFixture::kStartMs, m_fx.clock.nowMs() + 1));
        // Periods that start early, late (a shop east of UTC) and end inside one UTC day: the
        // report seeds running nets from the day buckets either way.
        constexpr qint64 kHourMs = 3'600'000;
        const qint64 utcDay = m_fx.clock.nowMs() / (24 * kHourMs) * (24 * kHourMs);
        WEEK_CHECK(completionAgrees(utcDay - 5 * kHourMs - kHourMs / 2, m_fx.clock.nowMs() + 1));
        WEEK_CHECK(completionAgrees(utcDay - 4 * kHourMs, utcDay - kHourMs));
        WEEK_CHECK(completionAgrees(utcDay + kHourMs, m_fx.clock.nowMs() + 1));
        WEEK_CHECK(completionAgrees(utcDay - 20 * kHourMs, utcDay - 19 * kHourMs));
        auto balances = m_fx.reports().farmerBalances();
        WEEK_OK(balances);
        for (const auto& b : *balances)
            WEEK_CHECK(b.payable.minor() == farmerOwed(b.farmerId));

        what = QStringLiteral("close the drawer");
        auto x = cash.report(**sessionId);
        WEEK_OK(x);
        const qint64 expected =
            opened->openingFloat.minor() + cashBetween(opened->openedAtMs, m_fx.clock.nowMs());
        if (x->expected.minor() != expected)
            qWarning(
                "expected: service %lld, rows %lld; float %lld sales %lld coll %lld in %lld out %lld payouts "
                "%lld "
                "expenses %lld refunds %lld",
                static_cast<long long>(x->expected.minor()), static_cast<long long>(expected),
                static_cast<long long>(x->openingFloat.minor()), static_cast<long long>(x->cashSales.minor()),
                static_cast<long long>(x->cashCollections.minor()), static_cast<long long>(x->cashIn.minor()),
                static_cast<long long>(x->cashOut.minor()), static_cast<long long>(x->farmerPayouts.minor()),
                static_cast<long long>(x->cashExpenses.minor()),
                static_cast<long long>(x->cashRefunds.minor()));
        WEEK_CHECK(x->expected.minor() == expected);
        const Money counted =
            Money::fromMinor(std::max<qint64>(0, expected + qint64(rng.bounded(201)) - 100));
        auto z = cash.close(m_fx.cashier, counted);
        WEEK_OK(z);
        WEEK_CHECK(z->expected.minor() == expected);
        WEEK_CHECK(z->variance && *z->variance == counted - Money::fromMinor(expected));
        m_fx.clock.advanceMs(14 * 3600 * 1000); // overnight
    }

    what = QStringLiteral("end of the week");
    auto audit = AuditVerifier::verify(m_fx.store().db());
    WEEK_OK(audit);
    WEEK_CHECK(audit->ok());
    WEEK_CHECK(m_fx.integer(QStringLiteral("SELECT max(seq) - min(seq) + 1 - count(*) FROM outbox")) == 0);
    qInfo("seed %u: %d arrivals, %d sales, %d returns, %d collections, %d farmer payments, %d adjustments, "
          "%d expenses, %d cash moves",
          seed, counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6], counts[7]);
    WEEK_CHECK(counts[1] > 50 && counts[2] > 5 && counts[3] > 5 && counts[4] > 5);
}

QTEST_MAIN(TestRandomWeek)
#include "tst_random_week.moc"
