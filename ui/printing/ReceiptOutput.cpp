#include "ReceiptOutput.h"

#include "EscPosEncoder.h"
#include "PdfReceipt.h"
#include "Preferences.h"
#include "ReceiptPrinter.h"

#include <QDir>

namespace market::ui {

ReceiptOutput::ReceiptOutput(const Preferences& prefs, QObject* parent)
    : QObject(parent)
    , m_prefs(prefs)
    , m_printer(new ReceiptPrinter(this)) {
    connect(m_printer, &ReceiptPrinter::finished, this, &ReceiptOutput::done);
}

void ReceiptOutput::print(const Receipt& receipt) {
    EscPosEncoder::Options options;
    options.columns = m_prefs.receiptColumns;
    options.dotsPerLine = m_prefs.receiptColumns == 32 ? 384 : 576;
    m_lastBytes = EscPosEncoder::encode(receipt, options);
    if (!m_prefs.pdfFolder.isEmpty()) {
        QDir().mkpath(m_prefs.pdfFolder);
        const QString error = PdfReceipt::write(
            receipt, QDir(m_prefs.pdfFolder).filePath(receipt.fileStem + QStringLiteral(".pdf")),
            m_prefs.pdfPageSize);
        if (!error.isEmpty())
            emit done(false, error);
    }
    if (!m_prefs.receiptTarget.isEmpty())
        m_printer->send(m_lastBytes, m_prefs.receiptTarget);
}

} // namespace market::ui
