// The arrivals screen with key events: farmer search, gross/tare, record, slip with barcode.
#include "UiFixture.h"
#include "widgets/ArrivalWidget.h"

#include <QLabel>

using namespace market;
using namespace market::ui;

class TestArrivalScreen : public QObject {
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
        window = std::make_unique<MainWindow>(*f.ctx, sync);
        window->show();
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        window->start();
        QVERIFY(test::loginWithKeys(*window, QStringLiteral("cashier"), QStringLiteral("1111")));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_2, Qt::AltModifier);
        QTRY_VERIFY(window->arrivalWidget()->isVisible());
    }

    void recordLotWithGrossAndTare() {
        auto* farmer = child<QLineEdit>("farmerSearchEdit");
        farmer->setFocus();
        QTest::keyClicks(farmer, QStringLiteral("98480")); // by phone
        QTest::keyClick(farmer, Qt::Key_Return);
        auto* product = child<QComboBox>("arrivalProduct");
        QTRY_VERIFY(product->hasFocus());
        product->setCurrentIndex(product->findText(QStringLiteral("Tomato"), Qt::MatchContains));
        auto* packages = child<QLineEdit>("arrivalPackages");
        packages->setFocus();
        QTest::keyClicks(packages, QStringLiteral("4"));
        QTest::keyClick(packages, Qt::Key_Return);
        auto* gross = child<QLineEdit>("arrivalGross");
        QTRY_VERIFY(gross->hasFocus());
        QTest::keyClicks(gross, QStringLiteral("105.5"));
        QTest::keyClick(gross, Qt::Key_Return);
        auto* tare = child<QLineEdit>("arrivalTare");
        QTest::keyClicks(tare, QStringLiteral("5.5"));
        QTest::keyClick(tare, Qt::Key_Return);
        QTest::keyClick(child<QLineEdit>("arrivalNet"), Qt::Key_Return);
        auto* vehicle = child<QLineEdit>("arrivalVehicle");
        QTRY_VERIFY(vehicle->hasFocus());
        QTest::keyClicks(vehicle, QStringLiteral("AP09 1234"));
        QTest::keyClick(vehicle, Qt::Key_Return);
        const qsizetype before = f.receiptBytes().size();
        QTest::keyClick(child<QLineEdit>("arrivalNotes"), Qt::Key_S, Qt::ControlModifier);

        const QString message = window->arrivalWidget()->message();
        QVERIFY2(message.contains(QStringLiteral("recorded")), qPrintable(message));
        auto lots = f.ctx->arrivals.lots(core::LotFilter{});
        QVERIFY(lots.ok());
        QCOMPARE(lots->size(), size_t{3});
        const core::LotSummary& lot = lots->back();
        QCOMPARE(lot.lot.farmerId, f.farmer.id);
        QCOMPARE(lot.lot.productId, f.tomato.id);
        QCOMPARE(lot.lot.receivedQty, core::Quantity::fromUnits(100));
        QCOMPARE(lot.lot.grossQty, core::Quantity::fromThousandths(105'500));
        QCOMPARE(lot.lot.packages, qint64{4});
        QCOMPARE(lot.lot.vehicle, QStringLiteral("AP09 1234"));

        // The slip: lot code as text and as a Code 128 barcode.
        QTRY_VERIFY(f.receiptBytes().size() > before);
        const QByteArray slip = f.receiptBytes().mid(before);
        QVERIFY(slip.contains("Arrival slip"));
        QVERIFY(slip.contains(lot.lot.code.toLatin1()));
        QVERIFY(slip.contains(QByteArray("\x1d\x6b\x49", 3) + char(lot.lot.code.size() + 2) + "{B" +
                              lot.lot.code.toLatin1()));
        QVERIFY(slip.contains("100 kg"));
    }

    void badArrivalIsRefusedAndNothingWritten() {
        auto* gross = child<QLineEdit>("arrivalGross");
        auto* tare = child<QLineEdit>("arrivalTare");
        gross->setText(QStringLiteral("10"));
        tare->setText(QStringLiteral("20")); // tare above gross
        QTest::keyClick(gross, Qt::Key_S, Qt::ControlModifier);
        QVERIFY(!window->arrivalWidget()->message().isEmpty());
        auto lots = f.ctx->arrivals.lots(core::LotFilter{});
        QCOMPARE(lots->size(), size_t{3});
    }

    void quickCreateFarmer() {
        auto* name = child<QLineEdit>("newFarmerName");
        name->setFocus();
        QTest::keyClicks(name, QStringLiteral("Venkat Rao"));
        auto* phone = child<QLineEdit>("newFarmerPhone");
        phone->setFocus();
        QTest::keyClicks(phone, QStringLiteral("9123456780"));
        QTest::keyClick(phone, Qt::Key_Return);
        QVERIFY2(window->arrivalWidget()->message().contains(QStringLiteral("created")),
                 qPrintable(window->arrivalWidget()->message()));
        auto found = f.ctx->parties.search(core::PartyKind::Farmer, QStringLiteral("Venkat"));
        QCOMPARE(found->size(), size_t{1});
    }
};

QTEST_MAIN(TestArrivalScreen)
#include "tst_arrivalscreen.moc"
