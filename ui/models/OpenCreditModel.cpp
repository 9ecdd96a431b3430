#include "OpenCreditModel.h"

#include "AppContext.h"

namespace market::ui {

OpenCreditModel::OpenCreditModel(AppContext& ctx, QObject* parent)
    : QAbstractTableModel(parent)
    , m_ctx(ctx) {}

void OpenCreditModel::setCredits(std::vector<core::OpenCredit> credits) {
    beginResetModel();
    m_credits = std::move(credits);
    m_preview.clear();
    endResetModel();
}

void OpenCreditModel::setPreview(const std::vector<core::AllocationDoc>& allocations) {
    m_preview.clear();
    for (const auto& a : allocations)
        m_preview[a.creditId] += a.amount;
    if (!m_credits.empty())
        emit dataChanged(index(0, Allocated), index(rowCount() - 1, Allocated));
}

int OpenCreditModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_credits.size());
}

int OpenCreditModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OpenCreditModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    const auto& c = m_credits[static_cast<size_t>(index.row())];
    if (role == Qt::TextAlignmentRole)
        return index.column() >= Age && index.column() != Status ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                                 : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Receipt:
        return c.receiptNo;
    case Date:
        return m_ctx.date(c.createdAtMs);
    case Age:
        return tr("%n day(s)", nullptr, static_cast<int>(c.ageDays));
    case Amount:
        return m_ctx.money(c.amount);
    case Outstanding:
        return m_ctx.money(c.outstanding);
    case Status:
        switch (c.status) {
        case core::CreditStatus::Pending:
            return tr("pending");
        case core::CreditStatus::Partial:
            return tr("partial");
        case core::CreditStatus::Cleared:
            return tr("cleared");
        }
        return {};
    case Allocated: {
        const auto it = m_preview.find(c.creditId);
        return it == m_preview.end() ? QString() : m_ctx.money(it->second);
    }
    default:
        return {};
    }
}

QVariant OpenCreditModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return {};
    switch (section) {
    case Receipt:
        return tr("Receipt");
    case Date:
        return tr("Date");
    case Age:
        return tr("Age");
    case Amount:
        return tr("Amount");
    case Outstanding:
        return tr("Outstanding");
    case Status:
        return tr("Status");
    case Allocated:
        return tr("This payment");
    default:
        return {};
    }
}

} // namespace market::ui
