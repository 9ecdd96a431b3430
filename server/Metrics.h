#pragma once

#include <QByteArray>
#include <QString>
#include <array>
#include <map>
#include <mutex>

namespace market::server {

/// Process metrics rendered in the Prometheus text format (GET /metrics).
class Metrics {
public:
    void recordRequest(const QString& route, int status, double seconds);
    void recordPush(int operations, int quarantined, int anomalies);
    QByteArray render(int openConnections, int poolSize) const;

private:
    static constexpr std::array<double, 11> kLatencyBuckets{0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
                                                            0.5,   1,    2.5,   5,    10};
    static constexpr std::array<double, 7> kBatchBuckets{1, 5, 10, 50, 100, 250, 500};
    struct Histogram {
        std::array<quint64, 12> counts{};
        double sum = 0;
        quint64 total = 0;
    };
    mutable std::mutex m_mutex;
    std::map<std::pair<QString, int>, quint64> m_requests;
    std::map<QString, Histogram> m_latency;
    Histogram m_batch;
    quint64 m_quarantined = 0;
    quint64 m_anomalies = 0;
};

} // namespace market::server
