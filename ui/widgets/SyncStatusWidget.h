#pragma once

#include <QLabel>

namespace market::ui {

class SyncStatusSource;

/// The status bar's sync indicator. A click emits clicked(): the window opens the "Sync problems"
/// list for a manager, or showDetails() for anyone else. Reads the source only when it says
/// something changed: nothing here waits on the network.
class SyncStatusWidget : public QLabel {
    Q_OBJECT
public:
    explicit SyncStatusWidget(SyncStatusSource& source, QWidget* parent = nullptr);
    void refresh();
    /// The short details box (server, waiting, set aside, anomalies, last problem).
    void showDetails();

signals:
    void clicked();

protected:
    void mousePressEvent(QMouseEvent* event) override;

private:
    QString details() const;
    SyncStatusSource& m_source;
};

} // namespace market::ui
