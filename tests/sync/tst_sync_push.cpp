// The counter's sync engine, push side, against a real market-server (embedded PostgreSQL) on
// 127.0.0.1, real SQLite counter stores made through the services, and the real OS keychain.
#include "CounterFixture.h"
#include "FaultProxy.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QScopeGuard>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <engine/SyncEngine.h>
#include <services/ArrivalService.h>
#include <services/AuthService.h>
#include <services/CashSessionService.h>
#include <services/CatalogService.h>
#include <services/PartyService.h>
#include <services/SaleService.h>
#include <services/SetupService.h>
#include <store/Outbox.h>
#include <store/Store.h>
#ifdef MARKET_HAVE_UI_SYNC
#include "controllers/EngineSyncStatus.h"
#endif

#ifndef MARKETCTL_BINARY
#error "MARKETCTL_BINARY must point at marketctl"
#endif

using namespace market;
using namespace market::core;
using market::server::test::ServerProcess;
using market::sync::DeviceKeychain;
using market::sync::PushOutcome;
using market::sync::SyncEngine;
using market::sync::SyncOptions;
using market::sync::test::serverUrl;

namespace {
const QString kOwnerPassword = QStringLiteral("owner-secret-1");
using market::sync::test::Counter;
using market::sync::test::FaultProxy;
} // namespace

class SyncPushTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_serverDir;
    std::unique_ptr<ServerProcess> m_server;
    const DeviceKeychain m_keychain{sync::test::keychainService()};
    int m_shops = 0;

    /// A fresh shop on the server and a counter enrolled in it and set up (server must run).
    std::unique_ptr<Counter> newCounter() {
        return sync::test::newStockedCounter(*m_server, m_keychain, QStringLiteral("SY%1").arg(++m_shops));
    }

    /// A cash sale of 1.5 kg at 40.00 through the real SaleService.
    Result<SaleDoc> sell(Counter& c) { return sync::test::sellCash(c); }

    SyncEngine engine(Counter& c, SyncOptions options = {}) {
        return SyncEngine(*c.store, m_keychain, options);
    }

    /// sale.recorded ids of this terminal in the server's feed, in feed order.
    QStringList fedSales(const Counter& c) {
        return sync::test::fedSales(*m_server, m_keychain, c.enrolment);
    }

