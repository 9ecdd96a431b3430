// audit verify: walks the tamper-evident audit chain of every terminal in the store.
#include "Command.h"
#include "Context.h"
#include "Output.h"
#include "store/AuditVerifier.h"

#include <QJsonObject>

namespace market::cli {

using namespace market::core;

namespace {
int runVerify(Context& ctx) {
    MARKETCTL_CHECK(ctx.openStore(Context::StoreUse::ExistingShop));
    MARKETCTL_ASSIGN(const AuditVerification result, AuditVerifier::verify(ctx.store().db()));
    if (ctx.json())
        printJson(QJsonObject{{QStringLiteral("intact"), result.ok()},
                              {QStringLiteral("entriesChecked"), result.entriesChecked},
                              {QStringLiteral("brokenAtSeq"), result.firstBrokenSeq
                                                                  ? QJsonValue(*result.firstBrokenSeq)
                                                                  : QJsonValue(QJsonValue::Null)},
                              {QStringLiteral("problem"), result.problem}});
    if (!result.ok()) {
        // A broken chain is a finding, not a usage error: exit 1 with the entry named.
        printError(tr("audit chain broken at entry %1: %2").arg(*result.firstBrokenSeq).arg(result.problem));
        return kExitRefused;
    }
    if (!ctx.json())
        printLine(tr("audit chain intact: %1 entries").arg(result.entriesChecked));
    return kExitOk;
}
} // namespace

std::vector<Command> auditCommands() {
    return {
        {QStringLiteral("audit verify"),
         tr("Check that no audit entry was changed, removed or inserted"),
         {},
         runVerify,
         tr("Exit 0: \"audit chain intact: N entries\". Exit 1: the first broken entry and what is wrong.")},
    };
}

} // namespace market::cli
