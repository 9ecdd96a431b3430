#pragma once

#include "services/CollectionService.h"

#include <QAbstractTableModel>
#include <map>

namespace market::ui {

class AppContext;

/// A buyer's open credits, oldest first, with what a payment being typed would clear (the FIFO
/// preview from CollectionService::preview).
class OpenCreditModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Receipt, Date, Age, Amount, Outstanding, Status, Allocated, ColumnCount };

    explicit OpenCreditModel(AppContext& ctx, QObject* parent = nullptr);

    void setCredits(std::vector<core::OpenCredit> credits);
    void setPreview(const std::vector<core::AllocationDoc>& allocations);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    AppContext& m_ctx;
    std::vector<core::OpenCredit> m_credits;
    std::map<core::Uuid, core::Money> m_preview;
};

} // namespace market::ui
