#include "StoreFixture.h"
#include "services/CashSessionService.h"
#include "services/FarmerPaymentService.h"
#include "services/ReturnService.h"
#include "services/reports/CreditReports.h"

using namespace market::test;

class TestReturn : public QObject {
    Q_OBJECT
    StoreFixture f;
    PartyDoc m_buyer;
    PartyDoc m_farmerA;
    PartyDoc m_farmerB;
    LotDoc m_lotA;
    LotDoc m_lotB;

    Result<SaleDoc> creditSale(QStringView qtyA, QStringView qtyB, QStringView paid) {
        SaleRequest r;
        r.buyerId = m_buyer.id;
        r.lines = {StoreFixture::line(m_lotA.id, qtyA, u"33.33"), StoreFixture::line(m_lotB.id, qtyB, u"10")};
        if (!paid.isEmpty())
            r.payments = {StoreFixture::pay(PaymentMethod::Upi, paid)};
        return f.sales().sell(f.cashier, r);
    }

    ReturnRequest request(const SaleDoc& sale, size_t line, QStringView quantity) {
        ReturnRequest r;
        r.saleId = sale.id;
        r.lines = {ReturnLineRequest{sale.lines.at(line).id, qty(quantity)}};
        r.reason = QStringLiteral("bruised");
        return r;
    }

private slots:
    void initTestCase() { MARKET_REQUIRE_OK(f.setUp()); }

    void init() {
        MARKET_REQUIRE_OK(f.reset());
        m_farmerA = *f.farmer(QStringLiteral("Ramesh"));
        m_farmerB = *f.farmer(QStringLiteral("సీత"));
        auto product = f.product(QStringLiteral("Tomato"));
        MARKET_REQUIRE_OK(product);
        MARKET_REQUIRE_OK(f.flatRule(std::nullopt, 700)); // 7 %: rounding on every line
        m_lotA = *f.lot(m_farmerA.id, product->id, qty(u"30"));
        m_lotB = *f.lot(m_farmerB.id, product->id, qty(u"50"));
        m_buyer = *f.buyer(QStringLiteral("Lakshmi Stores"), money(u"100000"));
    }

    void partialReturnsReverseExactly() {
        auto sale = creditSale(u"30", u"7", u"");
        MARKET_REQUIRE_OK(sale);
        QCOMPARE(f.arrivals().lot(m_lotA.id)->status, LotStatus::Closed); // sold out
        const SaleLineDoc line = sale->lines.at(0);
        ReturnService returns(f.store());
        // Three returns of 10 kg each: the cumulative rounding reverses the line to the paisa.
        Money amount;
        Money commission;
        Money net;
        for (int i = 0; i < 3; ++i) {
            auto ret = returns.returnGoods(f.cashier, request(*sale, 0, u"10"));
            MARKET_REQUIRE_OK(ret);
            MARKET_REQUIRE_OK(ret->verifyArithmetic());
            amount += ret->lines.front().amount;
            commission += ret->lines.front().commission;
            net += ret->lines.front().farmerNet;
            if (i == 0)
                QCOMPARE(f.arrivals().lot(m_lotA.id)->status, LotStatus::Active); // reopened, audited
        }
        QCOMPARE(amount, line.amount);
        QCOMPARE(commission, line.commission);
        QCOMPARE(net, line.farmerNet);
        QCOMPARE(f.arrivals().lot(m_lotA.id)->left, qty(u"30"));
        // Nothing more can come back.
        const QByteArray before = f.dump();
        MARKET_REQUIRE_ERROR(returns.returnGoods(f.cashier, request(*sale, 0, u"0.001")),
                             ErrorCode::InvalidInput);
        QCOMPARE(f.dump(), before);
        QCOMPARE(*returns.returnable(line.id), Quantity{});
        QCOMPARE(f.integer(QStringLiteral("SELECT count(*) FROM outbox WHERE type = 'sale.returned'")),
                 qint64{3});
    }

