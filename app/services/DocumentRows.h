#pragma once

// The rows each document is stored as. The counter that makes a document and a counter that
// receives it through the pull write the same rows, through these functions, so the copies of a
// shop's books cannot drift in shape. The caller owns the transaction and has checked the
// document; the parent row comes first, then its children.

#include "domain/Result.h"

namespace market::core {

class Database;
class FarmerSoldTotals;
struct CashMovementDoc;
struct CashSessionOpenedDoc;
struct CollectionDoc;
struct CommissionConfirmationDoc;
struct ExpenseDoc;
struct FarmerPaymentDoc;
struct LotDoc;
struct LotStatusDoc;
struct SaleDoc;
struct SaleReturnDoc;
struct StockAdjustmentDoc;

/// Inserts the sale, its lines with their applied charges, payments, credit and credit details,
/// and adds the lines to the farmers' totals (farmer_balance, farmer_bucket: no trigger does it
/// since schema v10) — at once, or, when `batch` is given, by counting them there for the caller
/// to add before its commit (a page of the shop's feed: once per farmer and bucket).
Status insertSaleRows(Database& db, const SaleDoc& sale, FarmerSoldTotals* batch = nullptr);

/// Inserts the return, its lines and its credit reductions.
Status insertReturnRows(Database& db, const SaleReturnDoc& ret);

/// Inserts the collection and its allocations to bills.
Status insertCollectionRows(Database& db, const CollectionDoc& d);

Status insertLotRow(Database& db, const LotDoc& d);
/// The history row only; the lot's current status is the caller's business.
Status insertLotStatusRow(Database& db, const LotStatusDoc& d);
Status insertCommissionConfirmationRow(Database& db, const CommissionConfirmationDoc& d);
Status insertFarmerPaymentRow(Database& db, const FarmerPaymentDoc& d);
Status insertExpenseRow(Database& db, const ExpenseDoc& d);
Status insertStockAdjustmentRow(Database& db, const StockAdjustmentDoc& d);
Status insertCashSessionRow(Database& db, const CashSessionOpenedDoc& d);
Status insertCashMovementRow(Database& db, const CashMovementDoc& d);

} // namespace market::core
