#pragma once

#include "domain/Money.h"
#include "domain/Quantity.h"
#include "domain/Result.h"
#include "domain/Uuid.h"

#include <QByteArray>
#include <optional>
#include <vector>

namespace market::core {

class Statement;

/// What a report covers: a half-open time range [fromMs, toMs) and optional narrowing by
/// terminal, cashier or one party / product. A report documents which narrowings it honours;
/// the others are refused with InvalidInput rather than silently ignored.
struct ReportFilter {
    qint64 fromMs = 0;
    qint64 toMs = 0; ///< exclusive
    std::optional<Uuid> terminalId;
    std::optional<Uuid> cashierId;
    std::optional<Uuid> buyerId;
    std::optional<Uuid> farmerId;
    std::optional<Uuid> productId;
};

namespace reports {

constexpr qint64 kDayMs = 86'400'000;

/// SQL conditions for the sale side of a filter (table aliases: s = sale, l = sale_line).
/// Parameters: ?1 from, ?2 to, ?3 terminal, ?4 cashier, ?5 buyer, ?6 farmer, ?7 product;
/// only the set ones appear, so each combination is one cached statement with the right index.
QByteArray saleConditions(const ReportFilter& filter, bool withLines);
void bindSaleFilter(Statement& s, const ReportFilter& filter, bool withLines);
/// InvalidInput when the range is empty or reversed.
Status checkRange(const ReportFilter& filter);

} // namespace reports
} // namespace market::core
