#include "SyncStatusWidget.h"

#include "controllers/SyncStatusSource.h"

#include <QDateTime>
#include <QLocale>
#include <QMessageBox>

namespace market::ui {

SyncStatusWidget::SyncStatusWidget(SyncStatusSource& source, QWidget* parent)
    : QLabel(parent)
    , m_source(source) {
    setObjectName(QStringLiteral("syncStatus"));
    setCursor(Qt::PointingHandCursor);
    connect(&m_source, &SyncStatusSource::changed, this, &SyncStatusWidget::refresh);
    refresh();
}

void SyncStatusWidget::refresh() {
    const SyncStatus s = m_source.status();
    switch (s.state) {
    case SyncStatus::State::Standalone:
        setText(tr("Standalone shop"));
        break;
    case SyncStatus::State::Online:
        setText(s.pending == 0 ? tr("Online · all sent")
                               : tr("Online · %n to send", nullptr, static_cast<int>(s.pending)));
        break;
    case SyncStatus::State::Offline:
        setText(tr("Offline · %n to send, oldest %1 min", nullptr, static_cast<int>(s.pending))
                    .arg(s.oldestPendingAgeMs / 60000));
        break;
    case SyncStatus::State::Problem:
        setText(tr("Sync problem"));
        break;
    }
    // Quarantined operations and anomalies never block selling, but a manager must look at them.
    if (const qint64 issues = s.quarantined + s.anomalies; issues > 0)
        setText(text() + tr(" · %n to check", nullptr, static_cast<int>(issues)));
    setToolTip(details());
}

QString SyncStatusWidget::details() const {
    const SyncStatus s = m_source.status();
    if (s.state == SyncStatus::State::Standalone)
        return tr("This counter is its own shop: everything is stored here. A new counter joins a shop on a "
                  "server from the setup wizard (or marketctl enrol).");
    QString text = tr("Server: %1\nWaiting to send: %2\nOldest waiting: %3 min")
                       .arg(s.server)
                       .arg(s.pending)
                       .arg(s.oldestPendingAgeMs / 60000);
    if (s.offlineSinceMs > 0)
        text +=
            QLatin1Char('\n') + tr("Offline since: %1")
                                    .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(s.offlineSinceMs),
                                                            QLocale::ShortFormat));
    if (s.quarantined > 0)
        text += QLatin1Char('\n') + tr("Set aside (could not apply): %1").arg(s.quarantined);
    if (s.anomalies > 0)
        text += QLatin1Char('\n') + tr("Anomalies raised by the server: %1").arg(s.anomalies);
    if (!s.problem.isEmpty())
        text += QLatin1Char('\n') + tr("Problem: %1").arg(s.problem);
    if (s.quarantined + s.anomalies > 0)
        text += QLatin1Char('\n') + tr("A manager sees the list under Counter → Sync problems.");
    return text;
}

void SyncStatusWidget::mousePressEvent(QMouseEvent* event) {
    emit clicked();
    QLabel::mousePressEvent(event);
}

void SyncStatusWidget::showDetails() {
    auto* box = new QMessageBox(QMessageBox::Information, tr("Synchronisation"), details(),
                                QMessageBox::Close, window());
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(QStringLiteral("syncDetailsBox"));
    box->open();
}

} // namespace market::ui
