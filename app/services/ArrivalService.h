#pragma once

#include "Session.h"
#include "domain/Documents.h"

#include <vector>

namespace market::core {

class Store;

/// A farmer's consignment as typed at the counter. Give either netQty, or grossQty and
/// tareQty (net = gross − tare); packages is the count of bags/crates.
struct ArrivalRequest {
    Uuid farmerId;
    Uuid productId;
    std::optional<Quantity> netQty;
    std::optional<Quantity> grossQty;
    std::optional<Quantity> tareQty;
    qint64 packages = 0;
    QString grade;
    QString vehicle;
    QString notes;
};

/// A lot with what is left of it, for lists and the sell screen.
struct LotSummary {
    LotDoc lot;
    LotStatus status = LotStatus::Active;
    QString farmerName;
    QString productName;
    Unit unit = Unit::Kg;
    Quantity sold;
    Quantity adjusted; ///< net stock adjustments (positive: taken out)
    Quantity returned; ///< brought back by customer returns
    Quantity left;
    qint64 ageDays = 0;
};

struct LotFilter {
    bool activeOnly = true;
    std::optional<Uuid> productId;
    std::optional<Uuid> farmerId;
    int limit = 500;
};

/// Arrivals (lots) and their status.
class ArrivalService {
    Q_DECLARE_TR_FUNCTIONS(ArrivalService)
public:
    explicit ArrivalService(Store& store)
        : m_store(store) {}

    Result<LotDoc> recordArrival(const Session& actor, const ArrivalRequest& request);
    /// Discard or return to the farmer (final), or close; a manager's action.
    Status changeStatus(const Session& actor, const Uuid& lotId, LotStatus to, const QString& reason);
    /// Writes a lot's status change (the new status, its event row, its audit and outbox entry)
    /// inside the caller's transaction, without checks: changeStatus checks a person's request;
    /// a sale closing a sold-out lot and a return reopening it call this directly.
    Status recordTransition(const LotStatusDoc& event);

    Result<LotSummary> lot(const Uuid& id);
    Result<LotSummary> lotByCode(const QString& code);
    Result<std::vector<LotSummary>> lots(const LotFilter& filter);

private:
    Store& m_store;
};

} // namespace market::core
