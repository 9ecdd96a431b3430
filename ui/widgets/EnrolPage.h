#pragma once

#include <QWizardPage>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace market::ui {

class SetupController;

/// The setup wizard's "join a shop on a server" page: the server's address, the shop code, the
/// one-time enrolment code, this counter's name and, for a self-signed server, a CA file. "Enrol"
/// starts the enrolment in the background (the page shows its progress and stays usable); once
/// enrolled the wizard moves on to the shop page by itself. A commit page: no way back after it.
class EnrolPage : public QWizardPage {
    Q_OBJECT
public:
    explicit EnrolPage(SetupController& controller, QWidget* parent = nullptr);
    bool isComplete() const override;
    bool validatePage() override;
    void initializePage() override;
    QString terminalName() const;

private:
    void onProgress(const QString& text);
    void onFinished(bool ok, const QString& message);
    void setBusy(bool busy);
    void chooseCaFile();

    SetupController& m_controller;
    QLineEdit* m_server;
    QLineEdit* m_shopCode;
    QLineEdit* m_code;
    QLineEdit* m_terminalName;
    QLineEdit* m_caFile;
    QPushButton* m_browse;
    QProgressBar* m_progress;
    QLabel* m_status;
    QLabel* m_error;
};

} // namespace market::ui
