#include "SettingsDialog.h"

#include "Language.h"
#include "printing/ReceiptPrinter.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

namespace market::ui {

SettingsDialog::SettingsDialog(const Preferences& current, QWidget* parent)
    : QDialog(parent)
    , m_base(current)
    , m_language(new QComboBox(this))
    , m_idle(new QSpinBox(this))
    , m_target(new QLineEdit(this))
    , m_columns(new QComboBox(this))
    , m_pdfFolder(new QLineEdit(this))
    , m_pageSize(new QComboBox(this))
    , m_error(new QLabel(this)) {
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    m_language->setObjectName(QStringLiteral("settingsLanguage"));
    for (const QString& code : Language::codes())
        m_language->addItem(Language::nativeName(code), code);
    m_language->setCurrentIndex(std::max(0, m_language->findData(current.language)));
    m_idle->setRange(0, 240);
    m_idle->setSuffix(tr(" min"));
    m_idle->setSpecialValueText(tr("never"));
    m_idle->setValue(current.idleLockMinutes);
    m_target->setText(current.receiptTarget);
    m_target->setPlaceholderText(QStringLiteral("tcp:192.168.1.50:9100"));
    m_columns->addItem(tr("80 mm (48 columns)"), 48);
    m_columns->addItem(tr("58 mm (32 columns)"), 32);
    m_columns->setCurrentIndex(current.receiptColumns == 32 ? 1 : 0);
    m_pdfFolder->setText(current.pdfFolder);
    m_pageSize->addItems({QStringLiteral("A5"), QStringLiteral("A4")});
    m_pageSize->setCurrentText(current.pdfPageSize);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));

    auto* form = new QFormLayout(this);
    form->addRow(tr("&Language"), m_language);
    form->addRow(tr("Lock when idle after"), m_idle);
    form->addRow(tr("Receipt &printer"), m_target);
    form->addRow(QString(),
                 new QLabel(tr("file:/path, device:/dev/usb/lp0 or tcp:host:9100; empty for none"), this));
    form->addRow(tr("Paper"), m_columns);
    form->addRow(tr("PDF copies in folder"), m_pdfFolder);
    form->addRow(tr("PDF page size"), m_pageSize);
    form->addRow(m_error);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

Preferences SettingsDialog::preferences() const {
    Preferences p = m_base;
    p.language = m_language->currentData().toString();
    p.idleLockMinutes = m_idle->value();
    p.receiptTarget = m_target->text().trimmed();
    p.receiptColumns = m_columns->currentData().toInt();
    p.pdfFolder = m_pdfFolder->text().trimmed();
    p.pdfPageSize = m_pageSize->currentText();
    return p;
}

void SettingsDialog::accept() {
    const QString problem = ReceiptPrinter::checkTarget(m_target->text().trimmed());
    if (!problem.isEmpty()) {
        m_error->setText(problem);
        return;
    }
    QDialog::accept();
}

} // namespace market::ui
