#pragma once

#include "services/SaleService.h"

#include <QAbstractTableModel>

namespace market::ui {

class AppContext;

/// The payments being tendered in the payment dialog (split across methods).
class PaymentListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Method, Amount, Reference, ColumnCount };

    explicit PaymentListModel(AppContext& ctx, QObject* parent = nullptr);

    void add(const core::PaymentRequest& payment);
    void remove(int row);
    void clear();
    const std::vector<core::PaymentRequest>& payments() const { return m_payments; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// The method's name for people (translated).
    static QString methodText(core::PaymentMethod method);

private:
    AppContext& m_ctx;
    std::vector<core::PaymentRequest> m_payments;
};

} // namespace market::ui
