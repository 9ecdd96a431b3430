#pragma once

#include "Session.h"
#include "domain/Money.h"

namespace market::core {

class Store;

struct StandaloneShopRequest {
    QString shopCode; ///< e.g. "HYD01": letters and digits, 2–12
    QString shopName;
    Currency currency = Currency::INR;
    QString timeZone = QStringLiteral("Asia/Kolkata");
    qint64 terminalNumber = 1;
    QString terminalName;
    QString ownerUsername;
    QString ownerDisplayName;
    QString ownerPassword; ///< at least 8 characters
};

/// First run of a counter that is not enrolled with a server: creates the shop, this terminal
/// and its owner in one transaction (audited, queued for a later sync).
class SetupService {
    Q_DECLARE_TR_FUNCTIONS(SetupService)
public:
    explicit SetupService(Store& store)
        : m_store(store) {}
    Result<Session> createStandaloneShop(const StandaloneShopRequest& request);

private:
    Store& m_store;
};

} // namespace market::core
