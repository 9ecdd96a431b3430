// The pull side of the sync engine: fetch the shop's feed page by page and hand each page to
// core::FeedApplier, which applies it in one SQLite transaction together with the next cursor.
// Pages are fetched, parsed and their sales decoded one page ahead on a thread of their own
// (PagePrefetcher), so the engine's thread spends its time writing SQLite.
#include "SyncEngine.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QThread>
#include <QUrlQuery>
#include <condition_variable>
#include <deque>
#include <domain/Documents.h>
#include <mutex>
#include <protocol/Protocol.h>
#include <services/FeedApplier.h>
#include <store/Outbox.h>
#include <store/Store.h>

namespace market::sync {

namespace {
/// The changes of a 200 reply, or nullopt if the reply is not a feed page.
std::optional<std::vector<core::FeedChange>> decodeChanges(const QJsonObject& page) {
    const QJsonValue changes = page.value(QStringLiteral("changes"));
    if (!changes.isArray() || !page.value(QStringLiteral("cursor")).isString() ||
        !page.value(QStringLiteral("hasMore")).isBool())
        return std::nullopt;
    std::vector<core::FeedChange> out;
    out.reserve(size_t(changes.toArray().size()));
    qint64 previous = 0;
    for (const auto& v : changes.toArray()) {
        const QJsonObject c = v.toObject();
        const QJsonValue position = c.value(QStringLiteral("position"));
        const QJsonValue type = c.value(QStringLiteral("type"));
        const QJsonValue doc = c.value(QStringLiteral("doc"));
        if (!position.isDouble() || position.toInteger() <= previous || !type.isString() || !doc.isObject())
            return std::nullopt;
        previous = position.toInteger();
        out.push_back(core::FeedChange{previous, type.toString(), c.value(QStringLiteral("id")).toString(),
                                       c.value(QStringLiteral("terminalId")).toString(), doc.toObject()});
    }
    return out;
}

bool continues(const QJsonObject& page, const std::optional<std::vector<core::FeedChange>>& changes) {
    // An empty page that claims more would loop forever: stop, the next cycle goes on.
    return changes && !changes->empty() && page.value(QStringLiteral("hasMore")).toBool();
}

PullOutcome pullFailure(const PushOutcome& failed) {
    PullOutcome o;
    o.kind = failed.kind;
    o.httpStatus = failed.httpStatus;
    o.errorCode = failed.errorCode;
    o.message = failed.message;
    return o;
}
} // namespace

/// One page ahead: while the engine's thread applies page N, this thread downloads page N+1 (its
/// own QNetworkAccessManager), parses it and decodes its sales. It stops after a reply that is not
/// a page with more to come, and when destroyed (the engine's thread stopped waiting).
class SyncEngine::PagePrefetcher {
public:
    struct Page {
        HttpReply reply;
        std::optional<std::vector<core::FeedChange>> changes; ///< a 200 that is a feed page
        core::FeedApplier::DecodedSales sales;                ///< its sales, decoded
    };

    PagePrefetcher(const Endpoint& ep, const QString& cursor, const QByteArray& authorization, int limit,
                   int timeoutMs)
        : m_url(ep.url(QStringLiteral("/api/v1/sync/pull")))
        , m_ssl(ep.ssl)
        , m_authorization(authorization)
        , m_limit(std::clamp(limit, 1, 1000))
        , m_timeoutMs(timeoutMs)
        , m_cursor(cursor) {
        m_thread.reset(QThread::create([this] { run(); }));
        m_thread->start();
    }

    ~PagePrefetcher() {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_space.notify_all();
        m_thread->quit(); // ends a request in flight there (its nested event loop)
        m_thread->wait();
    }

