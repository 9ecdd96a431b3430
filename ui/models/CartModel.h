#pragma once

#include <QAbstractTableModel>

namespace market::ui {

class AppContext;
class SaleSession;

/// The cart as a table: lot, product, farmer, quantity, price, amount, commission. Reads the
/// SaleSession (lines and its quote); quantity and price are editable and go back through it.
class CartModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Lot, Product, Farmer, Quantity, Price, Amount, Commission, ColumnCount };

    CartModel(AppContext& ctx, SaleSession& session, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

    /// The last edit's refusal, for the screen to show.
    QString lastError() const { return m_lastError; }

private:
    void reload();
    AppContext& m_ctx;
    SaleSession& m_session;
    int m_rows = 0;
    QString m_lastError;
};

} // namespace market::ui
