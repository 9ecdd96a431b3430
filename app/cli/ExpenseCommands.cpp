// expense add, expense list: the shop's own spending.
#include "Args.h"
#include "Command.h"
#include "Context.h"
#include "Output.h"
#include "services/ExpenseService.h"

#include <QJsonArray>
#include <QJsonObject>

namespace market::cli {

using namespace market::core;

namespace {
int runAdd(Context& ctx) {
    MARKETCTL_ASSIGN(const QString categoryText, ctx.required(QStringLiteral("category")));
    MARKETCTL_ASSIGN(const ExpenseCategory category, args::expenseCategory(categoryText));
    MARKETCTL_ASSIGN(const QString amountText, ctx.required(QStringLiteral("amount")));
    MARKETCTL_ASSIGN(const Money amount, args::money(QStringLiteral("amount"), amountText));
    MARKETCTL_ASSIGN(const QString methodText, ctx.required(QStringLiteral("method")));
    MARKETCTL_ASSIGN(const PaymentMethod method, args::paymentMethod(methodText));
    MARKETCTL_CHECK(ctx.openStore(Context::StoreUse::ExistingShop));
    MARKETCTL_ASSIGN(const Session actor, ctx.login());
    MARKETCTL_ASSIGN(const ExpenseDoc doc,
                     ExpenseService(ctx.store())
                         .record(actor, category, amount, method, ctx.value(QStringLiteral("note"))));
    if (ctx.json())
        printJson(doc.toJson());
    else
        printLine(tr("expense %1 %2 by %3 recorded")
                      .arg(expenseCategoryName(doc.category), ctx.money(doc.amount),
                           paymentMethodName(doc.method)));
    return kExitOk;
}

int runList(Context& ctx) {
    MARKETCTL_ASSIGN(auto period, ctx.dates(false));
    MARKETCTL_CHECK(ctx.openStore(Context::StoreUse::ExistingShop));
    // Default: today; --from alone runs to today; --to alone is that one day.
    if (!period.second.isValid())
        period.second = period.first.isValid() ? std::max(period.first, ctx.today()) : ctx.today();
    if (!period.first.isValid())
        period.first = period.second;
    MARKETCTL_ASSIGN(const auto expenses,
                     ExpenseService(ctx.store())
                         .list(ctx.dayBounds(period.first).first, ctx.dayBounds(period.second).second));
    if (ctx.json()) {
        QJsonArray list;
        for (const auto& e : expenses)
            list.append(e.toJson());
        printJson(list);
        return kExitOk;
    }
    QList<QStringList> rows;
    Money total;
    for (const auto& e : expenses) {
        rows.append({ctx.dateTime(e.atMs), expenseCategoryName(e.category), paymentMethodName(e.method),
                     ctx.money(e.amount), e.note});
        total += e.amount;
    }
    rows.append({tr("Total"), QString(), QString(), ctx.money(total), QString()});
    printTable({tr("DATE"), tr("CATEGORY"), tr("METHOD"), tr("AMOUNT"), tr("NOTE")}, rows, {3});
    return kExitOk;
}
} // namespace

std::vector<Command> expenseCommands() {
    return {
        {QStringLiteral("expense add"),
         tr("Record a shop expense"),
         {makeOption("category", "wage, rent, utility, transport, supplies or other.", "category"),
          makeOption("amount", "The amount.", "amount"),
          makeOption("method", "cash, upi, card, bank, cheque or wallet.", "method"),
          makeOption("note", "What it was for.", "text")},
         runAdd,
         tr("Cash expenses need an open cash session.")},
        {QStringLiteral("expense list"),
         tr("Expenses of a period (default: today)"),
         {makeOption("from", "First day, YYYY-MM-DD.", "date"),
          makeOption("to", "Last day, YYYY-MM-DD.", "date")},
         runList,
         tr("JSON amounts are integer minor units.")},
    };
}

} // namespace market::cli
