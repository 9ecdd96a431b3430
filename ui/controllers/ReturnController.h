#pragma once

#include "services/ReturnService.h"
#include "services/SaleService.h"

#include <QObject>

namespace market::ui {

class AppContext;

/// One line of the sale being returned against: what was sold, what can still come back, and
/// what the cashier is taking back now.
struct ReturnRow {
    core::SaleLineDoc line;
    QString lotCode;
    QString productName;
    core::Quantity returnable;
    core::Quantity toReturn;
};

/// The returns screen's logic: find a sale by its receipt number, choose quantities per line,
/// record the return through ReturnService (which decides credit reduction and refund).
class ReturnController : public QObject {
    Q_OBJECT
public:
    explicit ReturnController(AppContext& ctx, QObject* parent = nullptr);
    void setActor(const std::optional<core::Session>& actor) { m_actor = actor; }

    /// Loads the sale of a receipt number (e.g. HYD01-1-000042) and what each line can return.
    core::Status find(const QString& receiptNo);
    /// Loads this counter's newest sale (the buyer who turns round at the desk).
    core::Status findLatest();
    const std::optional<core::SaleDoc>& sale() const { return m_sale; }
    const std::vector<ReturnRow>& rows() const { return m_rows; }
    /// Sets the quantity to take back on a line; refused above what can still be returned.
    core::Status setQuantity(int row, const QString& text);
    /// The value of the goods chosen, at the bill's prices (the service rounds cumulatively, so
    /// the recorded value can differ from this by a paisa per line).
    core::Money previewValue() const;
    core::Result<core::SaleReturnDoc> commit(core::PaymentMethod refundMethod, const QString& reason);
    /// The return this counter recorded last in this session (for a reprint of its credit note).
    const std::optional<core::SaleReturnDoc>& lastReturn() const { return m_lastReturn; }
    void clear();

signals:
    void changed();
    void returned(const market::core::SaleReturnDoc& done);

private:
    AppContext& m_ctx;
    std::optional<core::Session> m_actor;
    std::optional<core::SaleDoc> m_sale;
    std::vector<ReturnRow> m_rows;
    std::optional<core::SaleReturnDoc> m_lastReturn;
};

} // namespace market::ui
