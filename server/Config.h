#pragma once

#include <QString>
#include <optional>

namespace market::server {

/// Server settings. Precedence, lowest first: built-in defaults, the config file
/// (`--config FILE`, lines `key = value`, `#` comments), environment variables
/// (MARKET_SERVER_<KEY in upper case>), then command-line flags (`--key value`).
struct Config {
    QString databaseUrl; ///< empty: embedded PostgreSQL under dataDir
    QString listen = QStringLiteral("127.0.0.1");
    int port = 8443;
    QString dataDir = QStringLiteral("./market-data");
    QString tlsCert; ///< both set: HTTPS (TLS 1.2+ only)
    QString tlsKey;
    qint64 bodyLimit = 1024 * 1024; ///< bytes; larger request bodies get 413
    int threads = 8;                ///< HTTP worker pool size (each worker has its own PG connection)
    int readTimeoutSec = 10;
    int writeTimeoutSec = 10;
    int keepAliveSec = 5;
    int maxBatchOps = 500;
    int tokenTtlSec = 900; ///< owner/manager API tokens
    QString pgBinDir;      ///< empty: newest /usr/lib/postgresql/*/bin
    bool migrateOnStart = false;
    /// Seconds between checks that the monthly partitions ahead exist (PartitionKeeper).
    int partitionCheckSec = 6 * 3600;

    /// Applies one `key`/`value` pair (file key spelling: database_url, listen, port, data_dir,
    /// tls_cert, tls_key, body_limit, threads, read_timeout, write_timeout, keep_alive,
    /// max_batch_ops, token_ttl, pg_bin_dir, migrate, partition_check). Returns an error message or nullopt.
    std::optional<QString> set(const QString& key, const QString& value);
    std::optional<QString> loadFile(const QString& path);
    /// Reads every MARKET_SERVER_* variable it knows.
    std::optional<QString> loadEnvironment();
    bool embedded() const { return databaseUrl.isEmpty(); }
    bool tls() const { return !tlsCert.isEmpty() && !tlsKey.isEmpty(); }
};

} // namespace market::server
