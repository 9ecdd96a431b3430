#include "MainWindow.h"

#include "AppContext.h"
#include "ArrivalWidget.h"
#include "CollectWidget.h"
#include "DrawerWidget.h"
#include "Language.h"
#include "LoginWidget.h"
#include "ReturnWidget.h"
#include "SellWidget.h"
#include "SettingsDialog.h"
#include "SetupWizard.h"
#include "ShortcutsDialog.h"
#include "SyncProblemsDialog.h"
#include "SyncStatusWidget.h"
#include "controllers/ArrivalController.h"
#include "controllers/CollectController.h"
#include "controllers/DrawerController.h"
#include "controllers/ReceiptBuilder.h"
#include "controllers/ReturnController.h"
#include "controllers/SaleSession.h"
#include "controllers/SessionController.h"
#include "controllers/SetupController.h"
#include "controllers/SyncProblemsController.h"
#include "controllers/SyncStatusSource.h"
#include "printing/ReceiptOutput.h"

#include <QApplication>
#include <QEvent>
#include <QLabel>
#include <QMenuBar>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>

namespace market::ui {

MainWindow::MainWindow(AppContext& ctx, SyncStatusSource& sync, QWidget* parent)
    : QMainWindow(parent)
    , m_ctx(ctx)
    , m_sync(sync)
    , m_session(new SessionController(ctx, this))
    , m_sale(new SaleSession(ctx, this))
    , m_arrivals(new ArrivalController(ctx, this))
    , m_collect(new CollectController(ctx, this))
    , m_drawer(new DrawerController(ctx, this))
    , m_returns(new ReturnController(ctx, this))
    , m_setup(new SetupController(ctx, this))
    , m_output(new ReceiptOutput(ctx.prefs, this))
    , m_receipts(new ReceiptBuilder(ctx))
    , m_syncProblems(new SyncProblemsController(ctx, sync, this)) {
    setObjectName(QStringLiteral("mainWindow"));
    connect(m_session, &SessionController::loggedIn, this, &MainWindow::onLoggedIn);
    connect(m_session, &SessionController::locked, this, &MainWindow::onLocked);
    connect(m_sale, &SaleSession::saleCompleted, this, [this](const core::SaleDoc& sale) {
        m_output->print(m_receipts->sale(sale, false));
        m_drawer->refresh();
        m_sync.nudge();
    });
    connect(m_arrivals, &ArrivalController::recorded, this, [this](const core::LotDoc& lot) {
        m_output->print(m_receipts->arrival(lot, false));
        m_sync.nudge();
        if (m_sell)
            m_sell->refreshLots();
    });
    connect(m_collect, &CollectController::collected, this, [this](const core::CollectionDoc& c) {
        m_output->print(m_receipts->collection(c, false));
        m_drawer->refresh();
        m_sync.nudge();
    });
    connect(m_returns, &ReturnController::returned, this, [this](const core::SaleReturnDoc& done) {
        m_output->print(m_receipts->saleReturn(done, false));
        m_drawer->refresh(); // a cash refund leaves the drawer
        m_sync.nudge();
        if (m_sell)
            m_sell->refreshLots(); // the goods are back on their lots
    });
    connect(m_output, &ReceiptOutput::done, this, [this](bool ok, const QString& message) {
        if (m_printLabel)
            m_printLabel->setText(ok ? tr("Receipt printed") : message);
    });
    qApp->installEventFilter(this);
    build();
    resize(1280, 800);
}

MainWindow::~MainWindow() {
    qApp->removeEventFilter(this);
    delete m_receipts;
}

void MainWindow::build() {
    m_rebuilding = true;
    if (m_problemsDialog)
        m_problemsDialog->close(); // built in the old language; reopened on demand
    const int tab = m_tabs ? m_tabs->currentIndex() : 0;
    const bool loggedIn = m_session->isLoggedIn();
    // The screens are thin: controllers keep the state. setCentralWidget deletes the old ones.
    m_stack = new QStackedWidget(this);
    m_login = new LoginWidget(*m_session, m_stack);
    m_tabs = new QTabWidget(m_stack);
    m_tabs->setObjectName(QStringLiteral("screens"));
    m_sell = new SellWidget(m_ctx, *m_sale, m_tabs);
    m_arrival = new ArrivalWidget(m_ctx, *m_arrivals, m_tabs);
    m_collectWidget = new CollectWidget(m_ctx, *m_collect, m_tabs);
    m_drawerWidget = new DrawerWidget(m_ctx, *m_drawer, m_tabs);
    m_tabs->addTab(m_sell, tr("&Sell"));
    m_tabs->addTab(m_arrival, tr("&Arrivals"));
    m_tabs->addTab(m_collectWidget, tr("&Collect"));
    m_returnWidget = new ReturnWidget(m_ctx, *m_returns, m_tabs);
    m_tabs->addTab(m_drawerWidget, tr("&Drawer"));
    m_tabs->addTab(m_returnWidget, tr("&Returns"));
    m_tabs->setCurrentIndex(tab);
    m_stack->addWidget(m_login);
    m_stack->addWidget(m_tabs);
    setCentralWidget(m_stack);
    connect(m_sell, &SellWidget::reprintRequested, this, &MainWindow::reprint);
    connect(m_returnWidget, &ReturnWidget::reprintRequested, this, &MainWindow::reprintReturn);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == 0)
            m_sell->focusStart();
        else if (index == 1)
            m_arrival->refresh();
        else if (index == 3)
            m_drawer->refresh();
    });

    // Status bar: who, printer, sync.
    for (QWidget* w : statusBar()->findChildren<QWidget*>(QString(), Qt::FindDirectChildrenOnly))
        if (qobject_cast<QLabel*>(w))
            delete w;
    m_userLabel = new QLabel(statusBar());
    m_printLabel = new QLabel(statusBar());
    m_printLabel->setObjectName(QStringLiteral("printStatus"));
    statusBar()->addWidget(m_userLabel);
    statusBar()->addWidget(m_printLabel, 1);
    m_syncWidget = new SyncStatusWidget(m_sync, statusBar());
    connect(m_syncWidget, &SyncStatusWidget::clicked, this, &MainWindow::onSyncStatusClicked);
    statusBar()->addPermanentWidget(m_syncWidget);
    buildMenus();
    updateTitle();
    m_rebuilding = false;
    m_rebuildPending = false;
    if (loggedIn)
        onLoggedIn();
    else
        onLocked();
}

