#include "AuthService.h"

#include "Validation.h"
#include "domain/Documents.h"
#include "domain/PasswordHasher.h"
#include "store/Journal.h"
#include "store/Store.h"

namespace market::core {

namespace {
struct UserRow {
    UserDoc doc;
    int failedAttempts = 0;
    qint64 lockedUntilMs = 0;
};

Result<std::optional<UserRow>> findUser(Database& db, const QString& username) {
    Statement& s =
        db.prepare("SELECT id, shop_id, username, display_name, role, password_hash, pin_hash, active, "
                   "version, failed_attempts, locked_until_ms FROM app_user WHERE username = ?1");
    s.bind(1, username);
    std::optional<UserRow> row;
    if (s.next()) {
        UserRow r;
        r.doc.id = s.uuid(0);
        r.doc.shopId = s.uuid(1);
        r.doc.username = s.text(2);
        r.doc.displayName = s.text(3);
        r.doc.role = roleFromName(s.text(4)).value_or(Role::Cashier);
        r.doc.passwordHash = s.text(5);
        r.doc.pinHash = s.text(6);
        r.doc.active = s.int64(7) != 0;
        r.doc.version = s.int64(8);
        r.failedAttempts = static_cast<int>(s.int64(9));
        r.lockedUntilMs = s.int64(10);
        row = r;
    }
    Status st = s.status("reading a user");
    s.reset();
    if (!st.ok())
        return st.error();
    return row;
}

/// Verifying against this keeps an unknown username as slow as a wrong password.
const QString& dummyHash() {
    static const QString hash = PasswordHasher::hash(QStringLiteral("not-a-real-user")).value_or(QString());
    return hash;
}

bool isPin(const QString& pin) {
    if (pin.size() < 4 || pin.size() > 8)
        return false;
    for (const QChar c : pin)
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    return true;
}
} // namespace

Status AuthService::checkPassword(const QString& password) {
    if (password.size() < 8)
        return Error{ErrorCode::InvalidInput, tr("The password must have at least 8 characters.")};
    if (isPin(password))
        return Error{ErrorCode::InvalidInput,
                     tr("A password needs a letter or a sign besides digits (digits alone are a PIN).")};
    return okStatus();
}

Result<Session> AuthService::verify(const QString& username, const QString& secret, bool pin) {
    auto found = findUser(m_store.db(), username.trimmed());
    if (!found.ok())
        return found.error();
    // One message for unknown users and wrong secrets: do not tell which usernames exist.
    const Error wrong{ErrorCode::AuthenticationFailed,
                      tr("Wrong username or %1.").arg(pin ? tr("PIN") : tr("password"))};
    if (!found->has_value()) {
        (void)PasswordHasher::verify(secret, dummyHash()); // same time as a wrong password
        return wrong;
    }
    const UserRow& u = **found;
    const qint64 now = m_store.nowMs();
    if (!u.doc.active)
        return Error{ErrorCode::AuthenticationFailed, tr("This user is deactivated.")};
    if (u.lockedUntilMs > now) {
        const qint64 minutes = (u.lockedUntilMs - now + 59'999) / 60'000;
        return Error{ErrorCode::LockedOut, tr("Too many failed attempts: %1 is locked for %2 more minute(s).")
                                               .arg(u.doc.username)
                                               .arg(minutes)};
    }
    const QString& hash = pin ? u.doc.pinHash : u.doc.passwordHash;
    const bool good = !hash.isEmpty() && PasswordHasher::verify(secret, hash);

    StoreTransaction tx(m_store.db());
    MARKET_TRY(tx.begun());
    if (good) {
        MARKET_TRY(m_store.db()
                       .prepare("UPDATE app_user SET failed_attempts = 0, locked_until_ms = 0 WHERE id = ?1")
                       .bind(1, u.doc.id)
                       .exec("recording a login"));
        MARKET_TRY(tx.commit());
        return Session{u.doc.id, u.doc.shopId, u.doc.role, u.doc.username, u.doc.displayName};
    }
    const int failures = u.failedAttempts + 1;
    const bool lock = failures >= kMaxFailures;
    MARKET_TRY(m_store.db()
                   .prepare("UPDATE app_user SET failed_attempts = ?2, locked_until_ms = ?3 WHERE id = ?1")
                   .bind(1, u.doc.id)
                   .bind(2, lock ? 0 : failures)
                   .bind(3, lock ? now + kLockoutMs : qint64{0})
                   .exec("recording a failed login"));
    if (lock && m_store.identity()) {
        MARKET_TRY(Journal::record(m_store, JournalEntry{u.doc.id,
                                                         QStringLiteral("user.locked_out"),
                                                         QStringLiteral("user"),
                                                         u.doc.id,
                                                         {},
                                                         QJsonObject{{QStringLiteral("failures"), failures}},
                                                         {},
                                                         {}}));
    }
    MARKET_TRY(tx.commit());
    if (lock)
        return Error{ErrorCode::LockedOut, tr("Too many failed attempts: %1 is locked for %2 minutes.")
                                               .arg(u.doc.username)
                                               .arg(kLockoutMs / 60'000)};
    return wrong;
}

Result<Session> AuthService::login(const QString& username, const QString& password) {
    return verify(username, password, false);
}

Result<Session> AuthService::loginWithPin(const QString& username, const QString& pin) {
    if (!isPin(pin))
        return Error{ErrorCode::InvalidInput, tr("A PIN has 4 to 8 digits.")};
    return verify(username, pin, true);
}

Result<Session> AuthService::authorize(const QString& username, const QString& secret,
                                       Permission permission) {
    auto session = isPin(secret) ? verify(username, secret, true) : verify(username, secret, false);
    if (!session.ok())
        return session;
    if (!roleAllows(session->role, permission))
        return Error{ErrorCode::Forbidden, tr("%1 is not allowed to approve this.").arg(session->username)};
    return session;
}

Result<UserSummary> AuthService::createUser(const Session& actor, const NewUserRequest& r) {
    MARKET_TRY(require(actor, Permission::ManageUsers));
    if (r.role == Role::Owner && actor.role != Role::Owner)
        return Error{ErrorCode::Forbidden, tr("Only an owner can create another owner.")};
    auto username = Validation::code(r.username, tr("Username"), 64);
    if (!username.ok())
        return username.error();
    auto display = Validation::name(r.displayName.isEmpty() ? r.username : r.displayName, tr("Name"));
    if (!display.ok())
        return display.error();
    MARKET_TRY(checkPassword(r.password));
    if (!r.pin.isEmpty() && !isPin(r.pin))
        return Error{ErrorCode::InvalidInput, tr("A PIN has 4 to 8 digits.")};
    auto existing = findUser(m_store.db(), *username);
    if (!existing.ok())
        return existing.error();
    if (existing->has_value())
        return Error{ErrorCode::Conflict, tr("The username %1 is taken.").arg(*username)};

    const auto hash = PasswordHasher::hash(r.password);
    const auto pinHash = r.pin.isEmpty() ? std::optional<QString>(QString()) : PasswordHasher::hash(r.pin);
    if (!hash || !pinHash)
        return Error{ErrorCode::Internal, tr("Could not hash the password (out of memory?).")};
    UserDoc u{m_store.newId(), actor.shopId, *username, *display, r.role, *hash, *pinHash, true, 1};

    StoreTransaction tx(m_store.db());
    MARKET_TRY(tx.begun());
    MARKET_TRY(m_store.db()
                   .prepare("INSERT INTO app_user (id, shop_id, username, display_name, role, password_hash, "
                            "pin_hash, version) VALUES (?1,?2,?3,?4,?5,?6,?7,1)")
                   .bind(1, u.id)
                   .bind(2, u.shopId)
                   .bind(3, u.username)
                   .bind(4, u.displayName)
                   .bind(5, roleName(u.role))
                   .bind(6, u.passwordHash)
                   .bind(7, u.pinHash)
                   .exec("creating a user"));
    MARKET_TRY(Journal::record(m_store, JournalEntry{actor.userId,
                                                     QStringLiteral("user.create"),
                                                     QStringLiteral("user"),
                                                     u.id,
                                                     {},
                                                     QJsonObject{{QStringLiteral("username"), u.username},
                                                                 {QStringLiteral("role"), roleName(u.role)}},
                                                     op::kUserUpsert,
                                                     u.toJson()}));
    MARKET_TRY(tx.commit());
    return UserSummary{u.id, u.username, u.displayName, u.role, true, !u.pinHash.isEmpty(), false};
}

namespace {
Status updateSecret(Store& store, const Session& actor, const Uuid& userId, const char* column,
                    const QString& hash, const QString& action) {
    Database& db = store.db();
    StoreTransaction tx(db);
    MARKET_TRY(tx.begun());
    Statement& s =
        db.prepare("SELECT id, shop_id, username, display_name, role, password_hash, pin_hash, active, "
                   "version FROM app_user WHERE id = ?1");
    s.bind(1, userId);
    if (!s.next()) {
        MARKET_TRY(s.status("reading a user"));
        return Error{ErrorCode::NotFound, AuthService::tr("No such user.")};
    }
    UserDoc u{
        s.uuid(0), s.uuid(1), s.text(2),       s.text(3),     roleFromName(s.text(4)).value_or(Role::Cashier),
        s.text(5), s.text(6), s.int64(7) != 0, s.int64(8) + 1};
    s.reset();
    if (qstrcmp(column, "password_hash") == 0)
        u.passwordHash = hash;
    else
        u.pinHash = hash;
    // Two fixed statements, chosen above; the column name never comes from input.
    Statement& upd =
        qstrcmp(column, "password_hash") == 0
            ? db.prepare("UPDATE app_user SET password_hash = ?2, version = ?3, failed_attempts = 0, "
                         "locked_until_ms = 0 WHERE id = ?1")
            : db.prepare("UPDATE app_user SET pin_hash = ?2, version = ?3, failed_attempts = 0, "
                         "locked_until_ms = 0 WHERE id = ?1");
    MARKET_TRY(upd.bind(1, userId).bind(2, hash).bind(3, u.version).exec("changing a secret"));
    MARKET_TRY(Journal::record(store, JournalEntry{actor.userId,
                                                   action,
                                                   QStringLiteral("user"),
                                                   userId,
                                                   {},
                                                   QJsonObject{{QStringLiteral("username"), u.username}},
                                                   op::kUserUpsert,
                                                   u.toJson()}));
    return tx.commit();
}
} // namespace

Status AuthService::changePassword(const Session& actor, const Uuid& userId, const QString& newPassword) {
    if (actor.userId != userId)
        MARKET_TRY(require(actor, Permission::ManageUsers));
    MARKET_TRY(checkPassword(newPassword));
    const auto hash = PasswordHasher::hash(newPassword);
    if (!hash)
        return Error{ErrorCode::Internal, tr("Could not hash the password (out of memory?).")};
    return updateSecret(m_store, actor, userId, "password_hash", *hash,
                        QStringLiteral("user.password_changed"));
}

Status AuthService::setPin(const Session& actor, const Uuid& userId, const QString& pin) {
    if (actor.userId != userId)
        MARKET_TRY(require(actor, Permission::ManageUsers));
    if (!isPin(pin))
        return Error{ErrorCode::InvalidInput, tr("A PIN has 4 to 8 digits.")};
    const auto hash = PasswordHasher::hash(pin);
    if (!hash)
        return Error{ErrorCode::Internal, tr("Could not hash the PIN (out of memory?).")};
    return updateSecret(m_store, actor, userId, "pin_hash", *hash, QStringLiteral("user.pin_changed"));
}

Result<std::vector<UserSummary>> AuthService::users() {
    Statement& s = m_store.db().prepare("SELECT id, username, display_name, role, active, pin_hash <> '', "
                                        "locked_until_ms FROM app_user ORDER BY display_name");
    std::vector<UserSummary> out;
    const qint64 now = m_store.nowMs();
    while (s.next())
        out.push_back(UserSummary{s.uuid(0), s.text(1), s.text(2),
                                  roleFromName(s.text(3)).value_or(Role::Cashier), s.int64(4) != 0,
                                  s.int64(5) != 0, s.int64(6) > now});
    Status st = s.status("listing users");
    s.reset();
    if (!st.ok())
        return st.error();
    return out;
}

} // namespace market::core
