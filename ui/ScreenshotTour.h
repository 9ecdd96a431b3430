#pragma once

#include <QStringList>

namespace market::ui {

class MainWindow;

/// Saves a PNG of every screen in each language: login, sell (with a cart), payment, arrivals,
/// collect and the shortcut list, as <dir>/<screen>-<lang>.png. Used by
/// `market-pos --demo --screenshots DIR` and by a test. Logs in with the given user and PIN.
class ScreenshotTour {
public:
    static QStringList run(MainWindow& window, const QString& dir, const QStringList& languages,
                           const QString& username, const QString& pin);
};

} // namespace market::ui
