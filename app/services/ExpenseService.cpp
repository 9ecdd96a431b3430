#include "ExpenseService.h"

#include "CashSessionService.h"
#include "DocumentRows.h"
#include "Validation.h"
#include "store/Journal.h"
#include "store/Store.h"

namespace market::core {

Result<ExpenseDoc> ExpenseService::record(const Session& actor, ExpenseCategory category, Money amount,
                                          PaymentMethod method, const QString& note) {
    MARKET_TRY(require(actor, Permission::RecordExpense));
    MARKET_TRY(Validation::positiveMoney(amount, tr("The expense amount")));
    auto text = Validation::optionalText(note, tr("Note"), 2000);
    if (!text.ok())
        return text.error();
    StoreTransaction tx(m_store.db());
    MARKET_TRY(tx.begun());
    if (method == PaymentMethod::Cash)
        MARKET_TRY(CashSessionService(m_store).requireOpenForCash());
    const auto& identity = *m_store.identity();
    ExpenseDoc d{m_store.newId(), identity.shopId, identity.terminalId, category,       amount,
                 method,          *text,           actor.userId,        m_store.nowMs()};
    MARKET_TRY(insertExpenseRow(m_store.db(), d));
    MARKET_TRY(Journal::record(m_store, JournalEntry{actor.userId,
                                                     QStringLiteral("expense.create"),
                                                     QStringLiteral("expense"),
                                                     d.id,
                                                     {},
                                                     d.toJson(),
                                                     op::kExpenseRecorded,
                                                     d.toJson()}));
    MARKET_TRY(tx.commit());
    return d;
}

Result<std::vector<ExpenseDoc>> ExpenseService::list(qint64 fromMs, qint64 toMs) {
    Statement& s =
        m_store.db().prepare("SELECT id, shop_id, terminal_id, category, amount, method, note, recorded_by, "
                             "at_ms FROM expense WHERE at_ms >= ?1 AND at_ms < ?2 ORDER BY at_ms, id");
    s.bind(1, fromMs).bind(2, toMs);
    std::vector<ExpenseDoc> out;
    while (s.next())
        out.push_back(ExpenseDoc{s.uuid(0), s.uuid(1), s.uuid(2),
                                 expenseCategoryFromName(s.text(3)).value_or(ExpenseCategory::Other),
                                 s.money(4), paymentMethodFromName(s.text(5)).value_or(PaymentMethod::Cash),
                                 s.text(6), s.uuid(7), s.int64(8)});
    Status st = s.status("listing expenses");
    s.reset();
    if (!st.ok())
        return st.error();
    return out;
}

} // namespace market::core
