#pragma once

#include "services/ArrivalService.h"

#include <QAbstractTableModel>

namespace market::ui {

class AppContext;

/// Active lots with farmer, grade, age and what is left: the sell screen's product search and
/// the arrivals screen's recent list.
class LotListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Code, Product, Farmer, Grade, Age, Left, ColumnCount };

    explicit LotListModel(AppContext& ctx, QObject* parent = nullptr);

    /// Lots of the products whose name or code starts with text; all active lots when empty.
    void setQuery(const QString& text);
    void setLots(std::vector<core::LotSummary> lots);
    const core::LotSummary* lot(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    AppContext& m_ctx;
    std::vector<core::LotSummary> m_lots;
};

} // namespace market::ui
