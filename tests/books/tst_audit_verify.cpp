#include "StoreFixture.h"
#include "store/AuditVerifier.h"
#include "store/Journal.h"

using namespace market::test;

/// The audit log is hash-chained per terminal; every kind of tampering with the file is found,
/// and the first broken entry is named.
class TestAuditVerify : public QObject {
    Q_OBJECT
    StoreFixture f;

    void tamper(const QString& sql) {
        // An attacker with the file: drop the append-only triggers, then edit.
        f.rows(QStringLiteral("DROP TRIGGER IF EXISTS audit_log_no_update"));
        f.rows(QStringLiteral("DROP TRIGGER IF EXISTS audit_log_no_delete"));
        f.rows(sql);
    }

    AuditVerification verify() {
        auto v = AuditVerifier::verify(f.store().db());
        if (!v.ok())
            qFatal("verify failed: %s", qPrintable(v.error().message));
        return *v;
    }

private slots:
    void initTestCase() { MARKET_REQUIRE_OK(f.setUp()); }

    void init() {
        MARKET_REQUIRE_OK(f.reset());
        // A few audited changes: parties, a product, a lot, a sale.
        auto farmer = f.farmer(QStringLiteral("Ramesh"));
        MARKET_REQUIRE_OK(farmer);
        auto buyer = f.buyer(QStringLiteral("Lakshmi Stores"), money(u"5000"));
        MARKET_REQUIRE_OK(buyer);
        auto product = f.product(QStringLiteral("Marigold"));
        MARKET_REQUIRE_OK(product);
        auto lot = f.lot(farmer->id, product->id, qty(u"50"));
        MARKET_REQUIRE_OK(lot);
        SaleRequest r;
        r.buyerId = buyer->id;
        r.lines = {StoreFixture::line(lot->id, u"10", u"80")};
        MARKET_REQUIRE_OK(f.sales().sell(f.cashier, r));
        QVERIFY(f.integer(QStringLiteral("SELECT count(*) FROM audit_log")) >= 8);
    }

    void intactChainVerifies() {
        const AuditVerification v = verify();
        QVERIFY2(v.ok(), qPrintable(v.problem));
        QCOMPARE(v.entriesChecked, f.integer(QStringLiteral("SELECT count(*) FROM audit_log")));
    }

    void triggersRefuseEditsThroughTheStore() {
        Status s = f.store().db().execScript("UPDATE audit_log SET action = 'x' WHERE seq = 1", "tampering");
        QVERIFY(!s.ok());
        s = f.store().db().execScript("DELETE FROM audit_log WHERE seq = 1", "tampering");
        QVERIFY(!s.ok());
        QVERIFY(verify().ok());
    }

    void editDetected() {
        tamper(QStringLiteral(
            "UPDATE audit_log SET after_json = replace(after_json, '80', '8') WHERE seq = (SELECT max(seq) "
            "FROM audit_log WHERE action = 'sale.create')"));
        const qint64 seq =
            f.integer(QStringLiteral("SELECT seq FROM audit_log WHERE action = 'sale.create'"));
        // The summary stores total in minor units, so the edit must have changed something.
        const AuditVerification v = verify();
        QVERIFY(!v.ok());
        QCOMPARE(v.firstBrokenSeq.value(), seq);
        QVERIFY2(v.problem.contains(QStringLiteral("changed")), qPrintable(v.problem));
    }

    void editOfUserDetected() {
        tamper(QStringLiteral(
            "UPDATE audit_log SET user_id = '00000000-0000-7000-8000-000000000001' WHERE seq = 5"));
        const AuditVerification v = verify();
        QVERIFY(!v.ok());
        QCOMPARE(v.firstBrokenSeq.value(), qint64{5});
    }

    void deleteDetected() {
        tamper(QStringLiteral("DELETE FROM audit_log WHERE seq = 4"));
        const AuditVerification v = verify();
        QVERIFY(!v.ok());
        QCOMPARE(v.firstBrokenSeq.value(), qint64{4});
        QVERIFY2(v.problem.contains(QStringLiteral("missing")), qPrintable(v.problem));
    }

    void deleteOfNewestDetected() {
        // Deleting the newest entry leaves a valid shorter chain; the stored head hash catches it.
        const qint64 last = f.integer(QStringLiteral("SELECT max(seq) FROM audit_log"));
        tamper(QStringLiteral("DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)"));
        const AuditVerification v = verify();
        QVERIFY(!v.ok());
        QCOMPARE(v.firstBrokenSeq.value(), last);
        QVERIFY2(v.problem.contains(QStringLiteral("missing")), qPrintable(v.problem));
    }

    void insertDetected() {
        // A forged entry with a correct hash for its own position, squeezed in as seq 3.
        tamper(QStringLiteral("UPDATE audit_log SET seq = seq + 1000 WHERE seq >= 3"));
        f.rows(QStringLiteral("UPDATE audit_log SET seq = seq - 999 WHERE seq >= 1003"));
        const auto prev = f.scalar(QStringLiteral("SELECT hash FROM audit_log WHERE seq = 2")).toString();
        const auto terminal =
            f.scalar(QStringLiteral("SELECT terminal_id FROM audit_log WHERE seq = 2")).toString();
        const QJsonObject fields{{QStringLiteral("action"), QStringLiteral("party.create")},
                                 {QStringLiteral("after"), QJsonValue(QJsonValue::Null)},
                                 {QStringLiteral("atMs"), 1},
                                 {QStringLiteral("before"), QJsonValue(QJsonValue::Null)},
                                 {QStringLiteral("entity"), QStringLiteral("party")},
                                 {QStringLiteral("entityId"), QStringLiteral("forged")},
                                 {QStringLiteral("seq"), 3},
                                 {QStringLiteral("terminalId"), terminal},
                                 {QStringLiteral("userId"), QStringLiteral("forged")}};
        const QString hash = Journal::chainHash(prev, fields);
        f.rows(
            QStringLiteral(
                "INSERT INTO audit_log (id, terminal_id, seq, user_id, at_ms, action, entity, entity_id, "
                "prev_hash, hash) VALUES ('forged', ?1, 3, 'forged', 1, 'party.create', 'party', 'forged', "
                "?2, ?3)"),
            {terminal, prev, hash});
        const AuditVerification v = verify();
        QVERIFY(!v.ok());
        QCOMPARE(v.firstBrokenSeq.value(), qint64{4}); // the entry after the forgery no longer links
        QVERIFY2(v.problem.contains(QStringLiteral("link")), qPrintable(v.problem));
    }

    void reorderDetected() {
        tamper(QStringLiteral("UPDATE audit_log SET seq = -1 WHERE seq = 3"));
        f.rows(QStringLiteral("UPDATE audit_log SET seq = 3 WHERE seq = 4"));
        f.rows(QStringLiteral("UPDATE audit_log SET seq = 4 WHERE seq = -1"));
        const AuditVerification v = verify();
        QVERIFY(!v.ok());
        QCOMPARE(v.firstBrokenSeq.value(), qint64{3});
    }
};

QTEST_GUILESS_MAIN(TestAuditVerify)
#include "tst_audit_verify.moc"
