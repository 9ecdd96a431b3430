#include "StoreFixture.h"
#include "services/CashSessionService.h"
#include "services/ExpenseService.h"
#include "services/FarmerPaymentService.h"

using namespace market::test;

class TestCashSession : public QObject {
    Q_OBJECT
    StoreFixture f;
    LotDoc m_lot;
    PartyDoc m_buyer;
    PartyDoc m_farmer;

private slots:
    void initTestCase() {
        MARKET_REQUIRE_OK(f.setUp(StoreFixture::Options{.pins = false, .openCashDrawer = false}));
    }

    void init() {
        MARKET_REQUIRE_OK(f.reset());
        auto farmer = f.farmer(QStringLiteral("Ramesh"));
        MARKET_REQUIRE_OK(farmer);
        m_farmer = *farmer;
        auto product = f.product(QStringLiteral("Tomato"));
        MARKET_REQUIRE_OK(product);
        auto lot = f.lot(farmer->id, product->id, qty(u"1000"));
        MARKET_REQUIRE_OK(lot);
        m_lot = *lot;
        auto buyer = f.buyer(QStringLiteral("Hotel Taj"), money(u"100000"));
        MARKET_REQUIRE_OK(buyer);
        m_buyer = *buyer;
    }

    void openMoveClose() {
        CashSessionService cash(f.store());
        auto opened = cash.open(f.cashier, money(u"1000.00"));
        MARKET_REQUIRE_OK(opened);
        MARKET_REQUIRE_ERROR(cash.open(f.cashier, money(u"5")), ErrorCode::InvalidState); // one per terminal

        f.clock.advanceMs(1000);
        // Cash 500 tendered for a 420 bill: 80 change, 420 cash counted.
        SaleRequest sale;
        sale.lines = {StoreFixture::line(m_lot.id, u"10", u"42")};
        sale.payments = {StoreFixture::pay(PaymentMethod::Cash, u"500")};
        MARKET_REQUIRE_OK(f.sales().sell(f.cashier, sale));
        // A credit sale with part in cash and part by UPI (UPI is not drawer cash).
        SaleRequest credit;
        credit.buyerId = m_buyer.id;
        credit.lines = {StoreFixture::line(m_lot.id, u"20", u"50")};
        credit.payments = {StoreFixture::pay(PaymentMethod::Cash, u"300"),
                           StoreFixture::pay(PaymentMethod::Upi, u"200")};
        MARKET_REQUIRE_OK(f.sales().sell(f.cashier, credit));
        MARKET_REQUIRE_OK(f.collections().collect(f.cashier, m_buyer.id, money(u"150"), PaymentMethod::Cash));
        MARKET_REQUIRE_OK(f.collections().collect(f.cashier, m_buyer.id, money(u"50"), PaymentMethod::Upi));
        MARKET_REQUIRE_OK(cash.move(f.cashier, true, money(u"200"), QStringLiteral("change from bank")));
        MARKET_REQUIRE_OK(cash.move(f.cashier, false, money(u"100"), QStringLiteral("tea and snacks")));
        MARKET_REQUIRE_OK(FarmerPaymentService(f.store()).pay(
            f.manager, m_farmer.id, FarmerPaymentKind::Settlement, money(u"250"), PaymentMethod::Cash));
        MARKET_REQUIRE_OK(ExpenseService(f.store()).record(f.cashier, ExpenseCategory::Supplies, money(u"30"),
                                                           PaymentMethod::Cash, QStringLiteral("string")));
        MARKET_REQUIRE_OK(ExpenseService(f.store()).record(f.cashier, ExpenseCategory::Rent, money(u"999"),
                                                           PaymentMethod::BankTransfer));

        auto x = cash.report(opened->id);
        MARKET_REQUIRE_OK(x);
        QCOMPARE(x->cashSales, money(u"720"));
        QCOMPARE(x->cashCollections, money(u"150"));
        QCOMPARE(x->cashIn, money(u"200"));
        QCOMPARE(x->cashOut, money(u"100"));
        QCOMPARE(x->farmerPayouts, money(u"250"));
        QCOMPARE(x->cashExpenses, money(u"30"));
        const Money expected = money(u"1000") + money(u"720") + money(u"150") + money(u"200") -
                               money(u"100") - money(u"250") - money(u"30");
        QCOMPARE(x->expected, expected);
        QCOMPARE(x->salesCount, qint64{2});
        QVERIFY(!x->closedAtMs);

        // Taking out more than the drawer holds is refused.
        MARKET_REQUIRE_ERROR(
            cash.move(f.cashier, false, expected + money(u"0.01"), QStringLiteral("too much")),
            ErrorCode::InvalidInput);

        // Close by denomination: 3 × ₹500 + 1 × ₹100 + 3 × ₹10 = ₹1,630 against ₹1,690 expected.
        f.clock.advanceMs(1000);
        const std::vector<Denomination> notes{{50000, 3}, {10000, 1}, {1000, 3}};
        auto z = cash.close(f.cashier, std::nullopt, notes);
        MARKET_REQUIRE_OK(z);
        QCOMPARE(z->counted.value(), money(u"1630"));
        QCOMPARE(z->variance.value(), money(u"1630") - expected);
        QVERIFY(z->closedAtMs);
        QCOMPARE(z->denominations.size(), size_t{3});

        // Closing is final; a closed session takes no more movements.
        const QByteArray before = f.dump();
        MARKET_REQUIRE_ERROR(cash.close(f.cashier, money(u"1630")), ErrorCode::InvalidState);
        MARKET_REQUIRE_ERROR(cash.move(f.cashier, true, money(u"1"), QStringLiteral("late")),
                             ErrorCode::InvalidState);
        QCOMPARE(f.dump(), before);
    }

