// Every item model of the counter, checked by QAbstractItemModelTester while it changes.
#include "UiFixture.h"
#include "controllers/CollectController.h"
#include "controllers/SaleSession.h"
#include "models/CartModel.h"
#include "models/LotListModel.h"
#include "models/OpenCreditModel.h"
#include "models/PartyListModel.h"
#include "models/PaymentListModel.h"

#include <QAbstractItemModelTester>

using namespace market;
using namespace market::ui;

class TestModels : public QObject {
    Q_OBJECT

    test::UiFixture f;
    std::optional<core::Session> cashier;

private slots:
    void initTestCase() {
        QVERIFY(f.setUp());
        auto s = f.ctx->auth.loginWithPin(QStringLiteral("cashier"), QStringLiteral("1111"));
        QVERIFY(s.ok());
        cashier = *s;
    }

    void cartFollowsTheSession() {
        SaleSession session(*f.ctx);
        session.setActor(cashier);
        CartModel model(*f.ctx, session);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        const auto added = session.addLine(f.tomatoLot.code, QStringLiteral("12.5"), QStringLiteral("40"));
        QVERIFY2(added.ok(), added.ok() ? "" : qPrintable(added.error().message));
        QVERIFY(session.addLine(f.bananaLot.code, QStringLiteral("3"), QStringLiteral("55.50")).ok());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.data(model.index(0, CartModel::Lot)).toString(), f.tomatoLot.code);
        QCOMPARE(model.data(model.index(0, CartModel::Amount)).toString(), QStringLiteral("₹500.00"));
        QCOMPARE(model.data(model.index(0, CartModel::Commission)).toString(), QStringLiteral("₹25.00 (5%)"));
        QCOMPARE(model.data(model.index(1, CartModel::Quantity)).toString(), QStringLiteral("3 dozen"));
        // Editing goes through the session; a refused edit leaves the line as it was.
        QVERIFY(model.setData(model.index(0, CartModel::Price), QStringLiteral("42")));
        QCOMPARE(model.data(model.index(0, CartModel::Amount)).toString(), QStringLiteral("₹525.00"));
        QVERIFY(
            !model.setData(model.index(1, CartModel::Quantity), QStringLiteral("2.5"))); // whole dozens only
        QVERIFY(!model.lastError().isEmpty());
        QCOMPARE(model.data(model.index(1, CartModel::Quantity)).toString(), QStringLiteral("3 dozen"));
        QVERIFY(
            !model.setData(model.index(0, CartModel::Quantity), QStringLiteral("501"))); // more than the lot
        session.removeLine(0);
        QCOMPARE(model.rowCount(), 1);
        session.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void refusedLineLeavesCartUnchanged() {
        SaleSession session(*f.ctx);
        session.setActor(cashier);
        QVERIFY(session.addLine(f.tomatoLot.code, QStringLiteral("10"), QStringLiteral("40")).ok());
        const auto st = session.addLine(f.tomatoLot.code, QStringLiteral("491"), QStringLiteral("40"));
        QVERIFY(!st.ok());
        QCOMPARE(st.error().code, core::ErrorCode::InsufficientStock);
        QCOMPARE(session.lines().size(), size_t{1});
        QVERIFY(session.quote().has_value());
        QVERIFY(!session.addLine(QStringLiteral("NOPE"), QStringLiteral("1"), QStringLiteral("1")).ok());
        QVERIFY(!session.addLine(f.tomatoLot.code, QStringLiteral("1.2345"), QStringLiteral("1")).ok());
        QVERIFY(!session.addLine(f.tomatoLot.code, QStringLiteral("1"), QStringLiteral("1.234")).ok());
        QCOMPARE(session.lines().size(), size_t{1});
    }

