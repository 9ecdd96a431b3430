#pragma once

#include <QWidget>
#include <vector>

class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace market::ui {

class AppContext;
class DrawerController;

/// Drawer: open the day with a float, put cash in or take it out with a reason, watch the X
/// figures, and close with the counted cash to see the Z figures and the variance.
class DrawerWidget : public QWidget {
    Q_OBJECT
public:
    DrawerWidget(AppContext& ctx, DrawerController& controller, QWidget* parent = nullptr);
    QString message() const;

private:
    void openDrawer();
    void moveCash(bool cashIn);
    void closeDrawer();
    void updateView();
    void notesChanged();
    void showMessage(const QString& text, bool error);

    AppContext& m_ctx;
    DrawerController& m_controller;
    QLabel* m_state;
    QLineEdit* m_float;
    QPushButton* m_open;
    QLineEdit* m_moveAmount;
    QLineEdit* m_moveReason;
    QPushButton* m_cashIn;
    QPushButton* m_cashOut;
    QLineEdit* m_counted;
    QPushButton* m_close;
    QFormLayout* m_figures;
    std::vector<std::pair<qint64, QSpinBox*>> m_notes; ///< face value (minor units), count
    QLabel* m_message;
};

} // namespace market::ui
