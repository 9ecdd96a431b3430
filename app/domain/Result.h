#pragma once

#include <QString>
#include <utility>
#include <variant>

namespace market::core {

/// What went wrong, as a code the UI can map and a one-line message for people.
enum class ErrorCode {
    InvalidInput,        ///< malformed, out of range or missing input
    NotFound,            ///< an id or code that does not exist
    Conflict,            ///< duplicate code or name, concurrent change
    InvalidState,        ///< the thing exists but cannot do that now (closed lot, ...)
    InsufficientStock,   ///< more than a lot holds
    CreditLimitExceeded, ///< needs a manager override
    Overpayment,         ///< paying more than is owed
    Forbidden,           ///< the acting user's role does not allow it
    AuthenticationFailed,
    LockedOut,
    Storage, ///< SQLite or file system failure
    Internal,
};

QString errorCodeName(ErrorCode code);

struct Error {
    ErrorCode code = ErrorCode::Internal;
    QString message;
};

/// Either a value or an Error. The core never throws across its API.
template <typename T> class [[nodiscard]] Result {
public:
    Result(T value)
        : m_v(std::move(value)) {} // NOLINT(google-explicit-constructor)
    Result(Error error)
        : m_v(std::move(error)) {} // NOLINT(google-explicit-constructor)
    Result(ErrorCode code, QString message)
        : m_v(Error{code, std::move(message)}) {}

    bool ok() const { return std::holds_alternative<T>(m_v); }
    explicit operator bool() const { return ok(); }
    const T& value() const& { return std::get<T>(m_v); }
    T& value() & { return std::get<T>(m_v); }
    T&& value() && { return std::get<T>(std::move(m_v)); }
    const T* operator->() const { return &std::get<T>(m_v); }
    T* operator->() { return &std::get<T>(m_v); }
    const T& operator*() const& { return std::get<T>(m_v); }
    const Error& error() const { return std::get<Error>(m_v); }

private:
    std::variant<T, Error> m_v;
};

struct Ok {};
using Status = Result<Ok>;

inline Status okStatus() {
    return Ok{};
}

} // namespace market::core

/// Propagates an error from an expression returning a Result/Status.
#define MARKET_TRY(expr)                                                                                     \
    do {                                                                                                     \
        if (auto market_try_result_ = (expr); !market_try_result_.ok())                                      \
            return market_try_result_.error();                                                               \
    } while (false)
