// Cold start of the counter: from exec() of a fresh process to the login screen on the screen,
// with a large store (e.g. the 1,000,000-sale file of bench_reports). In the same run, the bare
// baseline: a fresh process that starts QApplication, opens the file with raw SQLite, reads the
// users and shows one window. Each run is a new process (the OS page cache stays warm, as it is
// on a counter that was used yesterday).
//
//   bench_cold_start [file=/tmp/market-bench-1m.db] [runs=7]
#include "AppContext.h"
#include "controllers/SyncStatusSource.h"
#include "widgets/LoginWidget.h"
#include "widgets/MainWindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLabel>
#include <QProcess>
#include <algorithm>
#include <cstdio>
#include <sqlite3.h>
#include <vector>

using namespace market;

namespace {

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

/// Child: the real counter on the store, until the login screen is visible.
int childOurs(const QString& path) {
    static core::SystemClock clock;
    auto store = core::Store::open(path, clock);
    if (!store.ok()) {
        std::fprintf(stderr, "opening %s: %s\n", qPrintable(path), qPrintable(store.error().message));
        return 2;
    }
    ui::Preferences prefs;
    prefs.idleLockMinutes = 0;
    ui::AppContext ctx(**store, prefs);
    ui::StandaloneSyncStatus sync;
    ui::MainWindow window(ctx, sync);
    window.show();
    window.start();
    while (!window.loginWidget() || !window.loginWidget()->isVisible())
        QCoreApplication::processEvents();
    QCoreApplication::processEvents(); // one more pass: the first paint
    std::printf("ready\n");
    return 0;
}

/// Child: the bare baseline — raw SQLite open and the user list, one shown window.
int childBare(const QString& path) {
    sqlite3* db = nullptr;
    const QByteArray p = path.toUtf8();
    if (sqlite3_open_v2(p.constData(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
        return 2;
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(db, "SELECT username FROM app_user ORDER BY username", -1, &s, nullptr);
    QStringList users;
    while (sqlite3_step(s) == SQLITE_ROW)
        users << QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)));
    sqlite3_finalize(s);
    sqlite3_close(db);
    QLabel label(users.join(QLatin1Char('\n')));
    label.show();
    while (!label.isVisible())
        QCoreApplication::processEvents();
    QCoreApplication::processEvents();
    std::printf("ready\n");
    return 0;
}

double runChild(const QString& self, const QString& mode, const QString& path) {
    QProcess child;
    QElapsedTimer t;
    t.start();
    child.start(self, {mode, path});
    if (!child.waitForFinished(60'000) || child.exitCode() != 0 ||
        !child.readAllStandardOutput().contains("ready")) {
        std::fprintf(stderr, "%s failed: %s\n", qPrintable(mode), child.readAllStandardError().constData());
        std::exit(1);
    }
    return static_cast<double>(t.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM",
            qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() >= 3 && args.at(1) == QLatin1String("--child-ours"))
        return childOurs(args.at(2));
    if (args.size() >= 3 && args.at(1) == QLatin1String("--child-bare"))
        return childBare(args.at(2));

    const QString path = args.size() > 1 ? args.at(1) : QStringLiteral("/tmp/market-bench-1m.db");
    const int runs = args.size() > 2 ? args.at(2).toInt() : 7;
    if (!QFileInfo::exists(path)) {
        std::fprintf(stderr, "no store at %s: make one with bench_reports first\n", qPrintable(path));
        return 2;
    }
    sqlite3* db = nullptr;
    qint64 sales = 0;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt* s = nullptr;
        sqlite3_prepare_v2(db, "SELECT count(*) FROM sale", -1, &s, nullptr);
        if (sqlite3_step(s) == SQLITE_ROW)
            sales = sqlite3_column_int64(s, 0);
        sqlite3_finalize(s);
    }
    sqlite3_close(db);
    std::printf("bench_cold_start: %s (%lld sales, %.2f GiB), %d runs, platform %s\n", qPrintable(path),
                static_cast<long long>(sales), static_cast<double>(QFileInfo(path).size()) / (1 << 30), runs,
                qPrintable(QGuiApplication::platformName()));
    const QString self = QCoreApplication::applicationFilePath();
    std::vector<double> ours, bare;
    runChild(self, QStringLiteral("--child-ours"), path); // warm the page cache once
    for (int i = 0; i < runs; ++i) {
        // Interleaved, so the machine's noise hits both alike.
        ours.push_back(runChild(self, QStringLiteral("--child-ours"), path));
        bare.push_back(runChild(self, QStringLiteral("--child-bare"), path));
        std::printf("run %d: market-pos to login %.1f ms, bare Qt + SQLite %.1f ms\n", i + 1, ours.back(),
                    bare.back());
    }
    const double o = median(ours), b = median(bare);
    std::printf("median: ours %.1f ms, bare %.1f ms, ratio %.2f; target < 1000 ms: %s\n", o, b, o / b,
                o < 1000 ? "met" : "MISSED");
    return 0;
}
