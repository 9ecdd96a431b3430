// The monthly partitions are kept ahead of the calendar by the serving server (PartitionKeeper),
// and a month whose rows already sit in a DEFAULT partition never stops the others being made.
#include "ServerHarness.h"

#include <QTemporaryDir>
#include <QTest>
#include <pqxx/pqxx>

using namespace market;
using namespace market::server::test;

class TestServerPartitions : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir{QStringLiteral("/tmp/mpart-XXXXXX")};
    std::unique_ptr<ServerProcess> m_server;

    /// `table`'s partition name for the month `monthsAhead` from now (as the function names it).
    std::string partition(const std::string& table, int monthsAhead) const {
        return queryText(*m_server, "SELECT '" + table +
                                        "_' || to_char(date_trunc('month', now()) + interval '" +
                                        std::to_string(monthsAhead) + " months', 'YYYY_MM')")
            .toStdString();
    }
    bool exists(const std::string& name) const {
        return countRows(*m_server, "SELECT count(*) FROM pg_class WHERE relname = '" + name + "'") == 1;
    }
    void exec(const std::string& sql) const {
        pqxx::connection c(m_server->dbUrl());
        pqxx::work tx(c);
        tx.exec(sql);
        tx.commit();
    }
    /// A charge row dated in the middle of the month `monthsAhead` from now.
    static std::string chargeDatedAhead(const QString& lineId, int monthsAhead) {
        return "INSERT INTO sale_line_charges (sale_line_id, position, shop_id, sale_id, created_at, "
               "charge_id, "
               "code, name, basis, rate, payer, amount) VALUES ('" +
               lineId.toStdString() + "', 1, '" + newId().toStdString() + "', '" + newId().toStdString() +
               "', date_trunc('month', now()) + interval '" + std::to_string(monthsAhead) +
               " months 14 days', '" + newId().toStdString() +
               "', 'CESS', 'Market fee', 'percent', 100, 'buyer', 5)";
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<ServerProcess>(m_dir.path());
        QVERIFY2(m_server->start({QStringLiteral("--partition-check"), QStringLiteral("1")}),
                 qPrintable(m_server->lastError()));
    }

    void cleanupTestCase() {
        if (m_server)
            QCOMPARE(m_server->stop(), 0);
    }

    // Rows dated beyond the window went to DEFAULT; making that month's partition later would
    // fail (PostgreSQL refuses a partition whose rows are in DEFAULT). The function skips that
    // one table's month, makes the rest, and the rows stay readable.
    void aMonthAlreadyInDefaultIsSkipped() {
        const qint64 tables =
            countRows(*m_server, "SELECT count(*) FROM pg_partitioned_table p JOIN pg_class c "
                                 "ON c.oid = p.partrelid WHERE c.relnamespace = "
                                 "current_schema()::regnamespace AND p.partstrat = 'r'");
        QVERIFY(tables >= 5);
        QVERIFY(!exists(partition("sales", 30)));
        const QString line = newId();
        exec(chargeDatedAhead(line, 30));
        QCOMPARE(
            countRows(*m_server, "SELECT count(*) FROM sale_line_charges_default WHERE sale_line_id = '" +
                                     line.toStdString() + "'"),
            qint64(1));

        const qint64 made =
            countRows(*m_server, "SELECT market_ensure_partitions((date_trunc('month', now()) + "
                                 "interval '30 months')::date, 1)");
        QCOMPARE(made, tables - 1);
        QVERIFY(exists(partition("sales", 30)));
        QVERIFY(exists(partition("audit_entries", 30)));
        QVERIFY(!exists(partition("sale_line_charges", 30)));
        QCOMPARE(countRows(*m_server, "SELECT count(*) FROM sale_line_charges WHERE sale_line_id = '" +
                                          line.toStdString() + "'"),
                 qint64(1));
        // Asked again: nothing left to make, no error.
        QCOMPARE(countRows(*m_server, "SELECT market_ensure_partitions((date_trunc('month', now()) + "
                                      "interval '30 months')::date, 1)"),
                 qint64(0));
    }

    // The serving server makes a missing month ahead again at its next check, even with a month
    // inside its window stuck in DEFAULT.
    void theServerKeepsTheMonthsAhead() {
        const std::string stuck = partition("sale_line_charges", 10);
        const std::string missing = partition("sales", 5);
        QVERIFY(exists(stuck));
        QVERIFY(exists(missing));
        // Dropped and filled in one transaction, so a check in between cannot remake it first.
        exec("DROP TABLE " + stuck + "; " + chargeDatedAhead(newId(), 10));
        QCOMPARE(countRows(*m_server, "SELECT count(*) FROM sale_line_charges_default"), qint64(2));

        exec("DROP TABLE " + missing);
        QVERIFY(!exists(missing));
        QTRY_VERIFY_WITH_TIMEOUT(exists(missing), 20000);
        QVERIFY(!exists(stuck));
        const QByteArray log = m_server->serverStderr();
        QVERIFY2(log.contains("made monthly partitions"), log.right(2000).constData());
        QVERIFY2(!log.contains("could not check the monthly partitions"), log.right(2000).constData());
        QVERIFY(m_server->get(QStringLiteral("/health")).status == 200);
    }
};

QTEST_GUILESS_MAIN(TestServerPartitions)
#include "tst_server_partitions.moc"
