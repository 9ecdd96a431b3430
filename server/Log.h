#pragma once

#include <QString>
#include <initializer_list>
#include <utility>

namespace market::server::log {

/// Structured log lines on stderr, logfmt style: `ts=… level=info msg="…" key=value …`.
/// Values with spaces or quotes are quoted. One write per line, so lines from worker threads
/// never interleave.
using Field = std::pair<const char*, QString>;
void write(const char* level, const QString& message, std::initializer_list<Field> fields = {});
inline void info(const QString& m, std::initializer_list<Field> f = {}) {
    write("info", m, f);
}
inline void warn(const QString& m, std::initializer_list<Field> f = {}) {
    write("warn", m, f);
}
inline void error(const QString& m, std::initializer_list<Field> f = {}) {
    write("error", m, f);
}

} // namespace market::server::log
