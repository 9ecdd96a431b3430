#include "StoreFixture.h"

#include <QDirIterator>
#include <QFile>

using namespace market::test;

// Every verify or hash costs ~0.4 s of scrypt: the cases are chosen to need few of them.
class TestAuth : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { MARKET_REQUIRE_OK(m_fx.setUp(StoreFixture::Options{true})); }

    void loginWithPasswordAndPin();
    void wrongSecretsAndUnknownUsers();
    void authorizeNeedsThePermission();
    void createUserRules_data();
    void createUserRules();
    void secretsStoredOnlyAsScryptHashes();

private:
    StoreFixture m_fx;
};

void TestAuth::loginWithPasswordAndPin() {
    auto auth = m_fx.auth();
    auto owner = auth.login(QStringLiteral("owner"), StoreFixture::kOwnerPassword);
    MARKET_REQUIRE_OK(owner);
    QCOMPARE(owner->role, Role::Owner);
    QCOMPARE(owner->userId, m_fx.owner.userId);
    QCOMPARE(owner->shopId, m_fx.store().identity()->shopId);
    // Usernames are trimmed like every other input.
    auto cashier = auth.loginWithPin(QStringLiteral(" cashier "), StoreFixture::kCashierPin);
    MARKET_REQUIRE_OK(cashier);
    QCOMPARE(cashier->role, Role::Cashier);
    QCOMPARE(cashier->userId, m_fx.cashier.userId);
    QCOMPARE(cashier->displayName, QStringLiteral("Cashier Kiran"));
}

void TestAuth::wrongSecretsAndUnknownUsers() {
    auto auth = m_fx.auth();
    auto wrong = auth.login(QStringLiteral("manager"), QStringLiteral("not-the-password"));
    MARKET_REQUIRE_ERROR(wrong, ErrorCode::AuthenticationFailed);
    QCOMPARE(m_fx.integer(QStringLiteral("SELECT failed_attempts FROM app_user WHERE username = 'manager'")),
             qint64(1));
    // An unknown user gets the very same answer: no hint which usernames exist.
    auto unknown = auth.login(QStringLiteral("nobody"), QStringLiteral("not-the-password"));
    MARKET_REQUIRE_ERROR(unknown, ErrorCode::AuthenticationFailed);
    QCOMPARE(unknown.error().message, wrong.error().message);
    // The password is not the PIN and the PIN is not the password.
    MARKET_REQUIRE_ERROR(auth.loginWithPin(QStringLiteral("manager"), StoreFixture::kCashierPin),
                         ErrorCode::AuthenticationFailed);
    MARKET_REQUIRE_ERROR(auth.login(QStringLiteral("manager"), StoreFixture::kManagerPin),
                         ErrorCode::AuthenticationFailed);
    // The owner has no PIN: a PIN login cannot succeed.
    MARKET_REQUIRE_ERROR(auth.loginWithPin(QStringLiteral("owner"), QStringLiteral("0000")),
                         ErrorCode::AuthenticationFailed);
    // Malformed PINs are refused before any hashing, and do not count as failures.
    const QByteArray before = m_fx.dump();
    for (const char16_t* pin : {u"12", u"123456789", u"12a4", u"", u"١٢٣٤"})
        MARKET_REQUIRE_ERROR(auth.loginWithPin(QStringLiteral("cashier"), QString::fromUtf16(pin)),
                             ErrorCode::InvalidInput);
    QCOMPARE(m_fx.dump(), before);
    // A good login clears the failures.
    MARKET_REQUIRE_OK(auth.loginWithPin(QStringLiteral("manager"), StoreFixture::kManagerPin));
    QCOMPARE(m_fx.integer(QStringLiteral("SELECT failed_attempts FROM app_user WHERE username = 'manager'")),
             qint64(0));
}

void TestAuth::authorizeNeedsThePermission() {
    auto auth = m_fx.auth();
    auto ok =
        auth.authorize(QStringLiteral("manager"), StoreFixture::kManagerPin, Permission::OverrideCreditLimit);
    MARKET_REQUIRE_OK(ok);
    QCOMPARE(ok->userId, m_fx.manager.userId);
    MARKET_REQUIRE_ERROR(
        auth.authorize(QStringLiteral("cashier"), StoreFixture::kCashierPin, Permission::OverrideCreditLimit),
        ErrorCode::Forbidden);
    MARKET_REQUIRE_ERROR(
        auth.authorize(QStringLiteral("manager"), StoreFixture::kManagerPassword, Permission::ManageShop),
        ErrorCode::Forbidden);
    MARKET_REQUIRE_ERROR(auth.authorize(QStringLiteral("manager"), QStringLiteral("wrong-secret"),
                                        Permission::OverrideCreditLimit),
                         ErrorCode::AuthenticationFailed);
}

