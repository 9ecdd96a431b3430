#include "PaymentListModel.h"

#include "AppContext.h"

namespace market::ui {

PaymentListModel::PaymentListModel(AppContext& ctx, QObject* parent)
    : QAbstractTableModel(parent)
    , m_ctx(ctx) {}

QString PaymentListModel::methodText(core::PaymentMethod method) {
    switch (method) {
    case core::PaymentMethod::Cash:
        return tr("Cash");
    case core::PaymentMethod::Upi:
        return tr("UPI");
    case core::PaymentMethod::Card:
        return tr("Card");
    case core::PaymentMethod::BankTransfer:
        return tr("Bank transfer");
    case core::PaymentMethod::Cheque:
        return tr("Cheque");
    case core::PaymentMethod::Wallet:
        return tr("Wallet");
    }
    return {};
}

void PaymentListModel::add(const core::PaymentRequest& payment) {
    const int row = static_cast<int>(m_payments.size());
    beginInsertRows({}, row, row);
    m_payments.push_back(payment);
    endInsertRows();
}

void PaymentListModel::remove(int row) {
    if (row < 0 || row >= static_cast<int>(m_payments.size()))
        return;
    beginRemoveRows({}, row, row);
    m_payments.erase(m_payments.begin() + row);
    endRemoveRows();
}

void PaymentListModel::clear() {
    beginResetModel();
    m_payments.clear();
    endResetModel();
}

int PaymentListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_payments.size());
}

int PaymentListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PaymentListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    const auto& p = m_payments[static_cast<size_t>(index.row())];
    if (role == Qt::TextAlignmentRole && index.column() == Amount)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Method:
        return methodText(p.method);
    case Amount:
        return m_ctx.money(p.amount);
    case Reference:
        return p.reference;
    default:
        return {};
    }
}

QVariant PaymentListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return {};
    switch (section) {
    case Method:
        return tr("Method");
    case Amount:
        return tr("Amount");
    case Reference:
        return tr("Reference");
    default:
        return {};
    }
}

} // namespace market::ui