    void holdAndRecall() {
        SaleSession session(*f.ctx);
        session.setActor(cashier);
        session.setBuyer(f.trader);
        QVERIFY(session.addLine(f.tomatoLot.code, QStringLiteral("1"), QStringLiteral("40")).ok());
        QVERIFY(session.hold());
        QVERIFY(session.isEmpty());
        QVERIFY(!session.buyer());
        QVERIFY(session.addLine(f.bananaLot.code, QStringLiteral("2"), QStringLiteral("50")).ok());
        QVERIFY(session.recall()); // the current cart is held in its place
        QCOMPARE(session.heldCount(), 1);
        QVERIFY(session.buyer());
        QCOMPARE(session.buyer()->id, f.trader.id);
        QCOMPARE(session.lines().front().lot.lot.code, f.tomatoLot.code);
        QVERIFY(session.recall());
        QCOMPARE(session.lines().front().lot.lot.code, f.bananaLot.code);
        QVERIFY(!session.buyer());
    }

    void partySearch() {
        PartyListModel model(*f.ctx, core::PartyKind::Buyer);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setQuery(QString());
        QCOMPARE(model.rowCount(), 2);
        model.setQuery(QStringLiteral("lak"));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.party(0)->id, f.trader.id);
        QVERIFY(model.data(model.index(0)).toString().contains(QStringLiteral("₹50,000.00")));
        model.setQuery(QStringLiteral("90000222"));
        QCOMPARE(model.rowCount(), 1);
        model.setQuery(QStringLiteral("zzz"));
        QCOMPARE(model.rowCount(), 0);
        PartyListModel farmers(*f.ctx, core::PartyKind::Farmer);
        farmers.setQuery(QStringLiteral("रमेश"));
        QCOMPARE(farmers.rowCount(), 1);
    }

    void lotSearch() {
        LotListModel model(*f.ctx);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setQuery(QString());
        QCOMPARE(model.rowCount(), 2);
        model.setQuery(QStringLiteral("tom"));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.data(model.index(0, LotListModel::Farmer)).toString(), QStringLiteral("रमेश यादव"));
        QCOMPARE(model.data(model.index(0, LotListModel::Left)).toString(), QStringLiteral("500 kg"));
        QCOMPARE(model.data(model.index(0, LotListModel::Grade)).toString(), QStringLiteral("A"));
        model.setQuery(f.bananaLot.code);
        QCOMPARE(model.rowCount(), 1);
    }

    void payments() {
        PaymentListModel model(*f.ctx);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.add({core::PaymentMethod::Cash, core::Money::fromMinor(50'000), {}});
        model.add({core::PaymentMethod::Upi, core::Money::fromMinor(12'550), QStringLiteral("UTR123")});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.data(model.index(1, PaymentListModel::Amount)).toString(), QStringLiteral("₹125.50"));
        QCOMPARE(model.data(model.index(1, PaymentListModel::Method)).toString(), QStringLiteral("UPI"));
        model.remove(0);
        QCOMPARE(model.rowCount(), 1);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void openCreditsWithPreview() {
        // Two credit sales to the trader, then a payment previewed across them, oldest first.
        for (int i = 0; i < 2; ++i) {
            core::SaleRequest r;
            r.buyerId = f.trader.id;
            r.lines.push_back({f.tomatoLot.id, core::Quantity::fromUnits(10), core::Money::fromMinor(4'000)});
            QVERIFY(f.ctx->sales.sell(*cashier, r).ok());
            f.clock.advanceMs(24 * 3600 * 1000);
        }
        CollectController controller(*f.ctx);
        controller.setActor(cashier);
        controller.setBuyer(f.trader);
        OpenCreditModel model(*f.ctx);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCredits(controller.openCredits());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.data(model.index(0, OpenCreditModel::Outstanding)).toString(),
                 QStringLiteral("₹400.00"));
        auto preview = controller.preview(QStringLiteral("500"));
        QVERIFY(preview.ok());
        model.setPreview(*preview);
        QCOMPARE(model.data(model.index(0, OpenCreditModel::Allocated)).toString(),
                 QStringLiteral("₹400.00"));
        QCOMPARE(model.data(model.index(1, OpenCreditModel::Allocated)).toString(),
                 QStringLiteral("₹100.00"));
        QVERIFY(!controller.preview(QStringLiteral("900")).ok()); // more than is owed
        QVERIFY(!controller.preview(QStringLiteral("abc")).ok());
    }
};

QTEST_MAIN(TestModels)
#include "tst_models.moc"
