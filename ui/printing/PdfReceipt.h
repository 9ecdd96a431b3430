#pragma once

#include "Receipt.h"

#include <QCoreApplication>
#include <QString>

namespace market::ui {

/// A4/A5 PDF of a receipt or slip through QPrinter (PdfFormat) and QTextDocument, for shops
/// that hand out paper bills or keep PDF copies. Indic text renders with the system fonts.
class PdfReceipt {
    Q_DECLARE_TR_FUNCTIONS(PdfReceipt)
public:
    /// The receipt as HTML (also what the PDF shows).
    static QString html(const Receipt& receipt);
    /// Writes the PDF; pageSize "A4" or "A5". Returns an error message, empty on success.
    static QString write(const Receipt& receipt, const QString& path, const QString& pageSize);
};

} // namespace market::ui
