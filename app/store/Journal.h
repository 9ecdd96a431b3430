#pragma once

#include "domain/Result.h"
#include "domain/Uuid.h"

#include <QJsonObject>
#include <QString>

namespace market::core {

class Store;

/// One change as the audit log and the outbox see it.
struct JournalEntry {
    Uuid userId;
    QString action; ///< "sale.create", "party.update", ...
    QString entity; ///< "sale", "party", ...
    Uuid entityId;
    QJsonObject before; ///< empty: none (a create)
    QJsonObject after;
    QString opType; ///< outbox operation type (see Documents.h op::)
    QJsonObject payload;
};

/// Writes the audit entry (hash-chained per terminal) and the outbox entry of a change, inside
/// the caller's transaction, so the change, its audit and its sync entry commit or vanish together.
class Journal {
public:
    static Status record(Store& store, const JournalEntry& entry);

    /// The canonical text that an audit hash covers (sorted keys, compact JSON).
    static QByteArray canonicalAudit(const QJsonObject& auditFields);
    static QString chainHash(const QString& prevHash, const QJsonObject& auditFields);
    static QString genesisHash() { return QString(64, QLatin1Char('0')); }
};

} // namespace market::core
