#pragma once

#include <QString>

class QSettings;

namespace market::ui {

/// The counter's preferences (QSettings). Loaded once in main(); tests build one directly.
struct Preferences {
    QString language = QStringLiteral("en"); ///< "en", "hi" or "te"
    int idleLockMinutes = 5;                 ///< 0 = never lock on idle
    /// Where receipts go as ESC/POS: "" (nowhere), "file:/path", "device:/dev/usb/lp0" or
    /// "tcp:host:9100".
    QString receiptTarget;
    int receiptColumns = 48;                    ///< 48 for 80 mm paper, 32 for 58 mm
    QString pdfFolder;                          ///< "" = no PDF copies
    QString pdfPageSize = QStringLiteral("A5"); ///< "A4" or "A5"

    static Preferences load(QSettings& settings);
    void save(QSettings& settings) const;
};

} // namespace market::ui
