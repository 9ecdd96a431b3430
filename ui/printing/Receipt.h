#pragma once

#include <QString>
#include <utility>
#include <vector>

namespace market::ui {

/// A printable document, already worded and formatted (labels translated, amounts with the
/// currency): a sale receipt, a collection receipt or an arrival slip. One struct feeds both
/// the ESC/POS encoder and the PDF writer, so they always say the same thing.
struct Receipt {
    using Pair = std::pair<QString, QString>;
    struct Item {
        QString title;    ///< e.g. "L0007 Tomato" (kept ASCII where possible: printed as text)
        QString detail;   ///< e.g. "12.5 kg x ₹40.00"
        QString amount;   ///< e.g. "₹500.00"
        QString subtitle; ///< e.g. the farmer's name, any script; optional
    };

    QString shopName;
    QString title;            ///< "Sale receipt", "Payment receipt", "Arrival slip"
    QString copyMark;         ///< empty for the original; "COPY" (translated) on a reprint
    std::vector<Pair> header; ///< receipt no, date, terminal, cashier, buyer …
    std::vector<Item> items;
    std::vector<Pair> charges; ///< goods subtotal and what the bill adds to it; optional
    std::vector<Pair> totals;  ///< the first one is printed bold (the bill total)
    std::vector<Pair> footer;  ///< payments, change, outstanding
    QString barcode;           ///< Code 128 data (lot code on an arrival slip), optional
    QString closing;           ///< "Thank you"

    /// A stable name for files ("HYD01-1-000012", "HYD01-1-000012-copy").
    QString fileStem;

    bool isCopy() const { return !copyMark.isEmpty(); }
};

} // namespace market::ui
