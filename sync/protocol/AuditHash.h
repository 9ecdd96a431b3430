#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>

namespace market::protocol {

/// One entry of a terminal's hash-chained audit log as it travels inside an outbox operation.
struct AuditEntry {
    qint64 seq = 0;
    QString prevHash; ///< 64 lowercase hex chars; 64 zeros for the terminal's first entry
    QString hash;
    QString userId;
    QString action;
    QString entity;
    QString entityId;
    qint64 atMs = 0;
    QJsonValue before; ///< object or null
    QJsonValue after;  ///< object or null
};

inline const QString kGenesisHash = QString(64, QLatin1Char('0'));

/// The canonical text hashed for an entry: compact JSON of {action, after, atMs, before, entity,
/// entityId, seq, terminalId, userId} with keys sorted (QJsonObject keeps keys sorted).
QByteArray canonicalAuditJson(const AuditEntry& entry, const QString& terminalId);

/// SHA-256 (lowercase hex) over prevHash + "\n" + canonical JSON. Both the counter (when it
/// writes the entry) and the server (when it verifies the chain) call this one function.
QString computeAuditHash(const AuditEntry& entry, const QString& terminalId);

/// The same hash when the caller already holds `entry.after` as compact JSON (the server writes it
/// to the audit row anyway): the document is spliced into the canonical text instead of being
/// serialized a second time. Byte-identical to computeAuditHash(entry, terminalId).
QString computeAuditHash(const AuditEntry& entry, const QString& terminalId, const QByteArray& afterJson);

} // namespace market::protocol
