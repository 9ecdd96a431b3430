// market_protocol unit tests: push envelope decoding, audit hashing and cursors, no server.
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <protocol/AuditHash.h>
#include <protocol/Cursor.h>
#include <protocol/PushMessages.h>

using namespace market;
using namespace market::protocol;

namespace {
OutboxOp sampleOp(qint64 seq) {
    OutboxOp o;
    o.seq = seq;
    o.opId = *core::Uuid::parse(QStringLiteral("01900000-0000-7000-8000-00000000000%1").arg(seq % 10));
    o.type = QStringLiteral("party.upsert");
    o.atMs = 1'700'000'000'000;
    o.payload = QJsonObject{{QStringLiteral("id"), QStringLiteral("x")}};
    o.audit.seq = seq;
    o.audit.prevHash = kGenesisHash;
    o.audit.hash = QString(64, QLatin1Char('a'));
    o.audit.userId = QStringLiteral("u");
    o.audit.action = QStringLiteral("create");
    o.audit.entity = QStringLiteral("party");
    o.audit.entityId = QStringLiteral("x");
    o.audit.atMs = 1'700'000'000'000;
    o.audit.before = QJsonValue(QJsonValue::Null);
    o.audit.after = QJsonObject{{QStringLiteral("name"), QStringLiteral("Ramesh")}};
    return o;
}
} // namespace

class TestProtocolCodec : public QObject {
    Q_OBJECT
private slots:
    void roundTrip() {
        PushRequest r;
        r.ops = {sampleOp(1), sampleOp(2)};
        const auto decoded = decodePushRequest(encodePushRequest(r));
        QVERIFY(std::holds_alternative<PushRequest>(decoded));
        const auto& ops = std::get<PushRequest>(decoded).ops;
        QCOMPARE(ops.size(), size_t(2));
        QCOMPARE(ops[1].seq, qint64(2));
        QCOMPARE(ops[1].audit.after, r.ops[1].audit.after);
        QCOMPARE(ops[0].audit.before, QJsonValue(QJsonValue::Null));
    }

    void backlogIsOptional() {
        PushRequest r;
        r.ops = {sampleOp(1)};
        auto decoded = decodePushRequest(encodePushRequest(r));
        QVERIFY(!std::get<PushRequest>(decoded).backlog); // an older counter: no backlog, no error
        r.backlog = PushBacklog{12, 3'600'000};
        decoded = decodePushRequest(encodePushRequest(r));
        const auto& b = std::get<PushRequest>(decoded).backlog;
        QVERIFY(b);
        QCOMPARE(b->count, qint64(12));
        QCOMPARE(b->oldestAgeMs, qint64(3'600'000));
        QVERIFY(!std::get<PushRequest>(decodePushRequest(R"({"protocolVersion":1,"ops":[],"backlog":null})"))
                     .backlog);
    }

    void refusesAMalformedBacklog_data() {
        QTest::addColumn<QByteArray>("backlog");
        QTest::addColumn<QString>("field");
        QTest::newRow("not an object") << QByteArray("[1]") << QStringLiteral("backlog");
        QTest::newRow("negative count")
            << QByteArray(R"({"count":-1,"oldestAgeMs":0})") << QStringLiteral("backlog.count");
        QTest::newRow("fractional age")
            << QByteArray(R"({"count":1,"oldestAgeMs":0.5})") << QStringLiteral("backlog.oldestAgeMs");
        QTest::newRow("age missing") << QByteArray(R"({"count":1})") << QStringLiteral("backlog.oldestAgeMs");
    }

    void refusesAMalformedBacklog() {
        QFETCH(QByteArray, backlog);
        QFETCH(QString, field);
        const auto decoded = decodePushRequest(R"({"protocolVersion":1,"ops":[],"backlog":)" + backlog + "}");
        QVERIFY(std::holds_alternative<WireError>(decoded));
        QCOMPARE(std::get<WireError>(decoded).code, err::kInvalidEnvelope);
        QVERIFY2(std::get<WireError>(decoded).message.startsWith(field + u':'),
                 qPrintable(std::get<WireError>(decoded).message));
    }

    void refusesNonContiguousBatch() {
        PushRequest r;
        r.ops = {sampleOp(1), sampleOp(3)};
        const auto decoded = decodePushRequest(encodePushRequest(r));
        QVERIFY(std::holds_alternative<WireError>(decoded));
        QCOMPARE(std::get<WireError>(decoded).code, err::kBatchNotContiguous);
        QVERIFY(std::get<WireError>(decoded).message.contains(QStringLiteral("ops[1].seq: expected 2")));
    }

