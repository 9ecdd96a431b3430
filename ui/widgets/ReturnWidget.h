#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace market::ui {

class AppContext;
class ReturnController;
class ReturnLinesModel;

/// Returns: type or scan the receipt number, type the quantity coming back on each line, choose
/// how any refund is paid, give a reason, record. The buyer's open credit on the bill is reduced
/// first; only the rest is refunded (a cash refund needs the open drawer).
class ReturnWidget : public QWidget {
    Q_OBJECT
public:
    ReturnWidget(AppContext& ctx, ReturnController& controller, QWidget* parent = nullptr);
    QString message() const;

signals:
    /// The cashier asked for a copy of the last credit note.
    void reprintRequested();

private:
    void find();
    void record();
    void updateView();
    void showMessage(const QString& text, bool error);

    AppContext& m_ctx;
    ReturnController& m_controller;
    ReturnLinesModel* m_lines;
    QLineEdit* m_receipt;
    QLabel* m_saleInfo;
    QTableView* m_table;
    QLabel* m_value;
    QComboBox* m_method;
    QLineEdit* m_reason;
    QLabel* m_message;
};

} // namespace market::ui
