#pragma once

#include "Session.h"

namespace market::core {

class Store;

/// Shop settings that travel with the shop (synced like master data). Known keys only:
///   adjustment_approval_qty    thousandths; adjustments above it need a manager (default 50 units)
///   adjustment_approval_value  minor units; likewise by estimated value (default ₹5,000.00)
///   cash_session_required      "1"/"0": cash needs an open drawer session (default "1")
///   commission_paid_by_buyer   "1": commission is added to the bill; "0" (default): it is
///                              deducted from the farmer's proceeds
class SettingsService {
    Q_DECLARE_TR_FUNCTIONS(SettingsService)
public:
    explicit SettingsService(Store& store)
        : m_store(store) {}

    Result<qint64> integer(const QString& key);
    Status setInteger(const Session& actor, const QString& key, qint64 value);
    static bool isKnown(const QString& key);
    static qint64 defaultValue(const QString& key);

private:
    Store& m_store;
};

} // namespace market::core
