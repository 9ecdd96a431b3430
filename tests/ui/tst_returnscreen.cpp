// The returns screen with key events: find a sale by its receipt number, type the quantity
// coming back, record; the buyer's credit goes down first, then a cash refund leaves the drawer.
#include "UiFixture.h"
#include "controllers/DrawerController.h"
#include "controllers/ReceiptBuilder.h"
#include "controllers/ReturnController.h"
#include "models/ReturnLinesModel.h"
#include "widgets/ReturnWidget.h"

#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QTableView>

using namespace market;
using namespace market::ui;

class TestReturnScreen : public QObject {
    Q_OBJECT

    test::UiFixture f;
    StandaloneSyncStatus sync;
    std::unique_ptr<MainWindow> window;
    QString m_receipt;

    template <typename T> T* child(const char* name) {
        return window->findChild<T*>(QString::fromLatin1(name));
    }
    core::Money expectedCash() {
        auto open = f.ctx->cash.openSession();
        if (!open.ok() || !open->has_value())
            return {};
        return f.ctx->cash.report(**open)->expected;
    }
    /// Types a quantity into the "Return now" cell of a row, as a cashier would.
    void typeQuantity(int row, const QString& text) {
        auto* table = child<QTableView>("returnLines");
        table->setFocus();
        const QModelIndex cell = table->model()->index(row, ReturnLinesModel::Return);
        table->setCurrentIndex(cell);
        QTest::keyClick(table, Qt::Key_F2); // the platform's edit key opens the cell's editor
        QPointer<QLineEdit> editor = qobject_cast<QLineEdit*>(QApplication::focusWidget());
        QVERIFY(editor);
        editor->selectAll();
        QTest::keyClicks(editor, text);
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_VERIFY(!editor || !editor->isVisible()); // the delegate commits on a queued call
    }

