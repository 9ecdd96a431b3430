// Push semantics against a real market-server and PostgreSQL: idempotency, lost replies, gaps,
// quarantine, anomalies, audit-chain verification and precise errors for bad input.
#include "ServerHarness.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace market;
using namespace market::server::test;

class TestServerPush : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir{QStringLiteral("/tmp/mpush-XXXXXX")};
    std::unique_ptr<ServerProcess> m_server;
    ShopFixture m_shop;
    TerminalClient m_t;
    core::PartyDoc m_farmer, m_buyer;
    core::ProductDoc m_product;

    qint64 count(const char* sql) { return countRows(*m_server, sql); }
    qint64 lastSeq(const TerminalClient& t) {
        return countRows(*m_server, "SELECT last_seq FROM terminals WHERE id = '" + t.id.toStdString() + "'");
    }
    QJsonArray ownerList(const QString& what) {
        const QString token = login(*m_server, m_shop.manager, QStringLiteral("manager-pass-1"));
        return m_server
            ->get(QStringLiteral("/api/v1/shops/%1/%2").arg(m_shop.id, what),
                  QStringLiteral("Bearer ") + token)
            .json.value(what)
            .toArray();
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<ServerProcess>(m_dir.path());
        QVERIFY2(m_server->start(), qPrintable(m_server->lastError()));
        m_shop = createShop(*m_server, QStringLiteral("HYD01"), QStringLiteral("owner1"));
        QVERIFY(!m_shop.id.isEmpty());
        auto t = enrol(*m_server, m_shop.code);
        QVERIFY(t);
        m_t = *t;
        m_farmer = party(m_t.shopId, core::PartyKind::Farmer);
        m_buyer = party(m_t.shopId, core::PartyKind::Buyer, 100000);
        m_product = product(m_t.shopId);
        const auto r = m_t.push(*m_server, {m_t.op(core::op::kPartyUpsert, m_farmer.toJson()),
                                            m_t.op(core::op::kPartyUpsert, m_buyer.toJson()),
                                            m_t.op(core::op::kProductUpsert, m_product.toJson())});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("applied")).toInt(), 3);
    }

    void cleanupTestCase() {
        if (m_server)
            QCOMPARE(m_server->stop(), 0); // graceful shutdown on SIGTERM
    }

    void pushTwiceAppliesOnce() {
        const auto l = lot(m_t, m_farmer.id, m_product.id, 100'000);
        const auto s = sale(m_t, {{l, 10'000}}, 4000);
        const std::vector ops{m_t.op(core::op::kLotReceived, l.toJson()),
                              m_t.op(core::op::kSaleRecorded, s.toJson())};
        const qint64 salesBefore = count("SELECT count(*) FROM sales");
        const qint64 feedBefore = count("SELECT count(*) FROM feed");
        auto r = m_t.push(*m_server, ops);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("applied")).toInt(), 2);
        QCOMPARE(r.json.value(QStringLiteral("highestSeq")).toInteger(), m_t.seq);
        r = m_t.push(*m_server, ops);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("applied")).toInt(), 0);
        QCOMPARE(r.json.value(QStringLiteral("skipped")).toInt(), 2);
        QCOMPARE(r.json.value(QStringLiteral("highestSeq")).toInteger(), m_t.seq);
        QCOMPARE(count("SELECT count(*) FROM sales"), salesBefore + 1);
        QCOMPARE(count("SELECT count(*) FROM feed"), feedBefore + 2);
        QCOMPARE(countRows(*m_server, "SELECT count(*) FROM sale_lines WHERE sale_id = '" +
                                          s.id.toString().toStdString() + "'"),
                 qint64(1));
    }

    void lostReplyRetryAppliesNothingNew() {
        const auto l = lot(m_t, m_farmer.id, m_product.id, 50'000);
        const auto a = m_t.op(core::op::kLotReceived, l.toJson());
        const auto b = m_t.op(core::op::kSaleRecorded, sale(m_t, {{l, 1'000}}, 2500).toJson());
        QCOMPARE(m_t.push(*m_server, {a, b}).status, 200); // the reply is "lost": the client retries
        const auto c = m_t.op(core::op::kSaleRecorded, sale(m_t, {{l, 2'000}}, 2500).toJson());
        const qint64 salesBefore = count("SELECT count(*) FROM sales");
        const auto r = m_t.push(*m_server, {a, b, c});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("skipped")).toInt(), 2);
        QCOMPARE(r.json.value(QStringLiteral("applied")).toInt(), 1);
        QCOMPARE(count("SELECT count(*) FROM sales"), salesBefore + 1);
        QCOMPARE(lastSeq(m_t), m_t.seq);
    }

    void gapIsRefusedAndNothingWritten() {
        const qint64 held = lastSeq(m_t);
        auto l = lot(m_t, m_farmer.id, m_product.id, 1'000);
        m_t.seq += 1; // seq held+1 never sent
        const auto op = m_t.op(core::op::kLotReceived, l.toJson());
        const qint64 lotsBefore = count("SELECT count(*) FROM lots");
        const auto r = m_t.push(*m_server, {op});
        QCOMPARE(r.status, 409);
        QCOMPARE(r.errorCode(), QStringLiteral("sequence_gap"));
        QCOMPARE(
            r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("expectedSeq")).toInteger(),
            held + 1);
        QVERIFY2(r.errorMessage().contains(QString::number(held + 2)), qPrintable(r.errorMessage()));
        QCOMPARE(count("SELECT count(*) FROM lots"), lotsBefore);
        QCOMPARE(lastSeq(m_t), held);
        // Repair the client state for the following tests: resend from held+1.
        m_t.seq = held;
        m_t.lastHash = queryText(*m_server, "SELECT last_audit_hash FROM terminals WHERE id = '" +
                                                m_t.id.toStdString() + "'");
    }

    void quarantineKeepsAndAcknowledgesInvalidOps() {
        const auto l = lot(m_t, m_farmer.id, m_product.id, 10'000);
        auto bad = sale(m_t, {{l, 1'000}}, 1000);
        bad.lines[0].amount = core::Money::fromMinor(bad.lines[0].amount.minor() + 1); // not qty × price
        QJsonObject nonInteger = sale(m_t, {{l, 1'000}}, 1000).toJson();
        QJsonArray lines = nonInteger.value(QStringLiteral("lines")).toArray();
        QJsonObject line0 = lines[0].toObject();
        line0.insert(QStringLiteral("qty"), 1.5);
        lines[0] = line0;
        nonInteger.insert(QStringLiteral("lines"), lines);
        QJsonObject foreignShop = sale(m_t, {{l, 1'000}}, 1000).toJson();
        foreignShop.insert(QStringLiteral("shopId"), newId());
        const std::vector ops{
            m_t.op(core::op::kLotReceived, l.toJson()), m_t.op(core::op::kSaleRecorded, bad.toJson()),
            m_t.op(QStringLiteral("gift.recorded"), QJsonObject{{QStringLiteral("id"), newId()}}),
            m_t.op(core::op::kSaleRecorded, nonInteger), m_t.op(core::op::kSaleRecorded, foreignShop)};
        const qint64 salesBefore = count("SELECT count(*) FROM sales");
        const auto r = m_t.push(*m_server, ops);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("applied")).toInt(), 1);
        QCOMPARE(r.json.value(QStringLiteral("quarantined")).toInt(), 4);
        QCOMPARE(r.json.value(QStringLiteral("highestSeq")).toInteger(), m_t.seq); // acknowledged
        QCOMPARE(count("SELECT count(*) FROM sales"), salesBefore);
        QStringList reasons;
        for (const auto& q : ownerList(QStringLiteral("quarantine")))
            reasons << q.toObject().value(QStringLiteral("reason")).toString();
        const QString all = reasons.join(QLatin1Char('|'));
        QVERIFY2(all.contains(QStringLiteral("line 1: amount is not qty x price")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("unknown operation type \"gift.recorded\"")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("lines[0].qty")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("is not this terminal's shop")), qPrintable(all));
    }

    void anomaliesForOversoldLotAndCreditLimit() {
        auto t2 = enrol(*m_server, m_shop.code);
        QVERIFY(t2);
        const auto l = lot(m_t, m_farmer.id, m_product.id, 10'000); // 10 kg
        QCOMPARE(m_t.push(*m_server, {m_t.op(core::op::kLotReceived, l.toJson())}).status, 200);
        // Two counters each sell 6 kg of it while offline.
        QCOMPARE(
            m_t.push(*m_server, {m_t.op(core::op::kSaleRecorded, sale(m_t, {{l, 6'000}}, 1000).toJson())})
                .status,
            200);
        const auto r =
            t2->push(*m_server, {t2->op(core::op::kSaleRecorded, sale(*t2, {{l, 6'000}}, 1000).toJson())});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("applied")).toInt(), 1); // accepted: money changed hands
        QCOMPARE(r.json.value(QStringLiteral("anomalies")).toInt(), 1);
        // Credit: limit 1,000.00; a 1,500.00 credit sale crosses it.
        const auto cs = sale(m_t, {{l, 1'000}}, 150000, m_buyer.id, 150000);
        const auto c = m_t.push(*m_server, {m_t.op(core::op::kSaleRecorded, cs.toJson())});
        QCOMPARE(c.status, 200);
        QCOMPARE(c.json.value(QStringLiteral("anomalies")).toInt(),
                 1); // the lot's oversold anomaly is already open
        QStringList kinds;
        for (const auto& a : ownerList(QStringLiteral("anomalies")))
            kinds << a.toObject().value(QStringLiteral("kind")).toString() + QLatin1Char(':') +
                         a.toObject().value(QStringLiteral("entityId")).toString();
        QVERIFY2(kinds.contains(QStringLiteral("oversold:") + l.id.toString()), qPrintable(kinds.join(u',')));
        QVERIFY2(kinds.contains(QStringLiteral("credit_limit_exceeded:") + m_buyer.id.toString()),
                 qPrintable(kinds.join(u',')));
    }

    void unknownLotResolvedWhenItArrives() {
        auto t2 = enrol(*m_server, m_shop.code);
        QVERIFY(t2);
        const auto l = lot(*t2, m_farmer.id, m_product.id, 20'000);
        const auto r =
            m_t.push(*m_server, {m_t.op(core::op::kSaleRecorded, sale(m_t, {{l, 1'000}}, 1000).toJson())});
        QCOMPARE(r.json.value(QStringLiteral("anomalies")).toInt(), 1);
        const std::string open =
            "SELECT count(*) FROM anomalies WHERE kind = 'unknown_lot' AND resolved_at IS NULL AND "
            "entity_id = '" +
            l.id.toString().toStdString() + "'";
        QCOMPARE(countRows(*m_server, open), qint64(1));
        QCOMPARE(t2->push(*m_server, {t2->op(core::op::kLotReceived, l.toJson())}).status, 200);
        QCOMPARE(countRows(*m_server, open), qint64(0));
        // The counters hear of it after the lot itself, from the server (no terminal).
        const std::string resolvedInFeed =
            "SELECT count(*) FROM feed f JOIN anomalies a ON a.id = f.entity_id WHERE f.type = "
            "'anomaly.resolved' AND f.terminal_id IS NULL AND a.kind = 'unknown_lot' AND a.entity_id = '" +
            l.id.toString().toStdString() + "' AND f.doc->>'resolution' = 'lot arrived' AND f.position > " +
            "(SELECT position FROM feed WHERE type = 'lot.received' AND entity_id = '" +
            l.id.toString().toStdString() + "')";
        QCOMPARE(countRows(*m_server, resolvedInFeed), qint64(1));
    }

    void soldBeforeArrivalIsOversoldWhenTheLotArrives() {
        // Lines first (unknown lot), then a lot smaller than what they sold: the arrival counts them.
        auto t2 = enrol(*m_server, m_shop.code);
        QVERIFY(t2);
        const auto l = lot(*t2, m_farmer.id, m_product.id, 10'000);
        const auto first = sale(m_t, {{l, 6'000}}, 1000);
        const auto second = sale(m_t, {{l, 9'000}}, 1000);
        const std::vector<protocol::OutboxOp> sales{m_t.op(core::op::kSaleRecorded, first.toJson()),
                                                    m_t.op(core::op::kSaleRecorded, second.toJson())};
        QCOMPARE(m_t.push(*m_server, sales).json.value(QStringLiteral("anomalies")).toInt(),
                 1); // unknown_lot
        const auto r = t2->push(*m_server, {t2->op(core::op::kLotReceived, l.toJson())});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("anomalies")).toInt(), 1);
        const std::string lotId = "'" + l.id.toString().toStdString() + "'";
        QCOMPARE(countRows(*m_server, "SELECT (details->>'soldQty')::bigint FROM anomalies WHERE kind = "
                                      "'oversold' AND resolved_at IS NULL AND entity_id = " +
                                          lotId),
                 qint64(15'000));
        QCOMPARE(countRows(*m_server, "SELECT sold_qty FROM lot_totals WHERE lot_id = " + lotId),
                 qint64(15'000));
        // The same batch again (a lost reply) moves no stock.
        const auto again = m_t.push(*m_server, sales);
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json.value(QStringLiteral("applied")).toInt(), 0);
        QCOMPARE(countRows(*m_server, "SELECT sold_qty FROM lot_totals WHERE lot_id = " + lotId),
                 qint64(15'000));
    }

    void quotesAndBackslashesAreStoredExactly() {
        // Text and documents travel as PostgreSQL array literals (SqlArrays.h): `"` and `\` escaped.
        const auto l = lot(m_t, m_farmer.id, m_product.id, 10'000);
        auto s = sale(m_t, {{l, 1'000}}, 1000);
        s.walkinName = QStringLiteral("Ravi \"Anna\" C:\\stall\\7 \\\" end\\");
        const auto r = m_t.push(*m_server, {m_t.op(core::op::kLotReceived, l.toJson()),
                                            m_t.op(core::op::kSaleRecorded, s.toJson())});
        QCOMPARE(r.json.value(QStringLiteral("applied")).toInt(), 2);
        const std::string id = "'" + s.id.toString().toStdString() + "'";
        QCOMPARE(queryText(*m_server, "SELECT walkin_name FROM sales WHERE id = " + id), s.walkinName);
        QCOMPARE(
            queryText(*m_server, "SELECT after->>'walkinName' FROM audit_entries WHERE entity_id = " + id),
            s.walkinName);
        QCOMPARE(queryText(*m_server, "SELECT doc->>'walkinName' FROM feed WHERE entity_id = " + id),
                 s.walkinName);
    }

    void auditChainBreakIsFlagged() {
        auto t3 = enrol(*m_server, m_shop.code);
        QVERIFY(t3);
        auto first = t3->op(core::op::kProductUpsert, product(t3->shopId).toJson());
        auto second = t3->op(core::op::kProductUpsert, product(t3->shopId).toJson());
        second.audit.after = QJsonObject{{QStringLiteral("edited"), true}}; // hash no longer matches
        const auto r = t3->push(*m_server, {first, second});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("applied")).toInt(), 2);
        QCOMPARE(
            countRows(*m_server,
                      "SELECT count(*) FROM anomalies WHERE kind = 'audit_chain_break' AND entity_id = '" +
                          t3->id.toStdString() + "'"),
            qint64(1));
        QCOMPARE(
            countRows(*m_server, "SELECT count(*) FROM audit_entries WHERE NOT chain_ok AND terminal_id = '" +
                                     t3->id.toStdString() + "'"),
            qint64(1));
    }

    void badInput_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("messagePart");
        const QByteArray okOp = QJsonDocument(protocol::encodeOp([] {
                                    TerminalClient t;
                                    t.id = newId();
                                    return t.op(core::op::kProductUpsert, QJsonObject{});
                                }()))
                                    .toJson(QJsonDocument::Compact);
        const auto withOp = [&](const QByteArray& from, const QByteArray& to) {
            QByteArray op = okOp;
            op.replace(from, to);
            return "{\"protocolVersion\":1,\"ops\":[" + op + "]}";
        };
        QTest::newRow("malformed json")
            << QByteArray("{\"ops\": [") << 400 << QStringLiteral("malformed_json")
            << QStringLiteral("body is not JSON");
        QTest::newRow("not an object") << QByteArray("[1,2]") << 400 << QStringLiteral("invalid_envelope")
                                       << QStringLiteral("JSON object");
        QTest::newRow("wrong version")
            << QByteArray("{\"protocolVersion\":7,\"ops\":[]}") << 400
            << QStringLiteral("unsupported_protocol_version") << QStringLiteral("7");
        QTest::newRow("ops not array") << QByteArray("{\"protocolVersion\":1,\"ops\":{}}") << 400
                                       << QStringLiteral("invalid_envelope") << QStringLiteral("ops");
        QTest::newRow("seq string") << withOp("\"seq\":1", "\"seq\":\"1\"") << 400
                                    << QStringLiteral("invalid_envelope") << QStringLiteral("ops[0].seq");
        QTest::newRow("seq fraction") << withOp("\"seq\":1", "\"seq\":1.5") << 400
                                      << QStringLiteral("invalid_envelope") << QStringLiteral("ops[0].seq");
        QTest::newRow("seq overflow") << withOp("\"seq\":1", "\"seq\":92233720368547758070") << 400
                                      << QStringLiteral("invalid_envelope") << QStringLiteral("ops[0].seq");
        QTest::newRow("opId not uuid") << withOp("\"opId\":\"", "\"opId\":\"x") << 400
                                       << QStringLiteral("invalid_envelope") << QStringLiteral("ops[0].opId");
        QTest::newRow("payload missing") << withOp("\"payload\":", "\"payloadX\":") << 400
                                         << QStringLiteral("invalid_envelope") << QStringLiteral("payload");
        QTest::newRow("audit hash not hex") << withOp("\"hash\":\"", "\"hash\":\"zz") << 400
                                            << QStringLiteral("invalid_envelope") << QStringLiteral("hash");
        QByteArray many = "{\"protocolVersion\":1,\"ops\":[";
        for (int i = 0; i < 501; ++i)
            many += (i ? "," : "") + okOp;
        many += "]}";
        QTest::newRow("too many ops")
            << many << 400 << QStringLiteral("too_many_operations") << QStringLiteral("501");
        QTest::newRow("over body limit")
            << QByteArray(1024 * 1024 + 10, ' ') << 413 << QStringLiteral("payload_too_large") << QString();
    }

    void badInput() {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, messagePart);
        const qint64 held = lastSeq(m_t);
        const qint64 feed = count("SELECT count(*) FROM feed");
        const auto r = m_server->post(QStringLiteral("/api/v1/sync/push"), body, m_t.authorization());
        QCOMPARE(r.status, status);
        QCOMPARE(r.errorCode(), code);
        QVERIFY2(r.errorMessage().contains(messagePart), qPrintable(r.errorMessage()));
        QCOMPARE(lastSeq(m_t), held);
        QCOMPARE(count("SELECT count(*) FROM feed"), feed);
        QCOMPARE(m_server->get(QStringLiteral("/health")).status, 200); // still serving
    }

    void credentialsRefused() {
        TerminalClient forged = m_t;
        forged.secret[0] = forged.secret[0] == QLatin1Char('a') ? QLatin1Char('b') : QLatin1Char('a');
        QCOMPARE(forged.push(*m_server, {}).status, 401);
        QCOMPARE(m_server->post(QStringLiteral("/api/v1/sync/push"), "{}").status, 401);
        auto t = enrol(*m_server, m_shop.code);
        QVERIFY(t);
        QVERIFY(m_server->admin({QStringLiteral("revoke-terminal"), QStringLiteral("--terminal"), t->id}));
        const auto r = t->push(*m_server, {});
        QCOMPARE(r.status, 403);
        QCOMPARE(r.errorCode(), QStringLiteral("terminal_revoked"));
    }

    void lotTotalsEqualTheLines() {
        // After every push above (sales, an oversold lot, lines before their lot's arrival, repeats).
        const auto [mismatches, rows] = lotTotalsMismatches(*m_server);
        QCOMPARE(mismatches, qint64(0));
        QVERIFY(rows > 0);
    }

    void saleIdsEqualTheSales() {
        // sale_ids (the duplicate check's table) holds exactly each shop's sale ids.
        QCOMPARE(count("SELECT count(*) FROM (SELECT DISTINCT shop_id, id FROM sales) s FULL JOIN sale_ids i "
                       "USING (shop_id, id) WHERE s.id IS NULL OR i.id IS NULL"),
                 qint64(0));
        QVERIFY(count("SELECT count(*) FROM sale_ids") > 0);
    }

    void metricsCountPushes() {
        const auto r = m_server->get(QStringLiteral("/metrics"));
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.contains("market_http_requests_total{route=\"/api/v1/sync/push\",status=\"200\"}"));
        QVERIFY(r.body.contains("market_push_batch_operations_count"));
        QVERIFY(r.body.contains("market_quarantined_operations_total 4"));
    }
};

QTEST_GUILESS_MAIN(TestServerPush)
#include "tst_server_push.moc"
