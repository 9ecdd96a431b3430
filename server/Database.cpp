#include "Database.h"

#include <atomic>
#include <domain/Uuid.h>
#include <stdexcept>

namespace market::server {

namespace {
std::atomic<int> g_open{0};

struct ThreadConnection {
    const Database* owner = nullptr;
    std::unique_ptr<pqxx::connection> conn;
    ~ThreadConnection() {
        if (conn)
            --g_open;
    }
};
thread_local ThreadConnection t_conn;
} // namespace

Database::Database(QString url)
    : m_url(url.toStdString()) {}

pqxx::connection& Database::connection() {
    if (t_conn.conn && (t_conn.owner != this || !t_conn.conn->is_open()))
        dropConnection();
    if (!t_conn.conn) {
        t_conn.conn = std::make_unique<pqxx::connection>(m_url);
        t_conn.owner = this;
        ++g_open;
    }
    return *t_conn.conn;
}

void Database::dropConnection() {
    if (t_conn.conn) {
        t_conn.conn.reset();
        --g_open;
    }
}

int Database::openConnections() {
    return g_open.load();
}

void enterShop(pqxx::transaction_base& tx, const QString& shopId) {
    if (!core::Uuid::parse(shopId))
        throw std::logic_error("enterShop: not a canonical uuid");
    // Safe to inline: a validated canonical UUID. One round trip for both settings.
    tx.exec("SET LOCAL ROLE market_app; SELECT set_config('market.shop_id', '" + shopId.toStdString() +
            "', true)");
}

} // namespace market::server