    /// The next page, in order; nullopt when this thread was asked to quit while waiting.
    std::optional<Page> next() {
        for (;;) {
            {
                std::lock_guard lock(m_mutex);
                if (!m_pages.empty()) {
                    Page page = std::move(m_pages.front());
                    m_pages.pop_front();
                    m_space.notify_all();
                    return page;
                }
            }
            // Waiting in an event loop, not on the mutex: QThread::quit() on the engine's thread
            // (market-pos closing) ends the wait as it ends a request's.
            QEventLoop loop;
            m_waiting = &loop;
            {
                std::lock_guard lock(m_mutex);
                if (!m_pages.empty()) {
                    m_waiting = nullptr;
                    continue;
                }
            }
            const int woken = loop.exec();
            m_waiting = nullptr;
            if (woken != 1)
                return std::nullopt;
        }
    }

private:
    void run() {
        QNetworkAccessManager nam;
        for (;;) {
            QUrl url = m_url;
            QUrlQuery query;
            query.addQueryItem(QStringLiteral("cursor"), m_cursor);
            query.addQueryItem(QStringLiteral("limit"), QString::number(m_limit));
            url.setQuery(query);
            Page page;
            page.reply = send(nam, m_ssl, url, QByteArray(), m_authorization, m_timeoutMs);
            if (page.reply.status == 200) {
                page.changes = decodeChanges(page.reply.json);
                if (page.changes)
                    page.sales = core::FeedApplier::decodeSales(*page.changes);
            }
            const bool more = page.reply.status == 200 && continues(page.reply.json, page.changes);
            m_cursor = page.reply.json.value(QStringLiteral("cursor")).toString();
            {
                std::unique_lock lock(m_mutex);
                m_space.wait(lock, [this] { return m_stop || m_pages.size() < 2; });
                if (m_stop)
                    return;
                m_pages.push_back(std::move(page));
            }
            // Wake the engine's thread if it waits (the call runs there, so m_waiting is its own).
            QMetaObject::invokeMethod(
                &m_context,
                [this] {
                    if (m_waiting)
                        m_waiting->exit(1);
                },
                Qt::QueuedConnection);
            if (!more)
                return;
        }
    }

    const QUrl m_url;
    const QSslConfiguration m_ssl;
    const QByteArray m_authorization;
    const int m_limit;
    const int m_timeoutMs;
    QString m_cursor; ///< the prefetching thread's own

    std::mutex m_mutex;
    std::condition_variable m_space; ///< room for another page ahead, or stop
    std::deque<Page> m_pages;
    bool m_stop = false;

    QObject m_context;               ///< lives in the engine's thread: wake-ups run there
    QEventLoop* m_waiting = nullptr; ///< the engine's thread's wait, touched only there
    std::unique_ptr<QThread> m_thread;
};

PullOutcome SyncEngine::pullPage(const Endpoint& ep, PagePrefetcher& pages, bool& more) {
    more = false;
    core::FeedApplier applier(m_store);
    auto fetched = pages.next();
    if (!fetched)
        return pullFailure(
            fail(PushOutcome::Kind::Transient, 0, QStringLiteral("network"),
                 tr("the pull from server %1 was interrupted; retried").arg(ep.base.toString())));
    const HttpReply& r = fetched->reply;
    if (r.status == 0)
        return pullFailure(
            r.tlsFailure
                ? fail(PushOutcome::Kind::Fatal, 0, QStringLiteral("tls"),
                       tr("the server's TLS certificate is not trusted (%1)").arg(r.networkError))
                : fail(PushOutcome::Kind::Transient, 0, QStringLiteral("network"),
                       tr("server %1 not reachable: %2; retried").arg(ep.base.toString(), r.networkError)));
    markReachable(true);
    const QString code = r.errorCode();
    if (r.status == 200) {
        const auto& changes = fetched->changes;
        if (!changes)
            return pullFailure(fail(PushOutcome::Kind::Transient, 200, QStringLiteral("invalid_reply"),
                                    tr("the server's feed page is not understood; retried")));
        auto stats =
            applier.applyPage(*changes, r.json.value(QStringLiteral("cursor")).toString(), &fetched->sales);
        if (!stats.ok())
            return pullFailure(
                fail(PushOutcome::Kind::Fatal, 200, QStringLiteral("storage"), stats.error().message));
        PullOutcome o;
        o.pages = 1;
        o.changes = qint64(changes->size());
        o.applied = stats->applied;
        o.skipped = stats->present + stats->own + stats->localOnTop;
        o.parked = stats->parked;
        o.anomalies = stats->anomalies;
        more = continues(r.json, changes);
        return o;
    }
    if (r.status == 409 && code == protocol::err::kStaleCursor) {
        // The server was restored: put back what it may lack, then the caller re-uploads and
        // reads the feed afresh from the empty cursor startEpoch left.
        PullOutcome o;
        if (auto failed = switchEpoch(
                ep,
                r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("epoch")).toString(),
                std::nullopt, o.reenqueued))
            return pullFailure(*failed);
        o.epochChanged = true;
        return o;
    }
    if (r.status == 401 || r.status == 403) {
        m_authorization.clear();
        return pullFailure(
            fail(PushOutcome::Kind::Fatal, r.status, code,
                 tr("the server refused this terminal's credential (%1): %2").arg(code, r.errorMessage())));
    }
    if (r.status == 429 || r.status >= 500)
        return pullFailure(fail(
            PushOutcome::Kind::Transient, r.status, code,
            tr("server busy or unavailable (%1 %2): %3; retried").arg(r.status).arg(code, r.errorMessage())));
    return pullFailure(
        fail(PushOutcome::Kind::Fatal, r.status, code,
             tr("the server refused the pull (%1 %2): %3").arg(r.status).arg(code, r.errorMessage())));
}

