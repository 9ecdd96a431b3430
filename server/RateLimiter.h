#pragma once

#include <QHash>
#include <QString>
#include <mutex>

namespace market::server {

/// Failure counting with exponential back-off per key ("user:alice", "ip:10.0.0.1"): after
/// `freeFailures` failures, each further attempt must wait 2^(n - free) seconds (capped). A
/// success clears the key. In-memory per instance: several instances each enforce their own.
class RateLimiter {
public:
    explicit RateLimiter(int freeFailures = 5, qint64 maxDelaySec = 900)
        : m_free(freeFailures)
        , m_max(maxDelaySec) {}
    /// Seconds the caller must still wait (0: may try now).
    qint64 retryAfter(const QString& key, qint64 nowSec) const;
    void recordFailure(const QString& key, qint64 nowSec);
    void recordSuccess(const QString& key);

private:
    struct Entry {
        int failures = 0;
        qint64 blockedUntil = 0;
    };
    mutable std::mutex m_mutex;
    QHash<QString, Entry> m_entries;
    int m_free;
    qint64 m_max;
};

} // namespace market::server
