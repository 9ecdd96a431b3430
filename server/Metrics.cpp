#include "Metrics.h"

namespace market::server {

namespace {
template <size_t N>
void observe(const std::array<double, N>& buckets, std::array<quint64, 12>& counts, double v) {
    for (size_t i = 0; i < N; ++i)
        if (v <= buckets[i])
            ++counts[i];
}

template <size_t N>
void writeHistogram(QByteArray& out, const char* name, const QByteArray& labels,
                    const std::array<double, N>& buckets, const std::array<quint64, 12>& counts, double sum,
                    quint64 total) {
    const QByteArray sep = labels.isEmpty() ? QByteArray() : labels + ',';
    for (size_t i = 0; i < N; ++i)
        out += QByteArray(name) + "_bucket{" + sep + "le=\"" + QByteArray::number(buckets[i]) + "\"} " +
               QByteArray::number(counts[i]) + '\n';
    out += QByteArray(name) + "_bucket{" + sep + "le=\"+Inf\"} " + QByteArray::number(total) + '\n';
    const QByteArray braces = labels.isEmpty() ? QByteArray() : '{' + labels + '}';
    out += QByteArray(name) + "_sum" + braces + ' ' + QByteArray::number(sum, 'f', 6) + '\n';
    out += QByteArray(name) + "_count" + braces + ' ' + QByteArray::number(total) + '\n';
}
} // namespace

void Metrics::recordRequest(const QString& route, int status, double seconds) {
    std::lock_guard lock(m_mutex);
    ++m_requests[{route, status}];
    Histogram& h = m_latency[route];
    observe(kLatencyBuckets, h.counts, seconds);
    h.sum += seconds;
    ++h.total;
}

void Metrics::recordPush(int operations, int quarantined, int anomalies) {
    std::lock_guard lock(m_mutex);
    observe(kBatchBuckets, m_batch.counts, operations);
    m_batch.sum += operations;
    ++m_batch.total;
    m_quarantined += quint64(quarantined);
    m_anomalies += quint64(anomalies);
}

QByteArray Metrics::render(int openConnections, int poolSize) const {
    std::lock_guard lock(m_mutex);
    QByteArray out;
    out += "# HELP market_http_requests_total HTTP requests by route and status.\n"
           "# TYPE market_http_requests_total counter\n";
    for (const auto& [key, n] : m_requests)
        out += "market_http_requests_total{route=\"" + key.first.toUtf8() + "\",status=\"" +
               QByteArray::number(key.second) + "\"} " + QByteArray::number(n) + '\n';
    out += "# HELP market_http_request_duration_seconds Request latency by route.\n"
           "# TYPE market_http_request_duration_seconds histogram\n";
    for (const auto& [route, h] : m_latency)
        writeHistogram(out, "market_http_request_duration_seconds", "route=\"" + route.toUtf8() + '"',
                       kLatencyBuckets, h.counts, h.sum, h.total);
    out += "# HELP market_push_batch_operations Operations per push batch.\n"
           "# TYPE market_push_batch_operations histogram\n";
    writeHistogram(out, "market_push_batch_operations", {}, kBatchBuckets, m_batch.counts, m_batch.sum,
                   m_batch.total);
    out += "# HELP market_quarantined_operations_total Operations sent to quarantine since start.\n"
           "# TYPE market_quarantined_operations_total counter\nmarket_quarantined_operations_total " +
           QByteArray::number(m_quarantined) + '\n';
    out += "# HELP market_anomalies_total Anomalies raised since start.\n"
           "# TYPE market_anomalies_total counter\nmarket_anomalies_total " +
           QByteArray::number(m_anomalies) + '\n';
    out += "# HELP market_db_connections_open PostgreSQL connections held by workers.\n"
           "# TYPE market_db_connections_open gauge\nmarket_db_connections_open " +
           QByteArray::number(openConnections) + '\n';
    out += "# HELP market_db_connections_max Worker pool size (one connection per worker).\n"
           "# TYPE market_db_connections_max gauge\nmarket_db_connections_max " +
           QByteArray::number(poolSize) + '\n';
    return out;
}

} // namespace market::server