PullOutcome SyncEngine::pullAll() {
    PullOutcome total;
    if (!m_store.identity()) // enrolled, shop not made yet: nothing to apply the feed into
        return total;
    Endpoint ep;
    if (auto failed = endpoint(ep)) {
        (void)refreshStatus();
        return pullFailure(*failed);
    }
    // A counter with no history that has more than a page to catch up loads in bulk: the report
    // indexes are built once at the end (FeedApplier::beginBulkLoad). A load a crash interrupted
    // is finished here too.
    core::FeedApplier applier(m_store);
    auto pending = applier.bulkLoadPending();
    auto fresh = applier.hasNoHistory();
    if (!pending.ok() || !fresh.ok())
        return pullFailure(fail(PushOutcome::Kind::Fatal, 0, QStringLiteral("storage"),
                                (pending.ok() ? fresh.error() : pending.error()).message));
    bool bulk = *pending;
    std::unique_ptr<PagePrefetcher> ahead;
    for (bool more = true; more;) {
        if (!ahead) { // from the stored cursor (again after an epoch switch emptied it)
            auto cursor = applier.cursor();
            if (!cursor.ok()) {
                const PullOutcome failed = pullFailure(
                    fail(PushOutcome::Kind::Fatal, 0, QStringLiteral("storage"), cursor.error().message));
                total.kind = failed.kind;
                total.errorCode = failed.errorCode;
                total.message = failed.message;
                break;
            }
            ahead = std::make_unique<PagePrefetcher>(ep, *cursor, m_authorization.toUtf8(),
                                                     m_options.pullPageSize, m_options.timeoutMs);
        }
        PullOutcome page = pullPage(ep, *ahead, more);
        if (!more || page.kind != PullOutcome::Kind::Done || page.epochChanged)
            ahead.reset();
        if (!bulk && *fresh && more && page.kind == PullOutcome::Kind::Done && !page.epochChanged) {
            if (const auto begun = applier.beginBulkLoad(); begun.ok())
                bulk = true;
            else
                page = pullFailure(
                    fail(PushOutcome::Kind::Fatal, 0, QStringLiteral("storage"), begun.error().message));
        }
        total.pages += page.pages;
        total.changes += page.changes;
        total.applied += page.applied;
        total.skipped += page.skipped;
        total.parked += page.parked;
        total.anomalies += page.anomalies;
        if (page.kind == PullOutcome::Kind::Done && page.epochChanged) {
            // Uploads first, as after a long time offline: the restored server gets back what this
            // counter made before the fresh snapshot is read.
            total.epochChanged = true;
            total.reenqueued += page.reenqueued;
            const PushOutcome reupload = pushAll();
            total.reuploaded += reupload.acknowledged;
            if (reupload.kind != PushOutcome::Kind::Done) {
                page.kind = reupload.kind;
                page.httpStatus = reupload.httpStatus;
                page.errorCode = reupload.errorCode;
                page.message = reupload.message;
            } else {
                more = true;
            }
        }
        if (page.kind != PullOutcome::Kind::Done) {
            total.kind = page.kind;
            total.httpStatus = page.httpStatus;
            total.errorCode = page.errorCode;
            total.message = page.message;
            break;
        }
    }
    if (bulk) {
        total.bulkLoad = true;
        if (const auto built = applier.endBulkLoad(); !built.ok() && total.kind == PullOutcome::Kind::Done) {
            const PullOutcome failed = pullFailure(
                fail(PushOutcome::Kind::Fatal, 0, QStringLiteral("storage"), built.error().message));
            total.kind = failed.kind;
            total.errorCode = failed.errorCode;
            total.message = failed.message;
        }
    }
    if (total.kind == PullOutcome::Kind::Done) {
        m_status.setLastError({});
        (void)core::Outbox::setSyncMeta(m_store, QStringLiteral("last_success_ms"),
                                        QString::number(m_store.nowMs()));
    }
    (void)refreshStatus();
    return total;
}

PushOutcome SyncEngine::syncOnce() {
    PushOutcome o = pushAll();
    if (o.kind != PushOutcome::Kind::Done)
        return o;
    const PullOutcome pulled = pullAll();
    if (pulled.kind != PullOutcome::Kind::Done) {
        o.kind = pulled.kind;
        o.httpStatus = pulled.httpStatus;
        o.errorCode = pulled.errorCode;
        o.message = pulled.message;
    }
    return o;
}

} // namespace market::sync
