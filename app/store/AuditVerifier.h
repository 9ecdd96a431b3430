#pragma once

#include "domain/Result.h"

#include <QString>
#include <optional>

namespace market::core {

class Database;

/// The outcome of walking one terminal's audit chain from its first entry.
struct AuditVerification {
    qint64 entriesChecked = 0;
    /// Set when the chain breaks: the sequence number of the first bad entry and what is wrong
    /// (an edited entry, a missing or inserted one, entries out of order).
    std::optional<qint64> firstBrokenSeq;
    QString problem;
    bool ok() const { return !firstBrokenSeq; }
};

/// Recomputes every audit hash of every terminal in the store and checks the links.
class AuditVerifier {
public:
    static Result<AuditVerification> verify(Database& db);
};

} // namespace market::core
