#pragma once

#include <QMainWindow>
#include <QPointer>

class QLabel;
class QStackedWidget;
class QTabWidget;

namespace market::ui {

class AppContext;
class ArrivalController;
class ArrivalWidget;
class CollectController;
class CollectWidget;
class DrawerController;
class DrawerWidget;
class ReturnController;
class ReturnWidget;
class LoginWidget;
class ReceiptBuilder;
class ReceiptOutput;
class SaleSession;
class SellWidget;
class SessionController;
class SetupController;
class SyncProblemsController;
class SyncProblemsDialog;
class SyncStatusSource;
class SyncStatusWidget;

/// The counter's window: setup wizard on first run, then login, then the screens (Sell,
/// Arrivals, Collect, Drawer, Returns) under one menu and status bar. Owns the controllers; the screens are
/// rebuilt when the language changes (the cart lives in SaleSession and survives).
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum class Screen { Sell, Arrivals, Collect, Drawer, Returns };

    MainWindow(AppContext& ctx, SyncStatusSource& sync, QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Opens the setup wizard when the store has no shop, else the login screen.
    void start();
    void showScreen(Screen screen);
    /// Installs the language and rebuilds the screens in it.
    void setLanguage(const QString& code);

    SessionController& sessionController() { return *m_session; }
    SaleSession& saleSession() { return *m_sale; }
    ArrivalController& arrivalController() { return *m_arrivals; }
    CollectController& collectController() { return *m_collect; }
    DrawerController& drawerController() { return *m_drawer; }
    ReturnController& returnController() { return *m_returns; }
    ReceiptOutput& receiptOutput() { return *m_output; }
    LoginWidget* loginWidget() const { return m_login; }
    SellWidget* sellWidget() const { return m_sell; }
    ArrivalWidget* arrivalWidget() const { return m_arrival; }
    CollectWidget* collectWidget() const { return m_collectWidget; }
    DrawerWidget* drawerWidget() const { return m_drawerWidget; }
    ReturnWidget* returnWidget() const { return m_returnWidget; }
    SyncStatusWidget* syncStatusWidget() const { return m_syncWidget; }
    /// The open "Sync problems" window, if any.
    SyncProblemsDialog* syncProblemsDialog() const;
    /// Opens (or raises) the "Sync problems" window for a logged-in manager or owner.
    void openSyncProblems();
    QString statusMessage() const;

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void build();
    void buildMenus();
    void onLoggedIn();
    void onLocked();
    void openSettings();
    void openShortcuts();
    void onSyncStatusClicked();
    void reprint();
    void reprintReturn();
    void updateTitle();

    AppContext& m_ctx;
    SyncStatusSource& m_sync;
    SessionController* m_session;
    SaleSession* m_sale;
    ArrivalController* m_arrivals;
    CollectController* m_collect;
    DrawerController* m_drawer;
    ReturnController* m_returns;
    SetupController* m_setup;
    ReceiptOutput* m_output;
    ReceiptBuilder* m_receipts;
    SyncProblemsController* m_syncProblems;
    QStackedWidget* m_stack = nullptr;
    QTabWidget* m_tabs = nullptr;
    LoginWidget* m_login = nullptr;
    SellWidget* m_sell = nullptr;
    ArrivalWidget* m_arrival = nullptr;
    CollectWidget* m_collectWidget = nullptr;
    DrawerWidget* m_drawerWidget = nullptr;
    ReturnWidget* m_returnWidget = nullptr;
    QLabel* m_userLabel = nullptr;
    QLabel* m_printLabel = nullptr;
    SyncStatusWidget* m_syncWidget = nullptr;
    QAction* m_problemsAction = nullptr;
    QPointer<SyncProblemsDialog> m_problemsDialog;
    bool m_rebuilding = false;
    bool m_rebuildPending = false;
};

} // namespace market::ui
