#pragma once

#include "Session.h"
#include "domain/Documents.h"

#include <vector>

namespace market::core {

class Store;

struct OpenCredit {
    Uuid creditId;
    Uuid saleId;
    QString receiptNo;
    qint64 createdAtMs = 0;
    qint64 ageDays = 0;
    Money amount;
    Money paid;
    Money outstanding;
    CreditStatus status = CreditStatus::Pending;
};

/// Collections: a buyer paying dues later. Allocated to the oldest open credits first (FIFO),
/// and inside a credit to its farmer details in proportion to what each still has open, exactly.
class CollectionService {
    Q_DECLARE_TR_FUNCTIONS(CollectionService)
public:
    explicit CollectionService(Store& store)
        : m_store(store) {}

    Result<std::vector<OpenCredit>> openCredits(const Uuid& buyerId);
    Result<Money> outstanding(const Uuid& buyerId);
    /// The allocation a collection would make, without writing.
    Result<std::vector<AllocationDoc>> preview(const Uuid& buyerId, Money amount);
    Result<CollectionDoc> collect(const Session& actor, const Uuid& buyerId, Money amount,
                                  PaymentMethod method, const QString& reference = {});

private:
    Result<std::vector<AllocationDoc>> allocate(const Uuid& buyerId, Money amount);
    Store& m_store;
};

} // namespace market::core
