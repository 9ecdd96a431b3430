#pragma once

#include "DeviceKeychain.h"
#include "SyncStatus.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>
#include <QRandomGenerator>
#include <QSslConfiguration>
#include <QTimer>
#include <QUrl>
#include <domain/Clock.h>
#include <domain/Result.h>
#include <memory>
#include <optional>
#include <protocol/Protocol.h>
#include <store/Outbox.h>

namespace market::core {
class Store;
}

namespace market::sync {

struct SyncOptions {
    QString caFile;      ///< PEM file of CA certificates trusted for the server (self-signed, tests)
    QString serverUrl;   ///< overrides the enrolled address (the server moved); empty: the enrolled one
    int batchSize = 200; ///< operations per push (the server's limit is 500); halved on 413
    int timeoutMs = 30000;
    int backoffBaseMs = 1000;   ///< first retry after a failure
    int backoffMaxMs = 300000;  ///< retries never wait longer than this
    int idleIntervalMs = 30000; ///< background mode: push this often when nothing else triggers it
    /// Feed changes per pull page (the server allows 1..1000). A page holds the store's write lock
    /// while it applies: 1,000 sales take ~50 ms on a small store and ~100 ms on one with 100,000
    /// sales, a wait a sale at the counter barely notices. Larger pages share each rewritten index
    /// page among more rows: a new counter's first pull of 151,000 changes took 19.6 s in pages of
    /// 200 and 14.5 s in pages of 1,000 (bench_initial_sync, 2026-11-26).
    int pullPageSize = 1000;
    /// The sync protocol version pushes declare. Always the one this build speaks; only tests set
    /// another (a counter older or newer than the server, tst_sync_faults).
    int protocolVersion = protocol::kProtocolVersion;
};

/// Exponential back-off with "equal jitter": the n-th consecutive failure waits a random time in
/// [d/2, d] with d = min(max, base × 2^(n−1)), so counters that lost the server together do not
/// come back together.
class Backoff {
public:
    Backoff(int baseMs, int maxMs)
        : m_base(baseMs)
        , m_max(maxMs) {}
    int nextDelayMs();
    void reset() { m_failures = 0; }
    int failures() const { return m_failures; }

private:
    int m_base;
    int m_max;
    int m_failures = 0;
};

/// Result of pushing the outbox.
struct PushOutcome {
    enum class Kind {
        Done,      ///< the outbox is empty (everything acknowledged)
        Transient, ///< network down, 5xx, 429, timeout: retried later, never quarantined
        Fatal,     ///< needs a person: revoked, not enrolled, certificate not trusted, sequence gap
    };
    Kind kind = Kind::Done;
    int batches = 0;
    qint64 acknowledged = 0; ///< outbox entries forgotten after the server's replies
    qint64 applied = 0;
    qint64 skipped = 0;
    qint64 quarantined = 0;
    qint64 reenqueued = 0; ///< sent operations put back after a server restore (new data epoch)
    int httpStatus = 0;    ///< of the failing request (0: no HTTP answer)
    QString errorCode;     ///< the server's error code, or a local one (network, tls, keychain...)
    QString message;       ///< one line for the person at the counter
};

/// Result of pulling the shop's feed (pages applied until the feed had no more, or an error).
struct PullOutcome {
    using Kind = PushOutcome::Kind;
    Kind kind = Kind::Done;
    int pages = 0;
    qint64 changes = 0;   ///< feed changes received
    qint64 applied = 0;   ///< written here (including parked ones that applied now)
    qint64 skipped = 0;   ///< already here, this counter's own, or kept under a local edit
    qint64 parked = 0;    ///< could not apply yet (retried after later pages)
    qint64 anomalies = 0; ///< new anomalies of the server recorded
    /// The server's data epoch changed (restore): this counter's sent operations were put back
    /// into the outbox (`reenqueued`), pushed again (`reuploaded`) and the feed read afresh.
    bool epochChanged = false;
    qint64 reenqueued = 0;
    qint64 reuploaded = 0;
    /// The shop's history was loaded in bulk, the report indexes built once at the end
    /// (core::FeedApplier::beginBulkLoad).
    bool bulkLoad = false;
    int httpStatus = 0;
    QString errorCode;
    QString message;
};

/// What `enrol` stored (the secret is in the keychain only).
struct EnrolResult {
    core::Enrolment enrolment;
    int protocolVersion = 0;
};

/// The counter's sync engine. PUSH: reads the outbox in sequence order and sends it in
/// batches to POST /api/v1/sync/push with the device credential; forgets entries only after the
/// server's reply names them acknowledged; records quarantined operations; retries after failures
/// with back-off and jitter. Never used by the selling path: selling only writes the outbox.
/// PULL (after the push, in the same cycle): reads the shop's feed page by page from the stored
/// cursor and applies each page with `core::FeedApplier` (one SQLite transaction per page,
/// cursor included; see docs/ARCHITECTURE.md, "Sync engine").
///
/// Threading: an engine, its Store connection and its QNetworkAccessManager belong to one thread.
/// For the GUI, create it with `open()` inside a worker QThread (it opens its own Store connection
/// to the same file; SQLite WAL lets the selling connection go on), call `start()` there, and
/// connect to `status()` with queued connections. The CLI uses `pushAll()` synchronously.
///
/// A new server data epoch (a restored server: `stale_epoch` on a push, `stale_cursor` on a pull)
/// is handled here, selling going on: this counter's sent operations that the server may lack go
/// back into the outbox ahead of the unsent ones and are pushed again as a re-upload, then the
/// feed is read afresh from an empty cursor (sync/PROTOCOL.md, "Restore and data epochs").
class SyncEngine : public QObject {
    Q_OBJECT
public:
    SyncEngine(core::Store& store, DeviceKeychain keychain, SyncOptions options, QObject* parent = nullptr);
    ~SyncEngine() override;

