#include "ReturnLinesModel.h"

#include "AppContext.h"
#include "controllers/ReturnController.h"

namespace market::ui {

ReturnLinesModel::ReturnLinesModel(AppContext& ctx, ReturnController& controller, QObject* parent)
    : QAbstractTableModel(parent)
    , m_ctx(ctx)
    , m_controller(controller) {
    connect(&m_controller, &ReturnController::changed, this, [this] {
        if (m_editing) // an edit of ours: only its row changed
            return;
        beginResetModel();
        endResetModel();
    });
}

int ReturnLinesModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_controller.rows().size());
}

int ReturnLinesModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReturnLinesModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    const ReturnRow& r = m_controller.rows()[static_cast<size_t>(index.row())];
    if (role == Qt::TextAlignmentRole)
        return index.column() >= Sold ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                      : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (index.column()) {
    case Line:
        return r.line.lineNo;
    case Lot:
        return r.lotCode;
    case Product:
        return r.productName;
    case Sold:
        return r.line.qty.toString();
    case Price:
        return m_ctx.money(r.line.price);
    case Returnable:
        return r.returnable.toString();
    case Return:
        return r.toReturn.isZero() && role == Qt::DisplayRole ? QString() : r.toReturn.toString();
    default:
        return {};
    }
}

bool ReturnLinesModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!index.isValid() || index.column() != Return || role != Qt::EditRole)
        return false;
    m_editing = true;
    const core::Status st = m_controller.setQuantity(index.row(), value.toString());
    m_editing = false;
    m_lastError = st.ok() ? QString() : st.error().message;
    if (!st.ok())
        return false;
    emit dataChanged(index, index);
    return true;
}

Qt::ItemFlags ReturnLinesModel::flags(const QModelIndex& index) const {
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == Return &&
        m_controller.rows()[static_cast<size_t>(index.row())].returnable.isPositive())
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant ReturnLinesModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return {};
    switch (section) {
    case Line:
        return tr("#");
    case Lot:
        return tr("Lot");
    case Product:
        return tr("Product");
    case Sold:
        return tr("Sold");
    case Price:
        return tr("Price");
    case Returnable:
        return tr("Can return");
    case Return:
        return tr("Return now");
    default:
        return {};
    }
}

} // namespace market::ui
