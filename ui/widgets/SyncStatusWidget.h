#pragma once

#include <QLabel>

namespace market::ui {

class SyncStatusSource;

/// The status bar's sync indicator; a click shows the details. Reads the source only when it
/// says something changed: nothing here waits on the network.
class SyncStatusWidget : public QLabel {
    Q_OBJECT
public:
    explicit SyncStatusWidget(SyncStatusSource& source, QWidget* parent = nullptr);
    void refresh();

protected:
    void mousePressEvent(QMouseEvent* event) override;

private:
    QString details() const;
    SyncStatusSource& m_source;
};

} // namespace market::ui