    /// An engine with its own Store connection to `path` (for a worker thread: call it there).
    static core::Result<std::unique_ptr<SyncEngine>> open(const QString& path, DeviceKeychain keychain,
                                                          SyncOptions options);

    /// POST /devices/enrol with a one-time code, then the secret into the keychain and the
    /// enrolment into the store's meta. The store must not hold a shop yet (see docs/ARCHITECTURE.md,
    /// "Sync engine"): run `marketctl init` after enrolling. The keychain is probed first, so a
    /// missing keychain never spends the code.
    static core::Result<EnrolResult> enrol(core::Store& store, const DeviceKeychain& keychain,
                                           const QString& serverUrl, const QString& shopCode,
                                           const QString& code, const QString& terminalName,
                                           const SyncOptions& options);

    /// https always; plain http only to a loopback host (development and tests).
    static core::Status checkServerUrl(const QUrl& url);

    /// Pushes batch after batch until the outbox is empty or an error (synchronous).
    PushOutcome pushAll();
    /// Pulls and applies feed pages until the feed has no more or an error (synchronous).
    PullOutcome pullAll();
    /// pushAll(), then pullAll() if the push finished: a long-offline counter uploads first.
    /// The outcome is the push's, or the pull's failure.
    PushOutcome syncOnce();

    /// Background mode on this engine's thread: push now, then again on `pushSoon()`, on a timer,
    /// and after failures with back-off. Stops after a fatal error until `start()` again.
    void start();
    void stop();

    SyncStatus& status() { return m_status; }
    /// Re-reads pending / quarantined / anomaly counts and the last success from the store into status().
    core::Status refreshStatus();
    int currentBatchSize() const { return m_batchSize; }

public slots:
    /// A sale was committed: push shortly (coalesced).
    void pushSoon();

signals:
    /// After each cycle in background mode.
    void cycleFinished(const market::sync::PushOutcome& outcome);

private:
    struct HttpReply {
        int status = 0; ///< 0: no HTTP answer
        QByteArray body;
        QJsonObject json;
        bool tlsFailure = false;
        QString networkError;
        QString errorCode() const;
        QString errorMessage() const;
    };
    /// POST `body`, or GET when `body` is null.
    static HttpReply send(QNetworkAccessManager& nam, const QSslConfiguration& ssl, const QUrl& url,
                          const QByteArray& body, const QByteArray& authorization, int timeoutMs);
    /// Where and how to reach the server: enrolment, credential, URL, TLS. A failure is returned
    /// as the outcome to report (nothing was sent).
    struct Endpoint {
        QUrl base;
        QSslConfiguration ssl;
        QUrl url(const QString& path) const;
    };
    std::optional<PushOutcome> endpoint(Endpoint& out);
    /// Fetches, parses and decodes the feed's next pages on its own thread while this one
    /// applies (SyncEnginePull.cpp).
    class PagePrefetcher;
    /// Applies the prefetcher's next page; `more`: another page follows.
    PullOutcome pullPage(const Endpoint& endpoint, PagePrefetcher& pages, bool& more);
    static core::Result<QSslConfiguration> sslConfiguration(const SyncOptions& options);

    void cycle();
    PushOutcome pushBatch(bool& more);
    PushOutcome fail(PushOutcome::Kind kind, int status, const QString& code, const QString& message);
    /// The server answered (or could not be reached): online flag and the kept offline-since time.
    void markReachable(bool reachable);
    /// The server is in data epoch `epoch` (restored): `core::Outbox::startEpoch` with the server's
    /// highest seq for this terminal — `heldSeq` when the reply named it, else asked with an empty
    /// push. Returns a failure to report, or nullopt with `reenqueued` set (SyncEngineEpoch.cpp).
    std::optional<PushOutcome> switchEpoch(const Endpoint& endpoint, const QString& epoch,
                                           std::optional<qint64> heldSeq, qint64& reenqueued);

    std::unique_ptr<core::SystemClock> m_ownClock;
    std::unique_ptr<core::Store> m_ownStore;
    core::Store& m_store;
    DeviceKeychain m_keychain;
    SyncOptions m_options;
    int m_batchSize;
    QNetworkAccessManager m_nam;
    SyncStatus m_status;
    Backoff m_backoff;
    QTimer m_timer;
    bool m_running = false;
    QString m_authorization; ///< cached after the first keychain read
};

} // namespace market::sync

Q_DECLARE_METATYPE(market::sync::PushOutcome)
