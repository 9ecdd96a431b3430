#include "EnrolPage.h"

#include "controllers/SetupController.h"

#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QWizard>

namespace market::ui {

EnrolPage::EnrolPage(SetupController& controller, QWidget* parent)
    : QWizardPage(parent)
    , m_controller(controller)
    , m_server(new QLineEdit(this))
    , m_shopCode(new QLineEdit(this))
    , m_code(new QLineEdit(this))
    , m_terminalName(new QLineEdit(this))
    , m_caFile(new QLineEdit(this))
    , m_browse(new QPushButton(tr("&Browse…"), this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_error(new QLabel(this)) {
    setTitle(tr("Join a shop on a server"));
    setSubTitle(tr("A manager makes a one-time enrolment code for this counter on the shop's server."));
    setCommitPage(true); // enrolled is final: the server has given this counter its identity
    setButtonText(QWizard::CommitButton, tr("&Enrol"));
    m_server->setObjectName(QStringLiteral("enrolServer"));
    m_shopCode->setObjectName(QStringLiteral("enrolShopCode"));
    m_code->setObjectName(QStringLiteral("enrolCode"));
    m_terminalName->setObjectName(QStringLiteral("enrolTerminalName"));
    m_caFile->setObjectName(QStringLiteral("enrolCaFile"));
    m_browse->setObjectName(QStringLiteral("enrolBrowseCa"));
    m_progress->setObjectName(QStringLiteral("enrolProgress"));
    m_status->setObjectName(QStringLiteral("enrolStatus"));
    m_error->setObjectName(QStringLiteral("enrolError"));

    m_server->setPlaceholderText(QStringLiteral("https://market.example:8443"));
    m_shopCode->setPlaceholderText(QStringLiteral("HYD01"));
    m_code->setPlaceholderText(QStringLiteral("ABCDE-12345"));
    m_terminalName->setText(tr("Counter"));
    m_caFile->setPlaceholderText(tr("A PEM file, for a self-signed server"));
    m_progress->setRange(0, 0); // busy: the server's answer takes as long as it takes
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_status->setWordWrap(true);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* caRow = new QHBoxLayout;
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(m_browse);
    auto* form = new QFormLayout(this);
    form->addRow(tr("&Server address"), m_server);
    form->addRow(tr("S&hop code"), m_shopCode);
    form->addRow(tr("Enrolment c&ode"), m_code);
    form->addRow(tr("This counter's &name"), m_terminalName);
    auto* caLabel = new QLabel(tr("C&A certificate (optional)"), this);
    caLabel->setBuddy(m_caFile); // a row with a layout gets no buddy by itself
    form->addRow(caLabel, caRow);
    form->addRow(m_progress);
    form->addRow(m_status);
    form->addRow(m_error);

    connect(m_browse, &QPushButton::clicked, this, &EnrolPage::chooseCaFile);
    connect(&m_controller, &SetupController::enrolProgress, this, &EnrolPage::onProgress);
    connect(&m_controller, &SetupController::enrolFinished, this, &EnrolPage::onFinished);
}

void EnrolPage::initializePage() {
    m_server->setFocus();
}

QString EnrolPage::terminalName() const {
    return m_terminalName->text().trimmed();
}

bool EnrolPage::isComplete() const {
    return !m_controller.isEnrolling();
}

bool EnrolPage::validatePage() {
    if (m_controller.enrolment())
        return true; // enrolled (onFinished calls next() again): on to the shop page
    m_error->clear();
    EnrolRequest request{m_server->text(), m_shopCode->text(), m_code->text(), m_terminalName->text(),
                         m_caFile->text()};
    if (const core::Status started = m_controller.startEnrol(request); !started.ok()) {
        m_error->setText(started.error().message);
        return false;
    }
    setBusy(true);
    return false; // the wizard moves on when the server has answered
}

void EnrolPage::onProgress(const QString& text) {
    m_status->setText(text);
}

void EnrolPage::onFinished(bool ok, const QString& message) {
    setBusy(false);
    if (!ok) {
        m_status->clear();
        m_error->setText(message);
        m_code->setFocus();
        m_code->selectAll();
        return;
    }
    m_status->setText(message);
    if (wizard() && wizard()->currentPage() == this)
        wizard()->next();
}

void EnrolPage::setBusy(bool busy) {
    for (QWidget* w : {static_cast<QWidget*>(m_server), static_cast<QWidget*>(m_shopCode),
                       static_cast<QWidget*>(m_code), static_cast<QWidget*>(m_terminalName),
                       static_cast<QWidget*>(m_caFile), static_cast<QWidget*>(m_browse)})
        w->setEnabled(!busy);
    m_progress->setVisible(busy);
    emit completeChanged(); // the Enrol button waits while the server is asked
}

void EnrolPage::chooseCaFile() {
    const QString file = QFileDialog::getOpenFileName(this, tr("CA certificate"), QString(),
                                                      tr("PEM certificates (*.pem *.crt);;All files (*)"));
    if (!file.isEmpty())
        m_caFile->setText(file);
}

} // namespace market::ui
