// ErrorMapping: which failure becomes which HTTP status. No server: the exceptions are the ones
// libpqxx throws (pqxx::sql_error carries the SQLSTATE PostgreSQL sent, or none when libpq made
// the error itself on a dead connection).
#include "ApiError.h"
#include "ErrorMapping.h"

#include <QJsonDocument>
#include <QTest>
#include <pqxx/except>

using namespace market::server;

namespace {
template <typename E> MappedError map(const E& e) {
    return mapException(std::make_exception_ptr(e));
}
QString code(const MappedError& m) {
    return m.body.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
}
} // namespace

class TestServerErrorMapping : public QObject {
    Q_OBJECT
private slots:
    void sqlErrors_data() {
        QTest::addColumn<QByteArray>("sqlstate");
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("dropConnection");
        // libpq's own error on a connection that died mid-statement: no SQLSTATE at all.
        QTest::newRow("no sqlstate") << QByteArray() << 503 << true;
        QTest::newRow("admin shutdown") << QByteArray("57P01") << 503 << true;
        QTest::newRow("crash shutdown") << QByteArray("57P02") << 503 << true;
        QTest::newRow("cannot connect now") << QByteArray("57P03") << 503 << true;
        QTest::newRow("connection failure") << QByteArray("08006") << 503 << true;
        QTest::newRow("insufficient resources") << QByteArray("53000") << 503 << false;
        // A real bug in our SQL stays a 500, and the connection is reset in case it is in a bad state.
        QTest::newRow("unique violation") << QByteArray("23505") << 500 << true;
        QTest::newRow("query canceled") << QByteArray("57014") << 500 << true;
    }

    void sqlErrors() {
        QFETCH(QByteArray, sqlstate);
        QFETCH(int, status);
        QFETCH(bool, dropConnection);
        const MappedError m = map(pqxx::sql_error("server closed the connection unexpectedly", "SELECT 1",
                                                  sqlstate.isEmpty() ? nullptr : sqlstate.constData()));
        QCOMPARE(m.status, status);
        QCOMPARE(code(m),
                 status == 503 ? QStringLiteral("database_unavailable") : QStringLiteral("internal_error"));
        QCOMPARE(m.dropConnection, dropConnection);
        QVERIFY(!QJsonDocument(m.body).toJson().contains("SELECT")); // no database detail in the body
    }

    // What libpqxx 6.4 throws for these states carries no SQLSTATE (ThrowSQLError constructs them
    // without it), and the transaction_rollback family is not even an sql_error: matched by type.
    void libpqxxTypesWithoutSqlstate() {
        MappedError m =
            map(pqxx::serialization_failure("could not serialize access due to concurrent update"));
        QCOMPARE(m.status, 503);
        QCOMPARE(code(m), QStringLiteral("database_unavailable"));
        QVERIFY(!m.dropConnection);
        m = map(pqxx::deadlock_detected("deadlock detected"));
        QCOMPARE(m.status, 503);
        QVERIFY(!m.dropConnection);
        m = map(pqxx::statement_completion_unknown("unknown"));
        QCOMPARE(m.status, 503);
        QVERIFY(m.dropConnection);
        m = map(pqxx::too_many_connections("sorry, too many clients already"));
        QCOMPARE(m.status, 503);
        // Permission denied comes without SQLSTATE too, but it is our bug, not an outage.
        m = map(pqxx::insufficient_privilege("permission denied for table server_meta", "SELECT epoch"));
        QCOMPARE(m.status, 500);
        QCOMPARE(code(m), QStringLiteral("internal_error"));
        m = map(pqxx::undefined_table("relation does not exist", "SELECT", "42P01"));
        QCOMPARE(m.status, 500);
    }

    void connectionErrors() {
        MappedError m = map(pqxx::broken_connection("connection to server lost"));
        QCOMPARE(m.status, 503);
        QCOMPARE(code(m), QStringLiteral("database_unavailable"));
        QVERIFY(m.dropConnection);
        m = map(pqxx::in_doubt_error("commit outcome unknown"));
        QCOMPARE(m.status, 503);
        QVERIFY(m.dropConnection);
    }

    void apiErrorsKeepTheirStatusAndCode() {
        const MappedError m = map(ApiError(409, QStringLiteral("sequence_gap"), QStringLiteral("gap"),
                                           {{QStringLiteral("highestSeq"), 4}}));
        QCOMPARE(m.status, 409);
        QCOMPARE(code(m), QStringLiteral("sequence_gap"));
        QCOMPARE(m.body.value(QStringLiteral("error")).toObject().value(QStringLiteral("highestSeq")).toInt(),
                 4);
        QVERIFY(!m.dropConnection);
    }

    void anythingElseIs500WithoutDetails() {
        const MappedError m = map(std::runtime_error("secret internals"));
        QCOMPARE(m.status, 500);
        QCOMPARE(code(m), QStringLiteral("internal_error"));
        QVERIFY(!QJsonDocument(m.body).toJson().contains("secret"));
        QCOMPARE(mapException(std::make_exception_ptr(42)).status, 500);
    }
};

QTEST_GUILESS_MAIN(TestServerErrorMapping)
#include "tst_server_error_mapping.moc"
