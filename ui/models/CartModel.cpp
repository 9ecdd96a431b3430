#include "CartModel.h"

#include "AppContext.h"
#include "controllers/SaleSession.h"

namespace market::ui {

CartModel::CartModel(AppContext& ctx, SaleSession& session, QObject* parent)
    : QAbstractTableModel(parent)
    , m_ctx(ctx)
    , m_session(session) {
    m_rows = static_cast<int>(m_session.lines().size());
    connect(&m_session, &SaleSession::changed, this, &CartModel::reload);
}

void CartModel::reload() {
    const int rows = static_cast<int>(m_session.lines().size());
    if (rows == m_rows) {
        // Same shape (a price change, a repricing): only the values moved.
        if (rows > 0)
            emit dataChanged(index(0, 0), index(rows - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int CartModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : m_rows;
}

int CartModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CartModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_rows || index.column() >= ColumnCount)
        return {};
    const auto row = static_cast<size_t>(index.row());
    const CartLine& line = m_session.lines().at(row);
    const auto& quote = m_session.quote();
    const core::SaleLineDoc* priced = quote && row < quote->lines.size() ? &quote->lines[row] : nullptr;
    if (role == Qt::TextAlignmentRole)
        return index.column() >= Quantity ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                          : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (index.column()) {
    case Lot:
        return line.lot.lot.code;
    case Product:
        return line.lot.productName;
    case Farmer:
        return line.lot.farmerName;
    case Quantity:
        return role == Qt::EditRole
                   ? line.qty.toString()
                   : QStringLiteral("%1 %2").arg(line.qty.toString(), core::unitName(line.lot.unit));
    case Price:
        return role == Qt::EditRole ? line.price.toPlainString() : m_ctx.money(line.price);
    case Amount:
        return priced ? m_ctx.money(priced->amount) : QString();
    case Commission:
        return priced
                   ? QStringLiteral("%1 (%2%)")
                         .arg(m_ctx.money(priced->commission), core::formatBpAsPercent(priced->commissionBp))
                   : QString();
    default:
        return {};
    }
}

QVariant CartModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    switch (section) {
    case Lot:
        return tr("Lot");
    case Product:
        return tr("Product");
    case Farmer:
        return tr("Farmer");
    case Quantity:
        return tr("Qty");
    case Price:
        return tr("Price");
    case Amount:
        return tr("Amount");
    case Commission:
        return tr("Commission");
    default:
        return {};
    }
}

Qt::ItemFlags CartModel::flags(const QModelIndex& index) const {
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && (index.column() == Quantity || index.column() == Price))
        f |= Qt::ItemIsEditable;
    return f;
}

bool CartModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!index.isValid() || role != Qt::EditRole)
        return false;
    core::Status st = core::okStatus();
    if (index.column() == Quantity)
        st = m_session.setLineQuantity(index.row(), value.toString());
    else if (index.column() == Price)
        st = m_session.setLinePrice(index.row(), value.toString());
    else
        return false;
    m_lastError = st.ok() ? QString() : st.error().message;
    return st.ok();
}

} // namespace market::ui
