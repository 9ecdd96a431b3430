#include "ScreenshotTour.h"

#include "controllers/ArrivalController.h"
#include "controllers/CollectController.h"
#include "controllers/ReturnController.h"
#include "controllers/SaleSession.h"
#include "controllers/SessionController.h"
#include "services/PartyService.h"
#include "widgets/MainWindow.h"
#include "widgets/PaymentDialog.h"
#include "widgets/SellWidget.h"
#include "widgets/ShortcutsDialog.h"

#include <QApplication>
#include <QDir>
#include <QImage>
#include <QPixmap>
#include <QWidget>

namespace market::ui {

namespace {
void settle() {
    for (int i = 0; i < 5; ++i)
        QApplication::processEvents();
}

QString save(QWidget* w, const QString& dir, const QString& name) {
    settle();
    const QString path = QDir(dir).filePath(name + QStringLiteral(".png"));
    // Indexed colour keeps a UI screenshot well under 200 KB without visible loss.
    QImage image = w->grab().toImage().convertToFormat(QImage::Format_Indexed8, Qt::ThresholdDither);
    return image.save(path, "PNG", 9) ? path : QString();
}
} // namespace

QStringList ScreenshotTour::run(MainWindow& window, const QString& dir, const QStringList& languages,
                                const QString& username, const QString& pin) {
    QDir().mkpath(dir);
    QStringList saved;
    auto keep = [&saved](const QString& path) {
        if (!path.isEmpty())
            saved << path;
    };
    window.show();
    for (const QString& lang : languages) {
        window.setLanguage(lang);
        window.sessionController().lock();
        keep(save(&window, dir, QStringLiteral("login-") + lang));
        if (!window.sessionController().login(username, pin, true).ok())
            continue;
        SaleSession& sale = window.saleSession();
        sale.clear();
        window.showScreen(MainWindow::Screen::Sell);
        // A cart worth looking at: the first buyer with a limit and two lots.
        if (auto lots = window.arrivalController().recentLots(10); lots.ok() && lots->size() >= 2) {
            (void)sale.addLine((*lots)[0], core::Quantity::fromUnits(12), core::Money::fromMinor(4000));
            (void)sale.addLine((*lots)[1], core::Quantity::fromUnits(7), core::Money::fromMinor(3250));
        }
        keep(save(&window, dir, QStringLiteral("sell-") + lang));
        window.sellWidget()->openPayment();
        if (PaymentDialog* pay = window.sellWidget()->paymentDialog()) {
            keep(save(pay, dir, QStringLiteral("payment-") + lang));
            pay->reject();
        }
        window.showScreen(MainWindow::Screen::Arrivals);
        keep(save(&window, dir, QStringLiteral("arrivals-") + lang));
        window.showScreen(MainWindow::Screen::Collect);
        keep(save(&window, dir, QStringLiteral("collect-") + lang));
        window.showScreen(MainWindow::Screen::Drawer);
        keep(save(&window, dir, QStringLiteral("drawer-") + lang));
        // The returns screen on the newest sale, with a quantity typed on its first line.
        if (window.returnController().findLatest().ok())
            (void)window.returnController().setQuantity(0, QStringLiteral("1"));
        window.showScreen(MainWindow::Screen::Returns);
        keep(save(&window, dir, QStringLiteral("returns-") + lang));
        window.returnController().clear();
        auto* shortcuts = new ShortcutsDialog(&window);
        shortcuts->show();
        keep(save(shortcuts, dir, QStringLiteral("shortcuts-") + lang));
        delete shortcuts;
        sale.clear();
        window.showScreen(MainWindow::Screen::Sell);
    }
    return saved;
}

} // namespace market::ui
