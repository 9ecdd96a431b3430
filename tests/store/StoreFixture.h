#pragma once

#include "domain/Clock.h"
#include "services/ArrivalService.h"
#include "services/AuthService.h"
#include "services/CatalogService.h"
#include "services/CollectionService.h"
#include "services/PartyService.h"
#include "services/ReportService.h"
#include "services/SaleService.h"
#include "services/SetupService.h"
#include "store/Outbox.h"
#include "store/Store.h"

#include <QTemporaryDir>
#include <QTest>
#include <QVariant>
#include <memory>

namespace market::test {

using namespace market::core;

/// Fails the current test (and returns from it) unless `result` is ok; prints the error.
#define MARKET_REQUIRE_OK(result)                                                                            \
    do {                                                                                                     \
        const auto& market_r_ = (result);                                                                    \
        QVERIFY2(market_r_.ok(),                                                                             \
                 qPrintable(market_r_.ok() ? QString()                                                       \
                                           : errorCodeName(market_r_.error().code) + QStringLiteral(": ") +  \
                                                 market_r_.error().message));                                \
    } while (false)

/// Fails the current test unless `result` failed with exactly `expected`.
#define MARKET_REQUIRE_ERROR(result, expected)                                                               \
    do {                                                                                                     \
        const auto& market_r_ = (result);                                                                    \
        QVERIFY2(!market_r_.ok(), "expected an error, got success");                                         \
        QCOMPARE(errorCodeName(market_r_.error().code), errorCodeName(expected));                            \
        QVERIFY2(!market_r_.error().message.isEmpty(), "an error needs a message");                          \
    } while (false)

/// Exact literals for test tables; abort on a typo rather than testing the wrong value.
Money money(QStringView text);
Quantity qty(QStringView text);

/// A shop on a real SQLite file in a temporary folder, with an owner, a manager and a cashier
/// logged in once (scrypt costs ~0.4 s a hash), a ManualClock, and builders for the rest.
/// After setUp() the file is snapshotted; reset() brings a test back to that state in
/// milliseconds, with the same sessions.
class StoreFixture {
public:
    static constexpr qint64 kStartMs = 1'717'214'400'000; // 2024-06-01 04:00 UTC (09:30 IST)
    static inline const QString kOwnerPassword = QStringLiteral("owner-secret-1");
    static inline const QString kManagerPassword = QStringLiteral("manager-secret-1");
    static inline const QString kCashierPassword = QStringLiteral("cashier-secret-1");
    static inline const QString kManagerPin = QStringLiteral("2468");
    static inline const QString kCashierPin = QStringLiteral("1357");

    struct Options {
        bool pins = false;          ///< also give the manager and cashier a PIN (two more hashes)
        bool openCashDrawer = true; ///< the cashier opens a cash session (float 0): cash needs one
    };

    StoreFixture();
    ~StoreFixture();

    /// Shop HYD01, terminal 1, owner/manager/cashier; then a snapshot for reset().
    Status setUp(Options options) { return setUp(options, std::nullopt); }
    /// Enrolled first (as `marketctl enrol` does): the shop takes the enrolment's shop and
    /// terminal ids, so two fixtures can be two counters of one shop.
    Status setUp(Options options, const std::optional<Enrolment>& enrolment);
    Status setUp() { return setUp(Options{}); }
    /// The store as it was right after setUp(), sessions unchanged.
    Status reset();
    /// Closes and opens the same file again (a restart of the program).
    Status reopen();
    void close() { m_store.reset(); }

    Store& store() { return *m_store; }
    bool isOpen() const { return m_store != nullptr; }
    QString path() const { return m_dir.filePath(QStringLiteral("shop.db")); }
    QString dirPath() const { return m_dir.path(); }

    ManualClock clock{kStartMs};
    Session owner;
    Session manager;
    Session cashier;

    SaleService sales() { return SaleService(*m_store); }
    CollectionService collections() { return CollectionService(*m_store); }
    PartyService parties() { return PartyService(*m_store); }
    CatalogService catalog() { return CatalogService(*m_store); }
    ArrivalService arrivals() { return ArrivalService(*m_store); }
    AuthService auth() { return AuthService(*m_store); }
    ReportService reports() { return ReportService(*m_store); }

    // Builders: the cashier where a cashier may do it, else the manager.
    Result<PartyDoc> farmer(const QString& name);
    Result<PartyDoc> buyer(const QString& name, Money creditLimit);
    Result<ProductDoc> product(const QString& name, Unit unit = Unit::Kg);
    Result<LotDoc> lot(const Uuid& farmerId, const Uuid& productId, Quantity received);
    Status flatRule(const std::optional<Uuid>& productId, qint64 rateBp);

    static SaleLineRequest line(const Uuid& lotId, QStringView quantity, QStringView price);
    static PaymentRequest pay(PaymentMethod method, QStringView amount);

    /// Every table's rows, in a stable order: to prove a refused call changed nothing.
    QByteArray dump();
    /// Rows of a query over the file (raw sqlite3, bound text parameters ?1, ?2 ...).
    QList<QVariantList> rows(const QString& sql, const QStringList& binds = {});
    QVariant scalar(const QString& sql, const QStringList& binds = {});
    qint64 integer(const QString& sql, const QStringList& binds = {}) {
        return scalar(sql, binds).toLongLong();
    }

private:
    Status open();
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
};

} // namespace market::test
