#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace market::ui {

class AppContext;
class CollectController;
class OpenCreditModel;
class PartyListModel;
class SearchField;

/// Collect: a buyer's outstanding and open credits with age; the amount and method; the FIFO
/// allocation shown as typed; Enter (or Ctrl+S) records it and prints a receipt.
class CollectWidget : public QWidget {
    Q_OBJECT
public:
    CollectWidget(AppContext& ctx, CollectController& controller, QWidget* parent = nullptr);
    QString message() const;

private:
    void pickBuyer(int row);
    void updatePreview();
    void collect();
    void updateView();
    void showMessage(const QString& text, bool error);

    AppContext& m_ctx;
    CollectController& m_controller;
    PartyListModel* m_buyers;
    OpenCreditModel* m_credits;
    SearchField* m_buyerSearch;
    QLabel* m_outstanding;
    QTableView* m_table;
    QLineEdit* m_amount;
    QComboBox* m_method;
    QLineEdit* m_reference;
    QLabel* m_message;
};

} // namespace market::ui
