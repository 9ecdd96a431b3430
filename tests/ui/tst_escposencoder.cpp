// ESC/POS bytes of receipts: commands, ASCII text, Indic text as a raster, copy mark, barcode.
#include "printing/Code128.h"
#include "printing/EscPosEncoder.h"

#include <QTest>

using market::ui::Code128;
using market::ui::EscPosEncoder;
using market::ui::Receipt;

class TestEscPosEncoder : public QObject {
    Q_OBJECT

private:
    static Receipt asciiReceipt() {
        Receipt r;
        r.shopName = QStringLiteral("Test Mandi");
        r.title = QStringLiteral("Sale receipt");
        r.header = {{QStringLiteral("Receipt no"), QStringLiteral("HYD01-1-000001")},
                    {QStringLiteral("Buyer"), QStringLiteral("B0001 Lakshmi Traders")}};
        r.items = {{QStringLiteral("L0001 Tomato / Ramesh"), QStringLiteral("12.5 kg x ₹40.00"),
                    QStringLiteral("₹500.00"), QStringLiteral("Ramesh")}};
        r.totals = {{QStringLiteral("Total"), QStringLiteral("₹1,23,456.50")}};
        r.footer = {{QStringLiteral("CASH"), QStringLiteral("₹500.00")}};
        r.closing = QStringLiteral("Thank you");
        return r;
    }

private slots:
    void asciiReceiptIsTextWithCommands() {
        const QByteArray bytes = EscPosEncoder::encode(asciiReceipt());
        QVERIFY(bytes.startsWith(QByteArray("\x1b\x40", 2)));       // ESC @ init
        QVERIFY(bytes.endsWith(QByteArray("\x1d\x56\x42\x00", 4))); // GS V cut
        QVERIFY(bytes.contains(QByteArray("\x1b\x61\x01", 3)));     // centred shop name
        QVERIFY(bytes.contains(QByteArray("\x1b\x45\x01", 3)));     // bold on
        QVERIFY(bytes.contains(QByteArray("\x1d\x21\x11", 3)));     // double size
        QVERIFY(bytes.contains("HYD01-1-000001"));
        QVERIFY(bytes.contains("Rs.1,23,456.50"));               // ₹ → Rs. in text
        QVERIFY(!bytes.contains(QByteArray("\x1d\x76\x30", 3))); // no raster needed
        QVERIFY(!bytes.contains("COPY"));
        // A label/value row fills exactly 48 columns.
        const QByteArray row = QByteArray("Receipt no") + QByteArray(48 - 10 - 14, ' ') + "HYD01-1-000001\n";
        QVERIFY2(bytes.contains(row), bytes.constData());
    }

    void sameReceiptSameBytes() {
        QCOMPARE(EscPosEncoder::encode(asciiReceipt()), EscPosEncoder::encode(asciiReceipt()));
    }

    void narrowPaperUses32Columns() {
        EscPosEncoder::Options o;
        o.columns = 32;
        o.dotsPerLine = 384;
        const QByteArray bytes = EscPosEncoder::encode(asciiReceipt(), o);
        QVERIFY(bytes.contains(QByteArray(32, '-') + '\n'));
        QVERIFY(!bytes.contains(QByteArray(33, '-')));
    }

    void indicTextBecomesRaster_data() {
        QTest::addColumn<QString>("name");
        QTest::newRow("hindi") << QStringLiteral("रमेश यादव");
        QTest::newRow("telugu") << QStringLiteral("రాము నాయుడు");
    }

    void indicTextBecomesRaster() {
        QFETCH(QString, name);
        Receipt r = asciiReceipt();
        r.header.emplace_back(QStringLiteral("Farmer"), name);
        const QByteArray bytes = EscPosEncoder::encode(r);
        const qsizetype at = bytes.indexOf(QByteArray("\x1d\x76\x30\x00", 4));
        QVERIFY(at > 0);
        const int widthBytes =
            static_cast<unsigned char>(bytes[at + 4]) | static_cast<unsigned char>(bytes[at + 5]) << 8;
        const int height =
            static_cast<unsigned char>(bytes[at + 6]) | static_cast<unsigned char>(bytes[at + 7]) << 8;
        QCOMPARE(widthBytes, 72); // 576 dots
        QVERIFY(height >= 20 && height < 100);
        const QByteArray image = bytes.mid(at + 8, widthBytes * height);
        QCOMPARE(image.size(), widthBytes * height);
        QVERIFY2(image.count('\0') < image.size(), "the raster has ink"); // glyphs were drawn
        // The ASCII rows around it are still text.
        QVERIFY(bytes.contains("HYD01-1-000001"));
    }

    void copyIsMarkedTopAndBottom() {
        Receipt r = asciiReceipt();
        r.copyMark = QStringLiteral("COPY");
        const QByteArray bytes = EscPosEncoder::encode(r);
        QCOMPARE(bytes.count("*** COPY ***"), 2);
    }

    void barcodeUsesCode128SetB() {
        Receipt r = asciiReceipt();
        r.barcode = QStringLiteral("L0007");
        const QByteArray bytes = EscPosEncoder::encode(r);
        QVERIFY(bytes.contains(QByteArray("\x1d\x6b\x49\x07{BL0007", 10)));
    }

    void rasterPacksBitsMostSignificantFirst() {
        QImage image(10, 2, QImage::Format_Grayscale8);
        image.fill(Qt::white);
        image.setPixel(0, 0, qRgb(0, 0, 0));
        image.setPixel(9, 1, qRgb(0, 0, 0));
        const QByteArray bytes = EscPosEncoder::raster(image);
        QCOMPARE(bytes, QByteArray("\x1d\x76\x30\x00\x02\x00\x02\x00\x80\x00\x00\x40", 12));
    }

    void code128Modules() {
        const QString m = Code128::modules(QStringLiteral("L0007"));
        QCOMPARE(m.size(), 11 * (5 + 3) + 2);                       // start, 5 symbols, check, stop
        QVERIFY(m.startsWith(QLatin1String("11010010000")));        // start B
        QVERIFY(m.endsWith(QLatin1String("1100011101011")));        // stop
        QVERIFY(Code128::modules(QStringLiteral("रमेश")).isEmpty()); // not encodable
        // Check symbol: (104 + 44·1 + 16·2 + 16·3 + 16·4 + 23·5) mod 103 = 407 mod 103 = 98.
        QCOMPARE(m.mid(11 * 6, 11), QStringLiteral("11110100010"));
    }
};

QTEST_MAIN(TestEscPosEncoder)
#include "tst_escposencoder.moc"
