#pragma once

#include "domain/Result.h"
#include "domain/Types.h"
#include "domain/Uuid.h"

#include <QCoreApplication>
#include <QString>

namespace market::core {

/// A logged-in person at this terminal. Obtained only from AuthService; every use case takes
/// one and checks its role.
struct Session {
    Uuid userId;
    Uuid shopId;
    Role role = Role::Cashier;
    QString username;
    QString displayName;
};

struct PermissionText {
    Q_DECLARE_TR_FUNCTIONS(Permission)
};

inline Status require(const Session& who, Permission permission) {
    if (roleAllows(who.role, permission))
        return okStatus();
    return Error{ErrorCode::Forbidden,
                 PermissionText::tr("%1 (%2) is not allowed to do this; a manager must.")
                     .arg(who.displayName.isEmpty() ? who.username : who.displayName, roleName(who.role))};
}

} // namespace market::core