    void cashNeedsAnOpenDrawer() {
        const QByteArray before = f.dump();
        MARKET_REQUIRE_ERROR(ExpenseService(f.store()).record(f.cashier, ExpenseCategory::Wage, money(u"100"),
                                                              PaymentMethod::Cash),
                             ErrorCode::InvalidState);
        MARKET_REQUIRE_ERROR(FarmerPaymentService(f.store()).pay(f.manager, m_farmer.id,
                                                                 FarmerPaymentKind::Advance, money(u"100"),
                                                                 PaymentMethod::Cash),
                             ErrorCode::InvalidState);
        QCOMPARE(f.dump(), before);
        // Non-cash needs no drawer.
        MARKET_REQUIRE_OK(ExpenseService(f.store()).record(f.cashier, ExpenseCategory::Wage, money(u"100"),
                                                           PaymentMethod::Upi));
    }

    void badInput() {
        CashSessionService cash(f.store());
        MARKET_REQUIRE_ERROR(cash.open(f.cashier, money(u"-1")), ErrorCode::InvalidInput);
        MARKET_REQUIRE_OK(cash.open(f.cashier, money(u"0")));
        const QByteArray before = f.dump();
        MARKET_REQUIRE_ERROR(cash.move(f.cashier, true, money(u"0"), QStringLiteral("zero")),
                             ErrorCode::InvalidInput);
        MARKET_REQUIRE_ERROR(cash.move(f.cashier, true, money(u"5"), QString()), ErrorCode::InvalidInput);
        MARKET_REQUIRE_ERROR(cash.close(f.cashier, std::nullopt), ErrorCode::InvalidInput);
        MARKET_REQUIRE_ERROR(cash.close(f.cashier, money(u"-5")), ErrorCode::InvalidInput);
        MARKET_REQUIRE_ERROR(cash.close(f.cashier, money(u"10"), {{1000, 2}}),
                             ErrorCode::InvalidInput); // 20 ≠ 10
        MARKET_REQUIRE_ERROR(cash.close(f.cashier, std::nullopt, {{0, 2}}), ErrorCode::InvalidInput);
        QCOMPARE(f.dump(), before);
    }
};

QTEST_GUILESS_MAIN(TestCashSession)
#include "tst_cash_session.moc"
