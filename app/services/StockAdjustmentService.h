#pragma once

#include "Session.h"
#include "domain/BooksDocuments.h"

#include <optional>

namespace market::core {

class Store;

struct AdjustmentRequest {
    Uuid lotId;
    Quantity qty; ///< > 0 takes stock out, < 0 puts it back
    AdjustmentReason reason = AdjustmentReason::Correction;
    QString note;
    /// A manager's approval (AuthService::authorize with ApproveAdjustment), needed above the
    /// shop's quantity or value threshold unless the actor is a manager already.
    std::optional<Session> approver;
};

/// Stock adjustments on a lot, with a reason. Never takes a lot below zero.
class StockAdjustmentService {
    Q_DECLARE_TR_FUNCTIONS(StockAdjustmentService)
public:
    explicit StockAdjustmentService(Store& store)
        : m_store(store) {}
    Result<StockAdjustmentDoc> adjust(const Session& actor, const AdjustmentRequest& request);

private:
    Store& m_store;
};

} // namespace market::core
