#include "PartitionKeeper.h"

#include "Log.h"

#include <pqxx/pqxx>

namespace market::server {

PartitionKeeper::PartitionKeeper(std::string databaseUrl, std::chrono::seconds interval)
    : m_url(std::move(databaseUrl))
    , m_interval(interval)
    , m_thread([this] { run(); }) {}

PartitionKeeper::~PartitionKeeper() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

int PartitionKeeper::ensureAhead(pqxx::connection& connection, int monthsAhead) {
    pqxx::work tx(connection);
    // One keeper at a time (several servers may share a database), and never a long wait for a
    // table lock behind the pushes: creating a partition locks its parent for a moment.
    tx.exec("SELECT pg_advisory_xact_lock(727275)");
    tx.exec("SET LOCAL lock_timeout = '2s'");
    const auto r = tx.exec_params("SELECT market_ensure_partitions(date_trunc('month', now())::date, $1)",
                                  monthsAhead + 1);
    tx.commit();
    return r[0][0].as<int>();
}

void PartitionKeeper::run() {
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        lock.unlock();
        try {
            pqxx::connection connection(m_url);
            const int created = ensureAhead(connection);
            if (created > 0)
                log::info(QStringLiteral("made monthly partitions"), {{"created", QString::number(created)}});
        } catch (const std::exception& e) {
            log::warn(QStringLiteral("could not check the monthly partitions; trying again later"),
                      {{"error", QString::fromUtf8(e.what()).trimmed()}});
        }
        lock.lock();
        m_wake.wait_for(lock, m_interval, [this] { return m_stopping; });
    }
}

} // namespace market::server
