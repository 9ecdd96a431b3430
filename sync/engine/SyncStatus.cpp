#include "SyncStatus.h"

namespace market::sync {

void SyncStatus::setOnline(bool v) {
    if (v != m_online)
        emit onlineChanged(m_online = v);
}

void SyncStatus::setOfflineSinceMs(qint64 v) {
    if (v != m_offlineSinceMs)
        emit offlineSinceChanged(m_offlineSinceMs = v);
}

void SyncStatus::setPending(qint64 count, qint64 oldestAtMs) {
    if (count != m_pending)
        emit pendingCountChanged(m_pending = count);
    if (oldestAtMs != m_oldestPendingAtMs)
        emit oldestPendingChanged(m_oldestPendingAtMs = oldestAtMs);
}

void SyncStatus::setLastSuccessMs(qint64 v) {
    if (v != m_lastSuccessMs)
        emit lastSuccessChanged(m_lastSuccessMs = v);
}

void SyncStatus::setQuarantinedCount(qint64 v) {
    if (v != m_quarantined)
        emit quarantinedCountChanged(m_quarantined = v);
}

void SyncStatus::setAnomalyCount(qint64 v) {
    if (v != m_anomalies)
        emit anomalyCountChanged(m_anomalies = v);
}

void SyncStatus::setServerProtocolVersion(int v) {
    if (v != m_protocolVersion)
        emit serverProtocolVersionChanged(m_protocolVersion = v);
}

void SyncStatus::setLastError(const QString& v) {
    if (v != m_lastError)
        emit lastErrorChanged(m_lastError = v);
}

void SyncStatus::setNotice(const QString& v) {
    if (v != m_notice)
        emit noticeChanged(m_notice = v);
}

} // namespace market::sync
