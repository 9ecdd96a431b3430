#pragma once

#include <QObject>
#include <QString>

namespace market::sync {

/// What the counter shows about its sync: the engine updates it, the UI (on any thread, through
/// queued connections) and `marketctl sync status` read it. Every setter emits only on change.
class SyncStatus : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool online READ online NOTIFY onlineChanged)
    Q_PROPERTY(qint64 offlineSinceMs READ offlineSinceMs NOTIFY offlineSinceChanged)
    Q_PROPERTY(qint64 pendingCount READ pendingCount NOTIFY pendingCountChanged)
    Q_PROPERTY(qint64 oldestPendingAtMs READ oldestPendingAtMs NOTIFY oldestPendingChanged)
    Q_PROPERTY(qint64 lastSuccessMs READ lastSuccessMs NOTIFY lastSuccessChanged)
    Q_PROPERTY(qint64 quarantinedCount READ quarantinedCount NOTIFY quarantinedCountChanged)
    Q_PROPERTY(qint64 anomalyCount READ anomalyCount NOTIFY anomalyCountChanged)
    Q_PROPERTY(int serverProtocolVersion READ serverProtocolVersion NOTIFY serverProtocolVersionChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)
    Q_PROPERTY(QString notice READ notice NOTIFY noticeChanged)
public:
    using QObject::QObject;

    bool online() const { return m_online; }
    /// Counter-clock time of the first failed contact since the server last answered; 0 when
    /// the server answered last (or was never tried). Kept in the store across restarts.
    qint64 offlineSinceMs() const { return m_offlineSinceMs; }
    qint64 pendingCount() const { return m_pending; }
    /// Counter-clock time of the oldest unacknowledged operation; 0 when the outbox is empty.
    qint64 oldestPendingAtMs() const { return m_oldestPendingAtMs; }
    /// Age of the oldest pending operation at `nowMs` (0 when none).
    qint64 oldestPendingAgeMs(qint64 nowMs) const {
        return m_oldestPendingAtMs > 0 ? std::max<qint64>(0, nowMs - m_oldestPendingAtMs) : 0;
    }
    qint64 lastSuccessMs() const { return m_lastSuccessMs; }
    qint64 quarantinedCount() const { return m_quarantined; }
    /// Anomalies the server raised for the shop (oversold lots, ...) that the pull brought here.
    qint64 anomalyCount() const { return m_anomalies; }
    int serverProtocolVersion() const { return m_protocolVersion; }
    QString lastError() const { return m_lastError; }
    /// Something the person at the counter should know that is not an error (the server was
    /// restored and this counter re-uploads); empty when none.
    QString notice() const { return m_notice; }

    void setOnline(bool v);
    void setOfflineSinceMs(qint64 v);
    void setPending(qint64 count, qint64 oldestAtMs);
    void setLastSuccessMs(qint64 v);
    void setQuarantinedCount(qint64 v);
    void setAnomalyCount(qint64 v);
    void setServerProtocolVersion(int v);
    void setLastError(const QString& v);
    void setNotice(const QString& v);

signals:
    void onlineChanged(bool online);
    void offlineSinceChanged(qint64 atMs);
    void pendingCountChanged(qint64 count);
    void oldestPendingChanged(qint64 atMs);
    void lastSuccessChanged(qint64 atMs);
    void quarantinedCountChanged(qint64 count);
    void anomalyCountChanged(qint64 count);
    void serverProtocolVersionChanged(int version);
    void lastErrorChanged(const QString& message);
    void noticeChanged(const QString& message);

private:
    bool m_online = false;
    qint64 m_offlineSinceMs = 0;
    qint64 m_pending = 0;
    qint64 m_oldestPendingAtMs = 0;
    qint64 m_lastSuccessMs = 0;
    qint64 m_quarantined = 0;
    qint64 m_anomalies = 0;
    int m_protocolVersion = 0;
    QString m_lastError;
    QString m_notice;
};

} // namespace market::sync
