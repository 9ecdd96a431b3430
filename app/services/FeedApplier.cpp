#include "FeedApplier.h"

#include "FarmerSoldTotals.h"
#include "ForeignDocumentWriter.h"
#include "domain/Documents.h"
#include "store/ReportIndexes.h"
#include "store/Store.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <sqlite3.h>

namespace market::core {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(FeedApplier)
};

const QString kAnomalyRaised = QStringLiteral("anomaly.raised");
const QString kAnomalyResolved = QStringLiteral("anomaly.resolved");

QString compact(const QJsonObject& o) {
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QJsonObject parse(const QString& text) {
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

/// What the feed may carry that this counter cannot apply (yet): parked, never fatal.
bool cannotApplyYet(const Error& e) {
    return e.code == ErrorCode::Conflict || e.code == ErrorCode::InvalidInput ||
           e.code == ErrorCode::NotFound;
}
} // namespace

const QString FeedApplier::kCursorKey = QStringLiteral("sync.pull_cursor");

Result<QSet<QString>> FeedApplier::localEdits() {
    Statement& s =
        m_store.db().prepare("SELECT type, payload FROM outbox WHERE type LIKE '%.upsert' OR type = ?1");
    s.bind(1, op::kLotStatusChanged);
    QSet<QString> keys;
    while (s.next())
        keys.insert(ForeignDocumentWriter::masterKey(s.text(0), parse(s.text(1))));
    Status st = s.status("reading this counter's unacknowledged edits");
    s.reset();
    if (!st.ok())
        return st.error();
    return keys;
}

Status FeedApplier::recordAnomaly(const FeedChange& c, FeedPageStats& stats) {
    const QJsonObject& d = c.doc;
    MARKET_TRY(m_store.db()
                   .prepare("INSERT INTO sync_anomaly (id, kind, entity, entity_id, details, position, "
                            "received_at_ms) VALUES (?1,?2,?3,?4,?5,?6,?7) ON CONFLICT (id) DO NOTHING")
                   .bind(1, c.id)
                   .bind(2, d.value(QStringLiteral("kind")).toString())
                   .bind(3, d.value(QStringLiteral("entity")).toString())
                   .bind(4, d.value(QStringLiteral("entityId")).toString())
                   .bind(5, compact(d.value(QStringLiteral("details")).toObject()))
                   .bind(6, c.position)
                   .bind(7, m_store.nowMs())
                   .exec("recording an anomaly of the server"));
    stats.anomalies += int(m_store.db().changes());
    return okStatus();
}

Status FeedApplier::recordResolution(const FeedChange& c) {
    // An anomaly this counter never listed (raised before an epoch switch emptied the list) has
    // nothing to mark; a repeat keeps the first resolution.
    return m_store.db()
        .prepare("UPDATE sync_anomaly SET resolved_at_ms = ?2, resolution = ?3 WHERE id = ?1 AND "
                 "resolved_at_ms IS NULL")
        .bind(1, c.id)
        .bind(2, std::max<qint64>(1, c.doc.value(QStringLiteral("resolvedAtMs")).toInteger()))
        .bind(3, c.doc.value(QStringLiteral("resolution")).toString())
        .exec("recording an anomaly's resolution");
}

Result<FeedApplier::Placed> FeedApplier::place(const FeedChange& c, FeedPageStats& stats, QString& reason,
                                               Guard guard, const SaleDoc* decodedSale) {
    if (c.type == kAnomalyRaised) {
        MARKET_TRY(recordAnomaly(c, stats));
        return Placed::Written;
    }
    if (c.type == kAnomalyResolved) {
        MARKET_TRY(recordResolution(c));
        return Placed::Written;
    }
    const bool own = !c.terminalId.isEmpty() && c.terminalId == m_store.identity()->terminalId.toString();
    if (own && !ForeignDocumentWriter::isReplaceable(c.type)) {
        ++stats.own;
        return Placed::Skipped;
    }
    Database& db = m_store.db();
    // A savepoint costs a copy of every page the document touches (about as much as writing the
    // document); a page of documents that all apply needs none.
    const bool savepoint = guard == Guard::Savepoint;
    if (savepoint)
        MARKET_TRY(db.execScript("SAVEPOINT feed_document", "starting a synced document"));
    const sqlite3_int64 changesBefore = sqlite3_total_changes64(db.handle());
    auto written =
        ForeignDocumentWriter(m_store, m_localEdits, m_soldTotals).write(c.type, c.doc, decodedSale);
    if (written.ok()) {
        if (savepoint)
            MARKET_TRY(db.execScript("RELEASE feed_document", "finishing a synced document"));
        switch (*written) {
        case ForeignWrite::Applied:
            ++stats.applied;
            return Placed::Written;
        case ForeignWrite::Present:
            ++stats.present;
            return Placed::Skipped;
        case ForeignWrite::LocalOnTop:
            ++stats.localOnTop;
            return Placed::Skipped;
        }
    }
    if (savepoint)
        MARKET_TRY(
            db.execScript("ROLLBACK TO feed_document; RELEASE feed_document", "undoing a synced document"));
    if (!cannotApplyYet(written.error()))
        return written.error();
    // Without a savepoint, a document that failed before its first row (decoding, the arithmetic
    // check, the shop, a missing buyer) left nothing behind; one that failed after leaves rows
    // (each failed statement undoes only itself) and the page has to be written again.
    if (!savepoint && sqlite3_total_changes64(db.handle()) != changesBefore)
        return Placed::Redo;
    reason = written.error().message;
    return Placed::Parked;
}

Status FeedApplier::park(const FeedChange& c, const QString& reason) {
    return m_store.db()
        .prepare(
            "INSERT INTO sync_parked (position, type, entity_id, terminal_id, doc, reason, parked_at_ms) "
            "VALUES (?1,?2,?3,?4,?5,?6,?7) ON CONFLICT (position) DO UPDATE SET reason = excluded.reason")
        .bind(1, c.position)
        .bind(2, c.type)
        .bind(3, c.id)
        .bind(4, c.terminalId)
        .bind(5, compact(c.doc))
        .bind(6, reason)
        .bind(7, m_store.nowMs())
        .exec("parking a synced document");
}

Status FeedApplier::retryParked(FeedPageStats& stats) {
    // In feed order, again while something applies: a parked return waits for its parked sale.
    for (bool progress = true; progress;) {
        progress = false;
        std::vector<FeedChange> waiting;
        Statement& s = m_store.db().prepare("SELECT position, type, entity_id, coalesce(terminal_id, ''), "
                                            "doc FROM sync_parked ORDER BY position");
        while (s.next())
            waiting.push_back(FeedChange{s.int64(0), s.text(1), s.text(2), s.text(3), parse(s.text(4))});
        Status st = s.status("reading parked documents");
        s.reset();
        MARKET_TRY(st);
        for (const auto& c : waiting) {
            QString reason;
            auto placed = place(c, stats, reason, Guard::Savepoint); // likely to fail again
            if (!placed.ok())
                return placed.error();
            if (*placed == Placed::Parked) {
                MARKET_TRY(park(c, reason));
                continue;
            }
            MARKET_TRY(m_store.db()
                           .prepare("DELETE FROM sync_parked WHERE position = ?1")
                           .bind(1, c.position)
                           .exec("unparking a synced document"));
            ++stats.unparked;
            progress = true;
        }
    }
    return okStatus();
}

FeedApplier::DecodedSales FeedApplier::decodeSales(const std::vector<FeedChange>& changes) {
    DecodedSales out(changes.size());
    for (size_t i = 0; i < changes.size(); ++i)
        if (changes[i].type == op::kSaleRecorded)
            if (auto sale = SaleDoc::fromJson(changes[i].doc); sale.ok())
                out[i] = std::make_shared<const SaleDoc>(std::move(sale).value());
    return out;
}

Result<FeedPageStats> FeedApplier::applyPage(const std::vector<FeedChange>& changes,
                                             const QString& nextCursor, const DecodedSales* decoded) {
    if (decoded && decoded->size() != changes.size())
        decoded = nullptr; // not this page's: decode here
    if (!m_store.identity())
        return Error{ErrorCode::InvalidState,
                     Tr::tr("This counter has no shop yet: run \"marketctl init\" before pulling.")};
    // In one go first; when a document fails half-written, the page again with savepoints.
    auto once = applyOnce(changes, nextCursor, Guard::None, decoded);
    if (!once.ok())
        return once.error();
    if (*once)
        return **once;
    auto guarded = applyOnce(changes, nextCursor, Guard::Savepoint, decoded);
    if (!guarded.ok())
        return guarded.error();
    if (!*guarded) // cannot happen: with savepoints nothing asks for a redo
        return Error{ErrorCode::InvalidState, Tr::tr("A page of the shop's feed did not apply.")};
    return **guarded;
}

Result<std::optional<FeedPageStats>> FeedApplier::applyOnce(const std::vector<FeedChange>& changes,
                                                            const QString& nextCursor, Guard guard,
                                                            const DecodedSales* decoded) {
    // The page and the cursor commit together: a page a power cut undoes is pulled again.
    StoreTransaction tx(m_store.db(), Durability::Refetchable);
    MARKET_TRY(tx.begun());
    auto edits = localEdits();
    if (!edits.ok())
        return edits.error();
    m_localEdits = std::move(edits).value();
    // The page's sold lines are counted here and added to the farmers' totals once per farmer
    // and bucket, at the end (schema v10).
    FarmerSoldTotals soldTotals;
    m_soldTotals = &soldTotals;
    struct Forget { // the totals die with this attempt
        FarmerSoldTotals*& p;
        ~Forget() { p = nullptr; }
    } forget{m_soldTotals};
    FeedPageStats stats;
    for (size_t i = 0; i < changes.size(); ++i) {
        const FeedChange& c = changes[i];
        QString reason;
        auto placed = place(c, stats, reason, guard, decoded ? (*decoded)[i].get() : nullptr);
        if (!placed.ok())
            return placed.error();
        if (*placed == Placed::Redo)
            return std::optional<FeedPageStats>(); // the transaction rolls back
        if (*placed == Placed::Parked) {
            MARKET_TRY(park(c, reason));
            ++stats.parked;
        }
    }
    if (stats.applied > 0)
        MARKET_TRY(retryParked(stats));
    MARKET_TRY(soldTotals.addTo(m_store.db()));
    MARKET_TRY(m_store.setMeta(kCursorKey, nextCursor));
    MARKET_TRY(tx.commit());
    return std::optional<FeedPageStats>(stats);
}

Result<QString> FeedApplier::cursor() {
    return m_store.meta(kCursorKey);
}

Result<bool> FeedApplier::hasNoHistory() {
    auto at = cursor();
    if (!at.ok())
        return at.error();
    if (!at->isEmpty())
        return false;
    Statement& s = m_store.db().prepare("SELECT 1 FROM sale LIMIT 1");
    const bool sold = s.next();
    Status st = s.status("looking for sales");
    s.reset();
    if (!st.ok())
        return st.error();
    return !sold;
}

Result<bool> FeedApplier::bulkLoadPending() {
    return report_indexes::down(m_store);
}

Status FeedApplier::beginBulkLoad() {
    return report_indexes::drop(m_store);
}

Status FeedApplier::endBulkLoad() {
    return report_indexes::build(m_store);
}

Result<std::vector<SyncAnomaly>> FeedApplier::anomalies() {
    Statement& s =
        m_store.db().prepare("SELECT id, kind, entity, entity_id, details, position, received_at_ms, "
                             "coalesce(resolved_at_ms, 0), coalesce(resolution, '') FROM sync_anomaly "
                             "ORDER BY position");
    std::vector<SyncAnomaly> out;
    while (s.next())
        out.push_back(SyncAnomaly{s.text(0), s.text(1), s.text(2), s.text(3), parse(s.text(4)), s.int64(5),
                                  s.int64(6), s.int64(7), s.text(8)});
    Status st = s.status("reading the anomalies");
    s.reset();
    if (!st.ok())
        return st.error();
    return out;
}

Result<std::vector<ParkedChange>> FeedApplier::parked() {
    Statement& s =
        m_store.db().prepare("SELECT position, type, entity_id, coalesce(terminal_id, ''), reason, "
                             "parked_at_ms FROM sync_parked ORDER BY position");
    std::vector<ParkedChange> out;
    while (s.next())
        out.push_back(ParkedChange{s.int64(0), s.text(1), s.text(2), s.text(3), s.text(4), s.int64(5)});
    Status st = s.status("reading the parked documents");
    s.reset();
    if (!st.ok())
        return st.error();
    return out;
}

namespace {
Result<qint64> count(Store& store, const char* sql) {
    Statement& s = store.db().prepare(sql);
    const qint64 n = s.next() ? s.int64(0) : 0;
    Status st = s.status("counting sync records");
    s.reset();
    if (!st.ok())
        return st.error();
    return n;
}
} // namespace

Result<qint64> FeedApplier::anomalyCount() {
    return count(m_store, "SELECT count(*) FROM sync_anomaly WHERE resolved_at_ms IS NULL");
}

Result<qint64> FeedApplier::parkedCount() {
    return count(m_store, "SELECT count(*) FROM sync_parked");
}

} // namespace market::core
