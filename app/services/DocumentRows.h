#pragma once

// The rows a sale or a return is stored as. The counter that makes the document and a counter
// that receives it through the pull write the same rows, through these functions, so the two
// copies of a shop's books cannot drift in shape.

#include "domain/Result.h"

namespace market::core {

class Database;
struct SaleDoc;
struct SaleReturnDoc;

/// Inserts the sale, its lines with their applied charges, payments, credit and credit details.
/// The caller owns the transaction and has checked the document.
Status insertSaleRows(Database& db, const SaleDoc& sale);

/// Inserts the return, its lines and its credit reductions. Same contract as insertSaleRows.
Status insertReturnRows(Database& db, const SaleReturnDoc& ret);

} // namespace market::core
