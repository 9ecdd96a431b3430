#pragma once

#include <QAbstractTableModel>

namespace market::ui {

class AppContext;
class ReturnController;

/// The lines of the sale on the returns screen; the "Return" column is editable and goes through
/// ReturnController::setQuantity, which refuses more than can still come back.
class ReturnLinesModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Line, Lot, Product, Sold, Price, Returnable, Return, ColumnCount };

    ReturnLinesModel(AppContext& ctx, ReturnController& controller, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    /// Why the last edit was refused (empty when it was accepted).
    QString lastError() const { return m_lastError; }

private:
    AppContext& m_ctx;
    ReturnController& m_controller;
    QString m_lastError;
    bool m_editing = false;
};

} // namespace market::ui
