// Login and lock: wrong PIN, lockout after repeated failures, lock on demand, switch cashier.
#include "UiFixture.h"
#include "widgets/LoginWidget.h"
#include "widgets/SellWidget.h"

#include <QCheckBox>

using namespace market;
using namespace market::ui;

class TestLoginScreen : public QObject {
    Q_OBJECT

    test::UiFixture f;
    StandaloneSyncStatus sync;
    std::unique_ptr<MainWindow> window;

private slots:
    void initTestCase() {
        QVERIFY(f.setUp());
        window = std::make_unique<MainWindow>(*f.ctx, sync);
        window->show();
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        window->start();
        QVERIFY(window->loginWidget()->isVisible());
    }

    void wrongPinSaysSo() {
        QVERIFY(!test::loginWithKeys(*window, QStringLiteral("manager"), QStringLiteral("9999")));
        QCOMPARE(window->loginWidget()->message(), QStringLiteral("Wrong username or PIN."));
        QVERIFY(!test::loginWithKeys(*window, QStringLiteral("manager"), QStringLiteral("12")));
        QCOMPARE(window->loginWidget()->message(), QStringLiteral("A PIN has 4 to 8 digits."));
    }

    void lockoutAfterRepeatedFailures() {
        // One failure above already counts: four more lock the user out.
        for (int i = 0; i < 4; ++i)
            QVERIFY(!test::loginWithKeys(*window, QStringLiteral("manager"), QStringLiteral("9999")));
        QVERIFY2(window->loginWidget()->message().contains(QStringLiteral("locked")),
                 qPrintable(window->loginWidget()->message()));
        // Even the right PIN waits now.
        QVERIFY(!test::loginWithKeys(*window, QStringLiteral("manager"), QStringLiteral("2222")));
        QVERIFY(window->loginWidget()->message().contains(QStringLiteral("locked")));
        f.clock.advanceMs(core::AuthService::kLockoutMs + 1000);
        QVERIFY(test::loginWithKeys(*window, QStringLiteral("manager"), QStringLiteral("2222")));
    }

    void lockAndSwitchCashier() {
        QVERIFY(window->sellWidget()->isVisible());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_L, Qt::ControlModifier);
        QTRY_VERIFY(window->loginWidget()->isVisible());
        QVERIFY(!window->sessionController().isLoggedIn());
        // The locked user is preselected; another cashier may log in instead.
        auto* user = window->findChild<QComboBox*>(QStringLiteral("loginUser"));
        QCOMPARE(user->currentData().toString(), QStringLiteral("manager"));
        QVERIFY(test::loginWithKeys(*window, QStringLiteral("cashier"), QStringLiteral("1111")));
        QCOMPARE(window->sessionController().session()->username, QStringLiteral("cashier"));
    }

    void passwordLogin() {
        window->sessionController().lock();
        auto* pin = window->findChild<QCheckBox*>(QStringLiteral("loginUsePin"));
        auto* user = window->findChild<QComboBox*>(QStringLiteral("loginUser"));
        user->setCurrentIndex(user->findData(QStringLiteral("owner")));
        QVERIFY(!pin->isChecked()); // the owner has no PIN
        QVERIFY(test::loginWithKeys(*window, QStringLiteral("owner"), QStringLiteral("owner-pass-1")));
    }

    void idleLock() {
        QVERIFY(window->sessionController().isLoggedIn());
        window->sessionController().setIdleLockMs(200);
        window->sessionController().noteActivity();
        QTRY_VERIFY(!window->sessionController().isLoggedIn());
        QVERIFY(window->loginWidget()->isVisible());
        window->sessionController().setIdleLockMinutes(0);
    }
};

QTEST_MAIN(TestLoginScreen)
#include "tst_loginscreen.moc"
