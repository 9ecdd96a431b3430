// Faults end to end: the counter's sync engine (and marketctl as a separate process) against a
// real market-server with its embedded PostgreSQL on 127.0.0.1, real SQLite counter stores made
// through the services and the real OS keychain. Each case breaks something on the way — the
// counter process killed mid-push, replies lost and requests cut on the wire, the server away for
// a day's trade, PostgreSQL restarted, counter clocks days off, a protocol version the server does
// not speak — and then checks that the server holds every operation exactly once in sequence
// order and that the counter's balances equal the server's. (A revoked terminal: tst_sync_push.)
#include "CounterFixture.h"
#include "FaultProxy.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <engine/SyncEngine.h>
#include <protocol/Protocol.h>
#include <services/FeedApplier.h>

#ifndef MARKETCTL_BINARY
#error "MARKETCTL_BINARY must point at marketctl"
#endif

using namespace market;
using namespace market::core;
using market::server::test::countRows;
using market::server::test::queryText;
using market::server::test::ServerProcess;
using market::sync::DeviceKeychain;
using market::sync::PullOutcome;
using market::sync::PushOutcome;
using market::sync::SyncEngine;
using market::sync::SyncOptions;
using market::sync::test::Counter;
using market::sync::test::FaultProxy;
using market::sync::test::Figures;
using market::sync::test::serverUrl;

namespace {
constexpr qint64 kDayMs = 24LL * 3600 * 1000;

std::string quoted(const Uuid& id) {
    return "'" + id.toString().toStdString() + "'";
}

} // namespace

class SyncFaultsTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_serverDir;
    std::unique_ptr<ServerProcess> m_server;
    const DeviceKeychain m_keychain{sync::test::keychainService()};
    int m_shops = 0;

    std::unique_ptr<Counter> newCounter(const DeviceKeychain& keychain) {
        return sync::test::newStockedCounter(*m_server, keychain, QStringLiteral("FLT%1").arg(++m_shops));
    }

    /// `n` sales through SaleService, every fourth of `sold` on credit; their ids appended in order.
    bool sell(Counter& c, int n, QStringList& sold) {
        for (int i = 0; i < n; ++i) {
            auto s = sold.size() % 4 == 3 ? sync::test::sellCredit(c) : sync::test::sellCash(c);
            if (!s.ok()) {
                qWarning() << s.error().message;
                return false;
            }
            sold << s->id.toString();
        }
        return true;
    }

    /// The highest sequence the counter has queued (all of it pending).
    qint64 lastQueuedSeq(Counter& c) {
        const auto pending = Outbox::pending(*c.store, 1'000'000);
        return pending.ok() && !pending->empty() ? pending->back().seq : -1;
    }

    /// The server's highest applied sequence for the counter's terminal (-1: no answer).
    qint64 serverSeq(const Counter& c) {
        try {
            return countRows(*m_server,
                             "SELECT last_seq FROM terminals WHERE id = " + quoted(c.enrolment.terminalId));
        } catch (const std::exception&) {
            return -1; // PostgreSQL restarting
        }
    }

    int pgCtl(const QStringList& args) {
        return QProcess::execute(
            QStringLiteral("/usr/lib/postgresql/15/bin/pg_ctl"),
            args + QStringList{QStringLiteral("-D"), m_serverDir.path() + QStringLiteral("/pg"),
                               QStringLiteral("-s"), QStringLiteral("-w"), QStringLiteral("-l"),
                               m_serverDir.path() + QStringLiteral("/postgresql.log")});
    }

    bool databaseRunning() {
        QProcess status;
        status.setStandardOutputFile(QProcess::nullDevice());
        status.start(
            QStringLiteral("/usr/lib/postgresql/15/bin/pg_ctl"),
            {QStringLiteral("status"), QStringLiteral("-D"), m_serverDir.path() + QStringLiteral("/pg")});
        return status.waitForFinished(30'000) && status.exitCode() == 0;
    }

    /// Everything the counter sold is on the server once, in sequence order, and they agree.
    /// `lastSeq`: the counter's last queued sequence; every one of 1..lastSeq is held once.
    void expectConverged(Counter& c, const QStringList& sold, qint64 lastSeq) {
        QCOMPARE(c.outboxCount(), 0);
        const std::string t = quoted(c.enrolment.terminalId);
        QCOMPARE(serverSeq(c), lastSeq);
        // The audit chain's entries: one per operation, no sequence twice, none missing.
        QCOMPARE(countRows(*m_server, "SELECT count(*) FROM audit_entries WHERE terminal_id = " + t),
                 lastSeq);
        QCOMPARE(
            countRows(*m_server, "SELECT count(DISTINCT seq) FROM audit_entries WHERE terminal_id = " + t),
            lastSeq);
        QCOMPARE(countRows(*m_server,
                           "SELECT count(*) FROM audit_entries WHERE NOT chain_ok AND terminal_id = " + t),
                 qint64(0));
        QCOMPARE(countRows(*m_server, "SELECT count(*) FROM quarantine WHERE terminal_id = " + t), qint64(0));
        QCOMPARE(countRows(*m_server, "SELECT count(*) FROM sales WHERE terminal_id = " + t),
                 qint64(sold.size()));
        // The feed, as other counters read it: each sale once, in the order it was sold.
        const QStringList fed = sync::test::fedSales(*m_server, keychainOf(c), c.enrolment);
        QCOMPARE(fed.size(), sold.size());
        QVERIFY(fed == sold);
        const Figures counter = sync::test::countersFigures(c);
        const Figures server = sync::test::serversFigures(*m_server, c);
        QVERIFY2(counter == server, (text(counter) + " vs server " + text(server)).constData());
        QVERIFY(counter.outstanding > 0 && counter.payable > 0);
    }

    /// The keychain that holds `c`'s secret: marketctl reads the real counter's service name.
    const DeviceKeychain& keychainOf(const Counter& c) const {
        return c.path() == m_marketctlCounterPath ? m_marketctlKeychain : m_keychain;
    }
    const DeviceKeychain m_marketctlKeychain{}; // "market-pos"
    QString m_marketctlCounterPath;

    static QByteArray text(const Figures& f) { return sync::test::text(f); }

private slots:
    void initTestCase() {
        QVERIFY(m_serverDir.isValid());
        REQUIRE_OK(m_keychain.probe()); // a Secret Service is needed (dbus-run-session + gnome-keyring)
        m_server = std::make_unique<ServerProcess>(m_serverDir.path());
        QVERIFY2(m_server->start(), qPrintable(m_server->lastError()));
    }

    void init() {
        // A case that failed with the server or its database stopped must not take the next ones.
        if (!databaseRunning())
            QCOMPARE(pgCtl({QStringLiteral("start")}), 0);
        if (!m_server->running())
            QVERIFY2(m_server->start(), qPrintable(m_server->lastError()));
    }

    void cleanupTestCase() { m_server.reset(); }

    /// 1. `marketctl sync --once` (its own process) is killed with SIGKILL while it pushes a
    /// backlog of 1,500 sales — once right after the server committed its first batch, once after
    /// a random delay — and restarted: the third run finishes and nothing is lost or doubled.
    void aCounterProcessKilledMidPushResumes() {
        auto c = newCounter(m_marketctlKeychain);
        QVERIFY(c);
        m_marketctlCounterPath = c->path();
        QStringList sold;
        QVERIFY(sell(*c, 1500, sold));
        const qint64 lastSeq = lastQueuedSeq(*c);
        QVERIFY(lastSeq > 1500);

        const QStringList args{QStringLiteral("--db"),    c->path(),
                               QStringLiteral("sync"),    QStringLiteral("--once"),
                               QStringLiteral("--batch"), QStringLiteral("100"),
                               QStringLiteral("--json")};
        QProcess p;
        // Run 1: killed as soon as the server holds its first batch (the reply may be on its way).
        p.start(QStringLiteral(MARKETCTL_BINARY), args);
        QVERIFY(p.waitForStarted());
        QElapsedTimer deadline;
        deadline.start();
        qint64 held = 0;
        while ((held = serverSeq(*c)) <= 0 && p.state() == QProcess::Running && deadline.elapsed() < 60'000)
            QTest::qWait(2);
        p.kill(); // SIGKILL
        QVERIFY(p.waitForFinished(10'000));
        QCOMPARE(int(p.exitStatus()), int(QProcess::CrashExit));
        const qint64 atFirstKill = serverSeq(*c);
        QVERIFY2(atFirstKill > 0 && atFirstKill < lastSeq, qPrintable(QString::number(atFirstKill)));
        // The counter forgot nothing the server does not hold.
        QVERIFY(c->outboxCount() >= lastSeq - atFirstKill);

        // Run 2: killed after a random delay (it may have finished by then).
        const int delayMs = 100 + int(QRandomGenerator::global()->bounded(500));
        p.start(QStringLiteral(MARKETCTL_BINARY), args);
        QVERIFY(p.waitForStarted());
        const bool finishedByItself = p.waitForFinished(delayMs);
        if (!finishedByItself) {
            p.kill();
            QVERIFY(p.waitForFinished(10'000));
        }
        const qint64 atSecondKill = serverSeq(*c);
        QVERIFY(atSecondKill >= atFirstKill);

        // Run 3: to the end.
        p.start(QStringLiteral(MARKETCTL_BINARY), args);
        QVERIFY(p.waitForFinished(120'000));
        const QByteArray out = p.readAllStandardOutput();
        QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0,
                 (out + p.readAllStandardError()).constData());
        const QJsonObject last = QJsonDocument::fromJson(out).object();
        QCOMPARE(last.value(QStringLiteral("pending")).toInteger(), 0);
        qInfo("killed at server seq %lld (first batch), then %lld after %d ms%s; %lld of %lld; the last "
              "run: %lld applied, %lld repeats skipped",
              atFirstKill, atSecondKill, delayMs, finishedByItself ? " (had finished)" : "", lastSeq, lastSeq,
              qint64(last.value(QStringLiteral("applied")).toInteger()),
              qint64(last.value(QStringLiteral("skipped")).toInteger()));
        expectConverged(*c, sold, lastSeq);
    }

    /// 2. A proxy on the wire drops replies after the server committed and cuts requests half-way;
    /// the engine retries (then through the healthy proxy) and nothing is doubled or lost.
    void lostRepliesAndCutRequestsCostRetriesOnly() {
        auto c = newCounter(m_keychain);
        QVERIFY(c);
        QStringList sold;
        QVERIFY(sell(*c, 300, sold));
        const qint64 lastSeq = lastQueuedSeq(*c);
        using F = FaultProxy::Fault;
        FaultProxy proxy(m_server->port());
        // Qt resends a request once by itself when a connection closes before any answer byte, so
        // faults come in pairs to reach the engine; a resend is a new request here.
        proxy.faults = {
            F::DropReply,  F::DropReply,          F::None, F::CutRequest, F::CutRequest, F::None,
            F::DropReply,  F::CutRequest,         F::None, F::CutReply,   F::None,       F::CutReply,
            F::CutRequest, F::CutCompressedReply, F::None};
        const size_t injected = proxy.faults.size();
        SyncOptions options;
        options.serverUrl = QStringLiteral("http://127.0.0.1:%1").arg(proxy.port());
        options.batchSize = 50;
        SyncEngine e(*c->store, m_keychain, options);
        qint64 applied = 0, skipped = 0;
        int failures = 0;
        PushOutcome o;
        for (int attempt = 0; attempt < 40; ++attempt) {
            o = e.pushAll();
            applied += o.applied;
            skipped += o.skipped;
            if (o.kind == PushOutcome::Kind::Done)
                break;
            ++failures;
            // Only ever "retry later", as a network error: never a fatal error, never "not understood"
            // (a gzip answer cut short looks complete to Qt), never anything forgotten unanswered.
            QVERIFY2(o.kind == PushOutcome::Kind::Transient && o.errorCode == QStringLiteral("network"),
                     qPrintable(o.message));
            QCOMPARE(e.status().pendingCount(), c->outboxCount());
        }
        QVERIFY2(o.kind == PushOutcome::Kind::Done, qPrintable(o.message));
        QVERIFY(proxy.faults.empty());                                                // every fault was met
        QCOMPARE(size_t(proxy.dropped + proxy.cut + proxy.cutReplies + 5), injected); // 5 × None
        QVERIFY(proxy.dropped >= 1 && proxy.cut >= 1);
        // The engine heard each operation applied at most once; one it did not hear applied (its
        // answer was lost) it heard skipped as a repeat later.
        QVERIFY(skipped >= 1);
        QVERIFY2(applied < lastSeq && applied + skipped >= lastSeq,
                 qPrintable(
                     QStringLiteral("%1 applied, %2 skipped of %3").arg(applied).arg(skipped).arg(lastSeq)));
        qInfo("%d POSTs, %d replies dropped, %d requests cut, %d replies cut, %d failed pushes retried; %lld "
              "applied, %lld repeats skipped",
              proxy.requests, proxy.dropped, proxy.cut, proxy.cutReplies, failures, applied, skipped);

        // An answer that never comes: the engine's timeout gives up on it (the server committed).
        QVERIFY(sell(*c, 20, sold));
        proxy.faults = {F::HoldReply};
        SyncOptions impatient = options;
        impatient.timeoutMs = 2000;
        {
            SyncEngine waiting(*c->store, m_keychain, impatient);
            o = waiting.pushAll();
            QCOMPARE(int(o.kind), int(PushOutcome::Kind::Transient));
            QCOMPARE(o.errorCode, QStringLiteral("network"));
            QCOMPARE(c->outboxCount(), qint64(20));
        }
        QCOMPARE(proxy.held, 1);
        o = e.pushAll();
        QVERIFY2(o.kind == PushOutcome::Kind::Done, qPrintable(o.message));
        QCOMPARE(o.applied, qint64(0));
        QCOMPARE(o.skipped, qint64(20)); // the held batch had been applied
        expectConverged(*c, sold, lastSeq + 20);
    }

    /// 3. The server is away for a day's trade: 2,000 sales queue up, then drain in order.
    void aDayOfSalesQueuedWhileTheServerIsDownDrainsInOrder() {
        auto c = newCounter(m_keychain);
        QVERIFY(c);
        SyncEngine e(*c->store, m_keychain, SyncOptions{});
        QVERIFY(e.pushAll().kind == PushOutcome::Kind::Done); // the setup is on the server
        const qint64 base = serverSeq(*c);
        QVERIFY(base > 0);

        QCOMPARE(m_server->stop(), 0);
        QStringList sold;
        QVERIFY(sell(*c, 2000, sold));
        QCOMPARE(c->outboxCount(), qint64(2000)); // one operation per sale
        PushOutcome o = e.pushAll();
        QCOMPARE(int(o.kind), int(PushOutcome::Kind::Transient));
        QCOMPARE(c->outboxCount(), qint64(2000));
        QCOMPARE(e.status().pendingCount(), qint64(2000));
        // The counter knows since when it has been cut off, and a restart still knows it.
        const qint64 offlineSince = e.status().offlineSinceMs();
        QVERIFY(offlineSince > 0 && offlineSince <= c->store->nowMs());
        QVERIFY(!e.status().online());
        QVERIFY(e.pushAll().kind == PushOutcome::Kind::Transient);
        QCOMPARE(e.status().offlineSinceMs(), offlineSince); // the first failure, not the latest
        {
            SyncEngine restarted(*c->store, m_keychain, SyncOptions{});
            REQUIRE_OK(restarted.refreshStatus());
            QCOMPARE(restarted.status().offlineSinceMs(), offlineSince);
        }

        QVERIFY2(m_server->start(), qPrintable(m_server->lastError())); // a new port
        REQUIRE_OK(Outbox::setServerUrl(*c->store, serverUrl(*m_server)));
        QElapsedTimer drain;
        drain.start();
        o = e.pushAll();
        const qint64 ms = drain.elapsed();
        QVERIFY2(o.kind == PushOutcome::Kind::Done, qPrintable(o.message));
        QCOMPARE(o.applied, qint64(2000));
        QCOMPARE(o.skipped, qint64(0));
        qInfo("drain: 2000 queued sales in %lld ms (%d batches of up to %d, %.0f sales/s)", ms, o.batches,
              e.currentBatchSize(), 2000 * 1000.0 / std::max<qint64>(1, ms));
        QCOMPARE(serverSeq(*c) - base, qint64(2000));
        QCOMPARE(e.status().offlineSinceMs(), qint64(0));
        QVERIFY(e.status().online());
        const PullOutcome pulled = e.pullAll();
        QVERIFY2(pulled.kind == PullOutcome::Kind::Done, qPrintable(pulled.message));
        expectConverged(*c, sold, base + 2000);
    }

    /// 4. PostgreSQL stops (hard) between two batches of a counter's push and comes back; then it
    /// is restarted (`pg_ctl restart -m immediate`) at a moment of its own while a backlog drains.
    void postgresRestartedWhileACounterPushes() {
        auto c = newCounter(m_keychain);
        QVERIFY(c);
        QStringList sold;
        QVERIFY(sell(*c, 400, sold));

        // Deterministic: the second batch's answer is held; PostgreSQL is stopped; the answer goes
        // on; the next batch meets a server without its database.
        using F = FaultProxy::Fault;
        FaultProxy proxy(m_server->port());
        proxy.faults = {F::None, F::HoldReply};
        bool stopped = false;
        proxy.onHold = [&] {
            stopped = pgCtl({QStringLiteral("stop"), QStringLiteral("-m"), QStringLiteral("immediate")}) == 0;
            QTimer::singleShot(0, &proxy, [&proxy] { proxy.release(); });
        };
        SyncOptions options;
        options.serverUrl = QStringLiteral("http://127.0.0.1:%1").arg(proxy.port());
        options.batchSize = 50;
        SyncEngine e(*c->store, m_keychain, options);
        QStringList failures;
        bool restarted = false;
        PushOutcome o;
        QElapsedTimer deadline;
        deadline.start();
        while (deadline.elapsed() < 90'000) {
            o = e.pushAll();
            if (o.kind == PushOutcome::Kind::Done)
                break;
            QVERIFY2(o.kind == PushOutcome::Kind::Transient, qPrintable(o.message));
            failures << QStringLiteral("%1 %2").arg(o.httpStatus).arg(o.errorCode);
            QCOMPARE(e.status().pendingCount(), c->outboxCount());
            if (stopped && !restarted) {
                QCOMPARE(pgCtl({QStringLiteral("start")}), 0);
                restarted = true;
            } else {
                QTest::qWait(100); // the engine's back-off, shortened
            }
        }
        QVERIFY2(o.kind == PushOutcome::Kind::Done, qPrintable(o.message));
        QVERIFY(stopped && restarted);
        QCOMPARE(proxy.held, 1);
        QVERIFY2(failures.contains(QStringLiteral("503 database_unavailable")),
                 qPrintable(failures.join(QStringLiteral(", "))));
        qInfo("database stopped between batches: %s, then done",
              qPrintable(failures.join(QStringLiteral(", "))));

        // At a moment of its own: restarted from the event loop the push waits in, as soon as the
        // server holds two more batches of a 600-sale backlog.
        QVERIFY(sell(*c, 600, sold));
        const qint64 lastSeq = lastQueuedSeq(*c);
        const qint64 trigger = serverSeq(*c) + 40;
        QProcess restart;
        QTimer poll;
        connect(&poll, &QTimer::timeout, this, [&] {
            if (serverSeq(*c) < trigger)
                return;
            poll.stop();
            restart.start(QStringLiteral("/usr/lib/postgresql/15/bin/pg_ctl"),
                          {QStringLiteral("restart"), QStringLiteral("-m"), QStringLiteral("immediate"),
                           QStringLiteral("-D"), m_serverDir.path() + QStringLiteral("/pg"),
                           QStringLiteral("-s"), QStringLiteral("-w"), QStringLiteral("-l"),
                           m_serverDir.path() + QStringLiteral("/postgresql.log")});
        });
        poll.start(5);
        SyncOptions direct;
        direct.batchSize = 20;
        SyncEngine d(*c->store, m_keychain, direct);
        QStringList raced;
        deadline.restart();
        while (deadline.elapsed() < 90'000) {
            o = d.pushAll();
            if (o.kind == PushOutcome::Kind::Done)
                break;
            QVERIFY2(o.kind == PushOutcome::Kind::Transient, qPrintable(o.message));
            raced << QStringLiteral("%1 %2").arg(o.httpStatus).arg(o.errorCode);
            QTest::qWait(100);
        }
        QVERIFY2(o.kind == PushOutcome::Kind::Done, qPrintable(o.message));
        QVERIFY(!poll.isActive()); // the restart was started while the backlog drained
        qInfo("database restarted while draining: %lld failed pushes retried (%s)", qint64(raced.size()),
              qPrintable(raced.join(QStringLiteral(", "))));
        if (restart.state() != QProcess::NotRunning)
            QVERIFY(restart.waitForFinished(60'000));
        QCOMPARE(int(restart.exitStatus()), int(QProcess::NormalExit));
        QCOMPARE(restart.exitCode(), 0);
        expectConverged(*c, sold, lastSeq);
    }

    /// 5. One counter's clock is two days ahead, the other's two days behind: the server keeps its
    /// own order (the order of the pushes), loses nothing, and flags the clock ahead.
    void skewedCounterClocksReorderNothing() {
        const QString shop = QStringLiteral("FLTCLK");
        const QString codeA = sync::test::newShopWithEnrolCode(*m_server, shop);
        QVERIFY(!codeA.isEmpty());
        const auto codeB = m_server->admin({QStringLiteral("enrol-code"), QStringLiteral("--shop"), shop});
        QVERIFY(codeB);
        Counter a, b;
        a.clock.setOffsetMs(2 * kDayMs);
        b.clock.setOffsetMs(-2 * kDayMs);
        QVERIFY(sync::test::joinShop(a, *m_server, m_keychain, shop, codeA, QStringLiteral("owner-a"),
                                     QStringLiteral("Ahead")));
        QVERIFY(sync::test::stockCounter(a));
        QVERIFY(sync::test::joinShop(b, *m_server, m_keychain, shop,
                                     codeB->value(QStringLiteral("code")).toString(),
                                     QStringLiteral("owner-b"), QStringLiteral("Behind")));
        const auto cycle = [&](Counter& c) {
            SyncEngine e(*c.store, m_keychain, SyncOptions{});
            const PushOutcome pushed = e.pushAll();
            if (pushed.kind != PushOutcome::Kind::Done)
                return QStringLiteral("push: ") + pushed.message;
            const PullOutcome pulled = e.pullAll();
            return pulled.kind == PullOutcome::Kind::Done && pulled.parked == 0
                       ? QString()
                       : QStringLiteral("pull: %1 (%2 parked)").arg(pulled.message).arg(pulled.parked);
        };
        QString failed = cycle(a);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        failed = cycle(b);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        QVERIFY(ArrivalService(*b.store).lot(a.lotId).ok()); // B sells from A's lot to A's buyer

        // Turn by turn; the server's order is the order of the pushes, whatever the clocks say.
        QStringList pushedOrder;
        for (int round = 0; round < 4; ++round) {
            for (Counter* c : {&a, &b}) {
                for (int i = 0; i < 3; ++i) {
                    auto s = sync::test::sellCredit(*c, a.lotId, a.buyerId);
                    REQUIRE_OK(s);
                    pushedOrder << s->id.toString();
                }
                failed = cycle(*c);
                QVERIFY2(failed.isEmpty(), qPrintable(failed));
            }
        }
        for (Counter* c : {&a, &b}) { // each hears the other's last turn
            failed = cycle(*c);
            QVERIFY2(failed.isEmpty(), qPrintable(failed));
        }
        const QString shopId = a.enrolment.shopId.toString();
        const QString feedOrder = queryText(
            *m_server, "SELECT string_agg(entity_id::text, ',' ORDER BY position) FROM feed WHERE type = "
                       "'sale.recorded' AND shop_id = '" +
                           shopId.toStdString() + "'");
        QCOMPARE(feedOrder, pushedOrder.join(QLatin1Char(',')));
        // The counters' own times were kept as they said (four days apart)...
        const qint64 spreadMs = countRows(
            *m_server,
            "SELECT (extract(epoch FROM max(created_at) - min(created_at)) * 1000)::bigint FROM sales "
            "WHERE shop_id = '" +
                shopId.toStdString() + "'");
        QVERIFY2(spreadMs > 3 * kDayMs, qPrintable(QString::number(spreadMs)));
        // ...and the clock two days ahead is flagged, once; the one behind is not (a late push
        // of an old sale is normal after a day offline).
        const auto skew = [&](const Counter& c) {
            return countRows(*m_server,
                             "SELECT count(*) FROM anomalies WHERE kind = 'clock_skew' AND entity_id = " +
                                 quoted(c.enrolment.terminalId));
        };
        QCOMPARE(skew(a), qint64(1));
        QCOMPARE(skew(b), qint64(0));
        const qint64 aheadMs = countRows(
            *m_server, "SELECT (details->>'aheadMs')::bigint FROM anomalies WHERE kind = 'clock_skew' AND "
                       "entity_id = " +
                           quoted(a.enrolment.terminalId));
        QVERIFY2(aheadMs > 2 * kDayMs - 60'000 && aheadMs < 2 * kDayMs + 60'000,
                 qPrintable(QString::number(aheadMs)));
        for (Counter* c : {&a, &b}) {
            const auto anomalies = FeedApplier(*c->store).anomalies();
            REQUIRE_OK(anomalies);
            QCOMPARE(anomalies->size(), size_t(1));
            QCOMPARE(anomalies->front().kind, QStringLiteral("clock_skew"));
            QCOMPARE(anomalies->front().entityId, a.enrolment.terminalId.toString());
        }

        const Figures fa = sync::test::countersFigures(*a.store, a.lotId, a.buyerId, a.farmerId);
        const Figures fb = sync::test::countersFigures(*b.store, a.lotId, a.buyerId, a.farmerId);
        const Figures server = sync::test::serversFigures(*m_server, a.lotId, a.buyerId, a.farmerId);
        QVERIFY2(fa == fb, (text(fa) + " vs " + text(fb)).constData());
        QVERIFY2(fa == server, (text(fa) + " vs server " + text(server)).constData());
        QCOMPARE(fa.stock, qint64(100'000'000 - 24 * 1000));
        QCOMPARE(fa.outstanding, qint64(24 * 2500));
        QCOMPARE(sync::test::fedSales(*m_server, m_keychain, a.enrolment).size(), 12);
        QCOMPARE(sync::test::fedSales(*m_server, m_keychain, b.enrolment).size(), 12);
    }

    /// 6. A protocol version the server does not speak (0, 99) is refused with a clear message;
    /// the counter keeps selling and queueing, and nothing is ever discarded.
    void anUnsupportedProtocolVersionIsRefusedAndNothingDiscarded() {
        auto c = newCounter(m_keychain);
        QVERIFY(c);
        QStringList sold;
        QVERIFY(sell(*c, 3, sold));
        const QString auth = QStringLiteral("Device %1.%2")
                                 .arg(c->enrolment.terminalId.toString(),
                                      *m_keychain.read(c->enrolment.terminalId.toString()));
        for (const int version : {0, 99}) {
            // On the wire, as an old or a future counter would send it.
            const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("protocolVersion"), version},
                                                              {QStringLiteral("ops"), QJsonArray{}}})
                                        .toJson(QJsonDocument::Compact);
            const auto r = m_server->post(QStringLiteral("/api/v1/sync/push"), body, auth);
            QCOMPARE(r.status, 400);
            QCOMPARE(r.errorCode(), protocol::err::kUnsupportedVersion);
            QVERIFY2(r.errorMessage().contains(QString::number(version)) &&
                         r.errorMessage().contains(QString::number(protocol::kProtocolVersion)),
                     qPrintable(r.errorMessage()));

            // The engine speaking it: refused, said so in the status, the outbox untouched.
            const qint64 queued = c->outboxCount();
            SyncOptions options;
            options.protocolVersion = version;
            SyncEngine e(*c->store, m_keychain, options);
            const PushOutcome o = e.pushAll();
            QCOMPARE(int(o.kind), int(PushOutcome::Kind::Fatal)); // retrying cannot help: a person updates
            QCOMPARE(o.httpStatus, 400);
            QCOMPARE(o.errorCode, protocol::err::kUnsupportedVersion);
            QVERIFY2(o.message.contains(QStringLiteral("protocol version %1").arg(version)) &&
                         o.message.contains(QStringLiteral("kept")),
                     qPrintable(o.message));
            QCOMPARE(e.status().lastError(), o.message);
            QCOMPARE(c->outboxCount(), queued);
            QCOMPARE(e.status().pendingCount(), queued);
            QCOMPARE(serverSeq(*c), qint64(0));
            // Selling goes on and queues.
            QVERIFY(sell(*c, 2, sold));
            QCOMPARE(c->outboxCount(), queued + 2);
            // In background mode the engine stops after the refusal instead of hammering the server.
            int cycles = 0;
            connect(&e, &SyncEngine::cycleFinished, this, [&](const PushOutcome& f) {
                ++cycles;
                QCOMPARE(f.errorCode, protocol::err::kUnsupportedVersion);
            });
            e.start();
            QTRY_COMPARE_WITH_TIMEOUT(cycles, 1, 30'000);
            e.pushSoon();
            QTest::qWait(500); // a second cycle would have run by now (pushSoon waits 200 ms)
            QCOMPARE(cycles, 1);
            QCOMPARE(c->outboxCount(), queued + 2);
        }
        // The right version takes everything that waited, once.
        const qint64 lastSeq = lastQueuedSeq(*c);
        SyncEngine e(*c->store, m_keychain, SyncOptions{});
        const PushOutcome o = e.pushAll();
        QVERIFY2(o.kind == PushOutcome::Kind::Done, qPrintable(o.message));
        QCOMPARE(o.applied, lastSeq);
        QVERIFY(e.status().lastError().isEmpty());
        expectConverged(*c, sold, lastSeq);
    }
};

QTEST_GUILESS_MAIN(SyncFaultsTest)
#include "tst_sync_faults.moc"
