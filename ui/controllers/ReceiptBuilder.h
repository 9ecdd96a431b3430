#pragma once

#include "domain/BooksDocuments.h"
#include "domain/Documents.h"
#include "printing/Receipt.h"

#include <QCoreApplication>

namespace market::ui {

class AppContext;

/// Words a committed document for print: looks up names (lot codes, farmers, products,
/// cashier, buyer) through the services and formats amounts in the shop's currency.
class ReceiptBuilder {
    Q_DECLARE_TR_FUNCTIONS(ReceiptBuilder)
public:
    explicit ReceiptBuilder(AppContext& ctx)
        : m_ctx(ctx) {}

    Receipt sale(const core::SaleDoc& sale, bool copy);
    Receipt collection(const core::CollectionDoc& collection, bool copy);
    Receipt arrival(const core::LotDoc& lot, bool copy);
    /// The credit note of a return: the lines taken back against the original receipt, the credit
    /// it reduced, the refund and what the buyer still owes.
    Receipt saleReturn(const core::SaleReturnDoc& saleReturn, bool copy);
    /// How a return is named on paper and in file names (it has no receipt number of its own).
    static QString returnNumber(const core::Uuid& returnId);

private:
    QString userName(const core::Uuid& id);
    QString partyName(const core::Uuid& id);
    QString terminalText() const;
    QString buyerText(const std::optional<core::Uuid>& buyerId, const QString& walkinName);
    void addShop(Receipt& r, const QString& title, bool copy);
    void addBillCharges(Receipt& r, const core::SaleDoc& s);

    AppContext& m_ctx;
};

} // namespace market::ui
