#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace market::ui {

class SessionController;

/// Pick a user, type a password or PIN, Enter. Also the lock screen.
class LoginWidget : public QWidget {
    Q_OBJECT
public:
    explicit LoginWidget(SessionController& session, QWidget* parent = nullptr);

    /// Re-reads the users, preselects the last one and clears the secret.
    void reset();
    QString message() const;

private:
    void submit();
    SessionController& m_session;
    QComboBox* m_user;
    QLineEdit* m_secret;
    QCheckBox* m_pin;
    QPushButton* m_login;
    QLabel* m_message;
    QLabel* m_title;
};

} // namespace market::ui
