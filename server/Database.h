#pragma once

#include <QString>
#include <QUuid>
#include <memory>
#include <pqxx/pqxx>
#include <string>

namespace market::server {

/// PostgreSQL access for the HTTP workers: each thread gets its own connection, opened on first
/// use and re-opened after a failure (dropConnection). No pool lock on the hot path.
class Database {
public:
    explicit Database(QString url);
    pqxx::connection& connection();
    /// Forgets this thread's connection (after a broken connection or an unknown state).
    void dropConnection();
    const std::string& url() const { return m_url; }
    /// Connections currently open across workers (for /metrics).
    static int openConnections();

private:
    std::string m_url;
};

/// Switches the open transaction to the tenant role and shop: `SET LOCAL ROLE market_app` and
/// `market.shop_id`, both undone at commit/rollback. From here on RLS confines every statement
/// to that shop. shopId must be a canonical UUID (it comes from a verified credential).
void enterShop(pqxx::transaction_base& tx, const QString& shopId);

/// Text helpers for binding Qt strings.
inline std::string s(const QString& v) {
    return v.toStdString();
}
inline QString q(const std::string& v) {
    return QString::fromStdString(v);
}

} // namespace market::server
