#include "Language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>
#include <memory>

namespace market::ui {

namespace {
std::unique_ptr<QTranslator>& appTranslator() {
    static std::unique_ptr<QTranslator> t;
    return t;
}
std::unique_ptr<QTranslator>& qtTranslator() {
    static std::unique_ptr<QTranslator> t;
    return t;
}
} // namespace

QStringList Language::codes() {
    return {QStringLiteral("en"), QStringLiteral("hi"), QStringLiteral("te")};
}

QString Language::nativeName(const QString& code) {
    if (code == QLatin1String("hi"))
        return QStringLiteral("हिन्दी");
    if (code == QLatin1String("te"))
        return QStringLiteral("తెలుగు");
    return QStringLiteral("English");
}

bool Language::install(const QString& code) {
    for (auto* slot : {&appTranslator(), &qtTranslator()})
        if (*slot) {
            QCoreApplication::removeTranslator(slot->get());
            slot->reset();
        }
    QLocale::setDefault(
        QLocale(code == QLatin1String("en") ? QStringLiteral("en_IN") : code + QStringLiteral("_IN")));
    if (code == QLatin1String("en") || code.isEmpty()) {
        // Removing translators sends LanguageChange too; nothing else to do.
        return true;
    }
    auto app = std::make_unique<QTranslator>();
    // qt_add_translations embeds the .qm files under :/i18n.
    if (!app->load(QStringLiteral(":/i18n/market_%1.qm").arg(code)))
        return false;
    QCoreApplication::installTranslator(app.get());
    appTranslator() = std::move(app);
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(QStringLiteral("qtbase_%1").arg(code), QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        qtTranslator() = std::move(qt);
    }
    return true;
}

} // namespace market::ui
