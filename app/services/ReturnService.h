#pragma once

#include "Session.h"
#include "domain/BooksDocuments.h"

#include <vector>

namespace market::core {

class Store;

struct ReturnLineRequest {
    Uuid saleLineId;
    Quantity qty;
};

struct ReturnRequest {
    Uuid saleId;
    std::vector<ReturnLineRequest> lines;
    PaymentMethod refundMethod = PaymentMethod::Cash; ///< for what the bill's open credit does not absorb
    QString reason;
};

/// Customer returns against an original sale. Each returned quantity goes back to its lot
/// (reopening a sold-out lot, audited); the line's amount, commission and farmer net are reversed
/// in proportion, cumulatively rounded so that returning a whole line reverses it exactly. The
/// bill's still-open credit is reduced first; the rest is refunded. A line can never take back
/// more than was sold less earlier returns.
class ReturnService {
    Q_DECLARE_TR_FUNCTIONS(ReturnService)
public:
    explicit ReturnService(Store& store)
        : m_store(store) {}

    Result<SaleReturnDoc> returnGoods(const Session& actor, const ReturnRequest& request);
    /// What can still be returned of a sale line.
    Result<Quantity> returnable(const Uuid& saleLineId);

private:
    Store& m_store;
};

} // namespace market::core
