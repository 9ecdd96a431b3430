#include "SetupService.h"

#include "AuthService.h"
#include "Validation.h"
#include "domain/Documents.h"
#include "domain/PasswordHasher.h"
#include "store/Journal.h"
#include "store/Outbox.h"
#include "store/Store.h"

namespace market::core {

Result<Session> SetupService::createStandaloneShop(const StandaloneShopRequest& r) {
    if (m_store.identity())
        return Error{ErrorCode::InvalidState,
                     tr("This data file already belongs to shop %1.").arg(m_store.identity()->shopCode)};
    auto code = Validation::code(r.shopCode, tr("Shop code"), 12);
    if (!code.ok())
        return code.error();
    auto shopName = Validation::name(r.shopName, tr("Shop name"));
    if (!shopName.ok())
        return shopName.error();
    auto ownerUser = Validation::code(r.ownerUsername, tr("Username"), 64);
    if (!ownerUser.ok())
        return ownerUser.error();
    auto ownerName = Validation::name(r.ownerDisplayName.isEmpty() ? r.ownerUsername : r.ownerDisplayName,
                                      tr("Owner name"));
    if (!ownerName.ok())
        return ownerName.error();
    MARKET_TRY(AuthService::checkPassword(r.ownerPassword));
    if (r.terminalNumber < 1 || r.terminalNumber > 9999)
        return Error{ErrorCode::InvalidInput, tr("Terminal number must be between 1 and 9999.")};
    const auto hash = PasswordHasher::hash(r.ownerPassword);
    if (!hash)
        return Error{ErrorCode::Internal, tr("Could not hash the password (out of memory?).")};

    // An enrolled store (marketctl enrol before init) takes the shop and terminal ids the server
    // assigned, so its documents and audit chain are this terminal's on the server too.
    auto enrolment = Outbox::enrolment(m_store);
    if (!enrolment.ok())
        return enrolment.error();
    if (*enrolment && code->toUpper() != (*enrolment)->shopCode.toUpper())
        return Error{ErrorCode::InvalidInput,
                     tr("This data file is enrolled for shop %1; the shop code must be %1.")
                         .arg((*enrolment)->shopCode)};

    ShopDoc shop{*enrolment ? (*enrolment)->shopId : m_store.newId(),
                 code->toUpper(),
                 *shopName,
                 r.currency,
                 r.timeZone.isEmpty() ? QStringLiteral("Asia/Kolkata") : r.timeZone,
                 1};
    const qint64 terminalNumber = *enrolment ? (*enrolment)->terminalNumber : r.terminalNumber;
    TerminalDoc terminal{*enrolment ? (*enrolment)->terminalId : m_store.newId(), shop.id, terminalNumber,
                         r.terminalName.isEmpty() ? tr("Counter %1").arg(terminalNumber) : r.terminalName, 1};
    UserDoc owner{m_store.newId(), shop.id, *ownerUser, *ownerName, Role::Owner, *hash, {}, true, 1};

    Database& db = m_store.db();
    StoreTransaction tx(db);
    MARKET_TRY(tx.begun());
    auto fail = [this](const Error& e) {
        (void)m_store.reloadIdentity();
        return e;
    };
    Status s =
        db.prepare(
              "INSERT INTO shop (id, code, name, currency, time_zone, version) VALUES (?1,?2,?3,?4,?5,1)")
            .bind(1, shop.id)
            .bind(2, shop.code)
            .bind(3, shop.name)
            .bind(4, currencyCode(shop.currency))
            .bind(5, shop.timeZone)
            .exec("creating the shop");
    if (!s.ok())
        return fail(s.error());
    s = db.prepare("INSERT INTO terminal (id, shop_id, number, name, version) VALUES (?1,?2,?3,?4,1)")
            .bind(1, terminal.id)
            .bind(2, shop.id)
            .bind(3, terminal.number)
            .bind(4, terminal.name)
            .exec("creating the terminal");
    if (!s.ok())
        return fail(s.error());
    s = db.prepare("INSERT INTO app_user (id, shop_id, username, display_name, role, password_hash, version) "
                   "VALUES (?1,?2,?3,?4,'owner',?5,1)")
            .bind(1, owner.id)
            .bind(2, shop.id)
            .bind(3, owner.username)
            .bind(4, owner.displayName)
            .bind(5, owner.passwordHash)
            .exec("creating the owner");
    if (!s.ok())
        return fail(s.error());
    s = m_store.setIdentity(TerminalIdentity{shop.id, shop.code, shop.name, shop.currency, shop.timeZone,
                                             terminal.id, terminal.number});
    if (!s.ok())
        return fail(s.error());

    const std::array<JournalEntry, 3> entries{
        JournalEntry{owner.id,
                     QStringLiteral("shop.create"),
                     QStringLiteral("shop"),
                     shop.id,
                     {},
                     shop.toJson(),
                     op::kShopUpsert,
                     shop.toJson()},
        JournalEntry{owner.id,
                     QStringLiteral("terminal.create"),
                     QStringLiteral("terminal"),
                     terminal.id,
                     {},
                     terminal.toJson(),
                     op::kTerminalUpsert,
                     terminal.toJson()},
        JournalEntry{owner.id,
                     QStringLiteral("user.create"),
                     QStringLiteral("user"),
                     owner.id,
                     {},
                     QJsonObject{{QStringLiteral("username"), owner.username},
                                 {QStringLiteral("role"), roleName(owner.role)}},
                     op::kUserUpsert,
                     owner.toJson()}};
    for (const auto& e : entries)
        if (s = Journal::record(m_store, e); !s.ok())
            return fail(s.error());
    if (s = tx.commit(); !s.ok())
        return fail(s.error());
    return Session{owner.id, shop.id, Role::Owner, owner.username, owner.displayName};
}

} // namespace market::core
