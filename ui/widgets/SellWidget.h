#pragma once

#include <QWidget>
#include <utility>
#include <vector>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace market::ui {

class AppContext;
class CartModel;
class LotListModel;
class PartyListModel;
class PaymentDialog;
class SaleSession;
class SearchField;

/// The sell screen: buyer, lines by lot code / scanner / lot search, the cart and its totals.
/// Keyboard first; every action has a shortcut (shortcuts() lists them for F1).
class SellWidget : public QWidget {
    Q_OBJECT
public:
    SellWidget(AppContext& ctx, SaleSession& session, QWidget* parent = nullptr);

    /// (key, what it does) for the help screen.
    static std::vector<std::pair<QString, QString>> shortcuts();
    /// Fresh data after a sale or an arrival elsewhere.
    void refreshLots();
    PaymentDialog* paymentDialog() const { return m_payment; }
    QString message() const;
    /// Focus where a new sale starts.
    void focusStart();
    /// F12: opens the payment dialog for the cart (non-blocking).
    void openPayment();

signals:
    void reprintRequested();

private:
    void pickBuyer(int row);
    void walkIn();
    void lotCodeEntered();
    void qtyEntered();
    void addLine();
    void lotPicked(const QModelIndex& index);
    void removeSelectedLine();
    void hold();
    void recall();
    void newSale();
    void showMessage(const QString& text, bool error);
    void updateView();

    AppContext& m_ctx;
    SaleSession& m_session;
    PartyListModel* m_buyers;
    LotListModel* m_lots;
    CartModel* m_cart;
    SearchField* m_buyerSearch;
    QLabel* m_buyerInfo;
    QLineEdit* m_lotCode;
    QLabel* m_lotInfo;
    QLineEdit* m_qty;
    QLineEdit* m_price;
    QString m_ratePrefill; ///< the price text this screen filled in from today's rate, if any
    QLineEdit* m_lotSearch;
    QTableView* m_lotTable;
    QTableView* m_cartTable;
    QLabel* m_totals;
    QLabel* m_message;
    QLabel* m_held;
    PaymentDialog* m_payment = nullptr;
};

} // namespace market::ui
