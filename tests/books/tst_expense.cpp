#include "StoreFixture.h"
#include "services/ExpenseService.h"

using namespace market::test;

class TestExpense : public QObject {
    Q_OBJECT
    StoreFixture f;

private slots:
    void initTestCase() {
        MARKET_REQUIRE_OK(f.setUp(StoreFixture::Options{.pins = false, .openCashDrawer = false}));
    }
    void init() { MARKET_REQUIRE_OK(f.reset()); }

    void records_data() {
        QTest::addColumn<int>("category");
        QTest::addColumn<QString>("amount");
        QTest::addColumn<QString>("note");
        QTest::newRow("wage") << int(ExpenseCategory::Wage) << QStringLiteral("450.00")
                              << QStringLiteral("hamali");
        QTest::newRow("rent") << int(ExpenseCategory::Rent) << QStringLiteral("12000") << QString();
        QTest::newRow("telugu note") << int(ExpenseCategory::Transport) << QStringLiteral("0.01")
                                     << QStringLiteral("లారీ బాడుగ");
        QTest::newRow("sql in note") << int(ExpenseCategory::Other) << QStringLiteral("5")
                                     << QStringLiteral("'); DROP TABLE expense; --");
    }

    void records() {
        QFETCH(int, category);
        QFETCH(QString, amount);
        QFETCH(QString, note);
        ExpenseService expenses(f.store());
        auto e =
            expenses.record(f.cashier, ExpenseCategory(category), money(amount), PaymentMethod::Upi, note);
        MARKET_REQUIRE_OK(e);
        auto list = expenses.list(0, f.clock.nowMs() + 1);
        MARKET_REQUIRE_OK(list);
        QCOMPARE(list->size(), size_t{1});
        QCOMPARE(list->front().amount, money(amount));
        QCOMPARE(list->front().note, note);
        QCOMPARE(f.integer(QStringLiteral("SELECT count(*) FROM outbox WHERE type = 'expense.recorded'")),
                 qint64{1});
    }

    void refusals() {
        ExpenseService expenses(f.store());
        const QByteArray before = f.dump();
        MARKET_REQUIRE_ERROR(
            expenses.record(f.cashier, ExpenseCategory::Rent, money(u"-1"), PaymentMethod::Upi),
            ErrorCode::InvalidInput);
        MARKET_REQUIRE_ERROR(expenses.record(f.cashier, ExpenseCategory::Rent, Money{}, PaymentMethod::Upi),
                             ErrorCode::InvalidInput);
        MARKET_REQUIRE_ERROR(expenses.record(f.cashier, ExpenseCategory::Rent, money(u"1"),
                                             PaymentMethod::Upi, QString(3000, QLatin1Char('x'))),
                             ErrorCode::InvalidInput);
        MARKET_REQUIRE_ERROR(
            expenses.record(f.cashier, ExpenseCategory::Rent, money(u"1"), PaymentMethod::Cash),
            ErrorCode::InvalidState); // no open drawer
        QCOMPARE(f.dump(), before);
    }
};

QTEST_GUILESS_MAIN(TestExpense)
#include "tst_expense.moc"
