// init, user add, user list.
#include "Args.h"
#include "Command.h"
#include "Context.h"
#include "Output.h"
#include "services/AuthService.h"
#include "services/SetupService.h"

#include <QJsonArray>
#include <QJsonObject>

namespace market::cli {

using namespace market::core;

namespace {
QJsonObject userJson(const UserSummary& u) {
    return {{QStringLiteral("id"), u.id.toString()},        {QStringLiteral("username"), u.username},
            {QStringLiteral("displayName"), u.displayName}, {QStringLiteral("role"), roleName(u.role)},
            {QStringLiteral("active"), u.active},           {QStringLiteral("hasPin"), u.hasPin},
            {QStringLiteral("lockedOut"), u.lockedOut}};
}

int runInit(Context& ctx) {
    StandaloneShopRequest request;
    MARKETCTL_ASSIGN(request.shopCode, ctx.required(QStringLiteral("shop-code")));
    MARKETCTL_ASSIGN(request.shopName, ctx.required(QStringLiteral("shop-name")));
    if (ctx.isSet(QStringLiteral("currency"))) {
        MARKETCTL_ASSIGN(request.currency, args::currency(ctx.value(QStringLiteral("currency"))));
    }
    if (ctx.isSet(QStringLiteral("timezone")))
        request.timeZone = ctx.value(QStringLiteral("timezone"));
    if (!QTimeZone(request.timeZone.toUtf8()).isValid())
        return ctx.fail(Context::usage(
            tr("--timezone: unknown time zone \"%1\" (e.g. Asia/Kolkata)").arg(request.timeZone)));
    if (ctx.isSet(QStringLiteral("terminal"))) {
        MARKETCTL_ASSIGN(
            request.terminalNumber,
            args::integer(QStringLiteral("terminal"), ctx.value(QStringLiteral("terminal")), 1, 9999));
    }
    request.terminalName = ctx.isSet(QStringLiteral("terminal-name"))
                               ? ctx.value(QStringLiteral("terminal-name"))
                               : tr("Counter %1").arg(request.terminalNumber);
    MARKETCTL_ASSIGN(request.ownerUsername, ctx.required(QStringLiteral("owner")));
    request.ownerDisplayName = ctx.isSet(QStringLiteral("owner-name"))
                                   ? ctx.value(QStringLiteral("owner-name"))
                                   : request.ownerUsername;
    MARKETCTL_ASSIGN(request.ownerPassword, ctx.password(request.ownerUsername));

    MARKETCTL_CHECK(ctx.openStore(Context::StoreUse::NewShop));
    MARKETCTL_ASSIGN(const Session owner, SetupService(ctx.store()).createStandaloneShop(request));
    const auto& shop = ctx.shop();
    if (ctx.json()) {
        printJson(QJsonObject{{QStringLiteral("shopId"), shop.shopId.toString()},
                              {QStringLiteral("shopCode"), shop.shopCode},
                              {QStringLiteral("shopName"), shop.shopName},
                              {QStringLiteral("currency"), currencyCode(shop.currency)},
                              {QStringLiteral("timeZone"), shop.timeZone},
                              {QStringLiteral("terminalId"), shop.terminalId.toString()},
                              {QStringLiteral("terminalNumber"), shop.terminalNumber},
                              {QStringLiteral("owner"), owner.username}});
    } else {
        printLine(tr("Created shop %1 \"%2\" (%3, %4), terminal %5, owner %6 in %7")
                      .arg(shop.shopCode, shop.shopName, currencyCode(shop.currency), shop.timeZone)
                      .arg(shop.terminalNumber)
                      .arg(owner.username, ctx.storePath()));
    }
    return kExitOk;
}

int runUserAdd(Context& ctx) {
    NewUserRequest request;
    MARKETCTL_ASSIGN(request.username, ctx.required(QStringLiteral("username")));
    MARKETCTL_ASSIGN(request.displayName, ctx.required(QStringLiteral("name")));
    MARKETCTL_ASSIGN(const QString roleText, ctx.required(QStringLiteral("role")));
    MARKETCTL_ASSIGN(request.role, args::role(roleText));

    MARKETCTL_CHECK(ctx.openStore(Context::StoreUse::ExistingShop));
    MARKETCTL_ASSIGN(const Session actor, ctx.login());
    // Order on stdin: the acting user's password (with --password-stdin), the new password, the PIN.
    MARKETCTL_ASSIGN(request.password,
                     ctx.secret(QStringLiteral("MARKET_NEW_PASSWORD"), tr("the new user's password")));
    if (ctx.isSet(QStringLiteral("pin-stdin")) || !qEnvironmentVariableIsEmpty("MARKET_NEW_PIN")) {
        MARKETCTL_ASSIGN(request.pin, ctx.secret(QStringLiteral("MARKET_NEW_PIN"), tr("the new user's PIN")));
    }
    MARKETCTL_ASSIGN(const UserSummary user, AuthService(ctx.store()).createUser(actor, request));
    if (ctx.json())
        printJson(userJson(user));
    else
        printLine(tr("Added %1 \"%2\" as %3").arg(user.username, user.displayName, roleName(user.role)));
    return kExitOk;
}

int runUserList(Context& ctx) {
    MARKETCTL_CHECK(ctx.openStore(Context::StoreUse::ExistingShop));
    MARKETCTL_ASSIGN(const auto users, AuthService(ctx.store()).users());
    if (ctx.json()) {
        QJsonArray list;
        for (const auto& u : users)
            list.append(userJson(u));
        printJson(list);
        return kExitOk;
    }
    QList<QStringList> rows;
    for (const auto& u : users)
        rows.append({u.username, u.displayName, roleName(u.role), u.active ? tr("active") : tr("inactive"),
                     u.hasPin ? tr("yes") : tr("no"), u.lockedOut ? tr("locked") : QString()});
    printTable({tr("USER"), tr("NAME"), tr("ROLE"), tr("STATUS"), tr("PIN"), QString()}, rows);
    return kExitOk;
}
} // namespace

std::vector<Command> setupCommands() {
    return {
        {QStringLiteral("init"),
         tr("Create the shop, this terminal and its owner in a new store"),
         {makeOption("shop-code", "Shop code, e.g. HYD01 (letters and digits).", "code"),
          makeOption("shop-name", "Shop name.", "name"),
          makeOption("currency", "INR (default), USD, EUR or GBP.", "code"),
          makeOption("timezone", "Time zone of the shop (default Asia/Kolkata).", "zone"),
          makeOption("terminal", "This terminal's number (default 1).", "n"),
          makeOption("terminal-name", "This terminal's name.", "name"),
          makeOption("owner", "The owner's username.", "username"),
          makeOption("owner-name", "The owner's display name (any script).", "name")},
         runInit,
         tr("The owner's password comes from --password-stdin or $MARKET_PASSWORD (at least 8 characters).\n"
            "Refuses a store that already holds a shop.")},
        {QStringLiteral("user add"),
         tr("Add a cashier, manager or owner (managers and owners only)"),
         {makeOption("username", "Login name (no spaces).", "username"),
          makeOption("name", "Display name (any script).", "name"),
          makeOption("role", "cashier, manager or owner.", "role"),
          makeOption("pin-stdin", "Also read a 4–8 digit PIN (else $MARKET_NEW_PIN if set).")},
         runUserAdd,
         tr("Secrets, in this order on stdin: the acting user's password (with --password-stdin, else\n"
            "$MARKET_PASSWORD), the new password (else $MARKET_NEW_PASSWORD), the PIN (with --pin-stdin).")},
        {QStringLiteral("user list"), tr("List the shop's users"), {}, runUserList, {}},
    };
}

} // namespace market::cli