void MainWindow::buildMenus() {
    menuBar()->clear();
    QMenu* counter = menuBar()->addMenu(tr("&Counter"));
    counter->addAction(tr("&Lock"), QKeySequence(Qt::CTRL | Qt::Key_L), m_session, &SessionController::lock);
    counter->addAction(tr("S&witch cashier"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L), m_session,
                       &SessionController::lock);
    counter->addSeparator();
    counter->addAction(tr("&Settings…"), QKeySequence(Qt::CTRL | Qt::Key_Comma), this,
                       &MainWindow::openSettings);
    m_problemsAction = counter->addAction(tr("Sync &problems…"), this, &MainWindow::openSyncProblems);
    m_problemsAction->setObjectName(QStringLiteral("syncProblemsAction"));
    m_problemsAction->setEnabled(m_syncProblems->allowed());
    counter->addSeparator();
    counter->addAction(tr("&Quit"), QKeySequence(Qt::CTRL | Qt::Key_Q), this, &QWidget::close);
    QMenu* go = menuBar()->addMenu(tr("&Go"));
    go->addAction(tr("&Sell"), QKeySequence(Qt::ALT | Qt::Key_1), this, [this] { showScreen(Screen::Sell); });
    go->addAction(tr("&Arrivals"), QKeySequence(Qt::ALT | Qt::Key_2), this,
                  [this] { showScreen(Screen::Arrivals); });
    go->addAction(tr("&Collect"), QKeySequence(Qt::ALT | Qt::Key_3), this,
                  [this] { showScreen(Screen::Collect); });
    go->addAction(tr("&Drawer"), QKeySequence(Qt::ALT | Qt::Key_4), this,
                  [this] { showScreen(Screen::Drawer); });
    go->addAction(tr("&Returns"), QKeySequence(Qt::ALT | Qt::Key_5), this,
                  [this] { showScreen(Screen::Returns); });
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard shortcuts"), QKeySequence(Qt::Key_F1), this, &MainWindow::openShortcuts);
}

void MainWindow::start() {
    if (!m_setup->needsSetup()) {
        onLocked();
        return;
    }
    auto* wizard = new SetupWizard(*m_setup, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &QDialog::finished, this, [this, wizard](int result) {
        if (result == QDialog::Accepted && wizard->ownerSession()) {
            updateTitle();
            m_sync.reload(); // an enrolled counter starts syncing now
            onLocked();
        } else if (m_setup->needsSetup()) {
            close(); // no shop, nothing to do
        }
    });
    wizard->open();
}

