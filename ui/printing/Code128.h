#pragma once

#include <QString>
#include <QVector>

class QPainter;
class QRectF;

namespace market::ui {

/// Code 128 (set B) as module patterns: what a QPainter draws for the lot code on an arrival
/// slip. Thermal printers draw it themselves (GS k in EscPosEncoder).
class Code128 {
public:
    /// The bar/space modules ('1' bar, '0' space) with start B, checksum and stop; empty when
    /// the text has characters outside printable ASCII.
    static QString modules(const QString& text);
    /// Draws the bars filling rect (quiet zone included by the caller).
    static void paint(QPainter& painter, const QRectF& rect, const QString& text);
};

} // namespace market::ui
