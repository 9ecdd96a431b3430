// setting set, setting get: the shop's settings (known keys only).
#include "Args.h"
#include "Command.h"
#include "Context.h"
#include "Output.h"
#include "services/SettingsService.h"

#include <QJsonObject>

namespace market::cli {

using namespace market::core;

namespace {
const QString kKeys =
    QStringLiteral("adjustment_approval_qty, adjustment_approval_value, cash_session_required");

Result<QString> knownKey(Context& ctx) {
    auto key = ctx.required(QStringLiteral("key"));
    if (!key.ok())
        return key.error();
    if (!SettingsService::isKnown(key.value()))
        return Context::usage(tr("unknown setting \"%1\" (one of: %2)").arg(key.value(), kKeys));
    return key;
}

void printSetting(Context& ctx, const QString& key, qint64 value) {
    if (ctx.json())
        printJson(QJsonObject{{QStringLiteral("key"), key},
                              {QStringLiteral("value"), value},
                              {QStringLiteral("default"), SettingsService::defaultValue(key)}});
    else
        printLine(QStringLiteral("%1 = %2").arg(key).arg(value));
}

int runSet(Context& ctx) {
    MARKETCTL_ASSIGN(const QString key, knownKey(ctx));
    MARKETCTL_ASSIGN(const QString valueText, ctx.required(QStringLiteral("value")));
    MARKETCTL_ASSIGN(const qint64 value,
                     args::integer(QStringLiteral("value"), valueText, std::numeric_limits<qint64>::min(),
                                   std::numeric_limits<qint64>::max()));
    MARKETCTL_CHECK(ctx.openStore(Context::StoreUse::ExistingShop));
    MARKETCTL_ASSIGN(const Session actor, ctx.login());
    SettingsService settings(ctx.store());
    MARKETCTL_CHECK(settings.setInteger(actor, key, value));
    MARKETCTL_ASSIGN(const qint64 stored, settings.integer(key));
    printSetting(ctx, key, stored);
    return kExitOk;
}

int runGet(Context& ctx) {
    MARKETCTL_ASSIGN(const QString key, knownKey(ctx));
    MARKETCTL_CHECK(ctx.openStore(Context::StoreUse::ExistingShop));
    MARKETCTL_ASSIGN(const qint64 value, SettingsService(ctx.store()).integer(key));
    printSetting(ctx, key, value);
    return kExitOk;
}
} // namespace

std::vector<Command> settingCommands() {
    const QString keys =
        tr("Keys (whole numbers):\n"
           "  adjustment_approval_qty    thousandths of a unit; larger adjustments need a manager (50000)\n"
           "  adjustment_approval_value  minor units; likewise by estimated value (500000 = ₹5,000.00)\n"
           "  cash_session_required      1: cash needs an open cash session; 0: it does not (1)");
    return {
        {QStringLiteral("setting set"),
         tr("Change a shop setting (managers)"),
         {makeOption("key", "The setting.", "key"), makeOption("value", "A whole number.", "value")},
         runSet,
         keys},
        {QStringLiteral("setting get"),
         tr("Show a shop setting"),
         {makeOption("key", "The setting.", "key")},
         runGet,
         keys},
    };
}

} // namespace market::cli
