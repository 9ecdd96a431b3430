#pragma once

#include "Session.h"
#include "domain/BooksDocuments.h"

#include <vector>

namespace market::core {

class Store;

/// The shop's own spending: wages, rent, utilities, transport, supplies, other.
class ExpenseService {
    Q_DECLARE_TR_FUNCTIONS(ExpenseService)
public:
    explicit ExpenseService(Store& store)
        : m_store(store) {}

    Result<ExpenseDoc> record(const Session& actor, ExpenseCategory category, Money amount,
                              PaymentMethod method, const QString& note = {});
    Result<std::vector<ExpenseDoc>> list(qint64 fromMs, qint64 toMs);

private:
    Store& m_store;
};

} // namespace market::core
