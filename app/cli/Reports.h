#pragma once

#include "domain/Result.h"
#include "services/ReportService.h"

#include <QDate>
#include <QJsonObject>

namespace market::cli {

class Context;

/// The summary of one local day in the shop's time zone; shared by `report day` and `demo`.
core::Result<core::DaySummary> daySummary(Context& ctx, QDate date);
QJsonObject daySummaryJson(Context& ctx, QDate date, const core::DaySummary& summary);
/// Prints it as text or (--json) JSON; returns the exit code.
int printDaySummary(Context& ctx, QDate date);

} // namespace market::cli
