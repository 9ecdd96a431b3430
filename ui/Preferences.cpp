#include "Preferences.h"

#include <QSettings>

namespace market::ui {

Preferences Preferences::load(QSettings& s) {
    Preferences p;
    p.language = s.value(QStringLiteral("ui/language"), p.language).toString();
    p.idleLockMinutes = s.value(QStringLiteral("ui/idleLockMinutes"), p.idleLockMinutes).toInt();
    p.receiptTarget = s.value(QStringLiteral("printing/receiptTarget"), p.receiptTarget).toString();
    p.receiptColumns = s.value(QStringLiteral("printing/receiptColumns"), p.receiptColumns).toInt();
    if (p.receiptColumns != 32 && p.receiptColumns != 48)
        p.receiptColumns = 48;
    p.pdfFolder = s.value(QStringLiteral("printing/pdfFolder"), p.pdfFolder).toString();
    p.pdfPageSize = s.value(QStringLiteral("printing/pdfPageSize"), p.pdfPageSize).toString();
    return p;
}

void Preferences::save(QSettings& s) const {
    s.setValue(QStringLiteral("ui/language"), language);
    s.setValue(QStringLiteral("ui/idleLockMinutes"), idleLockMinutes);
    s.setValue(QStringLiteral("printing/receiptTarget"), receiptTarget);
    s.setValue(QStringLiteral("printing/receiptColumns"), receiptColumns);
    s.setValue(QStringLiteral("printing/pdfFolder"), pdfFolder);
    s.setValue(QStringLiteral("printing/pdfPageSize"), pdfPageSize);
}

} // namespace market::ui
