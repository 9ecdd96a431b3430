#include "SyncStatusSource.h"

#include "store/Outbox.h"
#include "store/Store.h"
#ifdef MARKET_HAVE_SYNC
#include "EngineSyncStatus.h"
#endif

namespace market::ui {

StoreSyncStatus::StoreSyncStatus(core::Store& store, QString keychainService, QObject* parent)
    : SyncStatusSource(parent)
    , m_store(store)
    , m_keychainService(std::move(keychainService))
    , m_current(std::make_unique<StandaloneSyncStatus>()) {
    reload();
}

StoreSyncStatus::~StoreSyncStatus() = default;

void StoreSyncStatus::reload() {
#ifdef MARKET_HAVE_SYNC
    // The engine reads the shop's identity when it opens its connection: start it once there is a
    // shop (an enrolled store without one yet has nothing to send).
    if (m_engine || !m_store.identity())
        return;
    auto enrolment = core::Outbox::enrolment(m_store);
    if (!enrolment.ok() || !enrolment->has_value())
        return;
    m_current =
        std::make_unique<EngineSyncStatus>(m_store.db().path(), (*enrolment)->serverUrl, m_keychainService);
    connect(m_current.get(), &SyncStatusSource::changed, this, &SyncStatusSource::changed);
    m_engine = true;
    emit changed();
#endif
}

} // namespace market::ui
