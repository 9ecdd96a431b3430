// The drawer screen with key events: open with a float, cash in and out, X figures that follow
// a cash sale, close with the counted cash and the variance; bad amounts change nothing.
#include "UiFixture.h"
#include "controllers/DrawerController.h"
#include "widgets/DrawerWidget.h"

#include <QLabel>
#include <QPushButton>
#include <QSpinBox>

using namespace market;
using namespace market::ui;

class TestDrawerScreen : public QObject {
    Q_OBJECT

    test::UiFixture f;
    StandaloneSyncStatus sync;
    std::unique_ptr<MainWindow> window;

    template <typename T> T* child(const char* name) {
        return window->findChild<T*>(QString::fromLatin1(name));
    }
    QString figure(const char* name) {
        auto* label = child<QLabel>(name);
        return label ? label->text() : QString();
    }

private slots:
    void initTestCase() {
        QVERIFY(f.setUp());
        // The fixture opened the day's drawer; this counter starts with it closed.
        QVERIFY(f.ctx->cash.close(f.owner, core::Money::fromMinor(100'000)).ok());
        window = std::make_unique<MainWindow>(*f.ctx, sync);
        window->show();
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        window->start();
        QVERIFY(test::loginWithKeys(*window, QStringLiteral("cashier"), QStringLiteral("1111")));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_4, Qt::AltModifier);
        QTRY_VERIFY(window->drawerWidget()->isVisible());
    }

    void closedDrawerRefusesCashOut() {
        QVERIFY(!window->drawerController().isOpen());
        QVERIFY(!child<QPushButton>("drawerCashOut")->isEnabled());
        QVERIFY(child<QLabel>("drawerState")->text().contains(QStringLiteral("closed")));
    }

    void badFloatChangesNothing() {
        auto* amount = child<QLineEdit>("drawerFloat");
        amount->setFocus();
        amount->setText(QStringLiteral("12.345")); // three decimals: not money
        QTest::mouseClick(child<QPushButton>("drawerOpen"), Qt::LeftButton);
        QVERIFY(!window->drawerController().isOpen());
        QVERIFY(!window->drawerWidget()->message().isEmpty());
        amount->clear();
    }

    void openMoveAndSell() {
        auto* amount = child<QLineEdit>("drawerFloat");
        amount->setFocus();
        QTest::keyClicks(amount, QStringLiteral("2,000"));
        QTest::keyClick(amount, Qt::Key_Return);
        QVERIFY(window->drawerController().isOpen());
        QCOMPARE(figure("drawerFigureFloat"), QStringLiteral("₹2,000.00"));
        QVERIFY(!child<QPushButton>("drawerOpen")->isEnabled());

        QTest::keyClicks(child<QLineEdit>("drawerMoveAmount"), QStringLiteral("500"));
        QTest::keyClicks(child<QLineEdit>("drawerMoveReason"), QStringLiteral("change from bank"));
        QTest::mouseClick(child<QPushButton>("drawerCashIn"), Qt::LeftButton);
        QTest::keyClicks(child<QLineEdit>("drawerMoveAmount"), QStringLiteral("120"));
        QTest::keyClicks(child<QLineEdit>("drawerMoveReason"), QStringLiteral("tea"));
        QTest::mouseClick(child<QPushButton>("drawerCashOut"), Qt::LeftButton);
        QCOMPARE(figure("drawerFigureIn"), QStringLiteral("₹500.00"));
        QCOMPARE(figure("drawerFigureOut"), QStringLiteral("₹120.00"));
        QCOMPARE(figure("drawerFigureExpected"), QStringLiteral("₹2,380.00"));

        // A cash sale of 10 kg at ₹40 elsewhere on this terminal shows in the X figures.
        auto cashier = f.ctx->auth.loginWithPin(QStringLiteral("cashier"), QStringLiteral("1111"));
        QVERIFY(cashier.ok());
        core::SaleRequest r;
        r.lines.push_back({f.tomatoLot.id, core::Quantity::fromUnits(10), core::Money::fromMinor(4'000)});
        r.payments.push_back({core::PaymentMethod::Cash, core::Money::fromMinor(40'000), {}});
        QVERIFY(f.ctx->sales.sell(*cashier, r).ok());
        window->showScreen(MainWindow::Screen::Sell);
        window->showScreen(MainWindow::Screen::Drawer);
        QCOMPARE(figure("drawerFigureSales"), QStringLiteral("₹400.00"));
        QCOMPARE(figure("drawerFigureExpected"), QStringLiteral("₹2,780.00"));
    }

    void closeWithVariance() {
        // Counted by notes: 5 × ₹500 + 1 × ₹200 + 1 × ₹50 + 2 × ₹10 = ₹2,770; the total fills in.
        for (const auto& [face, n] :
             {std::pair{50000, 5}, std::pair{20000, 1}, std::pair{5000, 1}, std::pair{1000, 2}}) {
            auto* count = window->findChild<QSpinBox*>(QStringLiteral("drawerNote%1").arg(face));
            QVERIFY(count);
            count->setFocus();
            count->selectAll(); // as a cashier overtypes the 0
            QTest::keyClicks(count, QString::number(n));
        }
        auto* counted = child<QLineEdit>("drawerCounted");
        QCOMPARE(counted->text(), QStringLiteral("2770.00"));
        counted->setFocus();
        QTest::keyClick(counted, Qt::Key_Return);
        QVERIFY(!window->drawerController().isOpen());
        QCOMPARE(figure("drawerFigureCounted"), QStringLiteral("₹2,770.00"));
        QCOMPARE(figure("drawerFigureVariance"), QStringLiteral("-₹10.00"));
        QVERIFY(window->drawerWidget()->message().contains(QStringLiteral("₹10.00")));
        auto open = f.ctx->cash.openSession();
        QVERIFY(open.ok() && !open->has_value());
        QCOMPARE(window->drawerController().figures()->denominations.size(), size_t(4));
    }
};

QTEST_MAIN(TestDrawerScreen)
#include "tst_drawerscreen.moc"
