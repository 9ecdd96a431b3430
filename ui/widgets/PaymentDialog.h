#pragma once

#include "services/SaleService.h"

#include <QDialog>
#include <optional>

class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace market::ui {

class AppContext;
class PaymentListModel;
class SaleSession;

/// Takes the money: split across methods, change due, the remainder to credit with the buyer's
/// outstanding and limit shown, the refusal reason, and a manager's override (username + PIN or
/// password + reason). Opened with open(), never exec(). Confirm commits through SaleSession.
///
/// Keys: Enter on an amount adds it (prefilled with what is still due); Enter on an empty amount
/// (or F12, Ctrl+Enter) confirms; Ctrl+1…6 pick the method; Esc cancels (the cart stays).
class PaymentDialog : public QDialog {
    Q_OBJECT
public:
    PaymentDialog(AppContext& ctx, SaleSession& session, QWidget* parent = nullptr);

    /// Resets the dialog for the current cart.
    void start();
    QString message() const;
    QString summary() const;
    /// Commits the sale with the payments entered (F12, Ctrl+Enter, Enter on an empty amount).
    void confirm();

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    void addPayment();
    void amountEntered();
    void approveOverride();
    void updateSummary();
    void showOverride(bool show);

    AppContext& m_ctx;
    SaleSession& m_session;
    PaymentListModel* m_payments;
    QLabel* m_total;
    QLabel* m_buyer;
    QTableView* m_table;
    QComboBox* m_method;
    QLineEdit* m_amount;
    QLineEdit* m_reference;
    QLabel* m_summary;
    QLabel* m_message;
    QGroupBox* m_overrideBox;
    QLineEdit* m_overrideUser;
    QLineEdit* m_overrideSecret;
    QLineEdit* m_overrideReason;
    QLabel* m_overrideState;
    QPushButton* m_confirm;
    std::optional<core::CreditOverride> m_override;
    core::Money m_due;
};

} // namespace market::ui