void TestAuth::createUserRules_data() {
    QTest::addColumn<QString>("actor"); // owner | manager | cashier
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("role");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("pin");
    QTest::addColumn<int>("error"); // -1: created

    const int invalid = int(ErrorCode::InvalidInput);
    QTest::newRow("manager cannot create an owner") << "manager"
                                                    << "owner2"
                                                    << "owner"
                                                    << "password-1"
                                                    << "" << int(ErrorCode::Forbidden);
    QTest::newRow("cashier cannot create a cashier") << "cashier"
                                                     << "c2"
                                                     << "cashier"
                                                     << "password-1"
                                                     << "" << int(ErrorCode::Forbidden);
    QTest::newRow("duplicate username") << "owner"
                                        << "cashier"
                                        << "cashier"
                                        << "password-1"
                                        << "" << int(ErrorCode::Conflict);
    QTest::newRow("duplicate of the manager") << "owner"
                                              << "manager"
                                              << "manager"
                                              << "password-1"
                                              << "" << int(ErrorCode::Conflict);
    QTest::newRow("short password") << "owner"
                                    << "c3"
                                    << "cashier"
                                    << "1234567"
                                    << "" << invalid;
    QTest::newRow("PIN too short") << "owner"
                                   << "c4"
                                   << "cashier"
                                   << "password-1"
                                   << "123" << invalid;
    QTest::newRow("PIN too long") << "owner"
                                  << "c5"
                                  << "cashier"
                                  << "password-1"
                                  << "123456789" << invalid;
    QTest::newRow("PIN with a letter") << "owner"
                                       << "c6"
                                       << "cashier"
                                       << "password-1"
                                       << "12a4" << invalid;
    QTest::newRow("username with a space") << "owner"
                                           << "ravi kumar"
                                           << "cashier"
                                           << "password-1"
                                           << "" << invalid;
    QTest::newRow("username with a quote") << "owner"
                                           << "ravi'--"
                                           << "cashier"
                                           << "password-1"
                                           << "" << invalid;
    QTest::newRow("empty username") << "owner"
                                    << ""
                                    << "cashier"
                                    << "password-1"
                                    << "" << invalid;
    QTest::newRow("manager creates a cashier with a PIN") << "manager"
                                                          << "cashier2"
                                                          << "cashier"
                                                          << "password-2"
                                                          << "97531" << -1;
}

void TestAuth::createUserRules() {
    QFETCH(QString, actor);
    QFETCH(QString, username);
    QFETCH(QString, role);
    QFETCH(QString, password);
    QFETCH(QString, pin);
    QFETCH(int, error);

    const Session& who = actor == u"owner" ? m_fx.owner : actor == u"manager" ? m_fx.manager : m_fx.cashier;
    const QByteArray before = m_fx.dump();
    auto made = m_fx.auth().createUser(who, NewUserRequest{username, {}, *roleFromName(role), password, pin});
    if (error >= 0) {
        MARKET_REQUIRE_ERROR(made, ErrorCode(error));
        QCOMPARE(m_fx.dump(), before);
        return;
    }
    MARKET_REQUIRE_OK(made);
    QCOMPARE(made->username, username);
    QVERIFY(made->hasPin);
    // One audit entry and one outbox entry for the new user, written by the actor.
    QCOMPARE(m_fx.integer(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'user.create' AND "
                                         "entity_id = ?1 AND user_id = ?2"),
                          {made->id.toString(), who.userId.toString()}),
             qint64(1));
    QCOMPARE(m_fx.integer(QStringLiteral("SELECT count(*) FROM outbox WHERE type = 'user.upsert' AND "
                                         "payload LIKE '%' || ?1 || '%'"),
                          {made->id.toString()}),
             qint64(1));
    auto session = m_fx.auth().loginWithPin(username, pin);
    MARKET_REQUIRE_OK(session);
    QCOMPARE(session->role, Role::Cashier);
}

void TestAuth::secretsStoredOnlyAsScryptHashes() {
    const auto users = m_fx.rows(QStringLiteral("SELECT username, password_hash, pin_hash FROM app_user"));
    QVERIFY(users.size() >= 3);
    for (const auto& u : users) {
        QVERIFY2(u[1].toString().startsWith(QStringLiteral("$scrypt$ln=17,r=8,p=1$")),
                 qPrintable(u[0].toString()));
        const QString pin = u[2].toString();
        QVERIFY2(pin.isEmpty() || pin.startsWith(QStringLiteral("$scrypt$ln=17,r=8,p=1$")), qPrintable(pin));
    }
    // Two users with the same PIN would still get different hashes (salted).
    QVERIFY(users[1][1] != users[2][1]);

    // No plaintext secret anywhere in the files: tables, outbox payloads, audit, WAL.
    MARKET_REQUIRE_OK(m_fx.store().db().checkpoint());
    QByteArray everything = m_fx.dump();
    QDirIterator it(m_fx.dirPath(), QDir::Files);
    while (it.hasNext()) {
        QFile f(it.next());
        QVERIFY(f.open(QIODevice::ReadOnly));
        everything += f.readAll();
    }
    for (const QString& secret : {StoreFixture::kOwnerPassword, StoreFixture::kManagerPassword,
                                  StoreFixture::kCashierPassword, QStringLiteral("password-2")}) {
        QVERIFY2(!everything.contains(secret.toUtf8()), qPrintable(secret));
        QVERIFY2(!everything.contains(secret.toUtf8().toHex()), qPrintable(secret));
    }
    // PINs are short digit strings that may occur by chance in ids; check the columns instead.
    QCOMPARE(m_fx.integer(
                 QStringLiteral("SELECT count(*) FROM app_user WHERE pin_hash IN ('2468', '1357', '97531') "
                                "OR password_hash LIKE '%secret%'")),
             qint64(0));
    QCOMPARE(m_fx.integer(QStringLiteral("SELECT count(*) FROM outbox WHERE payload LIKE '%secret-1%' OR "
                                         "audit LIKE '%secret-1%'")),
             qint64(0));
}

QTEST_GUILESS_MAIN(TestAuth)
#include "tst_auth.moc"
