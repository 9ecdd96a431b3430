#include "Result.h"

namespace market::core {

QString errorCodeName(ErrorCode code) {
    switch (code) {
    case ErrorCode::InvalidInput:
        return QStringLiteral("invalid_input");
    case ErrorCode::NotFound:
        return QStringLiteral("not_found");
    case ErrorCode::Conflict:
        return QStringLiteral("conflict");
    case ErrorCode::InvalidState:
        return QStringLiteral("invalid_state");
    case ErrorCode::InsufficientStock:
        return QStringLiteral("insufficient_stock");
    case ErrorCode::CreditLimitExceeded:
        return QStringLiteral("credit_limit_exceeded");
    case ErrorCode::Overpayment:
        return QStringLiteral("overpayment");
    case ErrorCode::Forbidden:
        return QStringLiteral("forbidden");
    case ErrorCode::AuthenticationFailed:
        return QStringLiteral("authentication_failed");
    case ErrorCode::LockedOut:
        return QStringLiteral("locked_out");
    case ErrorCode::Storage:
        return QStringLiteral("storage");
    case ErrorCode::Internal:
        return QStringLiteral("internal");
    }
    return QStringLiteral("internal");
}

} // namespace market::core
