#pragma once

#include "domain/Clock.h"
#include "domain/Documents.h"
#include "services/ArrivalService.h"
#include "services/SaleService.h"
#include "services/Session.h"

#include <QDate>
#include <QJsonArray>
#include <map>
#include <vector>

namespace market::cli {

class Context;

/// Builds a realistic demo shop: shop, users, produce, parties, commission rules and N days of
/// arrivals, sales (cash, UPI, split, credit, one manager override) and collections, written
/// through the services with a ManualClock stepping through the days. Deterministic for a seed
/// (apart from the random ids and password salts).
class DemoBuilder {
public:
    DemoBuilder(Context& ctx, core::ManualClock& clock, quint64 seed, int days, QDate lastDay);
    /// Everything up to the last day; the store must be open and empty.
    core::Status build();

    QJsonArray usersJson() const { return m_users; }
    qint64 arrivals() const { return m_arrivals; }
    qint64 sales() const { return m_sales; }
    qint64 creditSales() const { return m_creditSales; }
    qint64 overrides() const { return m_overrides; }
    qint64 collections() const { return m_collections; }
    qint64 farmerPayments() const { return m_farmerPayments; }
    qint64 expenses() const { return m_expenses; }
    /// One per day: {day, sessionId, openingFloat, expected, counted, variance} (minor units).
    QJsonArray cashSessionsJson() const { return m_cashSessions; }

private:
    struct Product {
        core::Uuid id;
        std::size_t spec = 0;
    };
    struct Buyer {
        core::Uuid id;
        core::Money limit;
    };

    quint64 next();
    qint64 between(qint64 lo, qint64 hi);
    bool chance(int percent) { return between(1, 100) <= percent; }
    QString secret(const QString& prefix, int length);
    void at(QDate day, int hour, int minute);
    void advanceMinutes(qint64 lo, qint64 hi);

    core::Status setUpShop();
    core::Status setUpCatalog();
    core::Status setUpParties();
    core::Status recordArrival();
    core::Status sellOnce();
    core::Status collectOnce();
    core::Status openDrawer();
    core::Status payFarmers();
    core::Status recordExpenses(int dayIndex);
    core::Status closeDrawer(QDate day, bool shortDay);
    std::vector<core::PaymentRequest> paymentPlan(core::Money total, bool walkin, core::Money limit);

    Context& m_ctx;
    core::ManualClock& m_clock;
    quint64 m_state;
    int m_days;
    QDate m_lastDay;

    core::Session m_owner;
    core::Session m_manager;
    core::Session m_cashier;
    QString m_managerPin;
    QJsonArray m_users;
    std::vector<Product> m_products;
    std::map<core::Uuid, std::size_t> m_specOf; ///< product id → spec index
    std::vector<core::Uuid> m_farmers;
    std::vector<Buyer> m_buyers;

    qint64 m_arrivals = 0;
    qint64 m_sales = 0;
    qint64 m_creditSales = 0;
    qint64 m_overrides = 0;
    qint64 m_collections = 0;
    qint64 m_farmerPayments = 0;
    qint64 m_expenses = 0;
    QJsonArray m_cashSessions;
};

} // namespace market::cli
