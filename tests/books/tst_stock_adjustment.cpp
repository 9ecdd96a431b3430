#include "StoreFixture.h"
#include "services/SettingsService.h"
#include "services/StockAdjustmentService.h"

using namespace market::test;

class TestStockAdjustment : public QObject {
    Q_OBJECT
    StoreFixture f;
    LotDoc m_lot;
    LotDoc m_crates;

    AdjustmentRequest request(const LotDoc& lot, QStringView quantity, AdjustmentReason reason) {
        AdjustmentRequest r;
        r.lotId = lot.id;
        r.qty = qty(quantity);
        r.reason = reason;
        r.note = QStringLiteral("checked at close");
        return r;
    }

private slots:
    void initTestCase() { MARKET_REQUIRE_OK(f.setUp()); }

    void init() {
        MARKET_REQUIRE_OK(f.reset());
        auto farmer = f.farmer(QStringLiteral("रमेश यादव"));
        MARKET_REQUIRE_OK(farmer);
        auto tomato = f.product(QStringLiteral("Tomato"));
        MARKET_REQUIRE_OK(tomato);
        auto mango = f.product(QStringLiteral("Mango"), Unit::Crate);
        MARKET_REQUIRE_OK(mango);
        auto lot = f.lot(farmer->id, tomato->id, qty(u"100"));
        MARKET_REQUIRE_OK(lot);
        m_lot = *lot;
        auto crates = f.lot(farmer->id, mango->id, qty(u"10"));
        MARKET_REQUIRE_OK(crates);
        m_crates = *crates;
    }

    void adjustsStockBothWays() {
        StockAdjustmentService adj(f.store());
        MARKET_REQUIRE_OK(adj.adjust(f.cashier, request(m_lot, u"2.5", AdjustmentReason::Damage)));
        QCOMPARE(f.arrivals().lot(m_lot.id)->left, qty(u"97.5"));
        MARKET_REQUIRE_OK(adj.adjust(f.cashier, request(m_lot, u"-0.5", AdjustmentReason::Correction)));
        QCOMPARE(f.arrivals().lot(m_lot.id)->left, qty(u"98"));
        // The sell path sees adjusted stock: more than is left is refused.
        SaleRequest sale;
        sale.lines = {StoreFixture::line(m_lot.id, u"98.001", u"10")};
        MARKET_REQUIRE_ERROR(f.sales().quote(f.cashier, sale), ErrorCode::InsufficientStock);
        QCOMPARE(f.integer(QStringLiteral("SELECT count(*) FROM outbox WHERE type = 'stock.adjusted'")),
                 qint64{2});
    }

    void neverBelowZero() {
        StockAdjustmentService adj(f.store());
        const QByteArray before = f.dump();
        MARKET_REQUIRE_ERROR(adj.adjust(f.manager, request(m_lot, u"100.001", AdjustmentReason::Theft)),
                             ErrorCode::InsufficientStock);
        MARKET_REQUIRE_ERROR(adj.adjust(f.cashier, request(m_crates, u"1.5", AdjustmentReason::Damage)),
                             ErrorCode::InvalidInput); // crates are whole
        MARKET_REQUIRE_ERROR(adj.adjust(f.cashier, request(m_lot, u"0", AdjustmentReason::Damage)),
                             ErrorCode::InvalidInput);
        AdjustmentRequest unknown = request(m_lot, u"1", AdjustmentReason::Damage);
        unknown.lotId = f.store().newId();
        MARKET_REQUIRE_ERROR(adj.adjust(f.cashier, unknown), ErrorCode::NotFound);
        QCOMPARE(f.dump(), before);
        MARKET_REQUIRE_OK(adj.adjust(f.manager, request(m_lot, u"100", AdjustmentReason::Expired)));
        QCOMPARE(f.arrivals().lot(m_lot.id)->left, Quantity{});
    }

    void approvalAboveThreshold() {
        MARKET_REQUIRE_OK(SettingsService(f.store()).setInteger(
            f.manager, QStringLiteral("adjustment_approval_qty"), qty(u"5").thousandths()));
        StockAdjustmentService adj(f.store());
        MARKET_REQUIRE_OK(adj.adjust(f.cashier, request(m_lot, u"5", AdjustmentReason::QualityIssue)));
        QVERIFY(f.scalar(QStringLiteral("SELECT approved_by FROM stock_adjustment")).isNull());

        const QByteArray before = f.dump();
        MARKET_REQUIRE_ERROR(adj.adjust(f.cashier, request(m_lot, u"5.001", AdjustmentReason::QualityIssue)),
                             ErrorCode::Forbidden);
        AdjustmentRequest withCashierApproval = request(m_lot, u"6", AdjustmentReason::QualityIssue);
        withCashierApproval.approver = f.cashier; // a cashier cannot approve
        MARKET_REQUIRE_ERROR(adj.adjust(f.cashier, withCashierApproval), ErrorCode::Forbidden);
        QCOMPARE(f.dump(), before);

        AdjustmentRequest approved = request(m_lot, u"6", AdjustmentReason::QualityIssue);
        approved.approver = f.manager;
        auto doc = adj.adjust(f.cashier, approved);
        MARKET_REQUIRE_OK(doc);
        QCOMPARE(doc->approvedBy.value(), f.manager.userId);
        QCOMPARE(doc->recordedBy, f.cashier.userId);
        // A manager's own adjustment is approved by them.
        auto own = adj.adjust(f.manager, request(m_lot, u"7", AdjustmentReason::Damage));
        MARKET_REQUIRE_OK(own);
        QCOMPARE(own->approvedBy.value(), f.manager.userId);
    }

    void onlyActiveLots() {
        MARKET_REQUIRE_OK(
            f.arrivals().changeStatus(f.manager, m_lot.id, LotStatus::Discarded, QStringLiteral("rotten")));
        const QByteArray before = f.dump();
        MARKET_REQUIRE_ERROR(StockAdjustmentService(f.store()).adjust(
                                 f.manager, request(m_lot, u"1", AdjustmentReason::Damage)),
                             ErrorCode::InvalidState);
        QCOMPARE(f.dump(), before);
    }
};

QTEST_GUILESS_MAIN(TestStockAdjustment)
#include "tst_stock_adjustment.moc"