void MainWindow::showScreen(Screen screen) {
    if (!m_session->isLoggedIn())
        return;
    m_tabs->setCurrentIndex(static_cast<int>(screen));
}

void MainWindow::onLoggedIn() {
    const auto& s = m_session->session();
    m_sale->setActor(s);
    m_arrivals->setActor(s);
    m_collect->setActor(s);
    m_drawer->setActor(s);
    m_returns->setActor(s);
    m_syncProblems->setActor(s);
    m_problemsAction->setEnabled(m_syncProblems->allowed());
    m_stack->setCurrentWidget(m_tabs);
    if (s)
        m_userLabel->setText(tr("%1 (%2)").arg(s->displayName, core::roleName(s->role)));
    if (m_tabs->currentIndex() == 0)
        m_sell->focusStart();
}

void MainWindow::onLocked() {
    m_sale->setActor(std::nullopt);
    m_arrivals->setActor(std::nullopt);
    m_collect->setActor(std::nullopt);
    m_drawer->setActor(std::nullopt);
    m_returns->setActor(std::nullopt);
    m_syncProblems->setActor(std::nullopt);
    m_problemsAction->setEnabled(false);
    if (m_problemsDialog)
        m_problemsDialog->close(); // a locked counter shows nobody the list
    m_userLabel->setText(tr("Locked"));
    m_login->reset();
    m_stack->setCurrentWidget(m_login);
    m_login->setFocus();
}

void MainWindow::updateTitle() {
    const auto& id = m_ctx.store.identity();
    setWindowTitle(
        id ? tr("%1 (%2) · Counter %3 — market-pos").arg(id->shopName, id->shopCode).arg(id->terminalNumber)
           : QStringLiteral("market-pos"));
}

QString MainWindow::statusMessage() const {
    return m_printLabel ? m_printLabel->text() : QString();
}

void MainWindow::setLanguage(const QString& code) {
    Language::install(code);
    // Deliver the posted LanguageChange now, then rebuild at once (tests and the screenshot
    // tour need the new language before the next line); the deferred rebuild is then skipped.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    build();
}

void MainWindow::changeEvent(QEvent* event) {
    // Rebuilding inside the event would delete children the event is still being sent to.
    if (event->type() == QEvent::LanguageChange && !m_rebuilding && m_stack && !m_rebuildPending) {
        m_rebuildPending = true;
        QTimer::singleShot(0, this, [this] {
            if (m_rebuildPending)
                build();
        });
    }
    QMainWindow::changeEvent(event);
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event) {
    const auto type = event->type();
    if (type == QEvent::KeyPress || type == QEvent::MouseButtonPress)
        m_session->noteActivity();
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::openSettings() {
    auto* dialog = new SettingsDialog(m_ctx.prefs, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const Preferences p = dialog->preferences();
        const bool newLanguage = p.language != m_ctx.prefs.language;
        m_ctx.prefs = p;
        QSettings settings;
        p.save(settings);
        m_session->setIdleLockMinutes(p.idleLockMinutes);
        if (newLanguage)
            setLanguage(p.language);
    });
    dialog->open();
}

void MainWindow::openShortcuts() {
    auto* dialog = new ShortcutsDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::onSyncStatusClicked() {
    if (m_syncProblems->allowed())
        openSyncProblems();
    else
        m_syncWidget->showDetails();
}

SyncProblemsDialog* MainWindow::syncProblemsDialog() const {
    return m_problemsDialog;
}

void MainWindow::openSyncProblems() {
    if (!m_syncProblems->allowed())
        return;
    if (m_problemsDialog) {
        m_problemsDialog->raise();
        m_problemsDialog->activateWindow();
        return;
    }
    m_problemsDialog = new SyncProblemsDialog(m_ctx, *m_syncProblems, this);
    m_problemsDialog->setAttribute(Qt::WA_DeleteOnClose);
    m_problemsDialog->show(); // not modal: the manager may keep it open while the counter sells
}

void MainWindow::reprint() {
    if (!m_sale->lastSale()) {
        m_printLabel->setText(tr("No sale to reprint yet."));
        return;
    }
    m_output->print(m_receipts->sale(*m_sale->lastSale(), true));
}

void MainWindow::reprintReturn() {
    if (!m_returns->lastReturn()) {
        m_printLabel->setText(tr("No return to reprint yet."));
        return;
    }
    m_output->print(m_receipts->saleReturn(*m_returns->lastReturn(), true));
}

} // namespace market::ui
