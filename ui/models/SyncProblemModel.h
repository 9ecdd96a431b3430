#pragma once

#include "services/SyncProblemService.h"

#include <QAbstractTableModel>

namespace market::ui {

class AppContext;

/// The manager's "Sync problems" list: quarantined operations, the server's anomalies and pulled
/// documents waiting here, one row each. Sort on SortRole (times as numbers); the tooltip and
/// detailText() give the whole story of a row, for the detail pane and the clipboard.
class SyncProblemModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Problem, What, Document, Detail, When, Status, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1, ///< a value that sorts right (when: ms since the epoch)
        KindRole,                    ///< the row's core::SyncProblemKind as an int
    };

    explicit SyncProblemModel(AppContext& ctx, QObject* parent = nullptr);

    void setProblems(std::vector<core::SyncProblem> problems);
    const core::SyncProblem& problem(int row) const { return m_problems[static_cast<size_t>(row)]; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Everything known about one row, in the current language, as plain text.
    QString detailText(int row) const;
    /// Every row as tab-separated text with a header line (for a spreadsheet or a message).
    QString tableText() const;

    /// Translated names; the raw value when it is not one this program knows.
    static QString kindName(core::SyncProblemKind kind);
    static QString operationName(const QString& type);
    static QString anomalyName(const QString& kind);
    static QString stateName(core::SyncProblemState state);

private:
    QString what(const core::SyncProblem& p) const;
    QString document(const core::SyncProblem& p) const;
    QString summary(const core::SyncProblem& p) const;
    QString anomalySummary(const core::SyncProblem& p) const;

    AppContext& m_ctx;
    std::vector<core::SyncProblem> m_problems;
};

} // namespace market::ui
