#pragma once

#include <QString>
#include <QStringList>

namespace market::ui {

/// The languages the counter speaks and the translator that is installed.
class Language {
public:
    /// "en", "hi", "te".
    static QStringList codes();
    /// The language's own name ("हिन्दी", "తెలుగు").
    static QString nativeName(const QString& code);
    /// Installs the translations for code (removing the previous ones); English needs none.
    /// Returns false when the catalogue is missing (English text stays).
    static bool install(const QString& code);
};

} // namespace market::ui
