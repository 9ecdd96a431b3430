#include "ServerHarness.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>
#include <httplib.h>
#include <pqxx/pqxx>
#include <signal.h>

#ifndef MARKET_SERVER_BINARY
#error "MARKET_SERVER_BINARY must point at the market-server executable"
#endif

namespace market::server::test {

namespace {
const QString kCashier = QStringLiteral("01900000-0000-7000-8000-000000000001");

QJsonObject parseJson(const std::string& body) {
    return QJsonDocument::fromJson(QByteArray::fromStdString(body)).object();
}

HttpResult toResult(const httplib::Result& r) {
    HttpResult out;
    if (!r) {
        out.body = QByteArray::fromStdString(httplib::to_string(r.error())); // why there is no answer
        return out;
    }
    out.status = r->status;
    out.body = QByteArray::fromStdString(r->body);
    out.json = parseJson(r->body);
    return out;
}

httplib::Headers headers(const QString& authorization) {
    httplib::Headers h;
    if (!authorization.isEmpty())
        h.emplace("Authorization", authorization.toStdString());
    return h;
}
} // namespace

QString ServerProcess::binary() {
    // MARKET_SERVER_BINARY in the environment: another build of the server (a benchmark's before/after).
    const QString other = qEnvironmentVariable("MARKET_SERVER_BINARY");
    return other.isEmpty() ? QStringLiteral(MARKET_SERVER_BINARY) : other;
}

ServerProcess::ServerProcess(QString dataDir)
    : m_dataDir(std::move(dataDir)) {}

ServerProcess::~ServerProcess() {
    stop();
}

std::optional<QJsonObject> ServerProcess::admin(const QStringList& args, const QByteArray& stdinData) {
    QProcess p;
    p.start(binary(), args + QStringList{QStringLiteral("--data-dir"), m_dataDir});
    if (!p.waitForStarted(10000)) {
        m_lastError = p.errorString();
        return std::nullopt;
    }
    if (!stdinData.isEmpty())
        p.write(stdinData);
    p.closeWriteChannel();
    if (!p.waitForFinished(120000) || p.exitCode() != 0) {
        m_lastError = QString::fromUtf8(p.readAllStandardError());
        return std::nullopt;
    }
    const QList<QByteArray> lines = p.readAllStandardOutput().trimmed().split('\n');
    return QJsonDocument::fromJson(lines.last()).object();
}

bool ServerProcess::start(const QStringList& extraServeArgs) {
    if (!QFileInfo::exists(m_dataDir + QStringLiteral("/pg/PG_VERSION")) && !admin({QStringLiteral("init")}))
        return false;
    m_serve = std::make_unique<QProcess>();
    // To a file: nobody reads a pipe while tests run, and a full pipe would block the server's log.
    m_serve->setStandardErrorFile(m_dataDir + QStringLiteral("/server.log"), QIODevice::Append);
    m_serve->start(binary(), QStringList{QStringLiteral("serve"), QStringLiteral("--data-dir"), m_dataDir,
                                         QStringLiteral("--listen"), QStringLiteral("127.0.0.1"),
                                         QStringLiteral("--port"), QStringLiteral("0")} +
                                 extraServeArgs);
    QByteArray out;
    for (int i = 0; i < 600 && !out.contains('\n'); ++i) {
        if (!m_serve->waitForReadyRead(100) && m_serve->state() != QProcess::Running)
            break;
        out += m_serve->readAllStandardOutput();
    }
    m_port = QJsonDocument::fromJson(out.trimmed()).object().value(QStringLiteral("port")).toInt();
    if (m_port <= 0) {
        m_lastError = QStringLiteral("server did not report a port: ") + QString::fromUtf8(serverStderr());
        return false;
    }
    return true;
}

QByteArray ServerProcess::serverStderr() {
    QFile f(m_dataDir + QStringLiteral("/server.log"));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

int ServerProcess::stop() {
    if (!m_serve)
        return 0;
    int code = -1;
    if (m_serve->state() == QProcess::Running) {
        m_serve->terminate();
        if (m_serve->waitForFinished(30000))
            code = m_serve->exitStatus() == QProcess::NormalExit ? m_serve->exitCode() : -1;
        else
            m_serve->kill(), m_serve->waitForFinished();
    } else {
        code = m_serve->exitStatus() == QProcess::NormalExit ? m_serve->exitCode() : -1;
    }
    m_serve.reset();
    // Never leave a cluster behind, whatever happened to the server (quiet if already stopped).
    QProcess pgctl;
    pgctl.setStandardOutputFile(QProcess::nullDevice());
    pgctl.setStandardErrorFile(QProcess::nullDevice());
    pgctl.start(QStringLiteral("/usr/lib/postgresql/15/bin/pg_ctl"),
                {QStringLiteral("stop"), QStringLiteral("-m"), QStringLiteral("immediate"),
                 QStringLiteral("-D"), m_dataDir + QStringLiteral("/pg"), QStringLiteral("-s")});
    pgctl.waitForFinished(30000);
    return code;
}

std::string ServerProcess::dbUrl() const {
    return QStringLiteral("host=%1/run port=5432 dbname=market user=market_owner")
        .arg(m_dataDir)
        .toStdString();
}

HttpResult ServerProcess::get(const QString& path, const QString& authorization) const {
    httplib::Client c("127.0.0.1", m_port);
    c.set_read_timeout(60, 0);
    return toResult(c.Get(path.toStdString().c_str(), headers(authorization)));
}

HttpResult ServerProcess::post(const QString& path, const QByteArray& body,
                               const QString& authorization) const {
    httplib::Client c("127.0.0.1", m_port);
    c.set_read_timeout(60, 0);
    return toResult(c.Post(path.toStdString().c_str(), headers(authorization), body.constData(),
                           size_t(body.size()), "application/json"));
}

ShopFixture createShop(ServerProcess& server, const QString& code, const QString& owner) {
    ShopFixture f;
    f.code = code;
    f.owner = owner;
    f.manager = code.toLower() + QStringLiteral("-manager");
    server.admin({QStringLiteral("create-owner"), QStringLiteral("--username"), owner,
                  QStringLiteral("--password-stdin")},
                 "owner-pass-1\n"); // may already exist: shops can share an owner
    const auto shop =
        server.admin({QStringLiteral("create-shop"), QStringLiteral("--code"), code, QStringLiteral("--name"),
                      code + QStringLiteral(" market"), QStringLiteral("--owner"), owner});
    if (shop)
        f.id = shop->value(QStringLiteral("shopId")).toString();
    server.admin({QStringLiteral("add-user"), QStringLiteral("--shop"), code, QStringLiteral("--username"),
                  f.manager, QStringLiteral("--password"), QStringLiteral("manager-pass-1")});
    return f;
}

QString login(ServerProcess& server, const QString& username, const QString& password) {
    const QJsonObject body{{QStringLiteral("username"), username}, {QStringLiteral("password"), password}};
    return server.post(QStringLiteral("/api/v1/auth/login"), QJsonDocument(body).toJson())
        .json.value(QStringLiteral("token"))
        .toString();
}

std::optional<TerminalClient> enrol(ServerProcess& server, const QString& shopCode) {
    const auto code = server.admin({QStringLiteral("enrol-code"), QStringLiteral("--shop"), shopCode});
    if (!code)
        return std::nullopt;
    const QJsonObject body{{QStringLiteral("shopCode"), shopCode},
                           {QStringLiteral("code"), code->value(QStringLiteral("code")).toString()},
                           {QStringLiteral("name"), QStringLiteral("counter")}};
    const HttpResult r = server.post(QStringLiteral("/api/v1/devices/enrol"), QJsonDocument(body).toJson());
    if (r.status != 201)
        return std::nullopt;
    TerminalClient t;
    t.id = r.json.value(QStringLiteral("terminalId")).toString();
    t.secret = r.json.value(QStringLiteral("secret")).toString();
    t.shopId = r.json.value(QStringLiteral("shopId")).toString();
    return t;
}

protocol::OutboxOp TerminalClient::op(const QString& type, const QJsonObject& payload) {
    protocol::OutboxOp o;
    o.seq = ++seq;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    o.opId = core::Uuid::createV7(now);
    o.type = type;
    o.atMs = now;
    o.payload = payload;
    o.audit.seq = o.seq;
    o.audit.prevHash = lastHash;
    o.audit.userId = kCashier;
    o.audit.action = type;
    o.audit.entity = type.section(QLatin1Char('.'), 0, 0);
    o.audit.entityId = payload.value(QStringLiteral("id")).toString();
    o.audit.atMs = now;
    o.audit.before = QJsonValue(QJsonValue::Null);
    o.audit.after = payload;
    o.audit.hash = protocol::computeAuditHash(o.audit, id);
    lastHash = o.audit.hash;
    return o;
}

QByteArray TerminalClient::batch(const std::vector<protocol::OutboxOp>& ops) {
    protocol::PushRequest r;
    r.ops = ops;
    return protocol::encodePushRequest(r);
}

HttpResult TerminalClient::push(const ServerProcess& server,
                                const std::vector<protocol::OutboxOp>& ops) const {
    return server.post(QStringLiteral("/api/v1/sync/push"), batch(ops), authorization());
}

QString newId() {
    return core::Uuid::createV7(QDateTime::currentMSecsSinceEpoch()).toString();
}

static core::Uuid uuid(const QString& s) {
    return *core::Uuid::parse(s);
}

core::PartyDoc party(const QString& shopId, core::PartyKind kind, qint64 creditLimit) {
    core::PartyDoc p;
    p.id = uuid(newId());
    p.shopId = uuid(shopId);
    p.kind = kind;
    p.code = p.id.toString().right(6);
    p.name = kind == core::PartyKind::Farmer ? QStringLiteral("Ramesh") : QStringLiteral("Hotel Annapurna");
    p.creditLimit = core::Money::fromMinor(creditLimit);
    return p;
}

core::ProductDoc product(const QString& shopId) {
    core::ProductDoc p;
    p.id = uuid(newId());
    p.shopId = uuid(shopId);
    p.code = p.id.toString().right(6);
    p.name = QStringLiteral("Tomato");
    return p;
}

core::LotDoc lot(const TerminalClient& t, const core::Uuid& farmer, const core::Uuid& productId, qint64 qty) {
    core::LotDoc l;
    l.id = uuid(newId());
    l.shopId = uuid(t.shopId);
    l.terminalId = uuid(t.id);
    l.code = QStringLiteral("L-") + l.id.toString().right(6);
    l.farmerId = farmer;
    l.productId = productId;
    l.receivedQty = core::Quantity::fromThousandths(qty);
    l.grossQty = core::Quantity::fromThousandths(qty);
    l.tareQty = core::Quantity::fromThousandths(0);
    l.packages = 1;
    l.receivedAtMs = QDateTime::currentMSecsSinceEpoch();
    l.createdBy = uuid(kCashier);
    return l;
}

core::SaleDoc sale(const TerminalClient& t, const std::vector<std::pair<core::LotDoc, qint64>>& lines,
                   qint64 price, std::optional<core::Uuid> buyer, qint64 credit) {
    core::SaleDoc s;
    s.id = uuid(newId());
    s.shopId = uuid(t.shopId);
    s.terminalId = uuid(t.id);
    s.receiptSeq = t.seq + 1;
    s.receiptNo = QStringLiteral("T-%1").arg(s.receiptSeq, 6, 10, QLatin1Char('0'));
    s.buyerId = buyer;
    s.cashierId = uuid(kCashier);
    s.createdAtMs = QDateTime::currentMSecsSinceEpoch();
    qint64 no = 0;
    for (const auto& [l, qty] : lines) {
        core::SaleLineDoc line;
        line.id = uuid(newId());
        line.lineNo = ++no;
        line.lotId = l.id;
        line.productId = l.productId;
        line.farmerId = l.farmerId;
        line.qty = core::Quantity::fromThousandths(qty);
        line.price = core::Money::fromMinor(price);
        line.amount = *core::Money::lineAmount(line.qty, line.price);
        line.commissionBp = 500;
        line.commission = *line.amount.percentBp(500);
        line.farmerNet = line.amount - line.commission;
        s.total += line.amount;
        s.lines.push_back(line);
    }
    s.credit = core::Money::fromMinor(credit);
    s.paid = s.total - s.credit;
    if (s.paid.isPositive())
        s.payments.push_back({uuid(newId()), core::PaymentMethod::Cash, s.paid, {}});
    s.tendered = s.paid;
    if (credit > 0) {
        s.creditId = uuid(newId());
        s.creditDetails.push_back({uuid(newId()), s.lines.front().farmerId, s.credit});
    }
    return s;
}

qint64 countRows(const ServerProcess& server, const std::string& sql) {
    pqxx::connection c(server.dbUrl());
    pqxx::nontransaction tx(c);
    return tx.exec(sql)[0][0].as<qint64>();
}

QString queryText(const ServerProcess& server, const std::string& sql) {
    pqxx::connection c(server.dbUrl());
    pqxx::nontransaction tx(c);
    return QString::fromStdString(tx.exec(sql)[0][0].as<std::string>());
}

std::pair<qint64, qint64> lotTotalsMismatches(const ServerProcess& server) {
    const qint64 mismatches = countRows(
        server,
        "SELECT count(*) FROM (SELECT shop_id, lot_id, sum(sold) AS sold, sum(returned) AS returned, "
        "sum(adjusted) AS adjusted FROM (SELECT shop_id, lot_id, qty AS sold, 0 AS returned, 0 AS adjusted "
        "FROM sale_lines UNION ALL SELECT shop_id, lot_id, 0, qty, 0 FROM return_lines UNION ALL SELECT "
        "shop_id, lot_id, 0, 0, qty FROM stock_adjustments) AS m GROUP BY shop_id, lot_id) AS e FULL JOIN "
        "lot_totals t USING (shop_id, lot_id) WHERE e.sold IS DISTINCT FROM t.sold_qty OR e.returned IS "
        "DISTINCT FROM t.returned_qty OR e.adjusted IS DISTINCT FROM t.adjusted_qty");
    return {mismatches, countRows(server, "SELECT count(*) FROM lot_totals")};
}

} // namespace market::server::test
