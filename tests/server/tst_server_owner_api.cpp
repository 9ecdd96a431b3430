// The owner and manager API against a real market-server: users, master data from the back office
// (reaching the counters' pull feed), resolutions and reports. For every route: the happy path, a
// manager of another shop refused without learning anything, no token refused, bad input refused
// with nothing written.
#include "ServerHarness.h"
#include "Tokens.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QUuid>
#include <algorithm>
#include <domain/PriceDocument.h>
#include <pqxx/pqxx>
#include <thread>

using namespace market;
using namespace market::server::test;

class TestServerOwnerApi : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir{QStringLiteral("/tmp/mown-XXXXXX")};
    std::unique_ptr<ServerProcess> m_server;
    ShopFixture m_a, m_a2, m_b;
    TerminalClient m_ta;
    QString m_ownerA, m_managerA, m_managerB;
    core::PartyDoc m_buyer;
    qint64 m_saleTotal = 0;

    static QString bearer(const QString& token) { return QStringLiteral("Bearer ") + token; }
    static QByteArray body(const QJsonObject& o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); }
    QString shopPath(const QString& shopId, const QString& rest) const {
        return QStringLiteral("/api/v1/shops/") + shopId + rest;
    }
    qint64 count(const std::string& sql) const { return countRows(*m_server, sql); }
    qint64 shopRows(const char* table, const QString& shopId) const {
        return count(std::string("SELECT count(*) FROM ") + table + " WHERE shop_id = '" +
                     shopId.toStdString() + "'");
    }
    // Everything a refused request might have written to shop A.
    qint64 writesInA() const {
        qint64 n = 0;
        for (const char* t : {"users", "products", "parties", "commission_rules", "charges", "settings",
                              "prices", "feed", "api_audit"})
            n += shopRows(t, m_a.id);
        return n + count("SELECT count(*) FROM accounts") +
               count("SELECT count(*) FROM anomalies WHERE resolved_at IS NOT NULL") +
               count("SELECT count(*) FROM quarantine WHERE resolved_at IS NOT NULL");
    }
    QJsonArray pullChanges() const {
        const auto r = m_server->get(QStringLiteral("/api/v1/sync/pull?limit=1000"), m_ta.authorization());
        return r.json.value(QStringLiteral("changes")).toArray();
    }
    QJsonObject lastChangeFor(const QString& id) const {
        QJsonObject found;
        for (const QJsonValue& v : pullChanges())
            if (v.toObject().value(QStringLiteral("id")).toString() == id)
                found = v.toObject();
        return found;
    }
    static QJsonObject productBody(const QString& code) {
        return {{QStringLiteral("code"), code},
                {QStringLiteral("name"), QStringLiteral("Brinjal")},
                {QStringLiteral("category"), QStringLiteral("vegetable")},
                {QStringLiteral("unit"), QStringLiteral("kg")},
                {QStringLiteral("active"), true}};
    }
    static QString today() {
        return QDateTime::currentDateTimeUtc()
            .toTimeZone(QTimeZone(QByteArrayLiteral("Asia/Kolkata")))
            .date()
            .toString(Qt::ISODate);
    }
    // Another shop's manager gets 404 and no byte of shop A; no token gets 401; neither writes.
    void refusedToOthers(const QString& method, const QString& path, const QByteArray& payload = "{}") {
        const qint64 before = writesInA();
        const auto send = [&](const QString& auth) {
            return method == QLatin1String("GET") ? m_server->get(path, auth)
                                                  : m_server->post(path, payload, auth);
        };
        const auto other = send(bearer(m_managerB));
        QVERIFY2(other.status == 404,
                 qPrintable(method + u' ' + path + u' ' + QString::number(other.status)));
        QVERIFY(!other.body.contains(m_a.id.toLatin1()));
        QCOMPARE(send({}).status, 401);
        QCOMPARE(send(QStringLiteral("Bearer not-a-token")).status, 401);
        QCOMPARE(writesInA(), before);
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<ServerProcess>(m_dir.path());
        QVERIFY2(m_server->start(), qPrintable(m_server->lastError()));
        m_a = createShop(*m_server, QStringLiteral("OWNA"), QStringLiteral("owner-a"));
        m_a2 = createShop(*m_server, QStringLiteral("OWNA2"), QStringLiteral("owner-a"));
        m_b = createShop(*m_server, QStringLiteral("OWNB"), QStringLiteral("owner-b"));
        QVERIFY(!m_a.id.isEmpty() && !m_a2.id.isEmpty() && !m_b.id.isEmpty());
        m_ta = *enrol(*m_server, m_a.code);
        // A credit sale of 9 kg from a 5 kg lot: sales to report, a buyer who owes, an anomaly.
        const auto farmer = party(m_a.id, core::PartyKind::Farmer);
        m_buyer = party(m_a.id, core::PartyKind::Buyer, 1'000'000);
        const auto prod = product(m_a.id);
        const auto l = lot(m_ta, farmer.id, prod.id, 5'000);
        std::vector<protocol::OutboxOp> ops{m_ta.op(core::op::kPartyUpsert, farmer.toJson()),
                                            m_ta.op(core::op::kPartyUpsert, m_buyer.toJson()),
                                            m_ta.op(core::op::kProductUpsert, prod.toJson()),
                                            m_ta.op(core::op::kLotReceived, l.toJson())};
        const auto s = sale(m_ta, {{l, 9'000}}, 10'000, m_buyer.id, 20'000);
        m_saleTotal = s.total.minor();
        ops.push_back(m_ta.op(core::op::kSaleRecorded, s.toJson()));
        // And one operation naming another shop, quarantined.
        auto foreign = lot(m_ta, farmer.id, prod.id, 1'000);
        foreign.shopId = *core::Uuid::parse(m_b.id);
        ops.push_back(m_ta.op(core::op::kLotReceived, foreign.toJson()));
        const auto r = m_ta.push(*m_server, ops);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("quarantined")).toInt(), 1);
        m_ownerA = login(*m_server, m_a.owner, QStringLiteral("owner-pass-1"));
        m_managerA = login(*m_server, m_a.manager, QStringLiteral("manager-pass-1"));
        m_managerB = login(*m_server, m_b.manager, QStringLiteral("manager-pass-1"));
        QVERIFY(!m_ownerA.isEmpty() && !m_managerA.isEmpty() && !m_managerB.isEmpty());
    }

    void cleanupTestCase() {
        if (m_server)
            m_server->stop();
    }

    // ---- terminals ------------------------------------------------------------------------------

    void terminalsShowTheBacklogTheCounterReports() {
        auto t = enrol(*m_server, m_a.code);
        QVERIFY(t);
        const auto row = [&]() -> QJsonObject {
            const auto r = m_server->get(shopPath(m_a.id, QStringLiteral("/terminals")), bearer(m_managerA));
            for (const QJsonValue& v : r.json.value(QStringLiteral("terminals")).toArray())
                if (v.toObject().value(QStringLiteral("id")).toString() == t->id)
                    return v.toObject();
            return {};
        };
        // One operation that changes nothing the other tests count: the terminal names itself.
        const auto pushWith = [&](const QJsonValue& backlog) {
            core::TerminalDoc self;
            self.id = *core::Uuid::parse(t->id);
            self.shopId = *core::Uuid::parse(m_a.id);
            self.number = 1;
            self.name = QStringLiteral("Counter %1").arg(t->seq + 1);
            QJsonObject o = QJsonDocument::fromJson(
                                TerminalClient::batch({t->op(core::op::kTerminalUpsert, self.toJson())}))
                                .object();
            if (!backlog.isUndefined())
                o.insert(QStringLiteral("backlog"), backlog);
            return m_server->post(QStringLiteral("/api/v1/sync/push"), body(o), t->authorization());
        };
        QJsonObject r = row();
        QCOMPARE(r.value(QStringLiteral("lastSeq")).toInteger(), 0);
        QVERIFY(r.value(QStringLiteral("lastSeenAtMs")).isNull());
        QVERIFY(r.value(QStringLiteral("backlogCount")).isNull()); // never reported: unknown, not 0
        QVERIFY(r.value(QStringLiteral("backlogAgeMs")).isNull());

        // 7 operations wait behind this batch, the oldest queued 90 s ago on the counter's clock.
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        const auto first =
            pushWith(QJsonObject{{QStringLiteral("count"), 7}, {QStringLiteral("oldestAgeMs"), 90'000}});
        QCOMPARE(first.status, 200);
        QCOMPARE(first.json.value(QStringLiteral("applied")).toInt(), 1);
        r = row();
        const qint64 after = QDateTime::currentMSecsSinceEpoch();
        QCOMPARE(r.value(QStringLiteral("lastSeq")).toInteger(), 1);
        QVERIFY(r.value(QStringLiteral("lastSeenAtMs")).toInteger() >= before - 1000);
        QCOMPARE(r.value(QStringLiteral("backlogCount")).toInteger(), 7);
        const qint64 age = r.value(QStringLiteral("backlogAgeMs")).toInteger();
        QVERIFY2(age >= 90'000 && age <= 90'000 + (after - before) + 1000, qPrintable(QString::number(age)));
        const qint64 oldest = r.value(QStringLiteral("backlogOldestAtMs")).toInteger();
        QVERIFY2(oldest >= before - 91'000 && oldest <= after - 89'000, qPrintable(QString::number(oldest)));
        QVERIFY(r.value(QStringLiteral("backlogReportedAtMs")).toInteger() >= before - 1000);

        // An older counter says nothing: the last report stands.
        QCOMPARE(pushWith(QJsonValue::Undefined).status, 200);
        r = row();
        QCOMPARE(r.value(QStringLiteral("lastSeq")).toInteger(), 2);
        QCOMPARE(r.value(QStringLiteral("backlogCount")).toInteger(), 7);

        // A malformed backlog refuses the whole batch and writes nothing.
        const qint64 seqBefore = t->seq;
        const QString hashBefore = t->lastHash;
        for (const QJsonValue& bad :
             {QJsonValue(5),
              QJsonValue(QJsonObject{{QStringLiteral("count"), -1}, {QStringLiteral("oldestAgeMs"), 0}}),
              QJsonValue(QJsonObject{{QStringLiteral("count"), 1.5}, {QStringLiteral("oldestAgeMs"), 0}}),
              QJsonValue(QJsonObject{{QStringLiteral("count"), 1}})}) {
            t->seq = seqBefore;
            t->lastHash = hashBefore;
            const auto res = pushWith(bad);
            QCOMPARE(res.status, 400);
            QCOMPARE(res.errorCode(), QStringLiteral("invalid_envelope"));
            QVERIFY2(res.errorMessage().startsWith(QStringLiteral("backlog")),
                     qPrintable(res.errorMessage()));
        }
        t->seq = seqBefore;
        t->lastHash = hashBefore;
        QCOMPARE(row().value(QStringLiteral("lastSeq")).toInteger(), 2);
        QCOMPARE(row().value(QStringLiteral("backlogCount")).toInteger(), 7);

        // Caught up: nothing behind, no age.
        QCOMPARE(
            pushWith(QJsonObject{{QStringLiteral("count"), 0}, {QStringLiteral("oldestAgeMs"), 0}}).status,
            200);
        r = row();
        QCOMPARE(r.value(QStringLiteral("lastSeq")).toInteger(), 3);
        QCOMPARE(r.value(QStringLiteral("backlogCount")).toInteger(), 0);
        QCOMPARE(r.value(QStringLiteral("backlogAgeMs")).toInteger(), 0);
        QVERIFY(r.value(QStringLiteral("backlogOldestAtMs")).isNull());
        refusedToOthers(QStringLiteral("GET"), shopPath(m_a.id, QStringLiteral("/terminals")));
    }

    // ---- users ------------------------------------------------------------------------------------

    void ownerCreatesManagerWhoCanLogIn() {
        const auto r = m_server->post(shopPath(m_a.id, QStringLiteral("/users")),
                                      body({{QStringLiteral("username"), QStringLiteral("a-second-manager")},
                                            {QStringLiteral("password"), QStringLiteral("second-pass-1")},
                                            {QStringLiteral("role"), QStringLiteral("manager")}}),
                                      bearer(m_ownerA));
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json.value(QStringLiteral("role")).toString(), QStringLiteral("manager"));
        QVERIFY(r.json.value(QStringLiteral("apiLogin")).toBool());
        QVERIFY(!r.body.contains("passwordHash") && !r.body.contains("$scrypt"));
        QVERIFY(
            !login(*m_server, QStringLiteral("a-second-manager"), QStringLiteral("second-pass-1")).isEmpty());
        // The counter user reaches the counters' feed (with its hash: they log in offline).
        const auto change = lastChangeFor(r.json.value(QStringLiteral("id")).toString());
        QCOMPARE(change.value(QStringLiteral("type")).toString(), QStringLiteral("user.upsert"));
        QVERIFY(change.value(QStringLiteral("terminalId")).isNull());
        QVERIFY(!change.value(QStringLiteral("doc"))
                     .toObject()
                     .value(QStringLiteral("passwordHash"))
                     .toString()
                     .isEmpty());
    }

    void managerCreatesCashierOnly() {
        const qint64 before = writesInA();
        const auto refused =
            m_server->post(shopPath(m_a.id, QStringLiteral("/users")),
                           body({{QStringLiteral("username"), QStringLiteral("sneaky")},
                                 {QStringLiteral("password"), QStringLiteral("sneaky-pass-1")},
                                 {QStringLiteral("role"), QStringLiteral("manager")}}),
                           bearer(m_managerA));
        QCOMPARE(refused.status, 403);
        QCOMPARE(writesInA(), before);
        const auto r = m_server->post(shopPath(m_a.id, QStringLiteral("/users")),
                                      body({{QStringLiteral("username"), QStringLiteral("cashier-1")},
                                            {QStringLiteral("password"), QStringLiteral("cashier-pass-1")},
                                            {QStringLiteral("role"), QStringLiteral("cashier")},
                                            {QStringLiteral("displayName"), QStringLiteral("Lakshmi")}}),
                                      bearer(m_managerA));
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json.value(QStringLiteral("displayName")).toString(), QStringLiteral("Lakshmi"));
        // A cashier is a counter login only: no API token.
        QVERIFY(login(*m_server, QStringLiteral("cashier-1"), QStringLiteral("cashier-pass-1")).isEmpty());
        const auto list = m_server->get(shopPath(m_a.id, QStringLiteral("/users")), bearer(m_managerA));
        QCOMPARE(list.status, 200);
        QVERIFY(!list.body.contains("passwordHash") && !list.body.contains("$scrypt"));
        QStringList names;
        for (const QJsonValue& u : list.json.value(QStringLiteral("users")).toArray())
            names << u.toObject().value(QStringLiteral("username")).toString();
        QVERIFY2(names.contains(QStringLiteral("cashier-1")) && names.contains(m_a.manager),
                 qPrintable(names.join(u',')));
    }

    void badUserInputWritesNothing_data() {
        QTest::addColumn<QJsonObject>("input");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("message");
        const QJsonObject ok{{QStringLiteral("username"), QStringLiteral("cashier-x")},
                             {QStringLiteral("password"), QStringLiteral("cashier-pass-1")},
                             {QStringLiteral("role"), QStringLiteral("cashier")}};
        QJsonObject o = ok;
        o.remove(QStringLiteral("password"));
        QTest::newRow("no password") << o << 400 << QStringLiteral("password");
        o = ok;
        o.insert(QStringLiteral("password"), QStringLiteral("short"));
        QTest::newRow("short password") << o << 400 << QStringLiteral("at least 8");
        o = ok;
        o.insert(QStringLiteral("role"), QStringLiteral("owner"));
        QTest::newRow("bad role") << o << 400 << QStringLiteral("role");
        o = ok;
        o.insert(QStringLiteral("username"), QString(65, u'x'));
        QTest::newRow("long username") << o << 400 << QStringLiteral("username");
        o = ok;
        o.insert(QStringLiteral("username"), QStringLiteral("cashier-1"));
        QTest::newRow("duplicate") << o << 409 << QStringLiteral("already exists");
    }

    void badUserInputWritesNothing() {
        QFETCH(QJsonObject, input);
        QFETCH(int, status);
        QFETCH(QString, message);
        const qint64 before = writesInA();
        const auto r =
            m_server->post(shopPath(m_a.id, QStringLiteral("/users")), body(input), bearer(m_managerA));
        QCOMPARE(r.status, status);
        QVERIFY2(r.errorMessage().contains(message), qPrintable(r.errorMessage()));
        QCOMPARE(writesInA(), before);
    }

    void deactivateUsers() {
        const auto users = m_server->get(shopPath(m_a.id, QStringLiteral("/users")), bearer(m_ownerA));
        QString cashier, manager2;
        for (const QJsonValue& v : users.json.value(QStringLiteral("users")).toArray()) {
            const QJsonObject u = v.toObject();
            if (u.value(QStringLiteral("username")).toString() == QLatin1String("cashier-1"))
                cashier = u.value(QStringLiteral("id")).toString();
            if (u.value(QStringLiteral("username")).toString() == QLatin1String("a-second-manager"))
                manager2 = u.value(QStringLiteral("id")).toString();
        }
        QVERIFY(!cashier.isEmpty() && !manager2.isEmpty());
        refusedToOthers(QStringLiteral("POST"),
                        shopPath(m_a.id, QStringLiteral("/users/%1/deactivate").arg(cashier)));
        const qint64 before = writesInA();
        QCOMPARE(m_server
                     ->post(shopPath(m_a.id, QStringLiteral("/users/%1/deactivate").arg(manager2)), "{}",
                            bearer(m_managerA))
                     .status,
                 403);
        QCOMPARE(writesInA(), before);
        QCOMPARE(m_server
                     ->post(shopPath(m_a.id, QStringLiteral("/users/%1/deactivate").arg(newId())), "{}",
                            bearer(m_managerA))
                     .status,
                 404);
        const auto r = m_server->post(shopPath(m_a.id, QStringLiteral("/users/%1/deactivate").arg(cashier)),
                                      "{}", bearer(m_managerA));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("active")).toBool(true), false);
        const auto fed = lastChangeFor(cashier).value(QStringLiteral("doc")).toObject();
        QCOMPARE(fed.value(QStringLiteral("active")).toBool(true), false);
        QCOMPARE(fed.value(QStringLiteral("version")).toInt(), 2);
        // The owner deactivates the manager: the API login ends too.
        QCOMPARE(m_server
                     ->post(shopPath(m_a.id, QStringLiteral("/users/%1/deactivate").arg(manager2)), "{}",
                            bearer(m_ownerA))
                     .status,
                 200);
        QVERIFY(
            login(*m_server, QStringLiteral("a-second-manager"), QStringLiteral("second-pass-1")).isEmpty());
    }

    void userRoutesRefuseOthers() {
        refusedToOthers(QStringLiteral("GET"), shopPath(m_a.id, QStringLiteral("/users")));
        refusedToOthers(QStringLiteral("POST"), shopPath(m_a.id, QStringLiteral("/users")),
                        body({{QStringLiteral("username"), QStringLiteral("intruder")},
                              {QStringLiteral("password"), QStringLiteral("intruder-pass")},
                              {QStringLiteral("role"), QStringLiteral("cashier")}}));
    }

    // ---- master data --------------------------------------------------------------------------------

    void productFromApiReachesThePullFeed() {
        const auto created = m_server->post(shopPath(m_a.id, QStringLiteral("/products")),
                                            body(productBody(QStringLiteral("BRJ"))), bearer(m_managerA));
        QCOMPARE(created.status, 201);
        const QString id = created.json.value(QStringLiteral("id")).toString();
        QVERIFY(core::Uuid::parse(id));
        QCOMPARE(created.json.value(QStringLiteral("shopId")).toString(), m_a.id);
        QCOMPARE(created.json.value(QStringLiteral("version")).toInt(), 1);
        QCOMPARE(created.json.value(QStringLiteral("serverVersion")).toInt(), 1);
        QJsonObject change = lastChangeFor(id);
        QCOMPARE(change.value(QStringLiteral("type")).toString(), QStringLiteral("product.upsert"));
        QVERIFY(change.value(QStringLiteral("terminalId")).isNull());
        QCOMPARE(change.value(QStringLiteral("doc")).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("Brinjal"));
        // The counter's own codec reads what it pulls.
        QVERIFY(core::ProductDoc::fromJson(change.value(QStringLiteral("doc")).toObject()));

        // An edit: a new version, fed again.
        QJsonObject edit = created.json;
        edit.insert(QStringLiteral("name"), QStringLiteral("Brinjal (purple)"));
        const auto edited =
            m_server->post(shopPath(m_a.id, QStringLiteral("/products")), body(edit), bearer(m_ownerA));
        QCOMPARE(edited.status, 200);
        QCOMPARE(edited.json.value(QStringLiteral("version")).toInt(), 2);
        QCOMPARE(edited.json.value(QStringLiteral("serverVersion")).toInt(), 2);
        change = lastChangeFor(id);
        QCOMPARE(change.value(QStringLiteral("doc")).toObject().value(QStringLiteral("version")).toInt(), 2);
        QCOMPARE(change.value(QStringLiteral("doc")).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("Brinjal (purple)"));
        // The stale copy (version 1) is refused: someone changed it meanwhile.
        const qint64 before = writesInA();
        const auto stale =
            m_server->post(shopPath(m_a.id, QStringLiteral("/products")), body(edit), bearer(m_ownerA));
        QCOMPARE(stale.status, 409);
        QCOMPARE(stale.errorCode(), QStringLiteral("version_conflict"));
        edit.insert(QStringLiteral("version"), QStringLiteral("2"));
        const auto notANumber =
            m_server->post(shopPath(m_a.id, QStringLiteral("/products")), body(edit), bearer(m_ownerA));
        QCOMPARE(notANumber.status, 400);
        QVERIFY2(notANumber.errorMessage().startsWith(QStringLiteral("version")),
                 qPrintable(notANumber.errorMessage()));
        QCOMPARE(writesInA(), before);
        // Listed, with the counter's products.
        const auto list = m_server->get(shopPath(m_a.id, QStringLiteral("/products")), bearer(m_managerA));
        QCOMPARE(list.status, 200);
        QCOMPARE(list.json.value(QStringLiteral("items")).toArray().size(), 2);
        // A terminal's later edit of the same product is just the next version in server order.
        QJsonObject counterEdit = change.value(QStringLiteral("doc")).toObject();
        counterEdit.remove(QStringLiteral("serverVersion"));
        counterEdit.insert(QStringLiteral("version"), 3);
        QCOMPARE(m_ta.push(*m_server, {m_ta.op(core::op::kProductUpsert, counterEdit)})
                     .json.value(QStringLiteral("applied"))
                     .toInt(),
                 1);
        QCOMPARE(lastChangeFor(id)
                     .value(QStringLiteral("doc"))
                     .toObject()
                     .value(QStringLiteral("serverVersion"))
                     .toInt(),
                 3);
    }

    void concurrentCreatesOfOneCodeMakeOneProduct() {
        std::vector<int> statuses(6);
        std::vector<std::thread> threads;
        for (size_t i = 0; i < statuses.size(); ++i)
            threads.emplace_back([&, i] {
                statuses[i] = m_server
                                  ->post(shopPath(m_a.id, QStringLiteral("/products")),
                                         body(productBody(QStringLiteral("RACE"))), bearer(m_managerA))
                                  .status;
            });
        for (auto& t : threads)
            t.join();
        QCOMPARE(std::count(statuses.begin(), statuses.end(), 201), 1L);
        QCOMPARE(std::count(statuses.begin(), statuses.end(), 409), long(statuses.size() - 1));
        QCOMPARE(count("SELECT count(*) FROM products WHERE code = 'RACE'"), qint64(1));
    }

    void badMasterDataGetsTheCodecsErrorAndWritesNothing_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QJsonObject>("input");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("message");
        QJsonObject p = productBody(QStringLiteral("X1"));
        p.insert(QStringLiteral("category"), QStringLiteral("meat"));
        QTest::newRow("product category") << "/products" << p << 400 << QString();
        p = productBody(QStringLiteral("X1"));
        p.remove(QStringLiteral("name"));
        QTest::newRow("product without name") << "/products" << p << 400 << QString();
        p = productBody(QStringLiteral("BRJ"));
        QTest::newRow("duplicate code") << "/products" << p << 409 << QStringLiteral("code");
        p = productBody(QStringLiteral("X2"));
        p.insert(QStringLiteral("shopId"), m_b.id);
        QTest::newRow("another shop's id") << "/products" << p << 400 << QStringLiteral("shopId");
        p = productBody(QStringLiteral("X3"));
        p.insert(QStringLiteral("id"), newId());
        QTest::newRow("unknown id") << "/products" << p << 404 << QStringLiteral("no product");
        p = productBody(QStringLiteral("X4"));
        p.insert(QStringLiteral("id"), 42);
        QTest::newRow("id not a uuid") << "/products" << p << 400 << QStringLiteral("id");
        QTest::newRow("retire without code")
            << "/charges" << QJsonObject{{QStringLiteral("active"), false}} << 400 << QStringLiteral("code");
        QJsonObject party{{QStringLiteral("kind"), QStringLiteral("buyer")},
                          {QStringLiteral("code"), QStringLiteral("B9")},
                          {QStringLiteral("name"), QStringLiteral("Hotel")},
                          {QStringLiteral("creditLimit"), -5},
                          {QStringLiteral("active"), true}};
        QTest::newRow("negative credit limit") << "/parties" << party << 400 << QString();
        QJsonObject rule{{QStringLiteral("kind"), QStringLiteral("flat")},
                         {QStringLiteral("rateBp"), 500},
                         {QStringLiteral("slabs"), QJsonArray()},
                         {QStringLiteral("active"), true},
                         {QStringLiteral("productId"), newId()}};
        QTest::newRow("rule for unknown product")
            << "/commission-rules" << rule << 400 << QStringLiteral("productId");
        QJsonObject charge{{QStringLiteral("code"), QStringLiteral("cess")},
                           {QStringLiteral("name"), QStringLiteral("Cess")},
                           {QStringLiteral("basis"), QStringLiteral("per_kilo")},
                           {QStringLiteral("rate"), 100},
                           {QStringLiteral("payer"), QStringLiteral("buyer")}};
        QTest::newRow("charge basis") << "/charges" << charge << 400 << QString();
    }

    void badMasterDataGetsTheCodecsErrorAndWritesNothing() {
        QFETCH(QString, path);
        QFETCH(QJsonObject, input);
        QFETCH(int, status);
        QFETCH(QString, message);
        const qint64 before = writesInA();
        const auto r = m_server->post(shopPath(m_a.id, path), body(input), bearer(m_managerA));
        QCOMPARE(r.status, status);
        QCOMPARE(writesInA(), before);
        if (!message.isEmpty()) {
            QVERIFY2(r.errorMessage().contains(message), qPrintable(r.errorMessage()));
            return;
        }
        // The same words the domain codec uses for the same document (id, shop and version filled).
        QJsonObject doc = input;
        doc.insert(QStringLiteral("id"), newId());
        doc.insert(QStringLiteral("shopId"), m_a.id);
        doc.insert(QStringLiteral("version"), 1);
        doc.insert(QStringLiteral("active"), true);
        if (path == QLatin1String("/charges"))
            doc.insert(QStringLiteral("code"), QStringLiteral("CESS"));
        const QString expected =
            path == QLatin1String("/products")  ? core::ProductDoc::fromJson(doc).error().message
            : path == QLatin1String("/parties") ? core::PartyDoc::fromJson(doc).error().message
                                                : core::ChargeDoc::fromJson(doc).error().message;
        QCOMPARE(r.errorMessage(), expected);
    }

    void partiesAndCommissionRules() {
        const auto buyer = m_server->post(shopPath(m_a.id, QStringLiteral("/parties")),
                                          body({{QStringLiteral("kind"), QStringLiteral("buyer")},
                                                {QStringLiteral("code"), QStringLiteral("HOTEL7")},
                                                {QStringLiteral("name"), QStringLiteral("Hotel Saravana")},
                                                {QStringLiteral("creditLimit"), 5'000'000},
                                                {QStringLiteral("active"), true}}),
                                          bearer(m_managerA));
        QCOMPARE(buyer.status, 201);
        QCOMPARE(lastChangeFor(buyer.json.value(QStringLiteral("id")).toString())
                     .value(QStringLiteral("type"))
                     .toString(),
                 QStringLiteral("party.upsert"));
        const auto buyers =
            m_server->get(shopPath(m_a.id, QStringLiteral("/parties?kind=buyer")), bearer(m_managerA));
        QCOMPARE(buyers.json.value(QStringLiteral("items")).toArray().size(), 2);
        const auto farmers =
            m_server->get(shopPath(m_a.id, QStringLiteral("/parties?kind=farmer")), bearer(m_managerA));
        QCOMPARE(farmers.json.value(QStringLiteral("items")).toArray().size(), 1);
        QCOMPARE(m_server->get(shopPath(m_a.id, QStringLiteral("/parties?kind=trader")), bearer(m_managerA))
                     .status,
                 400);
        QCOMPARE(
            m_server->get(shopPath(m_a.id, QStringLiteral("/products?limit=0")), bearer(m_managerA)).status,
            400);

        const QString productId =
            m_server->get(shopPath(m_a.id, QStringLiteral("/products")), bearer(m_managerA))
                .json.value(QStringLiteral("items"))
                .toArray()
                .at(0)
                .toObject()
                .value(QStringLiteral("id"))
                .toString();
        const auto rule =
            m_server->post(shopPath(m_a.id, QStringLiteral("/commission-rules")),
                           body({{QStringLiteral("kind"), QStringLiteral("slab")},
                                 {QStringLiteral("rateBp"), 0},
                                 {QStringLiteral("productId"), productId},
                                 {QStringLiteral("slabs"),
                                  QJsonArray{QJsonObject{{QStringLiteral("fromQty"), 0},
                                                         {QStringLiteral("toQty"), 100'000},
                                                         {QStringLiteral("rateBp"), 300}},
                                             QJsonObject{{QStringLiteral("fromQty"), 100'000},
                                                         {QStringLiteral("toQty"), QJsonValue::Null},
                                                         {QStringLiteral("rateBp"), 500}}}},
                                 {QStringLiteral("active"), true}}),
                           bearer(m_ownerA));
        QVERIFY2(rule.status == 201, rule.body.constData());
        QCOMPARE(lastChangeFor(rule.json.value(QStringLiteral("id")).toString())
                     .value(QStringLiteral("type"))
                     .toString(),
                 QStringLiteral("commission_rule.upsert"));
        QCOMPARE(m_server->get(shopPath(m_a.id, QStringLiteral("/commission-rules")), bearer(m_managerA))
                     .json.value(QStringLiteral("items"))
                     .toArray()
                     .size(),
                 1);
    }

    void chargeSetTwiceRetiresTheFirst() {
        const QJsonObject cess{{QStringLiteral("code"), QStringLiteral("cess")},
                               {QStringLiteral("name"), QStringLiteral("Market cess")},
                               {QStringLiteral("basis"), QStringLiteral("percent")},
                               {QStringLiteral("rate"), 100},
                               {QStringLiteral("payer"), QStringLiteral("buyer")}};
        const auto first =
            m_server->post(shopPath(m_a.id, QStringLiteral("/charges")), body(cess), bearer(m_managerA));
        QCOMPARE(first.status, 200);
        const QJsonObject firstCharge = first.json.value(QStringLiteral("charge")).toObject();
        QCOMPARE(firstCharge.value(QStringLiteral("code")).toString(), QStringLiteral("CESS"));
        QJsonObject raised = cess;
        raised.insert(QStringLiteral("rate"), 150);
        const auto second =
            m_server->post(shopPath(m_a.id, QStringLiteral("/charges")), body(raised), bearer(m_managerA));
        QCOMPARE(second.status, 200);
        QCOMPARE(second.json.value(QStringLiteral("retired")).toObject().value(QStringLiteral("id")),
                 firstCharge.value(QStringLiteral("id")));
        QCOMPARE(
            second.json.value(QStringLiteral("charge")).toObject().value(QStringLiteral("version")).toInt(),
            2);
        QCOMPARE(lastChangeFor(firstCharge.value(QStringLiteral("id")).toString())
                     .value(QStringLiteral("doc"))
                     .toObject()
                     .value(QStringLiteral("active"))
                     .toBool(true),
                 false);
        QCOMPARE(count("SELECT count(*) FROM charges WHERE active AND code = 'CESS'"), qint64(1));
        // active: false retires the code without a successor.
        const auto retire = m_server->post(
            shopPath(m_a.id, QStringLiteral("/charges")),
            body({{QStringLiteral("code"), QStringLiteral("CESS")}, {QStringLiteral("active"), false}}),
            bearer(m_managerA));
        QCOMPARE(retire.status, 200);
        QCOMPARE(count("SELECT count(*) FROM charges WHERE active AND code = 'CESS'"), qint64(0));
        QCOMPARE(m_server->get(shopPath(m_a.id, QStringLiteral("/charges")), bearer(m_managerA))
                     .json.value(QStringLiteral("items"))
                     .toArray()
                     .size(),
                 2);
        const qint64 before = writesInA();
        QCOMPARE(m_server
                     ->post(shopPath(m_a.id, QStringLiteral("/charges")),
                            body({{QStringLiteral("code"), QStringLiteral("CESS")},
                                  {QStringLiteral("active"), false}}),
                            bearer(m_managerA))
                     .status,
                 404);
        QCOMPARE(writesInA(), before);
    }

    void masterDataRoutesRefuseOthers() {
        for (const char* route : {"/products", "/parties", "/commission-rules", "/charges"}) {
            refusedToOthers(QStringLiteral("GET"), shopPath(m_a.id, QLatin1String(route)));
            refusedToOthers(QStringLiteral("POST"), shopPath(m_a.id, QLatin1String(route)),
                            body(productBody(QStringLiteral("INTRUDER"))));
        }
    }

    // ---- shop settings ----------------------------------------------------------------------------

    void shopSettingsFromTheBackOfficeReachTheCounters() {
        const QString path = shopPath(m_a.id, QStringLiteral("/settings"));
        const auto find = [&](const QString& key) -> QJsonObject {
            const auto r = m_server->get(path, bearer(m_managerA));
            for (const QJsonValue& v : r.json.value(QStringLiteral("settings")).toArray())
                if (v.toObject().value(QStringLiteral("key")).toString() == key)
                    return v.toObject();
            return {};
        };
        const QString key = QStringLiteral("commission_paid_by_buyer");
        const QString id = QUuid::createUuidV5(QUuid::fromString(m_a.id), key).toString(QUuid::WithoutBraces);
        QJsonObject s = find(key);
        QCOMPARE(s.value(QStringLiteral("value")).toInteger(), 0); // the counters' default
        QVERIFY(s.value(QStringLiteral("isDefault")).toBool());
        QCOMPARE(s.value(QStringLiteral("version")).toInteger(), 0);
        QCOMPARE(find(QStringLiteral("adjustment_approval_qty")).value(QStringLiteral("value")).toInteger(),
                 50'000);

        const auto set = m_server->post(
            path,
            body(
                {{QStringLiteral("key"), key}, {QStringLiteral("value"), 1}, {QStringLiteral("version"), 0}}),
            bearer(m_managerA));
        QCOMPARE(set.status, 200);
        QCOMPARE(set.json.value(QStringLiteral("value")).toInteger(), 1);
        QCOMPARE(set.json.value(QStringLiteral("version")).toInteger(), 1);
        QVERIFY(!set.json.value(QStringLiteral("isDefault")).toBool());
        QCOMPARE(find(key).value(QStringLiteral("value")).toInteger(), 1);
        // Fed as the document a counter's SettingsService pushes, so counters apply it alike.
        QJsonObject change = lastChangeFor(id);
        QCOMPARE(change.value(QStringLiteral("type")).toString(), QStringLiteral("setting.upsert"));
        QVERIFY(change.value(QStringLiteral("terminalId")).isNull());
        QJsonObject doc = change.value(QStringLiteral("doc")).toObject();
        QCOMPARE(doc.value(QStringLiteral("value")).toString(), QStringLiteral("1"));
        QCOMPARE(doc.value(QStringLiteral("shopId")).toString(), m_a.id);
        QCOMPARE(doc.value(QStringLiteral("version")).toInteger(), 1);
        QCOMPARE(count("SELECT count(*) FROM api_audit WHERE action = 'setting.update' AND entity_id = "
                       "'commission_paid_by_buyer'"),
                 qint64(1));

        // Bad input and a stale version: precise errors, nothing written.
        const qint64 before = writesInA();
        const QList<std::pair<QJsonObject, int>> bad{
            {{{QStringLiteral("key"), QStringLiteral("no_such_key")}, {QStringLiteral("value"), 1}}, 400},
            {{{QStringLiteral("value"), 1}}, 400},
            {{{QStringLiteral("key"), key}, {QStringLiteral("value"), 2}}, 400},
            {{{QStringLiteral("key"), key}, {QStringLiteral("value"), -1}}, 400},
            {{{QStringLiteral("key"), key}, {QStringLiteral("value"), QStringLiteral("1")}}, 400},
            {{{QStringLiteral("key"), key}, {QStringLiteral("value"), 0.5}}, 400},
            {{{QStringLiteral("key"), key}}, 400},
            {{{QStringLiteral("key"), key},
              {QStringLiteral("value"), 0},
              {QStringLiteral("version"), QStringLiteral("1")}},
             400},
            {{{QStringLiteral("key"), key}, {QStringLiteral("value"), 0}, {QStringLiteral("version"), 0}},
             409}};
        for (const auto& [payload, status] : bad) {
            const auto r = m_server->post(path, body(payload), bearer(m_managerA));
            QVERIFY2(r.status == status, qPrintable(QString::fromUtf8(r.body)));
            QVERIFY(!r.errorMessage().isEmpty());
        }
        QCOMPARE(m_server
                     ->post(path,
                            body({{QStringLiteral("key"), key},
                                  {QStringLiteral("value"), 0},
                                  {QStringLiteral("version"), 0}}),
                            bearer(m_managerA))
                     .json.value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("version"))
                     .toInteger(),
                 1);
        QCOMPARE(writesInA(), before);
        QCOMPARE(find(key).value(QStringLiteral("value")).toInteger(), 1);

        // A counter's later edit wins in server order; the back office then edits on top of it.
        const QJsonObject counterEdit{{QStringLiteral("key"), key},
                                      {QStringLiteral("value"), QStringLiteral("0")},
                                      {QStringLiteral("shopId"), m_a.id},
                                      {QStringLiteral("version"), 1}};
        QCOMPARE(m_ta.push(*m_server, {m_ta.op(QStringLiteral("setting.upsert"), counterEdit)})
                     .json.value(QStringLiteral("applied"))
                     .toInt(),
                 1);
        s = find(key);
        QCOMPARE(s.value(QStringLiteral("value")).toInteger(), 0);
        QCOMPARE(s.value(QStringLiteral("serverVersion")).toInteger(), 2);
        const auto again =
            m_server->post(path,
                           body({{QStringLiteral("key"), key},
                                 {QStringLiteral("value"), 1},
                                 {QStringLiteral("version"), s.value(QStringLiteral("version"))}}),
                           bearer(m_ownerA));
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json.value(QStringLiteral("version")).toInteger(), 2);
        doc = lastChangeFor(id).value(QStringLiteral("doc")).toObject();
        QCOMPARE(doc.value(QStringLiteral("value")).toString(), QStringLiteral("1"));
        QCOMPARE(doc.value(QStringLiteral("serverVersion")).toInteger(), 3);

        refusedToOthers(QStringLiteral("GET"), path);
        refusedToOthers(QStringLiteral("POST"), path,
                        body({{QStringLiteral("key"), key}, {QStringLiteral("value"), 0}}));
    }

    // ---- prices (today's rate per product) ---------------------------------------------------------

    /// A counter's price.upsert reaches the shop's other counters (with serverVersion; refusals of
    /// pushed rates are in tst_server_books); the back office lists and sets rates (a
    /// manager in their shop, an owner in theirs), fed as the same document with terminalId null;
    /// bad values get precise 400s and write nothing; other shops' accounts get 404.
    void pricesFromCountersAndTheBackOffice() {
        auto peer = enrol(*m_server, m_a.code);
        QVERIFY(peer);
        const auto pulledBy = [&](const TerminalClient& t, const QString& id) {
            QJsonObject found;
            const auto r = m_server->get(QStringLiteral("/api/v1/sync/pull?limit=1000"), t.authorization());
            for (const QJsonValue& v : r.json.value(QStringLiteral("changes")).toArray())
                if (v.toObject().value(QStringLiteral("id")).toString() == id)
                    found = v.toObject();
            return found;
        };
        const auto prod = product(m_a.id);
        core::PriceDoc rate;
        rate.shopId = *core::Uuid::parse(m_a.id);
        rate.productId = prod.id;
        rate.id = core::PriceDoc::idFor(rate.shopId, prod.id);
        rate.price = core::Money::fromMinor(4'250);
        const QString id = rate.id.toString();
        QCOMPARE(id, QUuid::createUuidV5(QUuid::fromString(m_a.id), prod.id.toString())
                         .toString(QUuid::WithoutBraces));

        // From a counter: applied and fed to the others.
        auto pushed = m_ta.push(*m_server, {m_ta.op(core::op::kProductUpsert, prod.toJson()),
                                            m_ta.op(core::op::kPriceUpsert, rate.toJson())});
        QCOMPARE(pushed.status, 200);
        QCOMPARE(pushed.json.value(QStringLiteral("applied")).toInt(), 2);
        QJsonObject change = pulledBy(*peer, id);
        QCOMPARE(change.value(QStringLiteral("type")).toString(), QStringLiteral("price.upsert"));
        QCOMPARE(change.value(QStringLiteral("terminalId")).toString(), m_ta.id);
        QJsonObject doc = change.value(QStringLiteral("doc")).toObject();
        QCOMPARE(doc.value(QStringLiteral("price")).toInteger(), 4'250);
        QCOMPARE(doc.value(QStringLiteral("productId")).toString(), prod.id.toString());
        QCOMPARE(doc.value(QStringLiteral("serverVersion")).toInteger(), 1);
        QCOMPARE(count("SELECT count(*) FROM prices WHERE price = 4250 AND id = '" + id.toStdString() + "'"),
                 qint64(1));

        // The back office lists it with the product and sets it on top, versioned.
        const QString path = shopPath(m_a.id, QStringLiteral("/prices"));
        const auto listed = m_server->get(path, bearer(m_managerA));
        QCOMPARE(listed.status, 200);
        const QJsonArray items = listed.json.value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.at(0).toObject().value(QStringLiteral("productCode")).toString(), prod.code);
        QCOMPARE(items.at(0).toObject().value(QStringLiteral("price")).toInteger(), 4'250);
        QCOMPARE(items.at(0).toObject().value(QStringLiteral("version")).toInteger(), 1);
        const auto set = m_server->post(path,
                                        body({{QStringLiteral("productId"), prod.id.toString()},
                                              {QStringLiteral("price"), 4'500},
                                              {QStringLiteral("version"), 1}}),
                                        bearer(m_managerA));
        QVERIFY2(set.status == 200, set.body.constData());
        QCOMPARE(set.json.value(QStringLiteral("price")).toInteger(), 4'500);
        QCOMPARE(set.json.value(QStringLiteral("version")).toInteger(), 2);
        QCOMPARE(set.json.value(QStringLiteral("serverVersion")).toInteger(), 2);
        change = pulledBy(*peer, id);
        QVERIFY(change.value(QStringLiteral("terminalId")).isNull());
        doc = change.value(QStringLiteral("doc")).toObject();
        QCOMPARE(doc.value(QStringLiteral("price")).toInteger(), 4'500);
        QCOMPARE(doc.value(QStringLiteral("version")).toInteger(), 2);
        QCOMPARE(doc.value(QStringLiteral("serverVersion")).toInteger(), 2);
        // … which is exactly a document the counters' codec takes.
        doc.remove(QStringLiteral("serverVersion"));
        QVERIFY(core::PriceDoc::fromJson(doc).ok());
        QCOMPARE(count("SELECT count(*) FROM api_audit WHERE action = 'price.set' AND entity_id = '" +
                       id.toStdString() + "'"),
                 qint64(1));

        // Bad input: precise errors, nothing written.
        const auto other = product(m_b.id); // never stored in shop A
        const qint64 before = writesInA();
        const QString pid = prod.id.toString();
        const QList<std::pair<QJsonObject, int>> bad{
            {{{QStringLiteral("productId"), pid}, {QStringLiteral("price"), 0}}, 400},
            {{{QStringLiteral("productId"), pid}, {QStringLiteral("price"), -100}}, 400},
            {{{QStringLiteral("productId"), pid}, {QStringLiteral("price"), 42.5}}, 400},
            {{{QStringLiteral("productId"), pid}, {QStringLiteral("price"), QStringLiteral("4500")}}, 400},
            {{{QStringLiteral("productId"), pid}, {QStringLiteral("price"), 1e16}}, 400},
            {{{QStringLiteral("productId"), pid}}, 400},
            {{{QStringLiteral("price"), 4'500}}, 400},
            {{{QStringLiteral("productId"), QStringLiteral("P0001")}, {QStringLiteral("price"), 4'500}}, 400},
            {{{QStringLiteral("productId"), other.id.toString()}, {QStringLiteral("price"), 4'500}}, 400},
            {{{QStringLiteral("productId"), pid},
              {QStringLiteral("price"), 4'600},
              {QStringLiteral("version"), 1.5}},
             400},
            {{{QStringLiteral("productId"), pid},
              {QStringLiteral("price"), 4'600},
              {QStringLiteral("version"), 1}},
             409}};
        for (const auto& [payload, status] : bad) {
            const auto r = m_server->post(path, body(payload), bearer(m_managerA));
            QVERIFY2(r.status == status, qPrintable(QString::fromUtf8(body(payload) + " → " + r.body)));
            QVERIFY(!r.errorMessage().isEmpty());
        }
        const auto tooBig = m_server->post(
            path,
            body({{QStringLiteral("productId"), pid}, {QStringLiteral("price"), core::Money::kMaxInput + 1}}),
            bearer(m_managerA));
        QCOMPARE(tooBig.status, 400);
        QVERIFY2(tooBig.errorMessage().startsWith(QStringLiteral("price:")),
                 qPrintable(tooBig.errorMessage()));
        QCOMPARE(writesInA(), before);

        // Cleared from the back office: price null in the feed, the version goes on; a second clear
        // finds nothing to clear.
        const auto clear = m_server->post(
            path, body({{QStringLiteral("productId"), pid}, {QStringLiteral("price"), QJsonValue::Null}}),
            bearer(m_ownerA));
        QVERIFY2(clear.status == 200, clear.body.constData());
        QVERIFY(clear.json.value(QStringLiteral("price")).isNull());
        QCOMPARE(clear.json.value(QStringLiteral("version")).toInteger(), 3);
        QVERIFY(pulledBy(*peer, id)
                    .value(QStringLiteral("doc"))
                    .toObject()
                    .value(QStringLiteral("price"))
                    .isNull());
        const qint64 beforeClear = writesInA();
        QCOMPARE(m_server
                     ->post(path,
                            body({{QStringLiteral("productId"), pid},
                                  {QStringLiteral("price"), QJsonValue::Null}}),
                            bearer(m_managerA))
                     .status,
                 404);
        QCOMPARE(writesInA(), beforeClear);

        // An owner sets rates in each of their shops; a manager only in theirs; nobody in another's.
        const auto a2Product = m_server->post(shopPath(m_a2.id, QStringLiteral("/products")),
                                              body(productBody(QStringLiteral("RATEA2"))), bearer(m_ownerA));
        QCOMPARE(a2Product.status, 201);
        const QJsonObject a2Rate{{QStringLiteral("productId"), a2Product.json.value(QStringLiteral("id"))},
                                 {QStringLiteral("price"), 1'000}};
        QCOMPARE(m_server->post(shopPath(m_a2.id, QStringLiteral("/prices")), body(a2Rate), bearer(m_ownerA))
                     .status,
                 200);
        QCOMPARE(
            m_server->post(shopPath(m_a2.id, QStringLiteral("/prices")), body(a2Rate), bearer(m_managerA))
                .status,
            404);
        QCOMPARE(m_server->get(shopPath(m_b.id, QStringLiteral("/prices")), bearer(m_ownerA)).status, 404);
        refusedToOthers(QStringLiteral("GET"), path);
        refusedToOthers(QStringLiteral("POST"), path,
                        body({{QStringLiteral("productId"), pid}, {QStringLiteral("price"), 100}}));
        // Row-level security: shop A's listing holds only shop A's rates.
        QCOMPARE(m_server->get(path, bearer(m_ownerA)).json.value(QStringLiteral("items")).toArray().size(),
                 1);
    }

    // ---- resolutions ----------------------------------------------------------------------------

    void resolveAnomaly() {
        const auto list = m_server->get(shopPath(m_a.id, QStringLiteral("/anomalies")), bearer(m_managerA));
        const QJsonArray open = list.json.value(QStringLiteral("anomalies")).toArray();
        QVERIFY(!open.isEmpty());
        const QString id = open.at(0).toObject().value(QStringLiteral("id")).toString();
        const QString path = shopPath(m_a.id, QStringLiteral("/anomalies/%1/resolve").arg(id));
        const QByteArray note =
            body({{QStringLiteral("note"), QStringLiteral("recounted: 4 kg more had arrived")}});
        refusedToOthers(QStringLiteral("POST"), path, note);
        const qint64 before = writesInA();
        QCOMPARE(
            m_server->post(path, body({{QStringLiteral("note"), QStringLiteral("  ")}}), bearer(m_managerA))
                .status,
            400);
        QCOMPARE(m_server->post(path, "{}", bearer(m_managerA)).status, 400);
        QCOMPARE(m_server->post(path, "not json", bearer(m_managerA)).status, 400);
        QCOMPARE(m_server
                     ->post(shopPath(m_a.id, QStringLiteral("/anomalies/%1/resolve").arg(newId())), note,
                            bearer(m_managerA))
                     .status,
                 404);
        QCOMPARE(writesInA(), before);
        const auto r = m_server->post(path, note, bearer(m_managerA));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("resolution")).toString(),
                 QStringLiteral("recounted: 4 kg more had arrived"));
        QVERIFY(r.json.value(QStringLiteral("resolvedAtMs")).toInteger() > 0);
        QCOMPARE(count("SELECT count(*) FROM anomalies WHERE resolved_by IS NOT NULL AND id = '" +
                       id.toStdString() + "'"),
                 qint64(1));
        QCOMPARE(count("SELECT count(*) FROM api_audit WHERE action = 'anomaly.resolve' AND entity_id = '" +
                       id.toStdString() + "'"),
                 qint64(1));
        // The counters hear of it through the feed, note included.
        QCOMPARE(
            count("SELECT count(*) FROM feed WHERE type = 'anomaly.resolved' AND terminal_id IS NULL AND "
                  "entity_id = '" +
                  id.toStdString() + "' AND doc->>'resolution' = 'recounted: 4 kg more had arrived'"),
            qint64(1));
        QCOMPARE(m_server->post(path, note, bearer(m_managerA)).status, 409);
        QCOMPARE(count("SELECT count(*) FROM feed WHERE type = 'anomaly.resolved' AND entity_id = '" +
                       id.toStdString() + "'"),
                 qint64(1));
    }

    void resolveQuarantine() {
        const auto list = m_server->get(shopPath(m_a.id, QStringLiteral("/quarantine")), bearer(m_managerA));
        const QJsonArray open = list.json.value(QStringLiteral("quarantine")).toArray();
        QCOMPARE(open.size(), 1);
        const QString opId = open.at(0).toObject().value(QStringLiteral("opId")).toString();
        const QString path = shopPath(m_a.id, QStringLiteral("/quarantine/%1/resolve").arg(opId));
        const QByteArray note =
            body({{QStringLiteral("note"), QStringLiteral("counter had a wrong shop; re-entered")}});
        refusedToOthers(QStringLiteral("POST"), path, note);
        QCOMPARE(m_server->post(path, "{}", bearer(m_ownerA)).status, 400);
        const auto r = m_server->post(path, note, bearer(m_ownerA));
        QCOMPARE(r.status, 200);
        QCOMPARE(m_server->get(shopPath(m_a.id, QStringLiteral("/quarantine")), bearer(m_managerA))
                     .json.value(QStringLiteral("quarantine"))
                     .toArray()
                     .size(),
                 0);
        QCOMPARE(count("SELECT count(*) FROM api_audit WHERE action = 'quarantine.resolve'"), qint64(1));
        QCOMPARE(m_server->post(path, note, bearer(m_ownerA)).status, 409);
    }

    // ---- reports ----------------------------------------------------------------------------------

    void daySummaryOfOneShop() {
        const QString path = shopPath(m_a.id, QStringLiteral("/reports/day-summary?date=") + today());
        refusedToOthers(QStringLiteral("GET"), path);
        const auto r = m_server->get(path, bearer(m_managerA));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("salesCount")).toInt(), 1);
        QCOMPARE(r.json.value(QStringLiteral("salesValue")).toInteger(), m_saleTotal);
        QCOMPARE(r.json.value(QStringLiteral("creditGiven")).toInteger(), 20'000);
        QCOMPARE(r.json.value(QStringLiteral("salesPaidByMethod"))
                     .toObject()
                     .value(QStringLiteral("cash"))
                     .toInteger(),
                 m_saleTotal - 20'000);
        QCOMPARE(r.json.value(QStringLiteral("commission")).toInteger(), m_saleTotal * 5 / 100);
        QCOMPARE(r.json.value(QStringLiteral("arrivalsCount")).toInt(), 1);
        QCOMPARE(r.json.value(QStringLiteral("cashIn")).toInteger(), m_saleTotal - 20'000);
        // Another day has nothing; a bad date is refused.
        QCOMPARE(m_server
                     ->get(shopPath(m_a.id, QStringLiteral("/reports/day-summary?date=2001-01-01")),
                           bearer(m_managerA))
                     .json.value(QStringLiteral("salesCount"))
                     .toInt(-1),
                 0);
        for (const char* bad : {"", "?date=yesterday", "?date=2026-02-30", "?date=2026-1-5"})
            QCOMPARE(m_server
                         ->get(shopPath(m_a.id, QStringLiteral("/reports/day-summary") + QLatin1String(bad)),
                               bearer(m_managerA))
                         .status,
                     400);
    }

    void reportsAcrossAnOwnersShops() {
        const auto owner =
            m_server->get(QStringLiteral("/api/v1/reports/day-summary?date=") + today(), bearer(m_ownerA));
        QCOMPARE(owner.status, 200);
        QCOMPARE(owner.json.value(QStringLiteral("shops")).toArray().size(), 2);
        QCOMPARE(owner.json.value(QStringLiteral("totals"))
                     .toObject()
                     .value(QStringLiteral("INR"))
                     .toObject()
                     .value(QStringLiteral("salesValue"))
                     .toInteger(),
                 m_saleTotal);
        QVERIFY(!owner.body.contains(m_b.id.toLatin1()));
        const auto manager =
            m_server->get(QStringLiteral("/api/v1/reports/day-summary?date=") + today(), bearer(m_managerA));
        QCOMPARE(manager.json.value(QStringLiteral("shops")).toArray().size(), 1);
        const auto other =
            m_server->get(QStringLiteral("/api/v1/reports/day-summary?date=") + today(), bearer(m_managerB));
        QCOMPARE(other.json.value(QStringLiteral("shops")).toArray().size(), 1);
        QCOMPARE(other.json.value(QStringLiteral("totals"))
                     .toObject()
                     .value(QStringLiteral("INR"))
                     .toObject()
                     .value(QStringLiteral("salesCount"))
                     .toInt(),
                 0);
        QVERIFY(!other.body.contains(m_a.id.toLatin1()));
        QCOMPARE(m_server->get(QStringLiteral("/api/v1/reports/day-summary?date=") + today()).status, 401);
        QCOMPARE(m_server->get(QStringLiteral("/api/v1/reports/day-summary"), bearer(m_ownerA)).status, 400);
    }

    void buyerOutstanding() {
        const QString path = shopPath(m_a.id, QStringLiteral("/reports/buyer-outstanding"));
        refusedToOthers(QStringLiteral("GET"), path);
        const auto r = m_server->get(path, bearer(m_managerA));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("totalOutstanding")).toInteger(), 20'000);
        bool found = false;
        for (const QJsonValue& b : r.json.value(QStringLiteral("buyers")).toArray())
            if (b.toObject().value(QStringLiteral("buyerId")).toString() == m_buyer.id.toString()) {
                found = true;
                QCOMPARE(b.toObject().value(QStringLiteral("outstanding")).toInteger(), 20'000);
                QCOMPARE(b.toObject().value(QStringLiteral("creditLimit")).toInteger(), 1'000'000);
            }
        QVERIFY(found);
        const auto all = m_server->get(QStringLiteral("/api/v1/reports/buyer-outstanding"), bearer(m_ownerA));
        QCOMPARE(all.json.value(QStringLiteral("totals"))
                     .toObject()
                     .value(QStringLiteral("INR"))
                     .toObject()
                     .value(QStringLiteral("totalOutstanding"))
                     .toInteger(),
                 20'000);
        QCOMPARE(m_server->get(QStringLiteral("/api/v1/reports/buyer-outstanding")).status, 401);
    }

    void farmerPayables() {
        const QString path = shopPath(m_a.id, QStringLiteral("/reports/farmer-payables"));
        refusedToOthers(QStringLiteral("GET"), path);
        const auto r = m_server->get(path, bearer(m_managerA));
        QCOMPARE(r.status, 200);
        const QJsonArray farmers = r.json.value(QStringLiteral("farmers")).toArray();
        QCOMPARE(farmers.size(), 1);
        const QJsonObject f = farmers.at(0).toObject();
        QCOMPARE(f.value(QStringLiteral("soldValue")).toInteger(), m_saleTotal);
        QCOMPARE(f.value(QStringLiteral("commission")).toInteger(), m_saleTotal * 5 / 100);
        QCOMPARE(f.value(QStringLiteral("farmerNet")).toInteger(), m_saleTotal - m_saleTotal * 5 / 100);
        QCOMPARE(f.value(QStringLiteral("paid")).toInteger(), 0);
        QCOMPARE(r.json.value(QStringLiteral("totalPayable")).toInteger(),
                 m_saleTotal - m_saleTotal * 5 / 100);
        const auto all = m_server->get(QStringLiteral("/api/v1/reports/farmer-payables"), bearer(m_ownerA));
        QCOMPARE(all.json.value(QStringLiteral("shops")).toArray().size(), 2);
        QCOMPARE(all.json.value(QStringLiteral("totals"))
                     .toObject()
                     .value(QStringLiteral("INR"))
                     .toObject()
                     .value(QStringLiteral("totalPayable"))
                     .toInteger(),
                 m_saleTotal - m_saleTotal * 5 / 100);
        QCOMPARE(m_server->get(QStringLiteral("/api/v1/reports/farmer-payables")).status, 401);
    }

    void auditSearch() {
        const QString base = shopPath(m_a.id, QStringLiteral("/audit"));
        refusedToOthers(QStringLiteral("GET"), base);
        // Products were edited at a counter and through the API: both sources, newest first.
        const auto products = m_server->get(base + QStringLiteral("?entity=product"), bearer(m_managerA));
        QCOMPARE(products.status, 200);
        const QJsonArray entries = products.json.value(QStringLiteral("entries")).toArray();
        QSet<QString> sources;
        qint64 previous = std::numeric_limits<qint64>::max();
        for (const QJsonValue& v : entries) {
            const QJsonObject e = v.toObject();
            QCOMPARE(e.value(QStringLiteral("entity")).toString(), QStringLiteral("product"));
            QVERIFY(e.value(QStringLiteral("atMs")).toInteger() <= previous);
            previous = e.value(QStringLiteral("atMs")).toInteger();
            sources.insert(e.value(QStringLiteral("source")).toString());
        }
        QCOMPARE(sources, (QSet<QString>{QStringLiteral("counter"), QStringLiteral("api")}));
        // By who did it: the resolutions of shop A's owner only.
        const QString ownerId =
            m_server->get(QStringLiteral("/api/v1/shops"), bearer(m_ownerA)).json.isEmpty()
                ? QString()
                : queryText(*m_server, "SELECT id::text FROM accounts WHERE username = 'owner-a'");
        const auto mine =
            m_server->get(base + QStringLiteral("?source=api&userId=") + ownerId, bearer(m_ownerA));
        QVERIFY(!mine.json.value(QStringLiteral("entries")).toArray().isEmpty());
        for (const QJsonValue& v : mine.json.value(QStringLiteral("entries")).toArray())
            QCOMPARE(v.toObject().value(QStringLiteral("userId")).toString(), ownerId);
        const auto anomaly =
            m_server->get(base + QStringLiteral("?entity=anomaly&source=api"), bearer(m_managerA));
        QCOMPARE(anomaly.json.value(QStringLiteral("entries")).toArray().size(), 1);
        QVERIFY(!anomaly.json.value(QStringLiteral("entries"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("note"))
                     .toString()
                     .isEmpty());
        // A window in the past holds nothing; bad filters are refused.
        QCOMPARE(m_server->get(base + QStringLiteral("?fromMs=0&toMs=1000"), bearer(m_managerA))
                     .json.value(QStringLiteral("entries"))
                     .toArray()
                     .size(),
                 0);
        for (const char* bad : {"?limit=0", "?limit=x", "?source=both", "?fromMs=10&toMs=5", "?fromMs=-1"})
            QCOMPARE(m_server->get(base + QLatin1String(bad), bearer(m_managerA)).status, 400);
    }

    void cashierTokenRefused() {
        // Even signed with the server's own key, a token for any role but owner/manager is refused.
        const QByteArray key =
            QByteArray::fromHex(queryText(*m_server, "SELECT token_key FROM server_meta").toLatin1());
        server::TokenSigner signer(key);
        const QString cashierId =
            queryText(*m_server, "SELECT id::text FROM users WHERE username = 'cashier-1'");
        const QString token = signer.issue(
            {cashierId, QStringLiteral("cashier"), m_a.id, QDateTime::currentSecsSinceEpoch() + 600});
        const qint64 before = writesInA();
        QCOMPARE(m_server->get(shopPath(m_a.id, QStringLiteral("/products")), bearer(token)).status, 401);
        QCOMPARE(m_server
                     ->post(shopPath(m_a.id, QStringLiteral("/products")),
                            body(productBody(QStringLiteral("C1"))), bearer(token))
                     .status,
                 401);
        QCOMPARE(writesInA(), before);
    }

    void apiAuditIsTenantScopedAndAppendOnly() {
        pqxx::connection c(m_server->dbUrl());
        pqxx::work tx(c);
        tx.exec("SET LOCAL ROLE market_app");
        tx.exec("SELECT set_config('market.shop_id', '" + m_b.id.toStdString() + "', true)");
        QCOMPARE(tx.exec("SELECT count(*) FROM api_audit")[0][0].as<qint64>(), qint64(0));
        tx.exec("SELECT set_config('market.shop_id', '" + m_a.id.toStdString() + "', true)");
        QVERIFY(tx.exec("SELECT count(*) FROM api_audit")[0][0].as<qint64>() > 0);
        bool refused = false;
        try {
            tx.exec("UPDATE api_audit SET note = 'rewritten'");
        } catch (const pqxx::insufficient_privilege&) {
            refused = true;
        }
        QVERIFY(refused);
    }

    void everyRouteIsDescribed() {
        const auto r = m_server->get(QStringLiteral("/api/v1/openapi.json"));
        const QJsonObject paths = r.json.value(QStringLiteral("paths")).toObject();
        for (const char* p :
             {"/api/v1/shops/{shopId}/users", "/api/v1/shops/{shopId}/users/{userId}/deactivate",
              "/api/v1/shops/{shopId}/products", "/api/v1/shops/{shopId}/parties",
              "/api/v1/shops/{shopId}/commission-rules", "/api/v1/shops/{shopId}/charges",
              "/api/v1/shops/{shopId}/settings", "/api/v1/shops/{shopId}/prices",
              "/api/v1/shops/{shopId}/terminals", "/api/v1/shops/{shopId}/anomalies/{anomalyId}/resolve",
              "/api/v1/shops/{shopId}/quarantine/{opId}/resolve",
              "/api/v1/shops/{shopId}/reports/day-summary",
              "/api/v1/shops/{shopId}/reports/buyer-outstanding", "/api/v1/reports/day-summary",
              "/api/v1/reports/buyer-outstanding"})
            QVERIFY2(paths.contains(QLatin1String(p)), p);
        QVERIFY(paths.value(QStringLiteral("/api/v1/shops/{shopId}/products"))
                    .toObject()
                    .contains(QStringLiteral("post")));
        QVERIFY(paths.value(QStringLiteral("/api/v1/shops/{shopId}/prices"))
                    .toObject()
                    .contains(QStringLiteral("post")));
    }
};

QTEST_GUILESS_MAIN(TestServerOwnerApi)
#include "tst_server_owner_api.moc"
