#pragma once

#include "Receipt.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QFont>

namespace market::ui {

/// Turns a Receipt into the bytes an ESC/POS thermal printer understands. Pure: the same
/// receipt and options always give the same bytes (a test compares them).
///
/// Text that is plain ASCII goes out as text (printer font A, `columns` wide). Any row with
/// other characters (Devanagari, Telugu, ₹ aside) is drawn with QPainter into a 1-bit image
/// and sent as a raster (GS v 0), because thermal printers carry no Indic fonts. "₹" alone is
/// written as "Rs." in text rows. Needs a QGuiApplication for the raster font.
class EscPosEncoder {
    Q_DECLARE_TR_FUNCTIONS(EscPosEncoder)
public:
    struct Options {
        int columns = 48;         ///< characters per line in font A: 48 on 80 mm, 32 on 58 mm
        int dotsPerLine = 576;    ///< printable width: 576 on 80 mm, 384 on 58 mm
        int rasterPixelSize = 24; ///< font height for raster rows, in printer dots
        bool cut = true;
    };

    static QByteArray encode(const Receipt& receipt, const Options& options);
    static QByteArray encode(const Receipt& receipt) { return encode(receipt, Options{}); }

    // The command bytes, public for tests and for other documents.
    static QByteArray init() { return QByteArray("\x1b\x40", 2); }
    static QByteArray bold(bool on) { return QByteArray("\x1b\x45", 2) + char(on ? 1 : 0); }
    enum class Align { Left = 0, Center = 1, Right = 2 };
    static QByteArray align(Align a) { return QByteArray("\x1b\x61", 2) + char(static_cast<int>(a)); }
    /// GS ! n: width and height multipliers 1–8.
    static QByteArray size(int width, int height) {
        return QByteArray("\x1d\x21", 2) + char(((width - 1) << 4) | (height - 1));
    }
    static QByteArray feed(int lines) { return QByteArray("\x1b\x64", 2) + char(lines); }
    /// GS V 66 0: feed to the cutter and cut partially.
    static QByteArray cut() { return QByteArray("\x1d\x56\x42\x00", 4); }
    /// GS k 73: Code 128, set B, with human-readable text below.
    static QByteArray code128(const QString& data);
    /// GS v 0 raster of a 1-bit image (width rounded up to whole bytes).
    static QByteArray raster(const class QImage& image);

    /// True when the text can be sent as printer text (ASCII after "₹" → "Rs.").
    static bool isPrintableAscii(const QString& text);
    /// "₹" → "Rs.", for text rows.
    static QString asciiMoney(QString text);
};

} // namespace market::ui
