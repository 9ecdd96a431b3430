#pragma once

#include "Receipt.h"

#include <QObject>

namespace market::ui {

struct Preferences;
class ReceiptPrinter;

/// Sends a worded receipt wherever the preferences say: ESC/POS to the receipt printer and,
/// when a folder is set, a PDF copy. Reports the outcome with done() (for the status bar).
class ReceiptOutput : public QObject {
    Q_OBJECT
public:
    explicit ReceiptOutput(const Preferences& prefs, QObject* parent = nullptr);
    void print(const Receipt& receipt);
    /// The last receipt's ESC/POS bytes (for a reprint and for tests).
    QByteArray lastBytes() const { return m_lastBytes; }

signals:
    void done(bool ok, const QString& message);

private:
    const Preferences& m_prefs;
    ReceiptPrinter* m_printer;
    QByteArray m_lastBytes;
};

} // namespace market::ui
