// enrol, sync, sync status: the counter's link with market-server (push, then pull).
// Built into marketctl only when market_sync is (see sync/engine/CMakeLists.txt).
#include "Args.h"
#include "Command.h"
#include "Context.h"
#include "Output.h"

#include <QDateTime>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonObject>
#include <algorithm>
#include <engine/SyncEngine.h>
#include <services/FeedApplier.h>
#include <store/Outbox.h>

namespace market::cli {

using namespace market::core;
using market::sync::DeviceKeychain;
using market::sync::PullOutcome;
using market::sync::PushOutcome;
using market::sync::SyncEngine;
using market::sync::SyncOptions;

namespace {
SyncOptions syncOptions(Context& ctx) {
    SyncOptions o;
    o.caFile = ctx.value(QStringLiteral("ca-file"));
    o.serverUrl = ctx.value(QStringLiteral("server"));
    return o;
}

int runEnrol(Context& ctx) {
    MARKETCTL_ASSIGN(const QString server, ctx.required(QStringLiteral("server")));
    MARKETCTL_ASSIGN(const QString code, ctx.required(QStringLiteral("code")));
    MARKETCTL_ASSIGN(const QString shop, ctx.required(QStringLiteral("shop")));
    MARKETCTL_CHECK(SyncEngine::checkServerUrl(QUrl(server)));
    MARKETCTL_CHECK(ctx.openStore(Context::StoreUse::NewShop));
    const QString name =
        ctx.isSet(QStringLiteral("name")) ? ctx.value(QStringLiteral("name")) : QStringLiteral("Counter");
    SyncOptions options = syncOptions(ctx);
    options.serverUrl.clear();
    MARKETCTL_ASSIGN(const auto enrolled,
                     SyncEngine::enrol(ctx.store(), DeviceKeychain(), server, shop, code, name, options));
    const Enrolment& e = enrolled.enrolment;
    if (ctx.json())
        printJson(QJsonObject{{QStringLiteral("server"), e.serverUrl},
                              {QStringLiteral("shopId"), e.shopId.toString()},
                              {QStringLiteral("shopCode"), e.shopCode},
                              {QStringLiteral("terminalId"), e.terminalId.toString()},
                              {QStringLiteral("terminalNumber"), e.terminalNumber},
                              {QStringLiteral("protocolVersion"), enrolled.protocolVersion}});
    else
        printLine(
            tr("Enrolled as terminal %1 (%2) of shop %3 at %4; the device secret is in the OS keychain.\n"
               "Next: \"marketctl init --shop-code %3 ...\" on this store, then \"marketctl sync\".")
                .arg(e.terminalNumber)
                .arg(e.terminalId.toString(), e.shopCode, e.serverUrl));
    return kExitOk;
}

QJsonObject outcomeJson(const PushOutcome& o) {
    const char* kinds[] = {"done", "retry", "failed"};
    return QJsonObject{{QStringLiteral("result"), QLatin1String(kinds[int(o.kind)])},
                       {QStringLiteral("batches"), o.batches},
                       {QStringLiteral("acknowledged"), o.acknowledged},
                       {QStringLiteral("applied"), o.applied},
                       {QStringLiteral("skipped"), o.skipped},
                       {QStringLiteral("quarantined"), o.quarantined},
                       {QStringLiteral("httpStatus"), o.httpStatus},
                       {QStringLiteral("error"), o.errorCode},
                       {QStringLiteral("message"), o.message}};
}

QJsonObject pullJson(const PullOutcome& o) {
    const char* kinds[] = {"done", "retry", "failed"};
    return QJsonObject{{QStringLiteral("result"), QLatin1String(kinds[int(o.kind)])},
                       {QStringLiteral("pages"), o.pages},
                       {QStringLiteral("changes"), o.changes},
                       {QStringLiteral("applied"), o.applied},
                       {QStringLiteral("skipped"), o.skipped},
                       {QStringLiteral("parked"), o.parked},
                       {QStringLiteral("anomalies"), o.anomalies},
                       {QStringLiteral("bulkLoad"), o.bulkLoad},
                       {QStringLiteral("httpStatus"), o.httpStatus},
                       {QStringLiteral("error"), o.errorCode},
                       {QStringLiteral("message"), o.message}};
}

/// The push's figures (as before), and the pull's under "pull" when one ran.
void printOutcome(Context& ctx, const PushOutcome& o, qint64 pending, const PullOutcome* pulled) {
    if (ctx.json()) {
        QJsonObject j = outcomeJson(o);
        j.insert(QStringLiteral("pending"), pending);
        if (pulled)
            j.insert(QStringLiteral("pull"), pullJson(*pulled));
        printJson(j);
        return;
    }
    if (pulled && pulled->bulkLoad)
        printLine(tr("loaded the shop's history in bulk: report indexes built once at the end"));
    if (pulled)
        printLine(tr("pulled %1 change(s) in %2 page(s): %3 applied, %4 skipped, %5 parked, %6 new anomalies")
                      .arg(pulled->changes)
                      .arg(pulled->pages)
                      .arg(pulled->applied)
                      .arg(pulled->skipped)
                      .arg(pulled->parked)
                      .arg(pulled->anomalies));
    printLine(tr("pushed %1 operation(s) in %2 batch(es): %3 applied, %4 repeats skipped, %5 quarantined; %6 "
                 "pending")
                  .arg(o.acknowledged)
                  .arg(o.batches)
                  .arg(o.applied)
                  .arg(o.skipped)
                  .arg(o.quarantined)
                  .arg(pending));
}

int runSync(Context& ctx) {
    MARKETCTL_CHECK(ctx.openStore(Context::StoreUse::ExistingShop));
    SyncOptions options = syncOptions(ctx);
    if (ctx.isSet(QStringLiteral("batch"))) {
        MARKETCTL_ASSIGN(const qint64 batch,
                         args::integer(QStringLiteral("batch"), ctx.value(QStringLiteral("batch")), 1, 500));
        options.batchSize = int(batch);
    }
    SyncEngine engine(ctx.store(), DeviceKeychain(), options);
    if (ctx.isSet(QStringLiteral("once"))) {
        const PushOutcome o = engine.pushAll();
        if (o.kind != PushOutcome::Kind::Done) {
            printOutcome(ctx, o, engine.status().pendingCount(), nullptr);
            printError(o.message);
            return kExitRefused;
        }
        const PullOutcome pulled = engine.pullAll(); // a long-offline counter uploads first
        printOutcome(ctx, o, engine.status().pendingCount(), &pulled);
        if (pulled.kind == PullOutcome::Kind::Done)
            return kExitOk;
        printError(pulled.message);
        return kExitRefused;
    }
    // Until stopped (Ctrl-C) or a failure a person must fix; network failures are retried.
    QEventLoop loop;
    int exitCode = kExitOk;
    QObject::connect(&engine, &SyncEngine::cycleFinished, &loop, [&](const PushOutcome& o) {
        if (o.batches > 0 || o.kind != PushOutcome::Kind::Done)
            printOutcome(ctx, o, engine.status().pendingCount(), nullptr);
        if (o.kind == PushOutcome::Kind::Transient)
            printError(o.message);
        if (o.kind == PushOutcome::Kind::Fatal) {
            printError(o.message);
            exitCode = kExitRefused;
            loop.quit();
        }
    });
    engine.start();
    loop.exec();
    return exitCode;
}

QJsonArray anomaliesJson(const std::vector<SyncAnomaly>& anomalies) {
    QJsonArray out;
    for (const auto& a : anomalies) {
        QJsonObject o{{QStringLiteral("id"), a.id},
                      {QStringLiteral("kind"), a.kind},
                      {QStringLiteral("entity"), a.entity},
                      {QStringLiteral("entityId"), a.entityId},
                      {QStringLiteral("details"), a.details},
                      {QStringLiteral("position"), a.position},
                      {QStringLiteral("resolved"), a.resolvedAtMs > 0}};
        if (a.resolvedAtMs > 0) {
            o.insert(QStringLiteral("resolvedAtMs"), a.resolvedAtMs);
            o.insert(QStringLiteral("resolution"), a.resolution);
        }
        out.append(o);
    }
    return out;
}

qint64 openCount(const std::vector<SyncAnomaly>& anomalies) {
    return qint64(std::count_if(anomalies.begin(), anomalies.end(),
                                [](const SyncAnomaly& a) { return a.resolvedAtMs == 0; }));
}

QJsonArray parkedJson(const std::vector<ParkedChange>& parked) {
    QJsonArray out;
    for (const auto& p : parked)
        out.append(QJsonObject{{QStringLiteral("position"), p.position},
                               {QStringLiteral("type"), p.type},
                               {QStringLiteral("id"), p.entityId},
                               {QStringLiteral("terminalId"), p.terminalId},
                               {QStringLiteral("reason"), p.reason}});
    return out;
}

int runStatus(Context& ctx) {
    MARKETCTL_CHECK(ctx.openStore(Context::StoreUse::ExistingShop));
    MARKETCTL_ASSIGN(const auto enrolment, Outbox::enrolment(ctx.store()));
    SyncEngine engine(ctx.store(), DeviceKeychain(), syncOptions(ctx));
    MARKETCTL_CHECK(engine.refreshStatus());
    MARKETCTL_ASSIGN(const auto quarantine, Outbox::quarantine(ctx.store()));
    FeedApplier feed(ctx.store());
    MARKETCTL_ASSIGN(const QString cursor, feed.cursor());
    MARKETCTL_ASSIGN(const auto anomalies, feed.anomalies());
    MARKETCTL_ASSIGN(const auto parked, feed.parked());
    MARKETCTL_ASSIGN(const QString epoch, Outbox::knownEpoch(ctx.store()));
    // The last restore of the server this counter went through (sync/PROTOCOL.md, "Restore").
    MARKETCTL_ASSIGN(const QString restoredAt,
                     Outbox::syncMeta(ctx.store(), QStringLiteral("epoch_switched_at_ms")));
    MARKETCTL_ASSIGN(const QString reenqueued,
                     Outbox::syncMeta(ctx.store(), QStringLiteral("epoch_reenqueued")));
    const auto& s = engine.status();
    const qint64 now = ctx.store().nowMs();
    if (ctx.json()) {
        QJsonArray q;
        for (const auto& e : quarantine)
            q.append(QJsonObject{{QStringLiteral("firstSeq"), e.firstSeq},
                                 {QStringLiteral("lastSeq"), e.lastSeq},
                                 {QStringLiteral("count"), e.count},
                                 {QStringLiteral("opId"), e.opId},
                                 {QStringLiteral("type"), e.type},
                                 {QStringLiteral("reason"), e.reason},
                                 {QStringLiteral("source"), e.source},
                                 {QStringLiteral("atMs"), e.atMs}});
        QJsonObject j{{QStringLiteral("enrolled"), enrolment.has_value()},
                      {QStringLiteral("pending"), s.pendingCount()},
                      {QStringLiteral("oldestPendingAgeMs"), s.oldestPendingAgeMs(now)},
                      {QStringLiteral("lastSuccessMs"), s.lastSuccessMs()},
                      {QStringLiteral("offlineSinceMs"), s.offlineSinceMs()},
                      {QStringLiteral("quarantinedCount"), s.quarantinedCount()},
                      {QStringLiteral("serverProtocolVersion"), s.serverProtocolVersion()},
                      {QStringLiteral("quarantine"), q},
                      {QStringLiteral("pullCursor"), cursor},
                      {QStringLiteral("anomalyCount"), openCount(anomalies)},
                      {QStringLiteral("anomalies"), anomaliesJson(anomalies)},
                      {QStringLiteral("parkedCount"), qint64(parked.size())},
                      {QStringLiteral("parked"), parkedJson(parked)},
                      {QStringLiteral("epoch"), epoch}};
        if (!restoredAt.isEmpty())
            j.insert(QStringLiteral("serverRestore"),
                     QJsonObject{{QStringLiteral("atMs"), restoredAt.toLongLong()},
                                 {QStringLiteral("reenqueued"), reenqueued.toLongLong()}});
        if (enrolment) {
            j.insert(QStringLiteral("server"), enrolment->serverUrl);
            j.insert(QStringLiteral("terminalId"), enrolment->terminalId.toString());
            j.insert(QStringLiteral("terminalNumber"), enrolment->terminalNumber);
        }
        printJson(j);
        return kExitOk;
    }
    if (!enrolment)
        printLine(tr("not enrolled with a server (standalone counter)"));
    else
        printLine(tr("enrolled as terminal %1 (%2) at %3, protocol %4")
                      .arg(enrolment->terminalNumber)
                      .arg(enrolment->terminalId.toString(), enrolment->serverUrl)
                      .arg(s.serverProtocolVersion()));
    printLine(tr("pending: %1 operation(s), oldest %2 s old")
                  .arg(s.pendingCount())
                  .arg(s.oldestPendingAgeMs(now) / 1000));
    printLine(tr("last successful sync: %1")
                  .arg(s.lastSuccessMs() > 0 ? ctx.dateTime(s.lastSuccessMs()) : tr("never")));
    if (s.offlineSinceMs() > 0)
        printLine(tr("offline since: %1").arg(ctx.dateTime(s.offlineSinceMs())));
    printLine(tr("quarantined: %1").arg(s.quarantinedCount()));
    for (const auto& e : quarantine)
        printLine(QStringLiteral("  seq %1%2 [%3] %4 %5")
                      .arg(e.firstSeq)
                      .arg(e.lastSeq != e.firstSeq ? QStringLiteral("–%1").arg(e.lastSeq) : QString())
                      .arg(e.source, e.type, e.reason));
    printLine(tr("pull cursor: %1").arg(cursor.isEmpty() ? tr("none (never pulled)") : cursor));
    if (!restoredAt.isEmpty())
        printLine(
            tr("server restored from a backup (new data epoch) noticed at %1: %2 operation(s) sent again, "
               "the shop's data read afresh")
                .arg(ctx.dateTime(restoredAt.toLongLong()))
                .arg(reenqueued.toLongLong()));
    printLine(
        tr("anomalies raised by the server: %1 (%2 open)").arg(anomalies.size()).arg(openCount(anomalies)));
    for (const auto& a : anomalies)
        printLine(a.resolvedAtMs > 0
                      ? QStringLiteral("  %1 %2 %3 ").arg(a.kind, a.entity, a.entityId) +
                            tr("resolved %1: %2").arg(ctx.dateTime(a.resolvedAtMs), a.resolution)
                      : QStringLiteral("  %1 %2 %3").arg(a.kind, a.entity, a.entityId));
    printLine(tr("parked feed documents: %1").arg(parked.size()));
    for (const auto& p : parked)
        printLine(QStringLiteral("  #%1 %2 %3: %4").arg(p.position).arg(p.type, p.entityId, p.reason));
    return kExitOk;
}
} // namespace

std::vector<Command> syncCommands() {
    const auto caFile = makeOption("ca-file", "PEM file of CA certificates to trust for the server.", "FILE");
    return {
        {QStringLiteral("enrol"),
         tr("Enrol this (new) store as a terminal of a shop on market-server."),
         {makeOption("server", "The server's address, e.g. https://market.example:8443.", "URL"),
          makeOption("shop", "The shop's code on the server, e.g. HYD01.", "CODE"),
          makeOption("code", "The one-time enrolment code (market-server enrol-code).", "CODE"),
          makeOption("name", "A name for this counter.", "NAME"), caFile},
         runEnrol,
         tr("Enrol first, on a new --db file, then run \"marketctl init\" with the same shop code: the "
            "shop and terminal ids come from the server. The device secret goes to the OS keychain "
            "(Secret Service) only; without a keychain nothing is stored.")},
        {QStringLiteral("sync"),
         tr("Push the outbox to the server, then pull the shop's feed (until stopped, or once with --once)."),
         {makeOption("once",
                     "Push until the outbox is empty, then pull until the feed has no more, then exit."),
          makeOption("server", "Use this address instead of the enrolled one.", "URL"),
          makeOption("batch", "Operations per push (1-500, default 200).", "N"), caFile},
         runSync,
         tr("Network failures and server errors 5xx are retried with back-off; a revoked terminal, an "
            "untrusted certificate or a sequence gap stop with exit code 1 and keep the outbox. A server "
            "restored from a backup (new data epoch) gets this counter's operations again and the shop's "
            "data is read afresh, by itself.")},
        {QStringLiteral("sync status"),
         tr("Pending, quarantined, last successful sync, pull cursor, anomalies and parked feed documents "
            "(no network)."),
         {},
         runStatus,
         {}},
    };
}

} // namespace market::cli