private slots:
    void initTestCase() {
        QVERIFY(m_serverDir.isValid());
        REQUIRE_OK(m_keychain.probe()); // the suite needs a Secret Service (dbus-run-session + gnome-keyring)
        m_server = std::make_unique<ServerProcess>(m_serverDir.path());
        QVERIFY2(m_server->start(), qPrintable(m_server->lastError()));
    }

    void init() {
        // A test that failed while the server was stopped must not take the next ones with it.
        if (!m_server->running())
            QVERIFY2(m_server->start(), qPrintable(m_server->lastError()));
    }

    void cleanupTestCase() { m_server.reset(); }

    void enrolKeepsTheSecretInTheKeychainOnly() {
        auto c = newCounter();
        QVERIFY(c);
        const auto secret = m_keychain.read(c->enrolment.terminalId.toString());
        REQUIRE_OK(secret);
        QCOMPARE(secret->size(), 64);
        // The store holds the enrolment and the identity the server assigned, never the secret.
        QCOMPARE(c->store->identity()->terminalId, c->enrolment.terminalId);
        QCOMPARE(c->store->identity()->shopId, c->enrolment.shopId);
        QCOMPARE(*c->store->meta(QStringLiteral("sync.server_url")), serverUrl(*m_server));
        REQUIRE_OK(c->store->db().checkpoint());
        for (const char* suffix : {"", "-wal", "-shm"}) {
            QFile f(c->path() + QLatin1String(suffix));
            if (f.open(QIODevice::ReadOnly))
                QVERIFY2(!f.readAll().contains(secret->toLatin1()), suffix);
        }
        // The credential works: the setup's operations go through.
        SyncEngine e = engine(*c);
        const PushOutcome o = e.pushAll();
        QVERIFY2(o.kind == PushOutcome::Kind::Done, qPrintable(o.message));
        QVERIFY(o.applied >= 5);
        QCOMPARE(c->outboxCount(), 0);
        QCOMPARE(e.status().pendingCount(), 0);
        QVERIFY(e.status().lastSuccessMs() > 0);
        QCOMPARE(e.status().serverProtocolVersion(), 1);
        QVERIFY(e.status().online());
    }

    void enrolRefusals() {
        // A wrong code: refused by the server, nothing recorded.
        QTemporaryDir dir;
        SystemClock clock;
        auto store = Store::open(dir.filePath(QStringLiteral("x.db")), clock);
        REQUIRE_OK(store);
        auto r = SyncEngine::enrol(**store, m_keychain, serverUrl(*m_server), QStringLiteral("SY1"),
                                   QStringLiteral("AAAAA-BBBBB"), QStringLiteral("x"), SyncOptions{});
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(QStringLiteral("invalid_enrolment_code")),
                 qPrintable(r.error().message));
        QVERIFY(!(*Outbox::enrolment(**store)).has_value());
        // Plain http to another host is refused before any network use.
        r = SyncEngine::enrol(**store, m_keychain, QStringLiteral("http://example.com"),
                              QStringLiteral("SY1"), QStringLiteral("AAAAA-BBBBB"), {}, SyncOptions{});
        QVERIFY(!r.ok());
        QVERIFY(r.error().message.contains(QStringLiteral("https")));
        // A standalone shop's store cannot be enrolled (its ids are its own): refused, code not spent.
        StandaloneShopRequest shop;
        shop.shopCode = QStringLiteral("SY1");
        shop.shopName = QStringLiteral("Standalone");
        shop.ownerUsername = QStringLiteral("owner");
        shop.ownerPassword = kOwnerPassword;
        REQUIRE_OK(SetupService(**store).createStandaloneShop(shop));
        const auto code =
            m_server->admin({QStringLiteral("enrol-code"), QStringLiteral("--shop"), QStringLiteral("SY1")});
        QVERIFY(code);
        r = SyncEngine::enrol(**store, m_keychain, serverUrl(*m_server), QStringLiteral("SY1"),
                              code->value(QStringLiteral("code")).toString(), {}, SyncOptions{});
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(QStringLiteral("standalone")), qPrintable(r.error().message));
        QCOMPARE(m_server
                     ->post(QStringLiteral("/api/v1/devices/enrol"),
                            QJsonDocument(QJsonObject{{QStringLiteral("shopCode"), QStringLiteral("SY1")},
                                                      {QStringLiteral("code"),
                                                       code->value(QStringLiteral("code")).toString()}})
                                .toJson())
                     .status,
                 201); // the code was still unused
    }

    void offlineSalesArePushedInOrderOnce() {
        auto c = newCounter();
        QVERIFY(c);
        // The server goes away; the counter keeps selling.
        QCOMPARE(m_server->stop(), 0);
        QStringList sold;
        for (int i = 0; i < 12; ++i) {
            auto s = sell(*c);
            REQUIRE_OK(s);
            sold << s->id.toString();
        }
        const qint64 queued = c->outboxCount();
        SyncOptions small;
        small.batchSize = 5;
        SyncEngine e = engine(*c, small);
        PushOutcome o = e.pushAll();
        QCOMPARE(int(o.kind), int(PushOutcome::Kind::Transient));
        QCOMPARE(o.errorCode, QStringLiteral("network"));
        QVERIFY(!e.status().online());
        QCOMPARE(c->outboxCount(), queued); // nothing lost, nothing forgotten
        QCOMPARE(e.status().pendingCount(), queued);
        QVERIFY(e.status().oldestPendingAtMs() > 0);

        QVERIFY2(m_server->start(), qPrintable(m_server->lastError())); // a new port
        REQUIRE_OK(Outbox::setServerUrl(*c->store, serverUrl(*m_server)));
        o = e.pushAll();
        QVERIFY2(o.kind == PushOutcome::Kind::Done, qPrintable(o.message));
        QCOMPARE(o.acknowledged, queued);
        QCOMPARE(o.quarantined, 0);
        QVERIFY(o.batches >= 4); // batches of 5
        QCOMPARE(c->outboxCount(), 0);
        QCOMPARE(fedSales(*c), sold); // each exactly once, in the order sold
        QCOMPARE(server::test::countRows(*m_server,
                                         QStringLiteral("SELECT count(*) FROM sales WHERE terminal_id = "
                                                        "'%1'")
                                             .arg(c->enrolment.terminalId.toString())
                                             .toStdString()),
                 12);
    }

    void aRetriedPushAfterALostReplyDoesNotDouble() {
        auto c = newCounter();
        QVERIFY(c);
        QStringList sold;
        for (int i = 0; i < 3; ++i)
            sold << sell(*c)->id.toString();
        // Keep the outbox rows as they were before the push...
        auto before = Outbox::pending(*c->store, 1000);
        REQUIRE_OK(before);
        SyncEngine e = engine(*c);
        PushOutcome o = e.pushAll();
        QVERIFY2(o.kind == PushOutcome::Kind::Done, qPrintable(o.message));
        QCOMPARE(c->outboxCount(), 0);
        // ...and put them back, as if the reply had been lost on the way (the server applied the
        // batch, the counter never learnt it).
        for (const auto& r : *before)
            REQUIRE_OK(
                c->store->db()
                    .prepare(
                        "INSERT INTO outbox (seq, op_id, type, at_ms, payload, audit) VALUES (?1, ?2, ?3, "
                        "?4, ?5, ?6)")
                    .bind(1, r.seq)
                    .bind(2, r.opId)
                    .bind(3, r.type)
                    .bind(4, r.atMs)
                    .bind(5, r.payload)
                    .bind(6, r.audit)
                    .exec("test: restoring outbox rows"));
        const qint64 extra = 2;
        for (qint64 i = 0; i < extra; ++i)
            sold << sell(*c)->id.toString();
        o = e.pushAll();
        QVERIFY2(o.kind == PushOutcome::Kind::Done, qPrintable(o.message));
        QCOMPARE(o.skipped, qint64(before->size())); // repeats: skipped by the server
        QCOMPARE(o.applied, extra);
        QCOMPARE(c->outboxCount(), 0);
        QCOMPARE(fedSales(*c), sold);
    }

    void aReplyLostOnTheWireCostsOneRetryNoDuplicate() {
        auto c = newCounter();
        QVERIFY(c);
        QStringList sold;
        for (int i = 0; i < 4; ++i)
            sold << sell(*c)->id.toString();
        const qint64 queued = c->outboxCount();
        FaultProxy proxy(m_server->port());
        // Qt resends a request once by itself when the connection closes before any reply byte
        // (that resend is lost too); the engine then retries on its own.
        proxy.faults = {FaultProxy::Fault::DropReply, FaultProxy::Fault::DropReply};
        SyncOptions options;
        options.serverUrl = QStringLiteral("http://127.0.0.1:%1").arg(proxy.port());
        SyncEngine e = engine(*c, options);
        qint64 skipped = 0;
        qint64 applied = 0;
        PushOutcome o = e.pushAll();
        skipped += o.skipped;
        applied += o.applied;
        qInfo("first push after the lost reply: %s", o.kind == PushOutcome::Kind::Transient
                                                         ? "network error, retried by the engine"
                                                         : "retried inside Qt");
        if (o.kind == PushOutcome::Kind::Transient) { // the usual case: the reply was lost
            QCOMPARE(o.errorCode, QStringLiteral("network"));
            QCOMPARE(c->outboxCount(), queued); // nothing forgotten without a reply
            o = e.pushAll();
            skipped += o.skipped;
            applied += o.applied;
        }
        QVERIFY2(o.kind == PushOutcome::Kind::Done, qPrintable(o.message));
        QCOMPARE(proxy.dropped, 2);
        QVERIFY(proxy.requests >= 3);
        QCOMPARE(applied, 0);      // the lost push had applied everything...
        QCOMPARE(skipped, queued); // ...so the retry was all repeats
        QCOMPARE(c->outboxCount(), 0);
        QCOMPARE(fedSales(*c), sold);
    }

    // Each push carries what the counter still holds behind it, so the owner API can show how far
    // behind a counter is even when its answers never arrive.
    void eachPushTellsTheServerWhatIsLeftBehind() {
        auto c = newCounter();
        QVERIFY(c);
        for (int i = 0; i < 6; ++i)
            REQUIRE_OK(sell(*c));
        const qint64 queued = c->outboxCount();
        QVERIFY(queued > 4);
        const std::string terminal = c->enrolment.terminalId.toString().toStdString();
        const auto backlog = [&] {
            return server::test::countRows(
                *m_server, "SELECT coalesce(backlog_count, -1) FROM terminals WHERE id = '" + terminal + "'");
        };
        const auto oldestKnown = [&] {
            return server::test::countRows(*m_server,
                                           "SELECT count(*) FROM terminals WHERE id = '" + terminal +
                                               "' AND backlog_oldest_at <= now() AND backlog_reported_at "
                                               "IS NOT NULL");
        };
        QCOMPARE(backlog(), qint64(-1)); // nothing reported yet

        // The first batch of 4 is applied but its answers are lost: the server still learnt that
        // the rest of the outbox waits behind it.
        FaultProxy proxy(m_server->port());
        proxy.faults = {FaultProxy::Fault::DropReply, FaultProxy::Fault::DropReply,
                        FaultProxy::Fault::DropReply};
        SyncOptions small;
        small.batchSize = 4;
        small.serverUrl = QStringLiteral("http://127.0.0.1:%1").arg(proxy.port());
        PushOutcome o = engine(*c, small).pushAll();
        QCOMPARE(int(o.kind), int(PushOutcome::Kind::Transient));
        QCOMPARE(c->outboxCount(), queued);
        QCOMPARE(backlog(), queued - 4);
        QCOMPARE(oldestKnown(), qint64(1));

        // Straight to the server: everything goes, and nothing is left behind.
        small.serverUrl.clear();
        o = engine(*c, small).pushAll();
        QVERIFY2(o.kind == PushOutcome::Kind::Done, qPrintable(o.message));
        QCOMPARE(c->outboxCount(), 0);
        QCOMPARE(backlog(), qint64(0));
        QCOMPARE(server::test::countRows(*m_server, "SELECT count(*) FROM terminals WHERE id = '" + terminal +
                                                        "' AND backlog_oldest_at IS NULL"),
                 qint64(1));
    }

    void quarantinedOperationsDoNotBlockTheQueue() {
        auto c = newCounter();
        QVERIFY(c);
        auto first = sell(*c);
        REQUIRE_OK(first);
        // Three bad operations put in the outbox by hand, each taking the next gapless seq:
        // a payload that is not JSON, another shop's sale, and a sale whose total is one paisa off
        // (only the server can tell that one).
        QJsonObject good =
            QJsonDocument::fromJson(Outbox::pending(*c->store, 1000)->back().payload.toUtf8()).object();
        auto foreign = good;
        foreign.insert(QStringLiteral("id"), Uuid::createV7(c->clock.nowMs()).toString());
        foreign.insert(QStringLiteral("shopId"), Uuid::createV7(c->clock.nowMs()).toString());
        auto wrongTotal = good;
        wrongTotal.insert(QStringLiteral("id"), Uuid::createV7(c->clock.nowMs()).toString());
        wrongTotal.insert(QStringLiteral("total"), wrongTotal.value(QStringLiteral("total")).toInteger() + 1);
        const QString audit = Outbox::pending(*c->store, 1000)->back().audit;
        const std::vector<std::pair<QString, QString>> bad{
            {QStringLiteral("not json at all"), QStringLiteral("{}")},
            {QString::fromUtf8(QJsonDocument(foreign).toJson(QJsonDocument::Compact)), audit},
            {QString::fromUtf8(QJsonDocument(wrongTotal).toJson(QJsonDocument::Compact)), audit}};
        for (const auto& [payload, auditText] : bad) {
            StoreTransaction tx(c->store->db());
            REQUIRE_OK(tx.begun());
            const auto seq = c->store->nextCounter(QStringLiteral("outbox"));
            REQUIRE_OK(seq);
            QJsonObject a = QJsonDocument::fromJson(auditText.toUtf8()).object();
            if (!a.isEmpty())
                a.insert(QStringLiteral("seq"), *seq);
            REQUIRE_OK(
                c->store->db()
                    .prepare("INSERT INTO outbox (seq, op_id, type, at_ms, payload, audit) VALUES (?1, ?2, "
                             "'sale.recorded', ?3, ?4, ?5)")
                    .bind(1, *seq)
                    .bind(2, c->store->newId())
                    .bind(3, c->clock.nowMs())
                    .bind(4, payload)
                    .bind(5, QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact)))
                    .exec("test: a bad outbox entry"));
            REQUIRE_OK(tx.commit());
        }
        auto last = sell(*c);
        REQUIRE_OK(last);

        SyncEngine e = engine(*c);
        const PushOutcome o = e.pushAll();
        QVERIFY2(o.kind == PushOutcome::Kind::Done, qPrintable(o.message));
        QCOMPARE(o.quarantined, 3);
        QCOMPARE(c->outboxCount(), 0);
        QCOMPARE(fedSales(*c), (QStringList{first->id.toString(), last->id.toString()}));
        QCOMPARE(e.status().quarantinedCount(), 3);
        const auto q = Outbox::quarantine(*c->store);
        REQUIRE_OK(q);
        QCOMPARE(q->size(), size_t(3));
        QCOMPARE((*q)[0].source, QStringLiteral("counter"));
        QVERIFY2((*q)[0].reason.contains(QStringLiteral("not a JSON object")), qPrintable((*q)[0].reason));
        QVERIFY2((*q)[1].reason.contains(QStringLiteral("is not this terminal's shop")),
                 qPrintable((*q)[1].reason));
        QCOMPARE((*q)[2].source, QStringLiteral("server"));
        QCOMPARE((*q)[2].count, 1);
        QCOMPARE(server::test::countRows(*m_server, QStringLiteral("SELECT count(*) FROM quarantine WHERE "
                                                                   "terminal_id = '%1'")
                                                        .arg(c->enrolment.terminalId.toString())
                                                        .toStdString()),
                 3);
    }

    void aRevokedTerminalStopsAndKeepsItsOutbox() {
        auto c = newCounter();
        QVERIFY(c);
        REQUIRE_OK(sell(*c));
        const qint64 queued = c->outboxCount();
        QVERIFY(m_server->admin({QStringLiteral("revoke-terminal"), QStringLiteral("--terminal"),
                                 c->enrolment.terminalId.toString()}));
        SyncEngine e = engine(*c);
        const PushOutcome o = e.pushAll();
        QCOMPARE(int(o.kind), int(PushOutcome::Kind::Fatal));
        QCOMPARE(o.httpStatus, 403);
        QCOMPARE(o.errorCode, QStringLiteral("terminal_revoked"));
        QVERIFY2(o.message.contains(QStringLiteral("revoked")) && o.message.contains(QStringLiteral("kept")),
                 qPrintable(o.message));
        QCOMPARE(c->outboxCount(), queued);
        QCOMPARE(e.status().lastError(), o.message);
    }

    void anUntrustedCertificateIsFatalATrustedOneWorks() {
        auto c = newCounter();
        QVERIFY(c);
        REQUIRE_OK(sell(*c));
        const qint64 queued = c->outboxCount();
        // A self-signed certificate for 127.0.0.1, made with the openssl command.
        QTemporaryDir tls;
        const QString cert = tls.filePath(QStringLiteral("cert.pem"));
        const QString key = tls.filePath(QStringLiteral("key.pem"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"), key,
                       QStringLiteral("-out"), cert, QStringLiteral("-days"), QStringLiteral("1"),
                       QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                       QStringLiteral("subjectAltName=IP:127.0.0.1")});
        if (!openssl.waitForFinished(60000) || openssl.exitCode() != 0)
            QSKIP("the openssl command is not available");
        QCOMPARE(m_server->stop(), 0);
        QVERIFY2(m_server->start({QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"), key}),
                 qPrintable(m_server->lastError()));
        const QString https = QStringLiteral("https://127.0.0.1:%1").arg(m_server->port());

        SyncOptions untrusted;
        untrusted.serverUrl = https;
        SyncEngine refused = engine(*c, untrusted);
        PushOutcome o = refused.pushAll();
        QCOMPARE(int(o.kind), int(PushOutcome::Kind::Fatal)); // never ignored, never retried blindly
        QCOMPARE(o.errorCode, QStringLiteral("tls"));
        QVERIFY2(o.message.contains(QStringLiteral("certificate")), qPrintable(o.message));
        QCOMPARE(c->outboxCount(), queued);

        SyncOptions trusted = untrusted;
        trusted.caFile = cert;
        SyncEngine accepted = engine(*c, trusted);
        o = accepted.pushAll();
        QVERIFY2(o.kind == PushOutcome::Kind::Done, qPrintable(o.message));
        QCOMPARE(o.acknowledged, queued);
        QCOMPARE(c->outboxCount(), 0);

        // Back to plain HTTP for the other tests.
        QCOMPARE(m_server->stop(), 0);
        QVERIFY2(m_server->start(), qPrintable(m_server->lastError()));
    }

    void theEngineRunsOnAWorkerThreadWhileSellingGoesOn() {
        auto c = newCounter();
        QVERIFY(c);
        QThread worker;
        worker.start();
        QObject inWorker;
        inWorker.moveToThread(&worker);
        std::unique_ptr<SyncEngine> engine;
        QString openError;
        // The engine, its own Store connection and its QNetworkAccessManager are made on the worker.
        QMetaObject::invokeMethod(
            &inWorker,
            [&] {
                auto e = SyncEngine::open(c->path(), m_keychain, SyncOptions{});
                if (!e.ok()) {
                    openError = e.error().message;
                    return;
                }
                engine = std::move(e).value();
            },
            Qt::BlockingQueuedConnection);
        auto stopWorker = qScopeGuard([&] {
            QMetaObject::invokeMethod(
                &inWorker, [&] { engine.reset(); }, Qt::BlockingQueuedConnection);
            worker.quit();
            worker.wait();
        });
        QVERIFY2(engine, qPrintable(openError));
        QList<qint64> pendingSeen;
        qint64 lastSuccess = 0;
        bool online = false;
        // Queued to this (the "GUI") thread, as a status bar would receive them. The receiver is
        // declared after what the slots write to, so it goes first, and with it any signal still
        // queued: with the test object as receiver, one delivered during a later test wrote into
        // this test's dead stack frame (seen under UBSan as a QString with a timestamp for a pointer).
        QObject receiver;
        connect(&engine->status(), &sync::SyncStatus::pendingCountChanged, &receiver,
                [&](qint64 n) { pendingSeen << n; });
        connect(&engine->status(), &sync::SyncStatus::lastSuccessChanged, &receiver,
                [&](qint64 ms) { lastSuccess = ms; });
        connect(&engine->status(), &sync::SyncStatus::onlineChanged, &receiver,
                [&](bool on) { online = on; });
        QMetaObject::invokeMethod(engine.get(), &SyncEngine::start, Qt::QueuedConnection);
        QTRY_VERIFY_WITH_TIMEOUT(online && lastSuccess > 0, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(c->outboxCount(), 0, 30000);

        QStringList sold;
        for (int i = 0; i < 5; ++i) { // selling on this thread's own connection, never waiting
            auto s = sell(*c);
            REQUIRE_OK(s);
            sold << s->id.toString();
            QMetaObject::invokeMethod(engine.get(), &SyncEngine::pushSoon, Qt::QueuedConnection);
        }
        QTRY_COMPARE_WITH_TIMEOUT(c->outboxCount(), 0, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!pendingSeen.isEmpty() && pendingSeen.last() == 0, 30000);
        QVERIFY(*std::max_element(pendingSeen.begin(), pendingSeen.end()) > 0); // shown before the push
        QCOMPARE(fedSales(*c), sold);
    }

    /// The counter's status bar source runs the engine on a worker thread and follows it.
    void theCounterStatusBarFollowsTheEngine() {
#ifdef MARKET_HAVE_UI_SYNC
        auto c = newCounter();
        QVERIFY(c);
        for (int i = 0; i < 3; ++i)
            REQUIRE_OK(sell(*c));
        ui::EngineSyncStatus status(c->path(), serverUrl(*m_server), m_keychain.service());
        QTRY_VERIFY_WITH_TIMEOUT(status.status().state == ui::SyncStatus::State::Online, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(c->outboxCount(), 0, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(status.status().pending, 0, 30000);

        // The server goes away: the next sale waits in the outbox and the status says so.
        QCOMPARE(m_server->stop(), 0);
        REQUIRE_OK(sell(*c));
        status.nudge();
        QTRY_VERIFY_WITH_TIMEOUT(status.status().state != ui::SyncStatus::State::Online, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(status.status().pending > 0, 30000);
        QVERIFY(!status.status().problem.isEmpty());
        QCOMPARE(c->outboxCount(), 1);

        // Back (on a new port): the engine drains it and the status is online again.
        QVERIFY2(m_server->start(), qPrintable(m_server->lastError()));
        REQUIRE_OK(Outbox::setServerUrl(*c->store, serverUrl(*m_server)));
        status.nudge();
        QTRY_COMPARE_WITH_TIMEOUT(c->outboxCount(), 0, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(status.status().state == ui::SyncStatus::State::Online, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(status.status().pending, 0, 30000);
#else
        QSKIP("market-pos (market_ui) is not built");
#endif
    }

    void backoffGrowsWithJitterAndIsCapped() {
        sync::Backoff b(1000, 8000);
        const int first = b.nextDelayMs();
        QVERIFY(first >= 500 && first <= 1000);
        const int second = b.nextDelayMs();
        QVERIFY(second >= 1000 && second <= 2000);
        const int third = b.nextDelayMs();
        QVERIFY(third >= 2000 && third <= 4000);
        for (int i = 0; i < 30; ++i) {
            const int d = b.nextDelayMs();
            QVERIFY(d >= 4000 && d <= 8000);
        }
        b.reset();
        QVERIFY(b.nextDelayMs() <= 1000);
    }

    void marketctlEnrolInitSyncStatus() {
        const QString code = QStringLiteral("SYCLI");
        const QString enrolCode = sync::test::newShopWithEnrolCode(*m_server, code);
        QVERIFY(!enrolCode.isEmpty());
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("cli.db"));
        auto run = [&](const QStringList& args,
                       const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment()) {
            QProcess p;
            p.setProcessEnvironment(env);
            p.start(QStringLiteral(MARKETCTL_BINARY), QStringList{QStringLiteral("--db"), db} + args);
            p.closeWriteChannel();
            p.waitForFinished(120000);
            return std::make_tuple(p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                                   QString::fromUtf8(p.readAllStandardError()));
        };
        // No keychain in the session: a clear one-line error, the code is not spent, no store left.
        QProcessEnvironment noBus = QProcessEnvironment::systemEnvironment();
        noBus.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                     QStringLiteral("unix:path=/nonexistent/bus"));
        auto [rc0, out0, err0] =
            run({QStringLiteral("enrol"), QStringLiteral("--server"), serverUrl(*m_server),
                 QStringLiteral("--shop"), code, QStringLiteral("--code"), enrolCode},
                noBus);
        QCOMPARE(rc0, 1);
        QVERIFY2(err0.contains(QStringLiteral("keychain")) && err0.trimmed().count(QLatin1Char('\n')) == 0,
                 qPrintable(err0));
        QVERIFY(!QFile::exists(db));

        auto [rc1, out1, err1] = run({QStringLiteral("enrol"), QStringLiteral("--server"),
                                      serverUrl(*m_server), QStringLiteral("--shop"), code,
                                      QStringLiteral("--code"), enrolCode, QStringLiteral("--json")});
        QVERIFY2(rc1 == 0, qPrintable(err1));
        const QJsonObject enrolled = QJsonDocument::fromJson(out1.toUtf8()).object();
        QCOMPARE(enrolled.value(QStringLiteral("shopCode")).toString(), code);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("MARKET_PASSWORD"), kOwnerPassword);
        auto [rc2, out2, err2] =
            run({QStringLiteral("init"), QStringLiteral("--shop-code"), code, QStringLiteral("--shop-name"),
                 QStringLiteral("CLI market"), QStringLiteral("--owner"), QStringLiteral("owner")},
                env);
        QVERIFY2(rc2 == 0, qPrintable(err2));
        auto [rc3, out3, err3] =
            run({QStringLiteral("sync"), QStringLiteral("status"), QStringLiteral("--json")});
        QVERIFY2(rc3 == 0, qPrintable(err3));
        QJsonObject st = QJsonDocument::fromJson(out3.toUtf8()).object();
        QCOMPARE(st.value(QStringLiteral("terminalId")).toString(),
                 enrolled.value(QStringLiteral("terminalId")).toString());
        QVERIFY(st.value(QStringLiteral("pending")).toInteger() >= 3);
        auto [rc4, out4, err4] =
            run({QStringLiteral("sync"), QStringLiteral("--once"), QStringLiteral("--json")});
        QVERIFY2(rc4 == 0, qPrintable(err4 + out4));
        QCOMPARE(QJsonDocument::fromJson(out4.toUtf8()).object().value(QStringLiteral("pending")).toInteger(),
                 0);
        auto [rc5, out5, err5] =
            run({QStringLiteral("sync"), QStringLiteral("status"), QStringLiteral("--json")});
        st = QJsonDocument::fromJson(out5.toUtf8()).object();
        QCOMPARE(st.value(QStringLiteral("pending")).toInteger(), 0);
        QVERIFY(st.value(QStringLiteral("lastSuccessMs")).toInteger() > 0);
        // Enrolling again is refused (the store already holds a shop).
        auto [rc6, out6, err6] =
            run({QStringLiteral("enrol"), QStringLiteral("--server"), serverUrl(*m_server),
                 QStringLiteral("--shop"), code, QStringLiteral("--code"), QStringLiteral("X")});
        QCOMPARE(rc6, 1);
        QVERIFY(!err6.isEmpty());
    }

    void pushRate() {
        // A measurement printed for the report, not a timed assertion.
        auto c = newCounter();
        QVERIFY(c);
        SyncEngine e = engine(*c);
        QVERIFY(e.pushAll().kind == PushOutcome::Kind::Done);
        const int n = 1000;
        for (int i = 0; i < n; ++i)
            REQUIRE_OK(sell(*c));
        QElapsedTimer t;
        t.start();
        const PushOutcome o = e.pushAll();
        const qint64 ms = t.elapsed();
        QVERIFY2(o.kind == PushOutcome::Kind::Done, qPrintable(o.message));
        QCOMPARE(o.applied, n);
        qInfo("push rate: %d queued sales in %lld ms (%.0f sales/s, batches of %d)", n, ms,
              n * 1000.0 / std::max<qint64>(1, ms), e.currentBatchSize());
    }
};

QTEST_GUILESS_MAIN(SyncPushTest)
#include "tst_sync_push.moc"
