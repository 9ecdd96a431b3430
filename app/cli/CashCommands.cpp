// cash open, cash in, cash out, cash x, cash close, cash show: the counter's drawer.
#include "Args.h"
#include "Command.h"
#include "Context.h"
#include "Output.h"
#include "services/CashSessionService.h"

#include <QJsonArray>
#include <QJsonObject>

namespace market::cli {

using namespace market::core;

namespace {
QJsonValue optionalMoney(const std::optional<Money>& m) {
    return m ? QJsonValue(m->minor()) : QJsonValue(QJsonValue::Null);
}

QJsonObject reportJson(const CashSessionReport& r) {
    QJsonArray notes;
    for (const auto& d : r.denominations)
        notes.append(
            QJsonObject{{QStringLiteral("faceMinor"), d.faceMinor}, {QStringLiteral("count"), d.count}});
    return QJsonObject{
        {QStringLiteral("sessionId"), r.sessionId.toString()},
        {QStringLiteral("terminalId"), r.terminalId.toString()},
        {QStringLiteral("openedBy"), r.openedBy.toString()},
        {QStringLiteral("openedAtMs"), r.openedAtMs},
        {QStringLiteral("closedAtMs"),
         r.closedAtMs ? QJsonValue(*r.closedAtMs) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("status"), r.closedAtMs ? QStringLiteral("closed") : QStringLiteral("open")},
        {QStringLiteral("openingFloat"), r.openingFloat.minor()},
        {QStringLiteral("cashSales"), r.cashSales.minor()},
        {QStringLiteral("salesCount"), r.salesCount},
        {QStringLiteral("cashCollections"), r.cashCollections.minor()},
        {QStringLiteral("cashIn"), r.cashIn.minor()},
        {QStringLiteral("cashOut"), r.cashOut.minor()},
        {QStringLiteral("farmerPayouts"), r.farmerPayouts.minor()},
        {QStringLiteral("cashExpenses"), r.cashExpenses.minor()},
        {QStringLiteral("expected"), r.expected.minor()},
        {QStringLiteral("counted"), optionalMoney(r.counted)},
        {QStringLiteral("variance"), optionalMoney(r.variance)},
        {QStringLiteral("denominations"), notes},
    };
}

/// The X report (open) or Z report (closed) as text.
void printReport(Context& ctx, const CashSessionReport& r) {
    if (r.closedAtMs)
        printLine(tr("Z report: cash session %1, %2 – %3")
                      .arg(r.sessionId.toString(), ctx.dateTime(r.openedAtMs), ctx.dateTime(*r.closedAtMs)));
    else
        printLine(tr("X report: cash session %1, open since %2")
                      .arg(r.sessionId.toString(), ctx.dateTime(r.openedAtMs)));
    const auto minus = [&](Money m) {
        return m.isZero() ? ctx.money(m) : QStringLiteral("−") + ctx.money(m);
    };
    QList<QStringList> rows{
        {tr("Opening float"), ctx.money(r.openingFloat)},
        {tr("Cash sales (bills: %1)").arg(r.salesCount), ctx.money(r.cashSales)},
        {tr("Cash collections"), ctx.money(r.cashCollections)},
        {tr("Cash in"), ctx.money(r.cashIn)},
        {tr("Cash out"), minus(r.cashOut)},
        {tr("Farmer payouts"), minus(r.farmerPayouts)},
        {tr("Cash expenses"), minus(r.cashExpenses)},
        {tr("Expected in the drawer"), ctx.money(r.expected)},
    };
    if (r.counted)
        rows.append({tr("Counted"), ctx.money(*r.counted)});
    if (r.variance) {
        const QString v =
            r.variance->isNegative() ? QStringLiteral("−") + ctx.money(-*r.variance) : ctx.money(*r.variance);
        rows.append({r.variance->isZero()       ? tr("Variance (exact)")
                     : r.variance->isNegative() ? tr("Variance (short)")
                                                : tr("Variance (over)"),
                     v});
    }
    printTable({QString(), QString()}, rows, {1});
    if (!r.denominations.empty()) {
        QList<QStringList> notes;
        for (const auto& d : r.denominations)
            notes.append({QStringLiteral("  ") + ctx.money(Money::fromMinor(d.faceMinor)),
                          QStringLiteral("× %1").arg(d.count),
                          ctx.money(Money::fromMinor(d.faceMinor * d.count))});
        printLine(tr("Notes and coins counted:"));
        printTable({QString(), QString(), QString()}, notes, {0, 2});
    }
}

Result<Money> requiredMoney(Context& ctx, const QString& name) {
    auto text = ctx.required(name);
    if (!text.ok())
        return text.error();
    return args::money(name, text.value());
}

int runOpen(Context& ctx) {
    MARKETCTL_ASSIGN(const Money openingFloat, requiredMoney(ctx, QStringLiteral("float")));
    MARKETCTL_CHECK(ctx.openStore(Context::StoreUse::ExistingShop));
    MARKETCTL_ASSIGN(const Session actor, ctx.login());
    MARKETCTL_ASSIGN(const CashSessionOpenedDoc doc,
                     CashSessionService(ctx.store()).open(actor, openingFloat));
    if (ctx.json())
        printJson(doc.toJson());
    else
        printLine(tr("cash session %1 opened with a float of %2")
                      .arg(doc.id.toString(), ctx.money(doc.openingFloat)));
    return kExitOk;
}

int runMove(Context& ctx, bool cashIn) {
    MARKETCTL_ASSIGN(const Money amount, requiredMoney(ctx, QStringLiteral("amount")));
    MARKETCTL_ASSIGN(const QString reason, ctx.required(QStringLiteral("reason")));
    MARKETCTL_CHECK(ctx.openStore(Context::StoreUse::ExistingShop));
    MARKETCTL_ASSIGN(const Session actor, ctx.login());
    CashSessionService cash(ctx.store());
    MARKETCTL_ASSIGN(const CashMovementDoc doc, cash.move(actor, cashIn, amount, reason));
    if (ctx.json()) {
        printJson(doc.toJson());
        return kExitOk;
    }
    const auto figures = cash.report(doc.sessionId);
    printLine(
        (cashIn ? tr("cash in %1 (%2); the drawer should hold %3")
                : tr("cash out %1 (%2); the drawer should hold %3"))
            .arg(ctx.money(doc.amount), doc.reason, figures.ok() ? ctx.money(figures->expected) : tr("?")));
    return kExitOk;
}

int runX(Context& ctx) {
    MARKETCTL_CHECK(ctx.openStore(Context::StoreUse::ExistingShop));
    CashSessionService cash(ctx.store());
    MARKETCTL_ASSIGN(const std::optional<Uuid> open, cash.openSession());
    if (!open)
        return ctx.fail(Error{ErrorCode::InvalidState,
                              tr("no cash session is open at this counter (\"marketctl cash open\")")});
    MARKETCTL_ASSIGN(const CashSessionReport report, cash.report(*open));
    if (ctx.json())
        printJson(reportJson(report));
    else
        printReport(ctx, report);
    return kExitOk;
}

int runClose(Context& ctx) {
    std::optional<Money> counted;
    std::vector<Denomination> notes;
    if (ctx.isSet(QStringLiteral("counted"))) {
        MARKETCTL_ASSIGN(counted,
                         args::money(QStringLiteral("counted"), ctx.value(QStringLiteral("counted"))));
    }
    if (ctx.isSet(QStringLiteral("notes"))) {
        MARKETCTL_ASSIGN(notes, args::denominations(ctx.value(QStringLiteral("notes"))));
    }
    if (!counted && notes.empty())
        return ctx.fail(
            Context::usage(tr("give the cash counted: --counted AMOUNT or --notes 500x3,100x1,...")));
    MARKETCTL_CHECK(ctx.openStore(Context::StoreUse::ExistingShop));
    MARKETCTL_ASSIGN(const Session actor, ctx.login());
    MARKETCTL_ASSIGN(const CashSessionReport report,
                     CashSessionService(ctx.store()).close(actor, counted, notes));
    if (ctx.json())
        printJson(reportJson(report));
    else
        printReport(ctx, report);
    return kExitOk;
}

int runShow(Context& ctx) {
    MARKETCTL_ASSIGN(const QString idText, ctx.required(QStringLiteral("session")));
    MARKETCTL_ASSIGN(const Uuid id, args::id(QStringLiteral("session"), idText));
    MARKETCTL_CHECK(ctx.openStore(Context::StoreUse::ExistingShop));
    MARKETCTL_ASSIGN(const CashSessionReport report, CashSessionService(ctx.store()).report(id));
    if (ctx.json())
        printJson(reportJson(report));
    else
        printReport(ctx, report);
    return kExitOk;
}
} // namespace

std::vector<Command> cashCommands() {
    const QString amounts = tr("JSON amounts are integer minor units (paise): 200000 is ₹2,000.00.");
    return {
        {QStringLiteral("cash open"),
         tr("Open the counter's cash drawer with a float"),
         {makeOption("float", "The cash in the drawer at opening, e.g. 2000.", "amount")},
         runOpen,
         tr("Cash sales, cash collections, cash farmer payouts and cash expenses need an open session\n"
            "(setting cash_session_required).")},
        {QStringLiteral("cash in"),
         tr("Put cash into the open drawer (change from the bank...)"),
         {makeOption("amount", "The amount.", "amount"), makeOption("reason", "Why.", "text")},
         [](Context& ctx) { return runMove(ctx, true); },
         {}},
        {QStringLiteral("cash out"),
         tr("Take cash out of the open drawer (to the bank, the safe...)"),
         {makeOption("amount", "The amount.", "amount"), makeOption("reason", "Why.", "text")},
         [](Context& ctx) { return runMove(ctx, false); },
         tr("Taking out more than the drawer should hold is refused.")},
        {QStringLiteral("cash x"), tr("X report: the open session's figures so far"), {}, runX, amounts},
        {QStringLiteral("cash close"),
         tr("Close the drawer with the cash counted; prints the Z report"),
         {makeOption("counted", "The cash counted, e.g. 1630.00.", "amount"),
          makeOption("notes", "Notes and coins counted, FACExCOUNT: 500x3,100x1,10x3.", "list")},
         runClose,
         tr("Closing is final. With both --counted and --notes they must agree.\n") + amounts},
        {QStringLiteral("cash show"),
         tr("A cash session's X or Z report"),
         {makeOption("session", "The session's id (from cash open or cash x).", "id")},
         runShow,
         amounts},
    };
}

} // namespace market::cli
