#pragma once

#include "ReportFilter.h"
#include "domain/Types.h"

#include <QCoreApplication>
#include <vector>

namespace market::core {

class Store;

/// An active lot with what is left of it. left = received − sold − adjusted (ArrivalService).
struct LotOnHandRow {
    Uuid lotId;
    QString lotCode;
    Uuid farmerId;
    QString farmerName;
    Uuid productId;
    QString productName;
    Unit unit = Unit::Kg;
    qint64 receivedAtMs = 0;
    qint64 ageDays = 0; ///< whole days from arrival to asOfMs (never negative)
    Quantity received;
    Quantity sold;
    Quantity adjusted;
    Quantity left;
};

/// Stock turnover of one product over the period, defined as sell-through:
///   turnoverBp = sold in the period × 10,000 ÷ received in the period (rounded down),
/// nullopt when nothing was received in the period. 10,000 bp means as much was sold as came in;
/// above 10,000 the shop sold down older stock. Uses only period figures, so it costs one pass
/// over the period and never the whole history.
struct TurnoverRow {
    Uuid productId;
    QString code;
    QString name;
    Unit unit = Unit::Kg;
    Quantity received;
    Quantity sold;
    Quantity adjusted; ///< stock adjustments recorded in the period (net, positive = taken out)
    std::optional<qint64> turnoverBp;
};

class StockReports {
    Q_DECLARE_TR_FUNCTIONS(StockReports)
public:
    explicit StockReports(Store& store)
        : m_store(store) {}

    /// Active lots with stock left, oldest first. Honours farmerId and productId of the filter;
    /// the range is not used (ages are taken at asOfMs).
    Result<std::vector<LotOnHandRow>> lotsOnHand(qint64 asOfMs, const ReportFilter& filter = {});
    /// Per product with any arrival, sale or adjustment in the range, by code. Honours productId.
    Result<std::vector<TurnoverRow>> turnover(const ReportFilter& filter);

private:
    Store& m_store;
};

} // namespace market::core
