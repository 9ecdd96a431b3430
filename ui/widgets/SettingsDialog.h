#pragma once

#include "Preferences.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace market::ui {

/// Preferences of this counter: language, idle lock, receipt printer and PDF copies.
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    SettingsDialog(const Preferences& current, QWidget* parent = nullptr);
    Preferences preferences() const;
    void accept() override;

private:
    Preferences m_base;
    QComboBox* m_language;
    QSpinBox* m_idle;
    QLineEdit* m_target;
    QComboBox* m_columns;
    QLineEdit* m_pdfFolder;
    QComboBox* m_pageSize;
    QLabel* m_error;
};

} // namespace market::ui