    void refusesTooManyOps() {
        PushRequest r;
        for (int i = 1; i <= 4; ++i)
            r.ops.push_back(sampleOp(i));
        const auto decoded = decodePushRequest(encodePushRequest(r), 3);
        QCOMPARE(std::get<WireError>(decoded).code, err::kTooManyOps);
    }

    void auditHashIsSha256OverPrevAndCanonicalJson() {
        AuditEntry e = sampleOp(1).audit;
        const QByteArray canonical = canonicalAuditJson(e, QStringLiteral("T"));
        // Keys sorted, compact, terminalId included.
        QCOMPARE(
            canonical,
            QByteArray(R"({"action":"create","after":{"name":"Ramesh"},"atMs":1700000000000,"before":null,)"
                       R"("entity":"party","entityId":"x","seq":1,"terminalId":"T","userId":"u"})"));
        const QByteArray expected =
            QCryptographicHash::hash(kGenesisHash.toLatin1() + "\n" + canonical, QCryptographicHash::Sha256)
                .toHex();
        QCOMPARE(computeAuditHash(e, QStringLiteral("T")), QString::fromLatin1(expected));
        e.after = QJsonObject{{QStringLiteral("name"), QStringLiteral("Suresh")}};
        QVERIFY(computeAuditHash(e, QStringLiteral("T")) != QString::fromLatin1(expected));
    }

    void auditHashWithASerializedAfterIsTheSame_data() {
        QTest::addColumn<QJsonValue>("after");
        QTest::addColumn<QString>("action");
        QTest::newRow("document") << QJsonValue(
                                         QJsonObject{{QStringLiteral("name"), QStringLiteral("Ramesh")},
                                                     {QStringLiteral("qty"), 12'500},
                                                     {QStringLiteral("lines"), QJsonArray{1, 2}}})
                                  << QStringLiteral("create");
        QTest::newRow("nested and unicode")
            << QJsonValue(
                   QJsonObject{{QStringLiteral("n"), QStringLiteral("కూరగాయలు \"x\" \\")},
                               {QStringLiteral("o"), QJsonObject{{QStringLiteral("a"), QJsonValue()}}}})
            << QStringLiteral("update");
        // Fields that try to imitate the placeholder: their quotes are escaped, so no match.
        QTest::newRow("placeholder in a field")
            << QJsonValue(QJsonObject{{QStringLiteral("x"), 1}}) << QStringLiteral("\"after\":\"@after@\"");
        QTest::newRow("placeholder as the value")
            << QJsonValue(QJsonObject{{QStringLiteral("v"), QStringLiteral("@after@")}})
            << QStringLiteral("a");
        QTest::newRow("null after") << QJsonValue(QJsonValue::Null) << QStringLiteral("delete");
    }

    void auditHashWithASerializedAfterIsTheSame() {
        QFETCH(QJsonValue, after);
        QFETCH(QString, action);
        AuditEntry e = sampleOp(3).audit;
        e.after = after;
        e.action = action;
        e.before = QJsonObject{{QStringLiteral("name"), QStringLiteral("old")}};
        const QByteArray json =
            after.isObject() ? QJsonDocument(after.toObject()).toJson(QJsonDocument::Compact) : QByteArray();
        const QString terminal = QStringLiteral("01900000-0000-7000-8000-0000000000aa");
        QCOMPARE(computeAuditHash(e, terminal, json), computeAuditHash(e, terminal));
    }

    void cursor_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::newRow("empty") << QString() << true;
        QTest::newRow("ok") << QStringLiteral("01900000-0000-7000-8000-000000000001:42") << true;
        QTest::newRow("no colon") << QStringLiteral("42") << false;
        QTest::newRow("bad epoch") << QStringLiteral("nope:42") << false;
        QTest::newRow("negative") << QStringLiteral("01900000-0000-7000-8000-000000000001:-1") << false;
        QTest::newRow("not a number") << QStringLiteral("01900000-0000-7000-8000-000000000001:4x") << false;
    }

    void cursor() {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        const auto c = Cursor::parse(text);
        QCOMPARE(std::holds_alternative<Cursor>(c), valid);
        if (valid && !text.isEmpty())
            QCOMPARE(std::get<Cursor>(c).toString(), text);
    }
};

QTEST_GUILESS_MAIN(TestProtocolCodec)
#include "tst_protocol_codec.moc"