    /// One label/amount row of a text receipt as EscPosEncoder lays it out (shop's column width).
    QByteArray row(const char* label, const char* value) {
        const int columns = f.ctx->prefs.receiptColumns;
        const QByteArray l(label), v(value);
        return l + QByteArray(columns - l.size() - v.size(), ' ') + v + '\n';
    }
    /// What the printer received since `before` bytes (the receipt file is appended to; empty if
    /// nothing came within 10 s).
    QByteArray printedSince(qsizetype before) {
        if (!QTest::qWaitFor([&] { return f.receiptBytes().size() > before; }, 10000))
            return {};
        return f.receiptBytes().mid(before);
    }

private slots:
    void initTestCase() {
        QVERIFY(f.setUp());
        // With MARKET_SCREENSHOT_DIR set, the credit notes are kept as PDFs too (to look at them).
        if (qEnvironmentVariableIsSet("MARKET_SCREENSHOT_DIR"))
            f.ctx->prefs.pdfFolder = qEnvironmentVariable("MARKET_SCREENSHOT_DIR");
        // 10 kg of tomato at ₹40 to the trader: ₹100 by UPI, ₹300 on credit.
        auto cashier = f.ctx->auth.loginWithPin(QStringLiteral("cashier"), QStringLiteral("1111"));
        QVERIFY(cashier.ok());
        core::SaleRequest r;
        r.buyerId = f.trader.id;
        r.lines.push_back({f.tomatoLot.id, core::Quantity::fromUnits(10), core::Money::fromMinor(4'000)});
        r.payments.push_back(
            {core::PaymentMethod::Upi, core::Money::fromMinor(10'000), QStringLiteral("UTR1")});
        auto sale = f.ctx->sales.sell(*cashier, r);
        QVERIFY(sale.ok());
        m_receipt = sale->receiptNo;
        window = std::make_unique<MainWindow>(*f.ctx, sync);
        window->show();
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        window->start();
        QVERIFY(test::loginWithKeys(*window, QStringLiteral("cashier"), QStringLiteral("1111")));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_5, Qt::AltModifier);
        QTRY_VERIFY(window->returnWidget()->isVisible());
    }

    void unknownReceiptIsRefused() {
        auto* receipt = child<QLineEdit>("returnReceipt");
        receipt->setFocus();
        QTest::keyClicks(receipt, QStringLiteral("HYD01-9-999999"));
        QTest::keyClick(receipt, Qt::Key_Return);
        QVERIFY(!window->returnController().sale());
        QVERIFY(window->returnWidget()->message().contains(QStringLiteral("HYD01-9-999999")));
        receipt->clear();
    }

    void returnReducesCreditFirst() {
        auto* receipt = child<QLineEdit>("returnReceipt");
        receipt->setFocus();
        QTest::keyClicks(receipt, m_receipt.toLower()); // scanners and people type either case
        QTest::keyClick(receipt, Qt::Key_Return);
        QVERIFY(window->returnController().sale());
        auto* table = child<QTableView>("returnLines");
        QCOMPARE(table->model()->rowCount(), 1);
        QCOMPARE(table->model()->index(0, ReturnLinesModel::Returnable).data().toString(),
                 QStringLiteral("10"));

        typeQuantity(0, QStringLiteral("4"));
        QCOMPARE(child<QLabel>("returnValue")->text(), QStringLiteral("Goods back: ₹160.00"));
        auto* reason = child<QLineEdit>("returnReason");
        reason->setFocus();
        QTest::keyClicks(reason, QStringLiteral("bruised"));
        const core::Money cashBefore = expectedCash();
        const qsizetype printedBefore = f.receiptBytes().size();
        QTest::keyClick(reason, Qt::Key_Return);
        QVERIFY2(window->returnWidget()->message().contains(QStringLiteral("₹160.00")),
                 qPrintable(window->returnWidget()->message()));
        QCOMPARE(*f.ctx->collections.outstanding(f.trader.id), core::Money::fromMinor(14'000));
        QCOMPARE(expectedCash(), cashBefore); // nothing refunded: the credit absorbed it
        // What is left to return is shown at once.
        QCOMPARE(table->model()->index(0, ReturnLinesModel::Returnable).data().toString(),
                 QStringLiteral("6"));

        // The credit note went to the printer as ESC/POS, like a sale receipt.
        const QByteArray bytes = printedSince(printedBefore);
        QVERIFY(!bytes.isEmpty());
        const auto& done = window->returnController().lastReturn();
        QVERIFY(done);
        const QByteArray number = ReceiptBuilder::returnNumber(done->id).toLatin1();
        QVERIFY(number.startsWith("R-") && number.size() == 14);
        QVERIFY(bytes.startsWith(QByteArray("\x1b\x40", 2)));
        QVERIFY(bytes.endsWith(QByteArray("\x1d\x56\x42\x00", 4)));
        QVERIFY(bytes.contains("Test Mandi"));
        QVERIFY(bytes.contains("Credit note (return)"));
        QVERIFY(bytes.contains(row("Return no", number.constData())));
        QVERIFY(bytes.contains(row("Original receipt", m_receipt.toLatin1().constData())));
        QVERIFY(bytes.contains(row("Date", "24-11-2025 21:30"))); // the fixture's clock, shop time
        QVERIFY(bytes.contains(row("Terminal", "1")));
        QVERIFY(bytes.contains(row("Cashier", "Ravi")));
        QVERIFY(bytes.contains(
            row("Buyer", (f.trader.code + QStringLiteral(" Lakshmi Traders")).toLatin1().constData())));
        QVERIFY(bytes.contains(f.tomatoLot.code.toLatin1() + " Tomato\n"));
        QVERIFY(bytes.contains(row("  4 kg x Rs.40.00", "Rs.160.00")));
        QVERIFY(bytes.contains(QByteArray("\x1d\x76\x30\x00", 4))); // the Hindi farmer name, as a raster
        QVERIFY(bytes.contains(QByteArray("\x1b\x45\x01") + row("Total returned", "Rs.160.00"))); // bold
        QVERIFY(bytes.contains(row("Credit reduced", "Rs.160.00")));
        QVERIFY(bytes.contains(row("Refund CASH", "Rs.0.00")));
        QVERIFY(bytes.contains(row("Reason", "bruised")));
        QVERIFY(bytes.contains(row("Your outstanding", "Rs.140.00")));
        QVERIFY(!bytes.contains("COPY"));
    }

    void creditNoteReprintIsMarkedCopy() {
        const qsizetype before = f.receiptBytes().size();
        QTest::keyClick(child<QLineEdit>("returnReason"), Qt::Key_F10);
        const QByteArray copy = printedSince(before);
        QVERIFY(!copy.isEmpty());
        QCOMPARE(copy.count("*** COPY ***"), 2);
        QVERIFY(copy.contains(
            ReceiptBuilder::returnNumber(window->returnController().lastReturn()->id).toLatin1()));
        QVERIFY(copy.contains(row("Total returned", "Rs.160.00")));
    }

    void moreThanIsLeftIsRefused() {
        typeQuantity(0, QStringLiteral("6.001"));
        QVERIFY(window->returnWidget()->message().contains(QStringLiteral("6")));
        QCOMPARE(window->returnController().rows().front().toReturn, core::Quantity{});
        // Nothing chosen: recording is refused too.
        QTest::mouseClick(child<QPushButton>("returnSave"), Qt::LeftButton);
        QCOMPARE(*f.ctx->collections.outstanding(f.trader.id), core::Money::fromMinor(14'000));
    }

    void restIsRefundedInCash() {
        // The other 6 kg (₹240): ₹140 clears the credit, ₹100 comes out of the drawer.
        const core::Money cashBefore = expectedCash();
        QTest::mouseClick(child<QPushButton>("returnLatest"), Qt::LeftButton);
        QCOMPARE(window->returnController().sale()->receiptNo, m_receipt);
        typeQuantity(0, QStringLiteral("6"));
        auto* reason = child<QLineEdit>("returnReason");
        reason->setFocus();
        QTest::keyClicks(reason, QStringLiteral("wrong grade"));
        const qsizetype printedBefore = f.receiptBytes().size();
        QTest::keyClick(reason, Qt::Key_S, Qt::ControlModifier);
        QCOMPARE(*f.ctx->collections.outstanding(f.trader.id), core::Money{});
        // Its credit note: the credit takes ₹140, the drawer pays out ₹100, nothing is owed.
        const QByteArray bytes = printedSince(printedBefore);
        QVERIFY(!bytes.isEmpty());
        QVERIFY(bytes.contains(row("  6 kg x Rs.40.00", "Rs.240.00")));
        QVERIFY(bytes.contains(row("Total returned", "Rs.240.00")));
        QVERIFY(bytes.contains(row("Credit reduced", "Rs.140.00")));
        QVERIFY(bytes.contains(row("Refund CASH", "Rs.100.00")));
        QVERIFY(bytes.contains(row("Reason", "wrong grade")));
        QVERIFY(bytes.contains(row("Your outstanding", "Rs.0.00")));
        QCOMPARE(expectedCash(), cashBefore - core::Money::fromMinor(10'000));
        QCOMPARE(window->drawerController().figures()->cashRefunds, core::Money::fromMinor(10'000));
        // The whole line is back on the lot and nothing is left to return.
        auto lot = f.ctx->arrivals.lot(f.tomatoLot.id);
        QVERIFY(lot.ok());
        QCOMPARE(lot->left, core::Quantity::fromUnits(500));
        QVERIFY(!(window->returnController().rows().front().returnable.isPositive()));
    }
};

QTEST_MAIN(TestReturnScreen)
#include "tst_returnscreen.moc"
