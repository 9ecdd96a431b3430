#pragma once

#include "Session.h"

#include <vector>

namespace market::core {

class Store;

struct UserSummary {
    Uuid id;
    QString username;
    QString displayName;
    Role role = Role::Cashier;
    bool active = true;
    bool hasPin = false;
    bool lockedOut = false;
};

struct NewUserRequest {
    QString username;    ///< 1–64 characters, no spaces
    QString displayName; ///< any script
    Role role = Role::Cashier;
    QString password; ///< at least 8 characters, not digits only
    QString pin;      ///< empty or 4–8 digits
};

/// People and their secrets at this counter. Works offline: user records (with slow salted
/// hashes only) live in the local store. Five failed attempts lock a user out for 5 minutes.
class AuthService {
    Q_DECLARE_TR_FUNCTIONS(AuthService)
public:
    static constexpr int kMaxFailures = 5;
    static constexpr qint64 kLockoutMs = 5 * 60 * 1000;

    explicit AuthService(Store& store)
        : m_store(store) {}

    Result<Session> login(const QString& username, const QString& password);
    Result<Session> loginWithPin(const QString& username, const QString& pin);
    /// A manager's approval at the counter (credit override, adjustments): password or PIN.
    Result<Session> authorize(const QString& username, const QString& secret, Permission permission);

    Result<UserSummary> createUser(const Session& actor, const NewUserRequest& request);
    Status changePassword(const Session& actor, const Uuid& userId, const QString& newPassword);
    Status setPin(const Session& actor, const Uuid& userId, const QString& pin);
    Result<std::vector<UserSummary>> users();
    /// At least 8 characters and not digits only (4–8 digits are a PIN).
    static Status checkPassword(const QString& password);

private:
    Result<Session> verify(const QString& username, const QString& secret, bool pin);
    Store& m_store;
};

} // namespace market::core
