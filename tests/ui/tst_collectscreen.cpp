// The collect screen with key events: buyer, open credits, FIFO preview, collection, receipt.
#include "UiFixture.h"
#include "models/OpenCreditModel.h"
#include "widgets/CollectWidget.h"

#include <QLabel>
#include <QTableView>

using namespace market;
using namespace market::ui;

class TestCollectScreen : public QObject {
    Q_OBJECT

    test::UiFixture f;
    StandaloneSyncStatus sync;
    std::unique_ptr<MainWindow> window;

    template <typename T> T* child(const char* name) {
        return window->findChild<T*>(QString::fromLatin1(name));
    }

private slots:
    void initTestCase() {
        QVERIFY(f.setUp());
        // Two credit sales a day apart: ₹400 and ₹800 on credit.
        auto cashier = f.ctx->auth.loginWithPin(QStringLiteral("cashier"), QStringLiteral("1111"));
        QVERIFY(cashier.ok());
        for (qint64 kg : {10, 20}) {
            core::SaleRequest r;
            r.buyerId = f.trader.id;
            r.lines.push_back({f.tomatoLot.id, core::Quantity::fromUnits(kg), core::Money::fromMinor(4'000)});
            QVERIFY(f.ctx->sales.sell(*cashier, r).ok());
            f.clock.advanceMs(24 * 3600 * 1000);
        }
        window = std::make_unique<MainWindow>(*f.ctx, sync);
        window->show();
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        window->start();
        QVERIFY(test::loginWithKeys(*window, QStringLiteral("cashier"), QStringLiteral("1111")));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_3, Qt::AltModifier);
        QTRY_VERIFY(window->collectWidget()->isVisible());
    }

    void collectWithPreview() {
        auto* buyer = child<QLineEdit>("collectBuyerEdit");
        buyer->setFocus();
        QTest::keyClicks(buyer, QStringLiteral("Laksh"));
        QTest::keyClick(buyer, Qt::Key_Return);
        QTRY_VERIFY(child<QLabel>("collectOutstanding")->text().contains(QStringLiteral("₹1,200.00")));
        auto* table = child<QTableView>("creditTable");
        QCOMPARE(table->model()->rowCount(), 2);
        QCOMPARE(table->model()->index(0, OpenCreditModel::Age).data().toString(),
                 QStringLiteral("2 day(s)"));

        auto* amount = child<QLineEdit>("collectAmount");
        QTRY_VERIFY(amount->hasFocus());
        QTest::keyClicks(amount, QStringLiteral("600"));
        // FIFO preview as typed: the older credit is cleared first.
        QCOMPARE(table->model()->index(0, OpenCreditModel::Allocated).data().toString(),
                 QStringLiteral("₹400.00"));
        QCOMPARE(table->model()->index(1, OpenCreditModel::Allocated).data().toString(),
                 QStringLiteral("₹200.00"));
        const qsizetype before = f.receiptBytes().size();
        QTest::keyClick(amount, Qt::Key_Return);

        QCOMPARE(*f.ctx->collections.outstanding(f.trader.id), core::Money::fromMinor(60'000));
        QTRY_VERIFY(child<QLabel>("collectOutstanding")->text().contains(QStringLiteral("₹600.00")));
        QCOMPARE(table->model()->rowCount(), 1);
        QTRY_VERIFY(f.receiptBytes().size() > before);
        const QByteArray receipt = f.receiptBytes().mid(before);
        QVERIFY(receipt.contains("Payment receipt"));
        QVERIFY(receipt.contains("Rs.600.00"));
        QVERIFY(receipt.contains("CASH"));
    }

    void overpaymentIsRefused() {
        auto* amount = child<QLineEdit>("collectAmount");
        amount->setFocus();
        QTest::keyClicks(amount, QStringLiteral("601"));
        QVERIFY(!window->collectWidget()->message().isEmpty());
        QTest::keyClick(amount, Qt::Key_Return);
        QCOMPARE(*f.ctx->collections.outstanding(f.trader.id), core::Money::fromMinor(60'000));
        amount->clear();
    }
};

QTEST_MAIN(TestCollectScreen)
#include "tst_collectscreen.moc"
