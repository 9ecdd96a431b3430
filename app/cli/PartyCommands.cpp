// party add, party list, party set-limit.
#include "Args.h"
#include "Command.h"
#include "Context.h"
#include "Output.h"
#include "services/PartyService.h"

#include <QJsonArray>
#include <QJsonObject>

namespace market::cli {

using namespace market::core;

namespace {
void printParty(Context& ctx, const PartyDoc& party) {
    if (ctx.json())
        printJson(party.toJson());
    else
        printLine(tr("%1 %2 \"%3\"%4")
                      .arg(partyKindName(party.kind), party.code, party.name,
                           party.kind == PartyKind::Buyer
                               ? tr(", credit limit %1").arg(ctx.money(party.creditLimit))
                               : QString()));
}

int runAdd(Context& ctx) {
    NewPartyRequest request;
    MARKETCTL_ASSIGN(const QString kindText, ctx.required(QStringLiteral("kind")));
    MARKETCTL_ASSIGN(request.kind, args::partyKind(kindText));
    MARKETCTL_ASSIGN(request.name, ctx.required(QStringLiteral("name")));
    if (ctx.isSet(QStringLiteral("code"))) {
        MARKETCTL_ASSIGN(request.code, args::code(QStringLiteral("code"), ctx.value(QStringLiteral("code"))));
    }
    request.phone = ctx.value(QStringLiteral("phone"));
    if (ctx.isSet(QStringLiteral("credit-limit"))) {
        if (request.kind != PartyKind::Buyer)
            return ctx.fail(Context::usage(tr("--credit-limit is for buyers only")));
        MARKETCTL_ASSIGN(request.creditLimit, args::money(QStringLiteral("credit-limit"),
                                                          ctx.value(QStringLiteral("credit-limit"))));
    }
    MARKETCTL_CHECK(ctx.openStore(Context::StoreUse::ExistingShop));
    MARKETCTL_ASSIGN(const Session actor, ctx.login());
    MARKETCTL_ASSIGN(const PartyDoc party, PartyService(ctx.store()).create(actor, request));
    printParty(ctx, party);
    return kExitOk;
}

int runList(Context& ctx) {
    std::vector<PartyKind> kinds{PartyKind::Farmer, PartyKind::Buyer};
    if (ctx.isSet(QStringLiteral("kind"))) {
        MARKETCTL_ASSIGN(const PartyKind kind, args::partyKind(ctx.value(QStringLiteral("kind"))));
        kinds = {kind};
    }
    qint64 limit = 10000;
    if (ctx.isSet(QStringLiteral("limit"))) {
        MARKETCTL_ASSIGN(
            limit, args::integer(QStringLiteral("limit"), ctx.value(QStringLiteral("limit")), 1, 100000));
    }
    MARKETCTL_CHECK(ctx.openStore(Context::StoreUse::ExistingShop));
    PartyService service(ctx.store());
    std::vector<PartyDoc> parties;
    for (const PartyKind kind : kinds) {
        MARKETCTL_ASSIGN(auto found,
                         service.search(kind, ctx.value(QStringLiteral("search")), static_cast<int>(limit)));
        std::move(found.begin(), found.end(), std::back_inserter(parties));
    }
    if (ctx.json()) {
        QJsonArray list;
        for (const auto& p : parties)
            list.append(p.toJson());
        printJson(list);
        return kExitOk;
    }
    QList<QStringList> rows;
    for (const auto& p : parties)
        rows.append({p.code, partyKindName(p.kind), p.name, p.phone,
                     p.kind == PartyKind::Buyer ? ctx.money(p.creditLimit) : QString()});
    printTable({tr("CODE"), tr("KIND"), tr("NAME"), tr("PHONE"), tr("CREDIT LIMIT")}, rows, {4});
    return kExitOk;
}

int runSetLimit(Context& ctx) {
    MARKETCTL_ASSIGN(const QString codeText, ctx.required(QStringLiteral("code")));
    MARKETCTL_ASSIGN(const QString code, args::code(QStringLiteral("code"), codeText));
    MARKETCTL_ASSIGN(const QString limitText, ctx.required(QStringLiteral("limit")));
    MARKETCTL_ASSIGN(const Money limit, args::money(QStringLiteral("limit"), limitText));
    MARKETCTL_CHECK(ctx.openStore(Context::StoreUse::ExistingShop));
    PartyService service(ctx.store());
    MARKETCTL_ASSIGN(const PartyDoc buyer, service.byCode(code));
    MARKETCTL_ASSIGN(const Session actor, ctx.login());
    MARKETCTL_ASSIGN(const PartyDoc updated, service.setCreditLimit(actor, buyer.id, limit));
    printParty(ctx, updated);
    return kExitOk;
}
} // namespace

std::vector<Command> partyCommands() {
    return {
        {QStringLiteral("party add"),
         tr("Add a farmer or a buyer"),
         {makeOption("kind", "farmer or buyer.", "kind"), makeOption("name", "Name (any script).", "name"),
          makeOption("code", "Code (default: the next F0001/B0001 style code).", "code"),
          makeOption("phone", "Phone number.", "phone"),
          makeOption("credit-limit", "Buyers: how much credit they may owe (default 0: cash only).",
                     "amount")},
         runAdd,
         {}},
        {QStringLiteral("party list"),
         tr("List farmers and buyers"),
         {makeOption("kind", "Only farmers or only buyers.", "kind"),
          makeOption("search", "Prefix of name, code or phone.", "text"),
          makeOption("limit", "At most this many of each kind (default 10000).", "n")},
         runList,
         {}},
        {QStringLiteral("party set-limit"),
         tr("Change a buyer's credit limit (managers)"),
         {makeOption("code", "The buyer's code.", "code"), makeOption("limit", "The new limit.", "amount")},
         runSetLimit,
         {}},
    };
}

} // namespace market::cli
