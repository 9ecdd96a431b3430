#include "Config.h"

#include <QFile>
#include <QTextStream>
#include <array>

namespace market::server {

namespace {
std::optional<QString> toInt(const QString& key, const QString& value, qint64 min, qint64 max, qint64& out) {
    bool ok = false;
    const qint64 v = value.trimmed().toLongLong(&ok);
    if (!ok || v < min || v > max)
        return QStringLiteral("%1: expected an integer in %2..%3, got \"%4\"")
            .arg(key)
            .arg(min)
            .arg(max)
            .arg(value);
    out = v;
    return std::nullopt;
}

std::optional<QString> toInt(const QString& key, const QString& value, qint64 min, qint64 max, int& out) {
    qint64 v = 0;
    if (auto e = toInt(key, value, min, max, v))
        return e;
    out = int(v);
    return std::nullopt;
}

constexpr std::array kKeys{"database_url", "listen",        "port",       "data_dir",
                           "tls_cert",     "tls_key",       "body_limit", "threads",
                           "read_timeout", "write_timeout", "keep_alive", "max_batch_ops",
                           "token_ttl",    "pg_bin_dir",    "migrate",    "partition_check"};
} // namespace

std::optional<QString> Config::set(const QString& rawKey, const QString& value) {
    const QString key = rawKey.trimmed().toLower().replace(QLatin1Char('-'), QLatin1Char('_'));
    if (key == QLatin1String("database_url"))
        databaseUrl = value;
    else if (key == QLatin1String("listen"))
        listen = value;
    else if (key == QLatin1String("port"))
        return toInt(key, value, 0, 65535, port);
    else if (key == QLatin1String("data_dir"))
        dataDir = value;
    else if (key == QLatin1String("tls_cert"))
        tlsCert = value;
    else if (key == QLatin1String("tls_key"))
        tlsKey = value;
    else if (key == QLatin1String("body_limit"))
        return toInt(key, value, 1024, 64LL * 1024 * 1024, bodyLimit);
    else if (key == QLatin1String("threads"))
        return toInt(key, value, 1, 256, threads);
    else if (key == QLatin1String("read_timeout"))
        return toInt(key, value, 1, 3600, readTimeoutSec);
    else if (key == QLatin1String("write_timeout"))
        return toInt(key, value, 1, 3600, writeTimeoutSec);
    else if (key == QLatin1String("keep_alive"))
        return toInt(key, value, 0, 3600, keepAliveSec);
    else if (key == QLatin1String("max_batch_ops"))
        return toInt(key, value, 1, 5000, maxBatchOps);
    else if (key == QLatin1String("token_ttl"))
        return toInt(key, value, 30, 86400, tokenTtlSec);
    else if (key == QLatin1String("pg_bin_dir"))
        pgBinDir = value;
    else if (key == QLatin1String("partition_check"))
        return toInt(key, value, 1, 7 * 86400, partitionCheckSec);
    else if (key == QLatin1String("migrate"))
        migrateOnStart =
            value == QLatin1String("1") || value == QLatin1String("true") || value == QLatin1String("yes");
    else
        return QStringLiteral("unknown setting \"%1\"").arg(rawKey);
    return std::nullopt;
}

std::optional<QString> Config::loadFile(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return QStringLiteral("cannot read config file %1: %2").arg(path, f.errorString());
    QTextStream in(&f);
    int lineNo = 0;
    while (!in.atEnd()) {
        const QString line = in.readLine().trimmed();
        ++lineNo;
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return QStringLiteral("%1:%2: expected key = value").arg(path).arg(lineNo);
        if (auto e = set(line.left(eq).trimmed(), line.mid(eq + 1).trimmed()))
            return QStringLiteral("%1:%2: %3").arg(path).arg(lineNo).arg(*e);
    }
    return std::nullopt;
}

std::optional<QString> Config::loadEnvironment() {
    for (const char* key : kKeys) {
        const QByteArray name = "MARKET_SERVER_" + QByteArray(key).toUpper();
        if (qEnvironmentVariableIsSet(name.constData()))
            if (auto e = set(QString::fromLatin1(key), qEnvironmentVariable(name.constData())))
                return QStringLiteral("%1: %2").arg(QString::fromLatin1(name), *e);
    }
    return std::nullopt;
}

} // namespace market::server
