#pragma once

#include "services/PartyService.h"

#include <QAbstractListModel>

namespace market::ui {

class AppContext;

/// Search-as-you-type results for farmers or buyers: "B0003  Ramesh Traders  98480…".
class PartyListModel : public QAbstractListModel {
    Q_OBJECT
public:
    PartyListModel(AppContext& ctx, core::PartyKind kind, QObject* parent = nullptr);

    /// Runs the search (prefix of name, code or phone); an empty text lists the first parties.
    void setQuery(const QString& text);
    const core::PartyDoc* party(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    AppContext& m_ctx;
    core::PartyKind m_kind;
    std::vector<core::PartyDoc> m_parties;
};

} // namespace market::ui
