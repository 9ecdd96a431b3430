#include "LotListModel.h"

#include "AppContext.h"

namespace market::ui {

LotListModel::LotListModel(AppContext& ctx, QObject* parent)
    : QAbstractTableModel(parent)
    , m_ctx(ctx) {}

void LotListModel::setQuery(const QString& text) {
    std::vector<core::LotSummary> lots;
    core::LotFilter filter;
    filter.activeOnly = true;
    filter.limit = 200;
    if (text.trimmed().isEmpty()) {
        if (auto all = m_ctx.arrivals.lots(filter); all.ok())
            lots = std::move(all).value();
    } else {
        // A lot code typed in full finds that lot; otherwise products by name or code.
        if (auto exact = m_ctx.arrivals.lotByCode(text.trimmed().toUpper());
            exact.ok() && exact->status == core::LotStatus::Active)
            lots.push_back(*exact);
        if (auto products = m_ctx.catalog.searchProducts(text, 20); products.ok())
            for (const auto& p : *products) {
                filter.productId = p.id;
                if (auto some = m_ctx.arrivals.lots(filter); some.ok())
                    lots.insert(lots.end(), some->begin(), some->end());
            }
    }
    setLots(std::move(lots));
}

void LotListModel::setLots(std::vector<core::LotSummary> lots) {
    beginResetModel();
    m_lots = std::move(lots);
    endResetModel();
}

const core::LotSummary* LotListModel::lot(int row) const {
    if (row < 0 || row >= static_cast<int>(m_lots.size()))
        return nullptr;
    return &m_lots[static_cast<size_t>(row)];
}

int LotListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_lots.size());
}

int LotListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LotListModel::data(const QModelIndex& index, int role) const {
    const core::LotSummary* l = index.isValid() ? lot(index.row()) : nullptr;
    if (!l || index.column() >= ColumnCount)
        return {};
    if (role == Qt::TextAlignmentRole)
        return index.column() >= Age ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                     : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    if (role == Qt::UserRole)
        return l->lot.code;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Code:
        return l->lot.code;
    case Product:
        return l->productName;
    case Farmer:
        return l->farmerName;
    case Grade:
        return l->lot.grade;
    case Age:
        return tr("%n day(s)", nullptr, static_cast<int>(l->ageDays));
    case Left:
        return QStringLiteral("%1 %2").arg(l->left.toString(), core::unitName(l->unit));
    default:
        return {};
    }
}

QVariant LotListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return {};
    switch (section) {
    case Code:
        return tr("Lot");
    case Product:
        return tr("Product");
    case Farmer:
        return tr("Farmer");
    case Grade:
        return tr("Grade");
    case Age:
        return tr("Age");
    case Left:
        return tr("Left");
    default:
        return {};
    }
}

} // namespace market::ui
