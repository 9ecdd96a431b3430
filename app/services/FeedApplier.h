#pragma once

#include "domain/Result.h"

#include <QJsonObject>
#include <QSet>
#include <QString>
#include <memory>
#include <optional>
#include <vector>

namespace market::core {

class FarmerSoldTotals;
class Store;
struct SaleDoc;

/// One change of the shop's feed (sync/PROTOCOL.md, "Pull").
struct FeedChange {
    qint64 position = 0;
    QString type;       ///< an operation type, or "anomaly.raised"
    QString id;         ///< the entity's id
    QString terminalId; ///< the terminal that pushed it; empty for the server's own (anomalies)
    QJsonObject doc;
};

/// What applying one page did.
struct FeedPageStats {
    int applied = 0;    ///< written here
    int present = 0;    ///< already here (same id): a repeat, skipped
    int own = 0;        ///< this counter's own documents, skipped (master data excepted: see applyPage)
    int localOnTop = 0; ///< master data edited here and not acknowledged yet: the local version stays
    int parked = 0;     ///< could not apply yet (see sync_parked), retried after later pages
    int unparked = 0;   ///< parked before, applied now
    int anomalies = 0;  ///< anomalies of the server recorded
};

/// An anomaly the server raised for this shop (oversold lot, credit limit crossed, ...).
struct SyncAnomaly {
    QString id;
    QString kind;
    QString entity;
    QString entityId;
    QJsonObject details;
    qint64 position = 0;
    qint64 receivedAtMs = 0;
    qint64 resolvedAtMs = 0; ///< when the server resolved it (0: open as far as the feed said)
    QString resolution;      ///< the note it was resolved with
};

/// A feed document that could not apply here yet, with the reason.
struct ParkedChange {
    qint64 position = 0;
    QString type;
    QString entityId;
    QString terminalId;
    QString reason;
    qint64 parkedAtMs = 0;
};

/// Applies pages of the shop's feed to the counter's store (the pull side of sync; the engine in
/// sync/engine fetches the pages, this class needs no network).
///
/// A page is applied in ONE SQLite transaction together with the next cursor (meta
/// `sync.pull_cursor`), so after a crash either the page and its cursor are both there or neither.
/// Documents are written by `ForeignDocumentWriter` without audit or outbox entries. Rules:
/// - a document already here (same id) is skipped: re-applying a page changes nothing;
/// - this counter's own documents are skipped — except master data, which is re-applied: the
///   server's order decides between versions, and this counter's acknowledged edit may have been
///   overtaken by another counter's that the feed carried before it;
/// - master data replaces the local version unless this counter holds an unacknowledged outbox
///   entry for the same entity: then the local version stays on top (the server will order it
///   after, and the feed brings it back);
/// - a document that cannot apply yet (a sale of a lot that has not arrived here, a code another
///   entity already uses here, a document this program cannot read) is parked with its reason
///   in `sync_parked` and retried after every page that applied something; it never blocks the
///   feed. A parked document leaves no partial rows: a page is first written in one go, and a
///   document that fails after writing some of its rows sends the whole page round again with a
///   savepoint per document (see applyPage). Parked documents are always retried in savepoints.
/// - `anomaly.raised` is recorded in `sync_anomaly` for the counter to list; `anomaly.resolved`
///   marks it resolved there (when, with the note), so it is no longer counted as open.
class FeedApplier {
public:
    explicit FeedApplier(Store& store)
        : m_store(store) {}

    /// A page's sales decoded ahead, one entry per change (null: not a sale, or it did not decode;
    /// applyPage decodes those itself and reports why). Needs no store, so it can run on another
    /// thread while the previous page applies (the sync engine's pull does).
    using DecodedSales = std::vector<std::shared_ptr<const SaleDoc>>;
    static DecodedSales decodeSales(const std::vector<FeedChange>& changes);

    /// Applies `changes` (feed order) and stores `nextCursor`, in one transaction. `decoded`: the
    /// page's sales from decodeSales, or null.
    Result<FeedPageStats> applyPage(const std::vector<FeedChange>& changes, const QString& nextCursor,
                                    const DecodedSales* decoded = nullptr);

    /// The cursor after the last applied page ("" before the first).
    Result<QString> cursor();

    // Bulk loading (store/ReportIndexes.h): a counter with no history yet that pulls more than a
    // page sets the report indexes aside while the pages apply and builds them once at the end.
    /// No cursor and no sale here: the shop's whole history is still to come.
    Result<bool> hasNoHistory();
    /// A bulk load is under way here, or was interrupted by a crash: finish it with endBulkLoad.
    Result<bool> bulkLoadPending();
    Status beginBulkLoad();
    Status endBulkLoad();
    Result<std::vector<SyncAnomaly>> anomalies();
    /// Anomalies not resolved on the server (as far as the feed has told).
    Result<qint64> anomalyCount();
    Result<std::vector<ParkedChange>> parked();
    Result<qint64> parkedCount();

    static const QString kCursorKey;

private:
    /// Redo: the change failed after writing some of its rows outside a savepoint; the page must
    /// be rolled back and written again with savepoints.
    enum class Placed { Written, Parked, Skipped, Redo };
    enum class Guard { None, Savepoint };
    /// Writes one change; a change that cannot apply is reported as `reason` (stats are updated).
    /// With Guard::Savepoint it runs inside a savepoint and is rolled back to it when it fails.
    Result<Placed> place(const FeedChange& change, FeedPageStats& stats, QString& reason, Guard guard,
                         const SaleDoc* decodedSale = nullptr);
    /// One attempt at a page in one transaction; nullopt: roll back and retry with savepoints.
    Result<std::optional<FeedPageStats>> applyOnce(const std::vector<FeedChange>& changes,
                                                   const QString& nextCursor, Guard guard,
                                                   const DecodedSales* decoded);
    Status park(const FeedChange& change, const QString& reason);
    Status retryParked(FeedPageStats& stats);
    Status recordAnomaly(const FeedChange& change, FeedPageStats& stats);
    Status recordResolution(const FeedChange& change);
    /// Master-data keys of this counter's unacknowledged outbox entries.
    Result<QSet<QString>> localEdits();

    Store& m_store;
    QSet<QString> m_localEdits;
    FarmerSoldTotals* m_soldTotals = nullptr; ///< the page's sold lines, while one is applied
};

} // namespace market::core
