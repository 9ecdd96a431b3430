#pragma once

#include "AuthService.h"
#include "SqlArrays.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <QString>
#include <array>
#include <pqxx/transaction>
#include <protocol/PushMessages.h>
#include <vector>

namespace market::server {

/// The rows one push produces, collected per table so each table gets one multi-row INSERT
/// (jsonb_to_recordset) instead of one round trip per row. Master-data upserts run immediately,
/// in operation order, because the server's order decides between versions.
class PushBatch {
public:
    PushBatch(pqxx::work& tx, TerminalIdentity terminal, QString lastAuditHash);

    /// Looks up, in one query, which document ids of these operations are already recorded, so a
    /// second operation reusing an id is quarantined instead of failing the batch. Also notes
    /// whether a sale return follows: only then are the batch's sales kept for its checks.
    void prefetchExisting(const std::vector<protocol::OutboxOp>& ops, size_t from);
    /// Verifies the audit link, then decodes and stages the operation, or stages it for
    /// quarantine with the reason. Never throws for bad content (only for database failures).
    void add(const protocol::OutboxOp& op);
    /// Writes everything staged, raises anomalies and appends the change feed. Returns the
    /// number of anomalies raised.
    int flush();

    /// A re-upload after a restore (PushRequest::reupload): a document already recorded under its
    /// id is a repeat (counted in `repeats()`), not a quarantined operation.
    void setReupload(bool reupload) { m_reupload = reupload; }
    /// Raises `reupload_gap`: sequences [from, to] of this terminal were lost by a restore and the
    /// counter no longer holds them, so they cannot come back.
    void reuploadGap(qint64 from, qint64 to);

    int applied() const { return m_applied; }
    int repeats() const { return m_repeats; }
    int quarantined() const { return int(m_quarantine.size()); }
    const QString& lastAuditHash() const { return m_lastAuditHash; }

private:
    struct FeedItem {
        QString type;
        QString entityId;
        QJsonObject doc;
        QByteArray json; ///< `doc` as compact JSON when it was already serialized; empty: not yet
    };
    void quarantine(const protocol::OutboxOp& op, const QString& reason);
    void anomaly(const QString& kind, const QString& entity, const QString& entityId, const QString& opId,
                 const QJsonObject& details);
    bool stage(const protocol::OutboxOp& op, QString& reason);
    bool upsertMaster(const protocol::OutboxOp& op, const std::string& sql,
                      const std::vector<std::string>& params, QString& reason, qint64& serverVersion);
    void insertAll();
    void addToLotTotals(const QMap<QString, std::array<qint64, 3>>& moves);
    void checkLotsAndCredit();
    void appendFeed(const std::vector<FeedItem>& extra);

    pqxx::work& m_tx;
    TerminalIdentity m_terminal;
    QString m_lastAuditHash;
    QByteArray m_afterJson; ///< the current operation's audit `after`, serialized once (add())
    int m_applied = 0;
    bool m_reupload = false;
    bool m_repeat = false;         ///< set by stage(): the operation is a re-uploaded repeat
    bool m_returnsInBatch = false; ///< a sale.returned is among the operations (prefetchExisting)
    int m_repeats = 0;

    struct Staged {
        protocol::OutboxOp op;
        FeedItem feed;
        QString docKind; ///< sale | lot | collection | lot_event | document | master
        QString docId;
    };
    std::vector<Staged> m_staged;
    std::vector<FeedItem> m_resolved; ///< anomalies this batch closed (a lot arrived), for the feed
    QJsonArray m_lots, m_lotEvents, m_credits, m_creditDetails, m_collections, m_allocations, m_quarantine,
        m_anomalies, m_documents;
    // The bulk of a push of sales: column arrays (see SqlArrays.h), counts = the INSERTs' columns.
    // Shop and terminal are one scalar parameter per statement, not columns.
    ArrayRows m_sales{18}, m_lines{17}, m_lineCharges{11}, m_payments{6}, m_audit{12};
    QSet<QString> m_batchIds;
    QSet<QString> m_existing;
    QSet<QString> m_soldLots, m_arrivedLots, m_creditBuyers;

    // What a back-office document refers to, looked up in this shop (RLS: another shop's rows
    // are invisible) and in what this batch has staged but not written yet.
    struct SaleLineRef {
        QString lotId, productId, farmerId;
    };
    struct SaleRef {
        QString buyerId;  ///< empty for a walk-in
        QString creditId; ///< empty without credit
        bool commissionByBuyer = false;
        QHash<QString, SaleLineRef> lines;
        QSet<QString> creditDetails;
    };
    struct SessionRef {
        QString terminalId;
        bool closed = false;
    };
    SaleRef* findSale(const QString& id);
    SessionRef* findSession(const QString& id);
    bool lotKnown(const QString& id);
    bool farmerKnown(const QString& id);
    QHash<QString, SaleRef> m_saleRefs;       ///< cache: staged sales and sales read from the server
    QHash<QString, SessionRef> m_sessionRefs; ///< cache: staged sessions and sessions read
    QJsonArray m_farmerPayments, m_expenses, m_adjustments, m_cashSessions, m_cashMovements, m_cashClosings,
        m_returns, m_returnLines, m_returnAllocations;
    QSet<QString> m_adjustedLots, m_returnedLots, m_returnedLines;
};

} // namespace market::server
