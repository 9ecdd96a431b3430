#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <pqxx/connection>
#include <string>
#include <thread>

namespace market::server {

/// Keeps the monthly partitions of sales, sale lines, payments, charges and audit entries ahead of
/// the calendar while the server runs. Migration 3 made 16 months ahead once; without this, rows
/// of every later month would land in the DEFAULT partitions, and a month's partition could no
/// longer be made once its rows were there. Checks at start and every `interval` on its own
/// connection (as the owning role, which alone may create tables); a failure (database down, a
/// lock not granted in time) is logged and tried again at the next check.
class PartitionKeeper {
public:
    static constexpr int kMonthsAhead = 16;

    PartitionKeeper(std::string databaseUrl, std::chrono::seconds interval);
    ~PartitionKeeper(); ///< stops the checks and waits for one in progress
    PartitionKeeper(const PartitionKeeper&) = delete;
    PartitionKeeper& operator=(const PartitionKeeper&) = delete;

    /// Makes any missing partition from this month to `monthsAhead` months ahead; returns how many
    /// it made. Throws pqxx exceptions.
    static int ensureAhead(pqxx::connection& connection, int monthsAhead = kMonthsAhead);

private:
    void run();

    const std::string m_url;
    const std::chrono::seconds m_interval;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace market::server
