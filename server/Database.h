#pragma once

#include <QString>
#include <QUuid>
#include <memory>
#include <mutex>
#include <pqxx/pqxx>
#include <string>
#include <vector>

namespace market::server {

/// PostgreSQL access for the HTTP workers: a thread holds one connection from its first
/// connection() until releaseConnection() (the HTTP server calls it after each client
/// connection), which puts it back on a last-in-first-out idle list. Few concurrent clients so
/// reuse the same few warm connections (plans prepared, catalog cached) instead of each of the
/// workers warming its own; a failed one is re-opened (dropConnection).
class Database {
public:
    explicit Database(QString url);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    pqxx::connection& connection();
    /// Forgets this thread's connection (after a broken connection or an unknown state).
    void dropConnection();
    /// Returns this thread's connection, if any, to the idle list of its Database.
    static void releaseConnection();
    const std::string& url() const { return m_url; }
    /// Connections currently open across workers (for /metrics).
    static int openConnections();

private:
    std::string m_url;
    std::mutex m_idleMutex;
    std::vector<std::unique_ptr<pqxx::connection>> m_idle; ///< most recently used last
};

/// Switches the open transaction to the tenant role and shop: `SET LOCAL ROLE market_app` and
/// `market.shop_id`, both undone at commit/rollback. From here on RLS confines every statement
/// to that shop. shopId must be a canonical UUID (it comes from a verified credential). `settings`:
/// more SQL (constant, trusted) sent in the same round trip, e.g. "; SET LOCAL ...".
void enterShop(pqxx::transaction_base& tx, const QString& shopId, const std::string& settings = {});

/// Name of `sql` as a prepared statement of connection `c`, registering it on first use (libpqxx
/// sends the PREPARE lazily, on the first execution on that connection). Named by a hash of the
/// text: the same SQL anywhere shares one statement, and libpqxx refuses a clashing redefinition.
std::string preparedName(pqxx::connection_base& c, const std::string& sql);

/// Runs `sql` as a prepared statement: planned once per connection instead of on every call,
/// which matters most for the partitioned sales tables (planning cost more than running).
template <typename... Args>
pqxx::result execPrepared(pqxx::transaction_base& tx, const std::string& sql, Args&&... args) {
    return tx.exec_prepared(preparedName(tx.conn(), sql), std::forward<Args>(args)...);
}

/// Text helpers for binding Qt strings.
inline std::string s(const QString& v) {
    return v.toStdString();
}
inline QString q(const std::string& v) {
    return QString::fromStdString(v);
}

} // namespace market::server
