#pragma once

// What the sync benchmarks share: stopping on the first error with its reason (and the
// market-server they started, so no cluster is left running), and the machine's load average
// printed beside each figure.

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QString>
#include <cstdio>
#include <cstdlib>
#include <domain/Result.h>
#include <functional>
#include <utility>

namespace market::bench {

/// Run before a benchmark exits on an error (stops the server it started); empty by default.
inline std::function<void()>& beforeDying() {
    static std::function<void()> f;
    return f;
}

[[noreturn]] inline void die(const QString& what, const QString& why) {
    std::fprintf(stderr, "%s: %s: %s\n", qUtf8Printable(QCoreApplication::applicationName()),
                 qUtf8Printable(what), qUtf8Printable(why));
    if (beforeDying())
        beforeDying()();
    std::exit(1);
}

template <typename T> T need(core::Result<T> r, const char* what) {
    if (!r.ok())
        die(QString::fromUtf8(what), r.error().message);
    return std::move(r).value();
}

inline void need(const core::Status& s, const char* what) {
    if (!s.ok())
        die(QString::fromUtf8(what), s.error().message);
}

/// The 1-, 5- and 15-minute load averages, or "?".
inline QString loadAverage() {
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? QString::fromLatin1(f.readAll()).section(QLatin1Char(' '), 0, 2)
                                       : QStringLiteral("?");
}

/// A fresh copy of an SQLite store (its WAL and shared memory files of an earlier copy removed)
/// named `name` in `dir`: every series of a benchmark starts from the same file.
inline QString copyStore(const QString& templatePath, const QString& dir, const QString& name) {
    const QString path = QDir(dir).filePath(name);
    for (const char* suffix : {"", "-wal", "-shm"})
        QFile::remove(path + QLatin1String(suffix));
    if (!QFile::copy(templatePath, path))
        die(QStringLiteral("copying the template"), path);
    return path;
}

} // namespace market::bench
