// Security of market-server: tokens, enrolment codes, login rate limiting and tenant isolation
// (through every route, and by PostgreSQL row-level security alone).
#include "ServerHarness.h"
#include "Tokens.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <pqxx/pqxx>

using namespace market;
using namespace market::server::test;

class TestServerSecurity : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir{QStringLiteral("/tmp/msec-XXXXXX")};
    std::unique_ptr<ServerProcess> m_server;
    ShopFixture m_a, m_b;
    TerminalClient m_ta, m_tb;
    QString m_tokenA; ///< manager of A

    QStringList bearerRoutes(const QString& shopId) const {
        return {QStringLiteral("GET /api/v1/shops"),
                QStringLiteral("GET /api/v1/shops/%1/terminals").arg(shopId),
                QStringLiteral("GET /api/v1/shops/%1/anomalies").arg(shopId),
                QStringLiteral("GET /api/v1/shops/%1/quarantine").arg(shopId),
                QStringLiteral("POST /api/v1/shops/%1/enrol-codes").arg(shopId),
                QStringLiteral("GET /api/v1/shops/%1/users").arg(shopId),
                QStringLiteral("GET /api/v1/shops/%1/products").arg(shopId),
                QStringLiteral("GET /api/v1/shops/%1/parties").arg(shopId),
                QStringLiteral("GET /api/v1/shops/%1/commission-rules").arg(shopId),
                QStringLiteral("GET /api/v1/shops/%1/charges").arg(shopId),
                QStringLiteral("GET /api/v1/shops/%1/reports/day-summary?date=2026-01-01").arg(shopId),
                QStringLiteral("GET /api/v1/shops/%1/reports/buyer-outstanding").arg(shopId),
                QStringLiteral("GET /api/v1/shops/%1/audit").arg(shopId)};
    }
    HttpResult call(const QString& route, const QString& authorization) const {
        const QString method = route.section(QLatin1Char(' '), 0, 0);
        const QString path = route.section(QLatin1Char(' '), 1);
        return method == QLatin1String("GET") ? m_server->get(path, authorization)
                                              : m_server->post(path, "{}", authorization);
    }
    QByteArray enrolBody(const QString& shop, const QString& code) const {
        return QJsonDocument(QJsonObject{{QStringLiteral("shopCode"), shop}, {QStringLiteral("code"), code}})
            .toJson();
    }
    QString newCode(const QString& shop, int ttl = 600) {
        return m_server
            ->admin({QStringLiteral("enrol-code"), QStringLiteral("--shop"), shop, QStringLiteral("--ttl"),
                     QString::number(ttl)})
            ->value(QStringLiteral("code"))
            .toString();
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<ServerProcess>(m_dir.path());
        QVERIFY2(m_server->start(), qPrintable(m_server->lastError()));
        m_a = createShop(*m_server, QStringLiteral("SHOPA"), QStringLiteral("owner-a"));
        m_b = createShop(*m_server, QStringLiteral("SHOPB"), QStringLiteral("owner-b"));
        QVERIFY(!m_a.id.isEmpty() && !m_b.id.isEmpty());
        m_ta = *enrol(*m_server, m_a.code);
        m_tb = *enrol(*m_server, m_b.code);
        // Each shop records a lot and a sale, so there is something to leak.
        for (TerminalClient* t : {&m_ta, &m_tb}) {
            const auto farmer = party(t->shopId, core::PartyKind::Farmer);
            const auto prod = product(t->shopId);
            const auto l = lot(*t, farmer.id, prod.id, 5'000);
            const auto r =
                t->push(*m_server, {t->op(core::op::kPartyUpsert, farmer.toJson()),
                                    t->op(core::op::kProductUpsert, prod.toJson()),
                                    t->op(core::op::kLotReceived, l.toJson()),
                                    t->op(core::op::kSaleRecorded, sale(*t, {{l, 9'000}}, 100).toJson())});
            QCOMPARE(r.status, 200); // 9 kg from a 5 kg lot: an anomaly in each shop
        }
        m_tokenA = login(*m_server, m_a.manager, QStringLiteral("manager-pass-1"));
        QVERIFY(!m_tokenA.isEmpty());
    }

    void cleanupTestCase() {
        if (m_server)
            m_server->stop();
    }

    void validTokenWorks() {
        for (const QString& route : bearerRoutes(m_a.id))
            QVERIFY2(call(route, QStringLiteral("Bearer ") + m_tokenA).status < 300, qPrintable(route));
    }

    void badTokensRefusedOnEveryRoute_data() {
        QTest::addColumn<QString>("token");
        const QStringList parts = m_tokenA.split(QLatin1Char('.'));
        const auto b64 = [](const QByteArray& b) {
            return QString::fromLatin1(
                b.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        };
        QJsonObject claims = QJsonDocument::fromJson(
                                 QByteArray::fromBase64(parts[1].toLatin1(), QByteArray::Base64UrlEncoding))
                                 .object();
        claims.insert(QStringLiteral("role"), QStringLiteral("owner"));
        const QString tamperedPayload = b64(QJsonDocument(claims).toJson(QJsonDocument::Compact));
        const QString noneHeader = b64(R"({"alg":"none","typ":"JWT"})");
        // Expired and foreign-audience tokens correctly signed with the server's own key.
        const QByteArray key =
            QByteArray::fromHex(queryText(*m_server, "SELECT token_key FROM server_meta").toLatin1());
        server::TokenSigner signer(key);
        server::TokenClaims expired{claims.value(QStringLiteral("sub")).toString(), QStringLiteral("manager"),
                                    m_a.id, QDateTime::currentSecsSinceEpoch() - 5};
        server::TokenSigner otherKey(QByteArray(32, 'k'));
        server::TokenClaims valid = expired;
        valid.expiresAt += 3600;
        QTest::newRow("tampered payload") << parts[0] + u'.' + tamperedPayload + u'.' + parts[2];
        QTest::newRow("tampered signature") << parts[0] + u'.' + parts[1] + u'.' + b64(QByteArray(32, 'x'));
        QTest::newRow("alg none, no signature") << noneHeader + u'.' + parts[1] + u'.';
        QTest::newRow("alg none, old signature") << noneHeader + u'.' + parts[1] + u'.' + parts[2];
        QTest::newRow("expired") << signer.issue(expired);
        QTest::newRow("other key") << otherKey.issue(valid);
        QTest::newRow("garbage") << QStringLiteral("not-a-token");
        QTest::newRow("empty") << QString();
    }

    void badTokensRefusedOnEveryRoute() {
        QFETCH(QString, token);
        for (const QString& route : bearerRoutes(m_a.id)) {
            const auto r = call(route, QStringLiteral("Bearer ") + token);
            QVERIFY2(r.status == 401, qPrintable(route + QStringLiteral(" → ") + QString::number(r.status)));
        }
    }

    void managerSeesOnlyOwnShop() {
        const auto shops =
            m_server->get(QStringLiteral("/api/v1/shops"), QStringLiteral("Bearer ") + m_tokenA);
        QCOMPARE(shops.json.value(QStringLiteral("shops")).toArray().size(), 1);
        for (const QString& route : bearerRoutes(m_b.id).mid(1)) {
            const auto r = call(route, QStringLiteral("Bearer ") + m_tokenA);
            QVERIFY2(r.status == 404, qPrintable(route + QStringLiteral(" → ") + QString::number(r.status)));
            QVERIFY(!r.body.contains(m_b.id.toLatin1()));
        }
        const QString ownerB = login(*m_server, m_b.owner, QStringLiteral("owner-pass-1"));
        QCOMPARE(call(QStringLiteral("GET /api/v1/shops/%1/anomalies").arg(m_a.id),
                      QStringLiteral("Bearer ") + ownerB)
                     .status,
                 404);
        QCOMPARE(call(QStringLiteral("GET /api/v1/shops/%1/anomalies").arg(m_b.id),
                      QStringLiteral("Bearer ") + ownerB)
                     .json.value(QStringLiteral("anomalies"))
                     .toArray()
                     .size(),
                 1);
    }

    void terminalSeesOnlyOwnShop() {
        const auto a = m_server->get(QStringLiteral("/api/v1/sync/pull?limit=1000"), m_ta.authorization());
        QCOMPARE(a.status, 200);
        QVERIFY(!a.body.contains(m_b.id.toLatin1()));
        QVERIFY(!a.body.contains(m_tb.id.toLatin1()));
        QVERIFY(a.json.value(QStringLiteral("changes")).toArray().size() >= 5);
        // A body naming shop B is quarantined; nothing lands in B.
        const qint64 inB =
            countRows(*m_server, "SELECT count(*) FROM lots WHERE shop_id = '" + m_b.id.toStdString() + "'");
        auto foreign = lot(m_ta, *core::Uuid::parse(newId()), *core::Uuid::parse(newId()), 1'000);
        foreign.shopId = *core::Uuid::parse(m_b.id);
        const auto r = m_ta.push(*m_server, {m_ta.op(core::op::kLotReceived, foreign.toJson())});
        QCOMPARE(r.json.value(QStringLiteral("quarantined")).toInt(), 1);
        QCOMPARE(
            countRows(*m_server, "SELECT count(*) FROM lots WHERE shop_id = '" + m_b.id.toStdString() + "'"),
            inB);
    }

    void rowLevelSecurityAlone() {
        // Bypass the application: the tenant role with shop A set sees A's rows only, no shop
        // set sees nothing, and writing a row of B is refused.
        pqxx::connection c(m_server->dbUrl());
        pqxx::work tx(c);
        tx.exec("SET LOCAL ROLE market_app");
        for (const char* table :
             {"sales", "sale_lines", "lots", "parties", "feed", "anomalies", "audit_entries"})
            QCOMPARE(tx.exec(std::string("SELECT count(*) FROM ") + table)[0][0].as<qint64>(), qint64(0));
        tx.exec("SELECT set_config('market.shop_id', '" + m_a.id.toStdString() + "', true)");
        QCOMPARE(tx.exec("SELECT count(DISTINCT shop_id) FROM sales")[0][0].as<qint64>(), qint64(1));
        QCOMPARE(
            tx.exec("SELECT count(*) FROM sales WHERE shop_id <> market_current_shop()")[0][0].as<qint64>(),
            qint64(0));
        QCOMPARE(tx.exec("SELECT count(*) FROM feed WHERE shop_id = '" + m_b.id.toStdString() + "'")[0][0]
                     .as<qint64>(),
                 qint64(0));
        QVERIFY(tx.exec("SELECT count(*) FROM sales")[0][0].as<qint64>() > 0);
        bool refused = false;
        try {
            tx.exec("INSERT INTO feed_counters (shop_id) VALUES ('" + m_b.id.toStdString() + "')");
        } catch (const pqxx::sql_error& e) {
            refused = std::string(e.what()).find("row-level security") != std::string::npos;
        }
        QVERIFY(refused);
        // The tenant role is neither owner nor able to bypass RLS, and cannot read the directory.
        pqxx::nontransaction check(c);
        QCOMPARE(
            check.exec("SELECT rolbypassrls OR rolsuper FROM pg_roles WHERE rolname = 'market_app'")[0][0]
                .as<bool>(),
            false);
        QCOMPARE(
            check
                .exec("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                      "WHERE n.nspname = 'public' AND c.relkind IN ('r','p') AND c.relname IN "
                      "('sales','lots','feed',"
                      "'parties','terminals','quarantine') AND c.relrowsecurity AND c.relforcerowsecurity")[0]
                                                                                                           [0]
                .as<qint64>(),
            qint64(6));
    }

    void enrolmentCodeSingleUse() {
        const QString code = newCode(m_a.code);
        QCOMPARE(m_server->post(QStringLiteral("/api/v1/devices/enrol"), enrolBody(m_a.code, code)).status,
                 201);
        const auto again = m_server->post(QStringLiteral("/api/v1/devices/enrol"), enrolBody(m_a.code, code));
        QCOMPARE(again.status, 401);
        QVERIFY2(again.errorMessage().contains(QStringLiteral("already been used")),
                 qPrintable(again.errorMessage()));
        // A code of shop A does not enrol into shop B.
        const QString codeA = newCode(m_a.code);
        QCOMPARE(m_server->post(QStringLiteral("/api/v1/devices/enrol"), enrolBody(m_b.code, codeA)).status,
                 401);
    }

    void enrolmentCodeExpires() {
        const QString code = newCode(m_a.code, 1);
        QThread::msleep(1300);
        const auto r = m_server->post(QStringLiteral("/api/v1/devices/enrol"), enrolBody(m_a.code, code));
        QCOMPARE(r.status, 401);
        QVERIFY2(r.errorMessage().contains(QStringLiteral("expired")), qPrintable(r.errorMessage()));
    }

    void guessingBurnsTheCode() {
        const QString code = newCode(m_b.code);
        QVERIFY(code.size() == 11); // 10 base32 characters = 50 bits
        for (int i = 0; i < 5; ++i)
            QCOMPARE(m_server
                         ->post(QStringLiteral("/api/v1/devices/enrol"),
                                enrolBody(m_b.code, QStringLiteral("AAAAA-AAAA%1").arg(i)))
                         .status,
                     401);
        const auto r = m_server->post(QStringLiteral("/api/v1/devices/enrol"), enrolBody(m_b.code, code));
        QCOMPARE(r.status, 401);
        QVERIFY2(r.errorMessage().contains(QStringLiteral("too many wrong attempts")),
                 qPrintable(r.errorMessage()));
    }

    void enrolmentRateLimitedPerAddress() {
        int status = 0;
        for (int i = 0; i < 12 && status != 429; ++i)
            status = m_server
                         ->post(QStringLiteral("/api/v1/devices/enrol"),
                                enrolBody(QStringLiteral("NOPE"), QStringLiteral("X")))
                         .status;
        QCOMPARE(status, 429);
    }

    void loginRateLimited() {
        int status = 0;
        int attempts = 0;
        while (status != 429 && attempts < 8) {
            ++attempts;
            const QJsonObject body{{QStringLiteral("username"), m_b.manager},
                                   {QStringLiteral("password"), QStringLiteral("wrong-password")}};
            status =
                m_server->post(QStringLiteral("/api/v1/auth/login"), QJsonDocument(body).toJson()).status;
        }
        QCOMPARE(status, 429);
        QCOMPARE(attempts, 6); // five free failures, then back-off
        // Even the right password waits out the back-off.
        const QJsonObject good{{QStringLiteral("username"), m_b.manager},
                               {QStringLiteral("password"), QStringLiteral("manager-pass-1")}};
        QCOMPARE(m_server->post(QStringLiteral("/api/v1/auth/login"), QJsonDocument(good).toJson()).status,
                 429);
    }
};

QTEST_GUILESS_MAIN(TestServerSecurity)
#include "tst_server_security.moc"
