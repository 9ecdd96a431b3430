#pragma once

#include <QDialog>

namespace market::ui {

/// F1: every shortcut of the counter, in the current language.
class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    explicit ShortcutsDialog(QWidget* parent = nullptr);
    static std::vector<std::pair<QString, QString>> globalShortcuts();
};

} // namespace market::ui
