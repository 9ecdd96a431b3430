// PostgreSQL restarted under a running server: requests fail cleanly with 503 meanwhile and
// succeed afterwards; the server never crashes and nothing is half-written.
#include "ErrorMapping.h"
#include "ServerHarness.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <atomic>
#include <functional>
#include <pqxx/pqxx>
#include <thread>

using namespace market;
using namespace market::server::test;

class TestServerResilience : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir{QStringLiteral("/tmp/mres-XXXXXX")};
    std::unique_ptr<ServerProcess> m_server;

    int pgCtl(const QStringList& args) {
        return QProcess::execute(
            QStringLiteral("/usr/lib/postgresql/15/bin/pg_ctl"),
            args + QStringList{QStringLiteral("-D"), m_dir.path() + QStringLiteral("/pg"),
                               QStringLiteral("-s"), QStringLiteral("-w"), QStringLiteral("-l"),
                               m_dir.path() + QStringLiteral("/postgresql.log")});
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<ServerProcess>(m_dir.path());
        QVERIFY2(m_server->start(), qPrintable(m_server->lastError()));
    }

    void cleanupTestCase() {
        if (m_server)
            QCOMPARE(m_server->stop(), 0);
    }

    // What libpqxx really throws for conflicts and failures of this PostgreSQL, mapped to statuses
    // (libpqxx 6.4 drops the SQLSTATE of several of them: the mapping must not rely on it).
    void realDatabaseErrorsMapToTheirStatus() {
        const std::string url = m_server->dbUrl();
        {
            pqxx::connection c(url);
            pqxx::work tx(c);
            tx.exec("CREATE TABLE errmap_probe (id int PRIMARY KEY, v int NOT NULL)");
            tx.exec("INSERT INTO errmap_probe VALUES (1, 0), (2, 0)");
            tx.commit();
        }
        const auto mapped = [](const std::function<void()>& failing) {
            try {
                failing();
            } catch (...) {
                return server::mapException(std::current_exception());
            }
            return server::MappedError{0, {}, false};
        };

        // A serialization failure: rolled back whole, retry → 503, the connection stays usable.
        pqxx::connection a(url), b(url);
        auto m = mapped([&] {
            pqxx::transaction<pqxx::isolation_level::repeatable_read> ta(a);
            ta.exec("SELECT v FROM errmap_probe WHERE id = 1");
            pqxx::work tb(b);
            tb.exec("UPDATE errmap_probe SET v = v + 1 WHERE id = 1");
            tb.commit();
            ta.exec("UPDATE errmap_probe SET v = v + 1 WHERE id = 1");
        });
        QCOMPARE(m.status, 503);
        QVERIFY(!m.dropConnection);

        // A deadlock between two transactions: the loser gets 503 as well.
        std::atomic<int> conflicts{0};
        std::atomic<int> otherStatus{0};
        const auto lockBoth = [&](pqxx::connection& c, int first, int second) {
            const auto r = mapped([&] {
                pqxx::work tx(c);
                tx.exec("SELECT 1 FROM errmap_probe WHERE id = " + std::to_string(first) + " FOR UPDATE");
                QThread::msleep(300); // both hold their first row before asking for the second
                tx.exec("SELECT 1 FROM errmap_probe WHERE id = " + std::to_string(second) + " FOR UPDATE");
                tx.commit();
            });
            if (r.status == 503 && !r.dropConnection)
                ++conflicts;
            else if (r.status != 0)
                otherStatus = r.status;
        };
        std::thread other([&] { lockBoth(b, 2, 1); });
        lockBoth(a, 1, 2);
        other.join();
        QCOMPARE(otherStatus.load(), 0);
        QCOMPARE(conflicts.load(), 1);

        // A privilege error is our bug, not an outage: 500 (libpqxx gives it no SQLSTATE either).
        m = mapped([&] {
            pqxx::work tx(a);
            tx.exec("SET LOCAL ROLE market_app");
            tx.exec("SELECT epoch FROM server_meta");
        });
        QCOMPARE(m.status, 500);

        // The backend killed under an open connection: 503, and that connection must be dropped.
        const int pid = pqxx::nontransaction(a).exec("SELECT pg_backend_pid()")[0][0].as<int>();
        pqxx::nontransaction(b).exec("SELECT pg_terminate_backend(" + std::to_string(pid) + ", 5000)");
        m = mapped([&] { pqxx::nontransaction(a).exec("SELECT 1"); });
        QCOMPARE(m.status, 503);
        QVERIFY(m.dropConnection);
    }

    void databaseDownGives503ThenRecovers() {
        const auto shop = createShop(*m_server, QStringLiteral("RES01"), QStringLiteral("owner-r"));
        auto t = enrol(*m_server, shop.code);
        QVERIFY(t);
        const auto farmer = party(t->shopId, core::PartyKind::Farmer);
        const auto prod = product(t->shopId);
        const auto l = lot(*t, farmer.id, prod.id, 1'000'000);
        QCOMPARE(t->push(*m_server, {t->op(core::op::kPartyUpsert, farmer.toJson()),
                                     t->op(core::op::kProductUpsert, prod.toJson()),
                                     t->op(core::op::kLotReceived, l.toJson())})
                     .status,
                 200);

        // Stop PostgreSQL the hard way: every request must answer 503, not hang or crash.
        QCOMPARE(pgCtl({QStringLiteral("stop"), QStringLiteral("-m"), QStringLiteral("immediate")}), 0);
        const auto pending = t->op(core::op::kSaleRecorded, sale(*t, {{l, 1'000}}, 1000).toJson());
        for (int i = 0; i < 3; ++i) {
            const auto r = t->push(*m_server, {pending});
            QCOMPARE(r.status, 503);
            QCOMPARE(r.errorCode(), QStringLiteral("database_unavailable"));
        }
        QCOMPARE(m_server->get(QStringLiteral("/health/database")).status, 503);
        QCOMPARE(m_server->get(QStringLiteral("/health")).status, 200);

        QCOMPARE(pgCtl({QStringLiteral("start")}), 0);
        const auto r = t->push(*m_server, {pending});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("applied")).toInt(), 1);
        QCOMPARE(m_server->get(QStringLiteral("/health/database")).status, 200);

        // Restart while pushers run: every push ends 200 or 503, and the retries complete.
        std::atomic<int> other{0};
        std::atomic<int> unavailable{0};
        QString firstOther;
        std::thread pusher([&] {
            for (int i = 0; i < 20; ++i) {
                const auto op = t->op(core::op::kSaleRecorded, sale(*t, {{l, 1'000}}, 1000).toJson());
                // Retry like a counter does: the same operation until it is acknowledged.
                QElapsedTimer deadline;
                deadline.start();
                while (deadline.elapsed() < 90'000) {
                    const auto res = t->push(*m_server, {op});
                    if (res.status == 200)
                        break;
                    if (res.status == 503)
                        ++unavailable;
                    else if (++other == 1)
                        firstOther = QString::number(res.status) + u' ' + QString::fromUtf8(res.body);
                    QThread::msleep(50);
                }
            }
        });
        QThread::msleep(150);
        QCOMPARE(pgCtl({QStringLiteral("restart"), QStringLiteral("-m"), QStringLiteral("immediate")}), 0);
        pusher.join();
        QVERIFY2(other.load() == 0, qPrintable(firstOther));
        QVERIFY(m_server->running());
        QCOMPARE(countRows(*m_server, "SELECT count(*) FROM sales"), qint64(21));
        QCOMPARE(
            countRows(*m_server, "SELECT last_seq FROM terminals WHERE id = '" + t->id.toStdString() + "'"),
            t->seq);
    }
};

QTEST_GUILESS_MAIN(TestServerResilience)
#include "tst_server_resilience.moc"
