#pragma once

#include <QString>

namespace market::protocol {

/// Wire protocol version (sync/PROTOCOL.md). The server accepts this one and, later, the
/// previous one for a long overlap.
constexpr int kProtocolVersion = 1;

/// Limits a server enforces on a push; the counter splits its outbox to stay under them.
constexpr int kMaxOpsPerBatch = 500;

/// Machine-readable error codes in `{"error": {"code": …, "message": …}}` bodies.
namespace err {
inline const QString kMalformedJson = QStringLiteral("malformed_json");
inline const QString kInvalidEnvelope = QStringLiteral("invalid_envelope");
inline const QString kUnsupportedVersion = QStringLiteral("unsupported_protocol_version");
inline const QString kTooManyOps = QStringLiteral("too_many_operations");
inline const QString kBatchNotContiguous = QStringLiteral("batch_not_contiguous");
inline const QString kSequenceGap = QStringLiteral("sequence_gap");
inline const QString kPayloadTooLarge = QStringLiteral("payload_too_large");
inline const QString kUnauthenticated = QStringLiteral("unauthenticated");
inline const QString kForbidden = QStringLiteral("forbidden");
inline const QString kTerminalRevoked = QStringLiteral("terminal_revoked");
inline const QString kInvalidToken = QStringLiteral("invalid_token");
inline const QString kRateLimited = QStringLiteral("rate_limited");
inline const QString kInvalidCode = QStringLiteral("invalid_enrolment_code");
inline const QString kInvalidCursor = QStringLiteral("invalid_cursor");
inline const QString kStaleCursor = QStringLiteral("stale_cursor");
inline const QString kStaleEpoch = QStringLiteral("stale_epoch");
inline const QString kNotFound = QStringLiteral("not_found");
inline const QString kInvalidInput = QStringLiteral("invalid_input");
inline const QString kDatabaseUnavailable = QStringLiteral("database_unavailable");
inline const QString kInternal = QStringLiteral("internal_error");
} // namespace err

/// A protocol-level failure: a code from `err` and a message naming the field or the rule.
struct WireError {
    QString code;
    QString message;
};

} // namespace market::protocol
