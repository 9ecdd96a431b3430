// market-pos: the counter application. Everything lives in market_ui; this only wires it.
#include "AppContext.h"
#include "DemoShop.h"
#include "Language.h"
#include "ScreenshotTour.h"
#include "controllers/SyncStatusSource.h"
#include "widgets/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <cstdio>
#include <exception>
#include <memory>

using namespace market;

namespace {
int run(QApplication& app) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Counter for produce-market commission shops."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     QCoreApplication::translate("main", "Folder of the shop's data file."),
                                     QStringLiteral("dir"));
    const QCommandLineOption demo(
        QStringLiteral("demo"),
        QCoreApplication::translate("main", "Create a demo shop if the store is empty."));
    const QCommandLineOption language(QStringLiteral("language"),
                                      QCoreApplication::translate("main", "Language: en, hi or te."),
                                      QStringLiteral("code"));
    const QCommandLineOption screenshots(
        QStringLiteral("screenshots"),
        QCoreApplication::translate(
            "main", "Save screenshots of every screen in every language and quit (with --demo)."),
        QStringLiteral("dir"));
    parser.addOptions({dataDir, demo, language, screenshots});
    parser.process(app);

    QSettings settings;
    ui::Preferences prefs = ui::Preferences::load(settings);
    if (parser.isSet(language))
        prefs.language = parser.value(language);
    ui::Language::install(prefs.language);

    const QString dir = parser.isSet(dataDir)
                            ? parser.value(dataDir)
                            : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (!QDir().mkpath(dir)) {
        std::fprintf(stderr, "market-pos: cannot create %s\n", qPrintable(dir));
        return 2;
    }
    static core::SystemClock clock;
    const QString storePath = QDir(dir).filePath(QStringLiteral("market.sqlite"));
    auto store = core::Store::open(storePath, clock);
    if (!store.ok()) {
        QMessageBox::critical(nullptr, QStringLiteral("market-pos"), store.error().message);
        return 2;
    }
    ui::AppContext ctx(**store, prefs);
    if (parser.isSet(demo) || parser.isSet(screenshots)) {
        if (auto st = ui::DemoShop::createIfEmpty(ctx); !st.ok()) {
            std::fprintf(stderr, "market-pos: demo shop: %s\n", qPrintable(st.error().message));
            return 2;
        }
    }
    // An enrolled counter syncs on a worker thread (from the first run on, when the setup wizard
    // enrolls it); a standalone shop has nothing to send.
    std::unique_ptr<ui::SyncStatusSource> sync;
    if (parser.isSet(screenshots))
        sync = std::make_unique<ui::StandaloneSyncStatus>();
    else
        sync = std::make_unique<ui::StoreSyncStatus>(**store, ctx.keychainService);
    ui::MainWindow window(ctx, *sync);
    if (parser.isSet(screenshots)) {
        const QStringList saved =
            ui::ScreenshotTour::run(window, parser.value(screenshots), ui::Language::codes(),
                                    QStringLiteral("cashier"), QStringLiteral("1111"));
        for (const QString& path : saved)
            std::printf("%s\n", qPrintable(path));
        return saved.isEmpty() ? 1 : 0;
    }
    window.show();
    window.start();
    return app.exec();
}
} // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("MarketPos"));
    QApplication::setApplicationName(QStringLiteral("market-pos"));
    QApplication::setApplicationVersion(QStringLiteral(MARKET_POS_VERSION));
    try {
        return run(app);
    } catch (const std::exception& e) { // last resort: the core does not throw
        std::fprintf(stderr, "market-pos: %s\n", e.what());
        return 3;
    }
}
