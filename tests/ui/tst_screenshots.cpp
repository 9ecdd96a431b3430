// Saves every screen in English, Hindi and Telugu. With MARKET_SCREENSHOT_DIR set they are kept
// there (docs/screenshots is where the committed ones live); otherwise a temporary folder.
#include "AppContext.h"
#include "DemoShop.h"
#include "ScreenshotTour.h"
#include "controllers/SyncStatusSource.h"
#include "widgets/MainWindow.h"

#include <QFileInfo>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

using namespace market;
using namespace market::ui;

class TestScreenshots : public QObject {
    Q_OBJECT

private slots:
    void everyScreenInEveryLanguage() {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        core::ManualClock clock(1'764'000'000'000);
        auto store = core::Store::open(tmp.filePath(QStringLiteral("demo.sqlite")), clock);
        QVERIFY(store.ok());
        AppContext ctx(**store, Preferences{});
        ctx.prefs.idleLockMinutes = 0;
        const auto demo = DemoShop::createIfEmpty(ctx);
        QVERIFY2(demo.ok(), demo.ok() ? "" : qPrintable(demo.error().message));
        clock.advanceMs(3LL * 24 * 3600 * 1000); // lots a few days old
        StandaloneSyncStatus sync;
        MainWindow window(ctx, sync);
        window.resize(1280, 760);
        const QString out = qEnvironmentVariableIsSet("MARKET_SCREENSHOT_DIR")
                                ? qEnvironmentVariable("MARKET_SCREENSHOT_DIR")
                                : tmp.filePath(QStringLiteral("shots"));
        const QStringList saved = ScreenshotTour::run(
            window, out, {QStringLiteral("en"), QStringLiteral("hi"), QStringLiteral("te")},
            QStringLiteral("cashier"), QStringLiteral("1111"));
        QCOMPARE(saved.size(), 24); // 8 screens × 3 languages
        for (const QString& path : saved) {
            QVERIFY2(QFileInfo(path).size() < 200 * 1024, qPrintable(path));
            QImage image(path);
            QVERIFY2(!image.isNull() && image.width() > 300, qPrintable(path));
        }
        window.setLanguage(QStringLiteral("en"));
    }
};

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
