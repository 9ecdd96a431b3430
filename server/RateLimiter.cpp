#include "RateLimiter.h"

#include <algorithm>

namespace market::server {

qint64 RateLimiter::retryAfter(const QString& key, qint64 nowSec) const {
    std::lock_guard lock(m_mutex);
    const auto it = m_entries.constFind(key);
    if (it == m_entries.constEnd())
        return 0;
    return std::max<qint64>(0, it->blockedUntil - nowSec);
}

void RateLimiter::recordFailure(const QString& key, qint64 nowSec) {
    std::lock_guard lock(m_mutex);
    Entry& e = m_entries[key];
    ++e.failures;
    if (e.failures >= m_free) {
        const int exponent = std::min(e.failures - m_free + 1, 20); // first block: 2 s
        e.blockedUntil = nowSec + std::min<qint64>(m_max, qint64(1) << exponent);
    }
    if (m_entries.size() > 100000) // bound memory under a spray of keys
        m_entries.clear();
}

void RateLimiter::recordSuccess(const QString& key) {
    std::lock_guard lock(m_mutex);
    m_entries.remove(key);
}

} // namespace market::server
