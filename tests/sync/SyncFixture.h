#pragma once

// What the sync tests share: a real market-server with its embedded PostgreSQL (tests/server's
// harness), a shop on it with a one-time enrolment code, and the tests' own keychain entries.
// The real OS keychain is needed: run under dbus-run-session with gnome-keyring-daemon --unlock.

#include "ServerHarness.h"

#include <QString>
#include <QTest>

#define REQUIRE_OK(expr)                                                                                     \
    do {                                                                                                     \
        const auto& r_ = (expr);                                                                             \
        QVERIFY2(r_.ok(), qPrintable(r_.ok() ? QString() : r_.error().message));                             \
    } while (false)

namespace market::sync::test {

/// The tests' keychain service, apart from a real counter's "market-pos".
inline QString keychainService() {
    return QStringLiteral("market-pos-tests");
}

inline QString serverUrl(const server::test::ServerProcess& server) {
    return QStringLiteral("http://127.0.0.1:%1").arg(server.port());
}

/// A new shop `shopCode` on the (running) server and a one-time code to enrol a counter in it;
/// empty if the server's admin commands failed.
inline QString newShopWithEnrolCode(server::test::ServerProcess& server, const QString& shopCode) {
    server::test::createShop(server, shopCode, QStringLiteral("sync-owner"));
    const auto code = server.admin({QStringLiteral("enrol-code"), QStringLiteral("--shop"), shopCode});
    return code ? code->value(QStringLiteral("code")).toString() : QString();
}

} // namespace market::sync::test
