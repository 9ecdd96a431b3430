#include "PartyListModel.h"

#include "AppContext.h"

namespace market::ui {

PartyListModel::PartyListModel(AppContext& ctx, core::PartyKind kind, QObject* parent)
    : QAbstractListModel(parent)
    , m_ctx(ctx)
    , m_kind(kind) {}

void PartyListModel::setQuery(const QString& text) {
    auto found = m_ctx.parties.search(m_kind, text, 30);
    beginResetModel();
    m_parties = found.ok() ? std::move(found).value() : std::vector<core::PartyDoc>{};
    endResetModel();
}

const core::PartyDoc* PartyListModel::party(int row) const {
    if (row < 0 || row >= static_cast<int>(m_parties.size()))
        return nullptr;
    return &m_parties[static_cast<size_t>(row)];
}

int PartyListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_parties.size());
}

QVariant PartyListModel::data(const QModelIndex& index, int role) const {
    const core::PartyDoc* p = index.isValid() ? party(index.row()) : nullptr;
    if (!p)
        return {};
    switch (role) {
    case Qt::DisplayRole: {
        QString text = QStringLiteral("%1  %2").arg(p->code, p->name);
        if (!p->phone.isEmpty())
            text += QStringLiteral("  ") + p->phone;
        if (m_kind == core::PartyKind::Buyer)
            text += QStringLiteral("  ·  ") + tr("limit %1").arg(m_ctx.money(p->creditLimit));
        return text;
    }
    case Qt::ToolTipRole:
        return p->name;
    case Qt::UserRole:
        return p->id.toString();
    default:
        return {};
    }
}

} // namespace market::ui
