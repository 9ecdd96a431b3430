#include "EscPosEncoder.h"

#include <QFontMetrics>
#include <QImage>
#include <QPainter>

namespace market::ui {

namespace {
struct Row {
    QString left;
    QString right;
    EscPosEncoder::Align align = EscPosEncoder::Align::Left;
    bool bold = false;
    bool big = false; ///< double height and width
};

QByteArray textRow(const Row& row, int columns) {
    const int width = row.big ? columns / 2 : columns;
    QString text;
    if (row.right.isEmpty()) {
        text = row.left;
    } else {
        const int room = width - static_cast<int>(row.right.size()) - 1;
        QString left = row.left;
        if (room < static_cast<int>(left.size()))
            left = left.left(std::max(0, room));
        text = left + QString(width - left.size() - row.right.size(), QLatin1Char(' ')) + row.right;
    }
    QByteArray out;
    out += EscPosEncoder::align(row.align);
    if (row.bold)
        out += EscPosEncoder::bold(true);
    if (row.big)
        out += EscPosEncoder::size(2, 2);
    out += text.toLatin1();
    out += '\n';
    if (row.big)
        out += EscPosEncoder::size(1, 1);
    if (row.bold)
        out += EscPosEncoder::bold(false);
    return out;
}

QByteArray rasterRow(const Row& row, const EscPosEncoder::Options& o) {
    // Noto (Debian fonts-noto-core) covers Latin, Devanagari and Telugu; listing the script
    // families avoids a fallback search per row.
    QFont font;
    font.setFamilies({QStringLiteral("Noto Sans"), QStringLiteral("Noto Sans Devanagari"),
                      QStringLiteral("Noto Sans Telugu")});
    font.setPixelSize(row.big ? o.rasterPixelSize * 3 / 2 : o.rasterPixelSize);
    font.setBold(row.bold);
    const QFontMetrics fm(font);
    const int height = fm.height() + 4;
    QImage image(o.dotsPerLine, height, QImage::Format_Grayscale8);
    image.fill(Qt::white);
    {
        QPainter p(&image);
        p.setFont(font);
        p.setPen(Qt::black);
        const QRect area(0, 0, o.dotsPerLine, height);
        if (row.right.isEmpty()) {
            const int flags = Qt::AlignVCenter | (row.align == EscPosEncoder::Align::Center ? Qt::AlignHCenter
                                                  : row.align == EscPosEncoder::Align::Right ? Qt::AlignRight
                                                                                             : Qt::AlignLeft);
            p.drawText(area, flags, fm.elidedText(row.left, Qt::ElideRight, o.dotsPerLine));
        } else {
            const int rightWidth = fm.horizontalAdvance(row.right);
            p.drawText(area, Qt::AlignVCenter | Qt::AlignRight, row.right);
            p.drawText(QRect(0, 0, o.dotsPerLine - rightWidth - 8, height), Qt::AlignVCenter | Qt::AlignLeft,
                       fm.elidedText(row.left, Qt::ElideRight, o.dotsPerLine - rightWidth - 8));
        }
    }
    return EscPosEncoder::align(EscPosEncoder::Align::Left) + EscPosEncoder::raster(image);
}
} // namespace

bool EscPosEncoder::isPrintableAscii(const QString& text) {
    for (const QChar c : text)
        if (c.unicode() < 32 || c.unicode() > 126)
            return false;
    return true;
}

QString EscPosEncoder::asciiMoney(QString text) {
    return text.replace(QChar(0x20B9), QStringLiteral("Rs."));
}

QByteArray EscPosEncoder::raster(const QImage& source) {
    const QImage image = source.convertToFormat(QImage::Format_Grayscale8);
    const int bytesPerRow = (image.width() + 7) / 8;
    QByteArray out("\x1d\x76\x30\x00", 4);
    out += char(bytesPerRow & 0xff);
    out += char((bytesPerRow >> 8) & 0xff);
    out += char(image.height() & 0xff);
    out += char((image.height() >> 8) & 0xff);
    for (int y = 0; y < image.height(); ++y) {
        const uchar* line = image.constScanLine(y);
        for (int b = 0; b < bytesPerRow; ++b) {
            unsigned char byte = 0;
            for (int bit = 0; bit < 8; ++bit) {
                const int x = b * 8 + bit;
                if (x < image.width() && line[x] < 128)
                    byte |= static_cast<unsigned char>(0x80 >> bit);
            }
            out += static_cast<char>(byte);
        }
    }
    return out;
}

QByteArray EscPosEncoder::code128(const QString& data) {
    // Printable ASCII only; "{B" selects code set B.
    const QByteArray payload = QByteArray("{B") + data.toLatin1();
    QByteArray out;
    out += QByteArray("\x1d\x68\x50", 3); // GS h 80: bar height in dots
    out += QByteArray("\x1d\x77\x02", 3); // GS w 2: module width
    out += QByteArray("\x1d\x48\x02", 3); // GS H 2: text below
    out += QByteArray("\x1d\x6b\x49", 3); // GS k 73: CODE128
    out += char(payload.size());
    out += payload;
    out += '\n';
    return out;
}

QByteArray EscPosEncoder::encode(const Receipt& r, const Options& o) {
    std::vector<Row> rows;
    if (r.isCopy())
        rows.push_back(Row{QStringLiteral("*** %1 ***").arg(r.copyMark), {}, Align::Center, true, true});
    rows.push_back(Row{r.shopName, {}, Align::Center, true, true});
    if (!r.title.isEmpty())
        rows.push_back(Row{r.title, {}, Align::Center, true, false});
    for (const auto& [label, value] : r.header)
        rows.push_back(Row{label, value, Align::Left, false, false});
    const QString rule(o.columns, QLatin1Char('-'));
    if (!r.items.empty()) {
        rows.push_back(Row{rule, {}, Align::Left, false, false});
        for (const auto& item : r.items) {
            rows.push_back(Row{item.title, {}, Align::Left, false, false});
            if (!item.subtitle.isEmpty())
                rows.push_back(Row{QStringLiteral("  ") + item.subtitle, {}, Align::Left, false, false});
            rows.push_back(Row{QStringLiteral("  ") + item.detail, item.amount, Align::Left, false, false});
        }
    }
    if (!r.charges.empty()) {
        rows.push_back(Row{rule, {}, Align::Left, false, false});
        for (const auto& [label, value] : r.charges)
            rows.push_back(Row{label, value, Align::Left, false, false});
    }
    if (!r.totals.empty()) {
        rows.push_back(Row{rule, {}, Align::Left, false, false});
        bool first = true;
        for (const auto& [label, value] : r.totals) {
            rows.push_back(Row{label, value, Align::Left, first, false});
            first = false;
        }
    }
    if (!r.footer.empty()) {
        rows.push_back(Row{rule, {}, Align::Left, false, false});
        for (const auto& [label, value] : r.footer)
            rows.push_back(Row{label, value, Align::Left, false, false});
    }

    QByteArray out = init();
    out += QByteArray("\x1b\x74\x00", 3); // ESC t 0: code page PC437 (ASCII part only is used)
    for (const Row& row : rows) {
        const Row ascii{asciiMoney(row.left), asciiMoney(row.right), row.align, row.bold, row.big};
        if (isPrintableAscii(ascii.left) && isPrintableAscii(ascii.right))
            out += textRow(ascii, o.columns);
        else
            out += rasterRow(row, o);
    }
    if (!r.barcode.isEmpty() && isPrintableAscii(r.barcode)) {
        out += align(Align::Center);
        out += code128(r.barcode);
    }
    if (!r.closing.isEmpty()) {
        const Row closing{r.closing, {}, Align::Center, false, false};
        out += isPrintableAscii(closing.left) ? textRow(closing, o.columns) : rasterRow(closing, o);
    }
    if (r.isCopy()) {
        const Row mark{QStringLiteral("*** %1 ***").arg(r.copyMark), {}, Align::Center, true, false};
        out += isPrintableAscii(mark.left) ? textRow(mark, o.columns) : rasterRow(mark, o);
    }
    out += align(Align::Left);
    out += feed(4);
    if (o.cut)
        out += cut();
    return out;
}

} // namespace market::ui