    void creditReducedFirstThenRefund() {
        // Bill 999.90 + 70.00 = 1069.90, 500 paid by UPI: 569.90 on credit.
        auto sale = creditSale(u"30", u"7", u"500");
        MARKET_REQUIRE_OK(sale);
        QCOMPARE(sale->credit, money(u"569.90"));
        MARKET_REQUIRE_OK(f.collections().collect(f.cashier, m_buyer.id, money(u"400"), PaymentMethod::Upi));
        QCOMPARE(*f.collections().outstanding(m_buyer.id), money(u"169.90"));

        ReturnService returns(f.store());
        // Return all of farmer B's 7 kg (70.00): the bill still owes 169.90, so credit absorbs it.
        auto first = returns.returnGoods(f.cashier, request(*sale, 1, u"7"));
        MARKET_REQUIRE_OK(first);
        QCOMPARE(first->creditReduction, money(u"70"));
        QCOMPARE(first->refund, Money{});
        QCOMPARE(*f.collections().outstanding(m_buyer.id), money(u"99.90"));
        // Return 10 kg of A (333.30): 99.90 clears the bill, 233.40 comes back in cash.
        auto second = returns.returnGoods(f.cashier, request(*sale, 0, u"10"));
        MARKET_REQUIRE_OK(second);
        QCOMPARE(second->total, money(u"333.30"));
        QCOMPARE(second->creditReduction, money(u"99.90"));
        QCOMPARE(second->refund, money(u"233.40"));
        QCOMPARE(*f.collections().outstanding(m_buyer.id), Money{});
        QVERIFY(f.collections().openCredits(m_buyer.id)->empty());
        // Buyer balances, completion and the drawer agree.
        QCOMPARE(f.reports().buyerBalances()->front().outstanding, Money{});
        auto drawer = CashSessionService(f.store()).openSession();
        auto x = CashSessionService(f.store()).report(drawer->value());
        QCOMPARE(x->cashRefunds, money(u"233.40"));
        auto completion = f.reports().completion(0, f.clock.nowMs() + 1);
        QVERIFY(completion->front().buyerPaid);
        // A collection beyond the dues is now refused.
        MARKET_REQUIRE_ERROR(
            f.collections().collect(f.cashier, m_buyer.id, money(u"0.01"), PaymentMethod::Upi),
            ErrorCode::Overpayment);
    }

    void farmerPayableNetOfReturns() {
        auto sale = creditSale(u"10", u"10", u"433.30");
        MARKET_REQUIRE_OK(sale);
        FarmerPaymentService pay(f.store());
        const Money before = *pay.payable(m_farmerB.id);
        QCOMPARE(before, sale->lines.at(1).farmerNet);
        auto ret = ReturnService(f.store()).returnGoods(f.cashier, request(*sale, 1, u"4"));
        MARKET_REQUIRE_OK(ret);
        QCOMPARE(*pay.payable(m_farmerB.id), before - ret->lines.front().farmerNet);
        auto balances = f.reports().farmerBalances();
        for (const auto& b : *balances)
            if (b.farmerId == m_farmerB.id)
                QCOMPARE(b.payable, before - ret->lines.front().farmerNet);
        auto st = pay.statement(m_farmerB.id, 0, f.clock.nowMs() + 1);
        MARKET_REQUIRE_OK(st);
        QCOMPARE(st->returnedNet, ret->lines.front().farmerNet);
        QCOMPARE(st->closingBalance, *pay.payable(m_farmerB.id));
        // The payables report, whole shop and one farmer, agrees.
        ReportFilter one;
        one.farmerId = m_farmerB.id;
        auto single = CreditReports(f.store()).farmerPayables(one);
        MARKET_REQUIRE_OK(single);
        QCOMPARE(single->size(), size_t(1));
        QCOMPARE(single->front().payable, *pay.payable(m_farmerB.id));
        QCOMPARE(single->front().farmerNet, before - ret->lines.front().farmerNet);
    }

    void refusals() {
        auto sale = creditSale(u"5", u"5", u"216.65");
        MARKET_REQUIRE_OK(sale);
        ReturnService returns(f.store());
        const QByteArray before = f.dump();
        MARKET_REQUIRE_ERROR(returns.returnGoods(f.cashier, request(*sale, 0, u"5.001")),
                             ErrorCode::InvalidInput);
        MARKET_REQUIRE_ERROR(returns.returnGoods(f.cashier, request(*sale, 0, u"0")),
                             ErrorCode::InvalidInput);
        MARKET_REQUIRE_ERROR(returns.returnGoods(f.cashier, request(*sale, 0, u"-1")),
                             ErrorCode::InvalidInput);
        ReturnRequest twice = request(*sale, 0, u"3");
        twice.lines.push_back(twice.lines.front()); // 3 + 3 > 5 across two lines of one request
        MARKET_REQUIRE_ERROR(returns.returnGoods(f.cashier, twice), ErrorCode::InvalidInput);
        ReturnRequest noReason = request(*sale, 0, u"1");
        noReason.reason.clear();
        MARKET_REQUIRE_ERROR(returns.returnGoods(f.cashier, noReason), ErrorCode::InvalidInput);
        ReturnRequest wrongLine = request(*sale, 0, u"1");
        wrongLine.lines.front().saleLineId = f.store().newId();
        MARKET_REQUIRE_ERROR(returns.returnGoods(f.cashier, wrongLine), ErrorCode::NotFound);
        ReturnRequest wrongSale = request(*sale, 0, u"1");
        wrongSale.saleId = f.store().newId();
        MARKET_REQUIRE_ERROR(returns.returnGoods(f.cashier, wrongSale), ErrorCode::NotFound);
        QCOMPARE(f.dump(), before);
    }
};

QTEST_GUILESS_MAIN(TestReturn)
#include "tst_return.moc"
