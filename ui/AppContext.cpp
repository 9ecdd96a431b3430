#include "AppContext.h"

#include <QDateTime>
#include <QTimeZone>

namespace market::ui {

AppContext::AppContext(core::Store& s, Preferences preferences)
    : store(s)
    , setup(s)
    , auth(s)
    , parties(s)
    , catalog(s)
    , arrivals(s)
    , sales(s)
    , collections(s)
    , reports(s)
    , cash(s)
    , prices(s)
    , prefs(std::move(preferences)) {}

core::Currency AppContext::currency() const {
    return store.identity() ? store.identity()->currency : core::Currency::INR;
}

namespace {
QDateTime shopTime(const core::Store& store, qint64 ms) {
    QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    if (store.identity()) {
        const QTimeZone zone(store.identity()->timeZone.toUtf8());
        if (zone.isValid())
            return t.toTimeZone(zone);
    }
    return t.toLocalTime();
}
} // namespace

QString AppContext::dateTime(qint64 ms) const {
    return shopTime(store, ms).toString(QStringLiteral("dd-MM-yyyy HH:mm"));
}

QString AppContext::date(qint64 ms) const {
    return shopTime(store, ms).toString(QStringLiteral("dd-MM-yyyy"));
}

} // namespace market::ui
