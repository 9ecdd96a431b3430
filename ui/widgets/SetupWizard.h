#pragma once

#include "services/Session.h"

#include <QWizard>

class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;

namespace market::ui {

class EnrolPage;
class SetupController;

/// First run: create a standalone shop (this counter only), or join a shop on a server: enrol
/// the terminal first (EnrolPage), then the same shop and owner pages with the shop code and the
/// terminal number the server gave (as `marketctl enrol` then `marketctl init`). Creating the
/// shop happens when the owner page is validated. A store enrolled earlier starts at the shop page.
class SetupWizard : public QWizard {
    Q_OBJECT
public:
    enum Page { Intro, Enrol, Shop, Owner };
    SetupWizard(SetupController& controller, QWidget* parent = nullptr);
    int nextId() const override;
    bool validateCurrentPage() override;
    void initializePage(int id) override;
    const std::optional<core::Session>& ownerSession() const { return m_owner; }

private:
    SetupController& m_controller;
    QRadioButton* m_standalone;
    QRadioButton* m_enrol;
    EnrolPage* m_enrolPage;
    QLineEdit* m_shopCode;
    QLineEdit* m_shopName;
    QComboBox* m_currency;
    QSpinBox* m_terminal;
    QLineEdit* m_terminalName;
    QLineEdit* m_username;
    QLineEdit* m_displayName;
    QLineEdit* m_password;
    QLineEdit* m_password2;
    QLabel* m_error;
    std::optional<core::Session> m_owner;
};

} // namespace market::ui
