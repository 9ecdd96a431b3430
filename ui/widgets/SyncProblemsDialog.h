#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace market::ui {

class AppContext;
class SyncProblemModel;
class SyncProblemsController;

/// The manager's "Sync problems" window: what this counter's sync set aside, the server's anomalies
/// and the pulled documents waiting here, sortable and filterable, with the whole story of the
/// selected row below and copy buttons for sending it on. Read-only: resolving is the owner's, on
/// the server. Follows the controller, which reads again when the sync status changes.
class SyncProblemsDialog : public QDialog {
    Q_OBJECT
public:
    SyncProblemsDialog(AppContext& ctx, SyncProblemsController& controller, QWidget* parent = nullptr);
    ~SyncProblemsDialog() override;

    SyncProblemModel& model() { return *m_model; }
    QTableView* table() const { return m_table; }
    /// The detail pane's text (the selected row's, or a hint).
    QString detailText() const;

private:
    void reload();
    void showSelected();
    void copySelected();
    void copyAll();
    void updateSummary();

    SyncProblemsController& m_controller;
    SyncProblemModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QLabel* m_summary;
    QLabel* m_error;
    QComboBox* m_filter;
    QTableView* m_table;
    QPlainTextEdit* m_detail;
    QPushButton* m_copy;
    QPushButton* m_copyAll;
};

} // namespace market::ui
