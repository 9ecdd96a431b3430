// market-pos's first run, "Join a shop on a server", driven with clicks and key events on the real
// setup wizard against a real market-server (embedded PostgreSQL) on 127.0.0.1 and the real OS
// keychain: the counter ends up enrolled exactly as `marketctl enrol` + `marketctl init` leave it,
// its secret in the keychain, and the background sync starts on the store without a restart.
#include "AppContext.h"
#include "SyncFixture.h"
#include "controllers/SessionController.h"
#include "controllers/SetupController.h"
#include "controllers/SyncStatusSource.h"
#include "widgets/LoginWidget.h"
#include "widgets/MainWindow.h"
#include "widgets/SetupWizard.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QProgressBar>
#include <QRadioButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <engine/DeviceKeychain.h>
#include <store/Outbox.h>
#include <store/Store.h>

#ifndef MARKETCTL_BINARY
#error "MARKETCTL_BINARY must point at marketctl"
#endif

using namespace market;
using market::server::test::ServerProcess;
using market::sync::test::serverUrl;

namespace {
const QString kOwnerPassword = QStringLiteral("owner-secret-1");

/// A counter as market-pos starts it on an empty data file: store, context, the store-driven sync
/// status and the main window, which opens the setup wizard.
struct Counter {
    QTemporaryDir dir;
    core::SystemClock clock;
    std::unique_ptr<core::Store> store;
    std::unique_ptr<ui::AppContext> ctx;
    std::unique_ptr<ui::StoreSyncStatus> sync;
    std::unique_ptr<ui::MainWindow> window;

    QString path() const { return dir.filePath(QStringLiteral("market.sqlite")); }
    ui::SetupWizard* wizard() const {
        return window->findChild<ui::SetupWizard*>(QStringLiteral("setupWizard"));
    }
    template <typename T> T* field(const char* name) const {
        return wizard()->findChild<T*>(QString::fromLatin1(name));
    }
};

/// What a store holds that says how it was set up, independent of ids and times: the meta keys
/// and the audited actions in order.
QStringList setupTrace(core::Store& store) {
    QStringList trace;
    auto keys =
        store.db().prepare("SELECT key FROM meta WHERE key NOT IN ('sync.last_success_ms') ORDER BY key");
    while (keys.next())
        trace << QStringLiteral("meta ") + keys.text(0);
    auto actions = store.db().prepare("SELECT action, entity FROM audit_log ORDER BY seq");
    while (actions.next())
        trace << QStringLiteral("audit %1 %2").arg(actions.text(0), actions.text(1));
    return trace;
}

/// With MARKET_SCREENSHOT_DIR set, keeps a picture of the wizard (to look at the pages).
void keepScreenshot(QWidget* widget, const QString& name) {
    if (!qEnvironmentVariableIsSet("MARKET_SCREENSHOT_DIR"))
        return;
    const QString dir = qEnvironmentVariable("MARKET_SCREENSHOT_DIR");
    QDir().mkpath(dir);
    widget->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}
} // namespace

class SetupEnrolTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_serverDir;
    std::unique_ptr<ServerProcess> m_server;
    const sync::DeviceKeychain m_keychain{sync::test::keychainService()};

    std::unique_ptr<Counter> openCounter() {
        auto c = std::make_unique<Counter>();
        auto store = core::Store::open(c->path(), c->clock);
        if (!store.ok())
            return nullptr;
        c->store = std::move(store).value();
        ui::Preferences prefs;
        prefs.idleLockMinutes = 0;
        c->ctx = std::make_unique<ui::AppContext>(*c->store, prefs);
        c->ctx->keychainService = sync::test::keychainService();
        c->sync = std::make_unique<ui::StoreSyncStatus>(*c->store, sync::test::keychainService());
        c->window = std::make_unique<ui::MainWindow>(*c->ctx, *c->sync);
        c->window->show();
        c->window->start();
        return c;
    }

    /// Intro page: "Join a shop on a server", Next; then the enrolment page's fields typed in.
    void fillEnrolPage(Counter& c, const QString& server, const QString& shop, const QString& code,
                       const QString& name) {
        ui::SetupWizard* w = c.wizard();
        QVERIFY(w);
        QTRY_VERIFY(w->isVisible());
        if (w->currentId() == ui::SetupWizard::Intro) {
            auto* join = c.field<QRadioButton>("setupJoinServer");
            join->setFocus();
            QTest::keyClick(join, Qt::Key_Space);
            QVERIFY(join->isChecked());
            QTest::mouseClick(w->button(QWizard::NextButton), Qt::LeftButton);
        }
        QCOMPARE(w->currentId(), int(ui::SetupWizard::Enrol));
        const std::pair<const char*, QString> fields[] = {{"enrolServer", server},
                                                          {"enrolShopCode", shop},
                                                          {"enrolCode", code},
                                                          {"enrolTerminalName", name}};
        for (const auto& [objectName, text] : fields) {
            auto* edit = c.field<QLineEdit>(objectName);
            QVERIFY(edit);
            edit->setFocus();
            edit->selectAll();
            QTest::keyClick(edit, Qt::Key_Backspace);
            QTest::keyClicks(edit, text);
        }
    }

    /// Clicks "Enrol" and checks the GUI thread is free while the server is asked: the button
    /// waits, the progress bar runs, and the test's own event loop goes on.
    void clickEnrol(Counter& c) {
        QAbstractButton* enrol = c.wizard()->button(QWizard::CommitButton);
        QVERIFY(enrol->isVisible() && enrol->isEnabled());
        QTest::mouseClick(enrol, Qt::LeftButton);
        QVERIFY(c.window->findChild<ui::SetupController*>()->isEnrolling());
        QVERIFY(!enrol->isEnabled());
        QVERIFY(c.field<QProgressBar>("enrolProgress")->isVisible());
        keepScreenshot(c.wizard(), QStringLiteral("setup-enrol-busy"));
        QTRY_VERIFY_WITH_TIMEOUT(!c.window->findChild<ui::SetupController*>()->isEnrolling(), 60000);
    }

    /// Runs marketctl (enrol, init) on `db` the way the CLI's users do.
    static std::pair<int, QString> marketctl(const QString& db, const QStringList& args) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("MARKET_PASSWORD"), kOwnerPassword);
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(MARKETCTL_BINARY), QStringList{QStringLiteral("--db"), db} + args);
        p.closeWriteChannel();
        p.waitForFinished(120000);
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardError())};
    }

