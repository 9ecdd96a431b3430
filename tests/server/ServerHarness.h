#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <domain/Documents.h>
#include <memory>
#include <optional>
#include <protocol/PushMessages.h>
#include <vector>

namespace market::server::test {

struct HttpResult {
    int status = 0; ///< 0: no HTTP answer (connection failed)
    QByteArray body;
    QJsonObject json;
    QString errorCode() const {
        return json.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
    }
    QString errorMessage() const {
        return json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
    }
};

/// A real market-server process on a free 127.0.0.1 port with its embedded PostgreSQL in
/// `dataDir` (a QTemporaryDir of the test). Admin sub-commands run as separate processes and
/// adopt the running cluster. The destructor stops the server (SIGTERM, then the cluster).
class ServerProcess {
public:
    explicit ServerProcess(QString dataDir);
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    /// `market-server init` then `serve --port 0`; waits for the port line. False + lastError on failure.
    bool start(const QStringList& extraServeArgs = {});
    /// SIGTERM, wait; returns the exit code (or -1 if it had to be killed).
    int stop();
    bool running() const { return m_serve && m_serve->state() == QProcess::Running; }
    /// Runs a sub-command against the same data folder; returns its JSON line, or nullopt.
    std::optional<QJsonObject> admin(const QStringList& args, const QByteArray& stdinData = {});
    int port() const { return m_port; }
    qint64 pid() const { return m_serve ? m_serve->processId() : 0; }
    QString dataDir() const { return m_dataDir; }
    /// libpq URL of the embedded cluster (as the owning role, for direct checks in tests).
    std::string dbUrl() const;
    QString lastError() const { return m_lastError; }
    /// The server's log (its stderr goes to <dataDir>/server.log).
    QByteArray serverStderr();

    HttpResult get(const QString& path, const QString& authorization = {}) const;
    HttpResult post(const QString& path, const QByteArray& body, const QString& authorization = {}) const;

    static QString binary();

private:
    QString m_dataDir;
    std::unique_ptr<QProcess> m_serve;
    int m_port = 0;
    QString m_lastError;
};

/// A shop created through the sub-commands, with its owner and a manager.
struct ShopFixture {
    QString id;
    QString code;
    QString owner;   ///< owner username (password "owner-pass-1")
    QString manager; ///< manager username (password "manager-pass-1")
};
ShopFixture createShop(ServerProcess& server, const QString& code, const QString& owner);
QString login(ServerProcess& server, const QString& username, const QString& password);

/// An enrolled terminal that builds outbox operations with a correct audit hash chain.
class TerminalClient {
public:
    QString id;
    QString secret;
    QString shopId;
    qint64 seq = 0;
    QString lastHash = QString(64, QLatin1Char('0'));

    QString authorization() const { return QStringLiteral("Device ") + id + QLatin1Char('.') + secret; }
    /// Next operation in sequence, audited by a fixed cashier id.
    protocol::OutboxOp op(const QString& type, const QJsonObject& payload);
    static QByteArray batch(const std::vector<protocol::OutboxOp>& ops);
    HttpResult push(const ServerProcess& server, const std::vector<protocol::OutboxOp>& ops) const;
};
std::optional<TerminalClient> enrol(ServerProcess& server, const QString& shopCode);

/// Documents with consistent arithmetic, made the way a counter makes them.
QString newId();
core::PartyDoc party(const QString& shopId, core::PartyKind kind, qint64 creditLimit = 0);
core::ProductDoc product(const QString& shopId);
core::LotDoc lot(const TerminalClient& t, const core::Uuid& farmer, const core::Uuid& product,
                 qint64 qtyThousandths);
/// One line per lot (qty, price), 5 % commission; `credit` minor units left unpaid (needs a buyer).
core::SaleDoc sale(const TerminalClient& t, const std::vector<std::pair<core::LotDoc, qint64>>& lines,
                   qint64 price, std::optional<core::Uuid> buyer = std::nullopt, qint64 credit = 0);

/// Direct SQL helpers for assertions (as the owning role: sees every shop).
qint64 countRows(const ServerProcess& server, const std::string& sql);
QString queryText(const ServerProcess& server, const std::string& sql);
/// Lots whose running totals (lot_totals) differ from a recomputation over sale_lines,
/// return_lines and stock_adjustments, every shop; and how many lot_totals rows there are.
std::pair<qint64, qint64> lotTotalsMismatches(const ServerProcess& server);

} // namespace market::server::test
