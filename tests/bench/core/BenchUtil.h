#pragma once
// Small helpers shared by the core benchmarks: timing, percentiles, medians, a results table.

#include <QString>
#include <QStringList>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <vector>

namespace market::bench {

using BenchClock = std::chrono::steady_clock;

/// CPU time of the calling thread: separates our own work from waiting on the disk.
inline double threadCpuMicros() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e6 + static_cast<double>(ts.tv_nsec) / 1e3;
}

inline double microsSince(BenchClock::time_point start) {
    return std::chrono::duration<double, std::micro>(BenchClock::now() - start).count();
}

/// Nearest-rank percentile (p in 0..100) of unsorted samples.
inline double percentile(std::vector<double> samples, double p) {
    if (samples.empty())
        return 0;
    std::sort(samples.begin(), samples.end());
    const auto rank = static_cast<size_t>(p / 100.0 * static_cast<double>(samples.size()) + 0.999999);
    return samples[std::clamp<size_t>(rank, 1, samples.size()) - 1];
}

inline double median(std::vector<double> values) {
    return percentile(std::move(values), 50);
}

/// Latency figures of one measured series (microseconds per operation).
struct Series {
    explicit Series(QString seriesName = {})
        : name(std::move(seriesName)) {}

    QString name;
    std::vector<double> micros;
    double wallSeconds = 0;
    double cpuMicros = 0;           ///< CPU time of the measuring thread, all operations
    std::vector<double> cpuSamples; ///< per operation, where measured (immune to preemption)

    double cpuPerOp() const { return micros.empty() ? 0 : cpuMicros / static_cast<double>(micros.size()); }

    double rate() const { return wallSeconds > 0 ? static_cast<double>(micros.size()) / wallSeconds : 0; }
    double p50() const { return percentile(micros, 50); }
    double p99() const { return percentile(micros, 99); }
    double max() const { return micros.empty() ? 0 : *std::max_element(micros.begin(), micros.end()); }
};

inline void printSeriesHeader() {
    std::printf("%-34s %8s %10s %9s %9s %9s %11s %11s\n", "series", "n", "ops/s", "p50 ms", "p99 ms",
                "max ms", "cpu us/op", "cpu p99 ms");
}

inline void printSeries(const Series& s) {
    std::printf("%-34s %8zu %10.0f %9.3f %9.3f %9.3f %11s %11s\n", qUtf8Printable(s.name), s.micros.size(),
                s.rate(), s.p50() / 1000.0, s.p99() / 1000.0, s.max() / 1000.0,
                s.cpuMicros > 0 ? qPrintable(QString::number(s.cpuPerOp(), 'f', 0)) : "-",
                s.cpuSamples.empty()
                    ? "-"
                    : qPrintable(QString::number(percentile(s.cpuSamples, 99) / 1000.0, 'f', 3)));
    std::fflush(stdout);
}

/// A positional integer argument with a default.
inline long long argOr(const QStringList& args, int index, long long fallback) {
    bool ok = false;
    const long long v = index < args.size() ? args.at(index).toLongLong(&ok) : 0;
    return ok && v > 0 ? v : fallback;
}

} // namespace market::bench
