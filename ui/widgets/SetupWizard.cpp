#include "SetupWizard.h"

#include "EnrolPage.h"
#include "controllers/SetupController.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace market::ui {

SetupWizard::SetupWizard(SetupController& controller, QWidget* parent)
    : QWizard(parent)
    , m_controller(controller)
    , m_standalone(new QRadioButton(tr("Create a &standalone shop on this counter")))
    , m_enrol(new QRadioButton(tr("&Join a shop on a server (enrolment code)")))
    , m_enrolPage(new EnrolPage(controller))
    , m_shopCode(new QLineEdit)
    , m_shopName(new QLineEdit)
    , m_currency(new QComboBox)
    , m_terminal(new QSpinBox)
    , m_terminalName(new QLineEdit)
    , m_username(new QLineEdit)
    , m_displayName(new QLineEdit)
    , m_password(new QLineEdit)
    , m_password2(new QLineEdit)
    , m_error(new QLabel) {
    setObjectName(QStringLiteral("setupWizard"));
    setWindowTitle(tr("Set up this counter"));
    setWizardStyle(QWizard::ClassicStyle);
    setMinimumSize(640, 500); // room for the enrolment page's two-line errors
    m_shopCode->setObjectName(QStringLiteral("setupShopCode"));
    m_terminal->setObjectName(QStringLiteral("setupTerminal"));
    m_terminalName->setObjectName(QStringLiteral("setupTerminalName"));
    m_shopName->setObjectName(QStringLiteral("setupShopName"));
    m_username->setObjectName(QStringLiteral("setupUsername"));
    m_displayName->setObjectName(QStringLiteral("setupDisplayName"));
    m_password->setObjectName(QStringLiteral("setupPassword"));
    m_password2->setObjectName(QStringLiteral("setupPassword2"));
    m_error->setObjectName(QStringLiteral("setupError"));

    auto* intro = new QWizardPage;
    intro->setTitle(tr("Welcome"));
    intro->setSubTitle(tr("This counter has no shop yet."));
    auto* introLayout = new QVBoxLayout(intro);
    introLayout->addWidget(m_standalone);
    introLayout->addWidget(m_enrol);
    m_standalone->setChecked(true);
    setPage(Intro, intro);

    m_enrol->setObjectName(QStringLiteral("setupJoinServer"));
    if (!SetupController::canEnrol()) {
        m_enrol->setEnabled(false);
        m_enrol->setToolTip(tr("This build of market-pos has no sync engine."));
    }
    setPage(Enrol, m_enrolPage);

    auto* shop = new QWizardPage;
    shop->setTitle(tr("Your shop"));
    auto* shopForm = new QFormLayout(shop);
    m_shopCode->setPlaceholderText(QStringLiteral("HYD01"));
    m_currency->addItem(QStringLiteral("INR ₹"), QStringLiteral("INR"));
    m_currency->addItem(QStringLiteral("USD $"), QStringLiteral("USD"));
    m_currency->addItem(QStringLiteral("EUR €"), QStringLiteral("EUR"));
    m_currency->addItem(QStringLiteral("GBP £"), QStringLiteral("GBP"));
    m_terminal->setRange(1, 9999);
    shopForm->addRow(tr("Shop &code"), m_shopCode);
    shopForm->addRow(tr("Shop &name"), m_shopName);
    shopForm->addRow(tr("C&urrency"), m_currency);
    shopForm->addRow(tr("&Terminal number"), m_terminal);
    shopForm->addRow(tr("Terminal n&ame"), m_terminalName);
    setPage(Shop, shop);

    auto* owner = new QWizardPage;
    owner->setTitle(tr("The owner"));
    owner->setSubTitle(tr("The first user; they can add cashiers later."));
    owner->setFinalPage(true);
    auto* ownerForm = new QFormLayout(owner);
    m_password->setEchoMode(QLineEdit::Password);
    m_password2->setEchoMode(QLineEdit::Password);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    ownerForm->addRow(tr("&Username"), m_username);
    ownerForm->addRow(tr("&Display name"), m_displayName);
    ownerForm->addRow(tr("&Password"), m_password);
    ownerForm->addRow(tr("Password a&gain"), m_password2);
    ownerForm->addRow(m_error);
    setPage(Owner, owner);
    // Enrolled before, the shop not made yet (the wizard was closed half-way): finish the setup.
    setStartId(m_controller.enrolment() ? Shop : Intro);
}

int SetupWizard::nextId() const {
    switch (currentId()) {
    case Intro:
        return m_enrol->isChecked() ? Enrol : Shop;
    case Enrol:
        return Shop;
    case Shop:
        return Owner;
    default:
        return -1;
    }
}

void SetupWizard::initializePage(int id) {
    QWizard::initializePage(id);
    if (id != Shop)
        return;
    // An enrolled counter's shop code and terminal number are the server's; SetupService insists.
    const auto enrolment = m_controller.enrolment();
    m_shopCode->setReadOnly(enrolment.has_value());
    m_shopCode->setFocusPolicy(enrolment ? Qt::ClickFocus : Qt::StrongFocus); // Tab goes to the shop name
    m_terminal->setEnabled(!enrolment);
    if (!enrolment)
        return;
    m_shopCode->setText(enrolment->shopCode);
    m_terminal->setValue(static_cast<int>(enrolment->terminalNumber));
    if (m_terminalName->text().isEmpty())
        m_terminalName->setText(m_enrolPage->terminalName());
    page(Shop)->setSubTitle(tr("Enrolled as terminal %1 of shop %2 at %3. Name the shop for its receipts.")
                                .arg(enrolment->terminalNumber)
                                .arg(enrolment->shopCode, enrolment->serverUrl));
    m_shopName->setFocus();
}

bool SetupWizard::validateCurrentPage() {
    if (currentId() != Owner)
        return QWizard::validateCurrentPage();
    core::StandaloneShopRequest r;
    r.shopCode = m_shopCode->text().trimmed();
    r.shopName = m_shopName->text().trimmed();
    r.currency = core::currencyFromCode(m_currency->currentData().toString()).value_or(core::Currency::INR);
    r.terminalNumber = m_terminal->value();
    r.terminalName = m_terminalName->text().trimmed();
    r.ownerUsername = m_username->text().trimmed();
    r.ownerDisplayName = m_displayName->text().trimmed();
    r.ownerPassword = m_password->text();
    auto owner = m_controller.createStandaloneShop(r, m_password2->text());
    if (!owner.ok()) {
        m_error->setText(owner.error().message);
        return false;
    }
    m_owner = *owner;
    return true;
}

} // namespace market::ui
