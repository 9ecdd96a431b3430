#pragma once

#include "Preferences.h"
#include "services/ArrivalService.h"
#include "services/AuthService.h"
#include "services/CashSessionService.h"
#include "services/CatalogService.h"
#include "services/CollectionService.h"
#include "services/PartyService.h"
#include "services/PriceService.h"
#include "services/ReportService.h"
#include "services/SaleService.h"
#include "services/SetupService.h"
#include "store/Store.h"

namespace market::ui {

/// What every controller needs: the one Store (GUI thread only), its services and the
/// preferences. Owned by main() (or a test) and outlives every window.
class AppContext {
public:
    AppContext(core::Store& store, Preferences preferences);

    core::Store& store;
    core::SetupService setup;
    core::AuthService auth;
    core::PartyService parties;
    core::CatalogService catalog;
    core::ArrivalService arrivals;
    core::SaleService sales;
    core::CollectionService collections;
    core::ReportService reports;
    core::CashSessionService cash;
    core::PriceService prices;
    Preferences prefs;
    /// Names this counter's entries in the OS keychain (the device secret); tests use their own.
    QString keychainService = QStringLiteral("market-pos");

    core::Currency currency() const;
    QString money(core::Money m) const { return core::formatMoney(m, currency()); }
    /// A local date/time in the shop's time zone, for receipts and lists.
    QString dateTime(qint64 ms) const;
    QString date(qint64 ms) const;
};

} // namespace market::ui
