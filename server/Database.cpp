#include "Database.h"

#include <atomic>
#include <domain/Uuid.h>
#include <functional>
#include <stdexcept>

namespace market::server {

namespace {
std::atomic<int> g_open{0};

struct ThreadConnection {
    Database* owner = nullptr;
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

Database::~Database() {
    g_open -= int(m_idle.size());
}

pqxx::connection& Database::connection() {
    if (t_conn.conn && (t_conn.owner != this || !t_conn.conn->is_open()))
        dropConnection();
    if (!t_conn.conn) {
        std::unique_ptr<pqxx::connection> idle;
        {
            std::lock_guard lock(m_idleMutex);
            if (!m_idle.empty()) {
                idle = std::move(m_idle.back());
                m_idle.pop_back();
            }
        }
        t_conn.owner = this;
        if (idle && idle->is_open()) {
            t_conn.conn = std::move(idle);
            return *t_conn.conn;
        }
        if (idle)
            --g_open; // broken while idle: replaced below
        t_conn.conn = std::make_unique<pqxx::connection>(m_url);
        ++g_open;
        // lz4 compresses the large jsonb documents (audit entries, feed) several times faster than
        // the default pglz; skipped silently on a PostgreSQL built without it.
        pqxx::nontransaction(*t_conn.conn)
            .exec("DO $$ BEGIN SET default_toast_compression = lz4; EXCEPTION WHEN others THEN NULL; END $$");
    }
    return *t_conn.conn;
}

void Database::dropConnection() {
    if (t_conn.conn) {
        t_conn.conn.reset();
        --g_open;
    }
}

void Database::releaseConnection() {
    if (!t_conn.conn)
        return;
    if (!t_conn.conn->is_open()) {
        t_conn.conn.reset();
        --g_open;
        return;
    }
    Database* owner = t_conn.owner;
    std::lock_guard lock(owner->m_idleMutex);
    owner->m_idle.push_back(std::move(t_conn.conn));
}

int Database::openConnections() {
    return g_open.load();
}

std::string preparedName(pqxx::connection_base& c, const std::string& sql) {
    std::string name = "q" + std::to_string(std::hash<std::string>{}(sql));
    c.prepare(name, sql); // a map look-up once registered
    return name;
}

void enterShop(pqxx::transaction_base& tx, const QString& shopId, const std::string& settings) {
    if (!core::Uuid::parse(shopId))
        throw std::logic_error("enterShop: not a canonical uuid");
    // Safe to inline: a validated canonical UUID. One round trip for both settings.
    tx.exec("SET LOCAL ROLE market_app; SELECT set_config('market.shop_id', '" + shopId.toStdString() +
            "', true)" + settings);
}

} // namespace market::server