private slots:
    void initTestCase() {
        QVERIFY(m_serverDir.isValid());
        REQUIRE_OK(m_keychain.probe()); // needs a Secret Service (dbus-run-session + gnome-keyring)
        m_server = std::make_unique<ServerProcess>(m_serverDir.path());
        QVERIFY2(m_server->start(), qPrintable(m_server->lastError()));
    }

    void cleanupTestCase() { m_server.reset(); }

    void aWrongCodeShowsTheErrorAndWritesNothing() {
        QVERIFY(!sync::test::newShopWithEnrolCode(*m_server, QStringLiteral("WZBAD")).isEmpty());
        auto c = openCounter();
        QVERIFY(c);
        fillEnrolPage(*c, serverUrl(*m_server), QStringLiteral("WZBAD"), QStringLiteral("AAAAA-BBBBB"),
                      QStringLiteral("Counter 2"));
        clickEnrol(*c);
        auto* error = c->field<QLabel>("enrolError");
        QVERIFY2(error->text().contains(QStringLiteral("refused the shop code or the enrolment code")),
                 qPrintable(error->text()));
        QVERIFY2(error->text().contains(QStringLiteral("invalid_enrolment_code")), qPrintable(error->text()));
        QCOMPARE(c->wizard()->currentId(), int(ui::SetupWizard::Enrol)); // still here, to try again
        QVERIFY(c->wizard()->button(QWizard::CommitButton)->isEnabled());
        QVERIFY(!c->field<QProgressBar>("enrolProgress")->isVisible());
        QVERIFY(c->field<QLineEdit>("enrolCode")->hasFocus());
        keepScreenshot(c->wizard(), QStringLiteral("setup-enrol-wrong-code"));

        // A server that does not answer: said so, nothing written either.
        fillEnrolPage(*c, QStringLiteral("http://127.0.0.1:1"), QStringLiteral("WZBAD"),
                      QStringLiteral("AAAAA-BBBBB"), QStringLiteral("Counter 2"));
        clickEnrol(*c);
        QVERIFY2(error->text().contains(QStringLiteral("cannot reach the server at http://127.0.0.1:1")),
                 qPrintable(error->text()));

        // Plain http to another machine is refused at once, before any network use.
        fillEnrolPage(*c, QStringLiteral("http://example.com"), QStringLiteral("WZBAD"),
                      QStringLiteral("AAAAA-BBBBB"), QStringLiteral("Counter 2"));
        QTest::mouseClick(c->wizard()->button(QWizard::CommitButton), Qt::LeftButton);
        QVERIFY(!c->window->findChild<ui::SetupController*>()->isEnrolling());
        QVERIFY2(error->text().contains(QStringLiteral("https")), qPrintable(error->text()));

        // Nothing was written: no enrolment, no shop, the store still needs its setup.
        const auto enrolment = core::Outbox::enrolment(*c->store);
        REQUIRE_OK(enrolment);
        QVERIFY(!enrolment->has_value());
        QVERIFY(!c->store->identity());
        QVERIFY(setupTrace(*c->store).filter(QStringLiteral("sync.")).isEmpty());
        QCOMPARE(*core::Outbox::pendingCount(*c->store), 0);
        QCOMPARE(c->sync->status().state, ui::SyncStatus::State::Standalone);
        c->wizard()->reject();
    }

    void joinAShopThroughTheWizard() {
        const QString code = sync::test::newShopWithEnrolCode(*m_server, QStringLiteral("WZ1"));
        QVERIFY(!code.isEmpty());
        auto c = openCounter();
        QVERIFY(c);
        fillEnrolPage(*c, serverUrl(*m_server), QStringLiteral("wz1"), code, QStringLiteral("Counter 2"));
        clickEnrol(*c);
        ui::SetupWizard* w = c->wizard();
        QVERIFY2(c->field<QLabel>("enrolError")->text().isEmpty(),
                 qPrintable(c->field<QLabel>("enrolError")->text()));

        // Enrolled: the store holds the server's ids, the secret is in the keychain only.
        const auto enrolment = core::Outbox::enrolment(*c->store);
        REQUIRE_OK(enrolment);
        QVERIFY(enrolment->has_value());
        const core::Enrolment& e = **enrolment;
        QCOMPARE(e.shopCode, QStringLiteral("WZ1"));
        QCOMPARE(e.serverUrl, serverUrl(*m_server));
        QVERIFY(e.terminalNumber >= 1);
        const auto secret = m_keychain.read(e.terminalId.toString());
        REQUIRE_OK(secret);
        QCOMPARE(secret->size(), 64);

        // On to the shop page by itself, with the server's shop code and terminal number fixed.
        QTRY_COMPARE(w->currentId(), int(ui::SetupWizard::Shop));
        QVERIFY(!w->button(QWizard::BackButton)->isEnabled()); // enrolled is final
        QCOMPARE(c->field<QLineEdit>("setupShopCode")->text(), QStringLiteral("WZ1"));
        QVERIFY(c->field<QLineEdit>("setupShopCode")->isReadOnly());
        QCOMPARE(c->field<QSpinBox>("setupTerminal")->value(), int(e.terminalNumber));
        QVERIFY(!c->field<QSpinBox>("setupTerminal")->isEnabled());
        QCOMPARE(c->field<QLineEdit>("setupTerminalName")->text(), QStringLiteral("Counter 2"));
        keepScreenshot(w, QStringLiteral("setup-enrolled-shop"));
        QTest::keyClicks(c->field<QLineEdit>("setupShopName"), QStringLiteral("Wizard Mandi"));
        QTest::mouseClick(w->button(QWizard::NextButton), Qt::LeftButton);
        QCOMPARE(w->currentId(), int(ui::SetupWizard::Owner));
        QTest::keyClicks(c->field<QLineEdit>("setupUsername"), QStringLiteral("owner"));
        QTest::keyClicks(c->field<QLineEdit>("setupDisplayName"), QStringLiteral("Owner"));
        QTest::keyClicks(c->field<QLineEdit>("setupPassword"), kOwnerPassword);
        QTest::keyClicks(c->field<QLineEdit>("setupPassword2"), kOwnerPassword);
        QTest::mouseClick(w->button(QWizard::FinishButton), Qt::LeftButton);
        QTRY_VERIFY(!c->wizard()); // closed and gone

        // The shop carries the ids the server assigned; the login screen follows.
        QVERIFY(c->store->identity());
        QCOMPARE(c->store->identity()->shopId, e.shopId);
        QCOMPARE(c->store->identity()->terminalId, e.terminalId);
        QCOMPARE(c->store->identity()->terminalNumber, e.terminalNumber);
        QCOMPARE(c->store->identity()->shopName, QStringLiteral("Wizard Mandi"));
        QVERIFY(c->window->loginWidget()->isVisible());
        auto* user = c->window->findChild<QComboBox*>(QStringLiteral("loginUser"));
        QVERIFY(user->findData(QStringLiteral("owner")) >= 0);

        // The store, set up like marketctl enrol + init leaves one (same meta, same audited steps).
        const QString cliCode = sync::test::newShopWithEnrolCode(*m_server, QStringLiteral("WZCLI"));
        const QString cliDb = c->dir.filePath(QStringLiteral("cli.sqlite"));
        auto [rc1, err1] =
            marketctl(cliDb, {QStringLiteral("enrol"), QStringLiteral("--server"), serverUrl(*m_server),
                              QStringLiteral("--shop"), QStringLiteral("WZCLI"), QStringLiteral("--code"),
                              cliCode, QStringLiteral("--name"), QStringLiteral("Counter 2")});
        QVERIFY2(rc1 == 0, qPrintable(err1));
        auto [rc2, err2] =
            marketctl(cliDb, {QStringLiteral("init"), QStringLiteral("--shop-code"), QStringLiteral("WZCLI"),
                              QStringLiteral("--shop-name"), QStringLiteral("CLI Mandi"),
                              QStringLiteral("--owner"), QStringLiteral("owner")});
        QVERIFY2(rc2 == 0, qPrintable(err2));
        auto cliStore = core::Store::open(cliDb, c->clock);
        REQUIRE_OK(cliStore);
        QCOMPARE(setupTrace(*c->store), setupTrace(**cliStore));

        // The background sync picked the store up: the shop, terminal and owner reach the server.
        QTRY_COMPARE_WITH_TIMEOUT(c->sync->status().state, ui::SyncStatus::State::Online, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(*core::Outbox::pendingCount(*c->store), 0, 30000);
        QCOMPARE(c->sync->status().server, serverUrl(*m_server));
        QCOMPARE(server::test::countRows(*m_server, "SELECT count(*) FROM terminals WHERE id = '" +
                                                        e.terminalId.toString().toStdString() + "'"),
                 1);

        // And the owner logs in.
        auto* secretField = c->window->findChild<QLineEdit*>(QStringLiteral("loginSecret"));
        secretField->setFocus();
        QTest::keyClicks(secretField, kOwnerPassword);
        QTest::keyClick(secretField, Qt::Key_Return);
        QVERIFY(c->window->sessionController().isLoggedIn());
        REQUIRE_OK(m_keychain.remove(e.terminalId.toString()));
    }

    void aWizardClosedAfterEnrollingResumesAtTheShopPage() {
        const QString code = sync::test::newShopWithEnrolCode(*m_server, QStringLiteral("WZ2"));
        QVERIFY(!code.isEmpty());
        auto c = openCounter();
        QVERIFY(c);
        fillEnrolPage(*c, serverUrl(*m_server), QStringLiteral("WZ2"), code, QStringLiteral("Counter 3"));
        clickEnrol(*c);
        QTRY_COMPARE(c->wizard()->currentId(), int(ui::SetupWizard::Shop));
        c->wizard()->reject(); // closed before the shop was made: the window closes too
        QTRY_VERIFY(!c->window->isVisible());
        const auto enrolment = core::Outbox::enrolment(*c->store);
        REQUIRE_OK(enrolment);
        QVERIFY(enrolment->has_value());

        // market-pos starts again on the same file: straight to the shop page, nothing to re-enrol.
        c->window = std::make_unique<ui::MainWindow>(*c->ctx, *c->sync);
        c->window->show();
        c->window->start();
        QTRY_VERIFY(c->wizard() && c->wizard()->isVisible());
        QCOMPARE(c->wizard()->currentId(), int(ui::SetupWizard::Shop));
        QCOMPARE(c->field<QLineEdit>("setupShopCode")->text(), QStringLiteral("WZ2"));
        QVERIFY(c->field<QLineEdit>("setupShopCode")->isReadOnly());
        QCOMPARE(c->field<QSpinBox>("setupTerminal")->value(), int((*enrolment)->terminalNumber));
        c->wizard()->reject();
        REQUIRE_OK(m_keychain.remove((*enrolment)->terminalId.toString()));
    }
};

QTEST_MAIN(SetupEnrolTest)
#include "tst_setup_enrol.moc"
