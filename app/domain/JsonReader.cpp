#include "JsonReader.h"

#include <QJsonValue>
#include <cmath>
#include <memory>

namespace market::core {

JsonReader::JsonReader(QJsonObject object, QString path)
    : JsonReader(std::move(object), std::move(path), std::make_shared<QString>()) {}

JsonReader::JsonReader(QJsonObject object, QString path, std::shared_ptr<QString> error)
    : m_object(std::move(object))
    , m_path(std::move(path))
    , m_error(std::move(error)) {}

QString JsonReader::where(const QString& key) const {
    return m_path.isEmpty() ? key : m_path + QLatin1Char('.') + key;
}

void JsonReader::fail(const QString& key, const QString& problem) {
    if (m_error->isEmpty())
        *m_error = where(key) + QStringLiteral(": ") + problem;
}

QString JsonReader::string(const QString& key, qsizetype maxLength) {
    const QJsonValue v = m_object.value(key);
    if (!v.isString()) {
        fail(key, v.isUndefined() ? QStringLiteral("missing") : QStringLiteral("not a string"));
        return {};
    }
    QString s = v.toString();
    if (s.size() > maxLength) {
        fail(key, QStringLiteral("longer than %1 characters").arg(maxLength));
        return {};
    }
    return s;
}

QString JsonReader::optionalString(const QString& key, qsizetype maxLength) {
    if (!has(key))
        return {};
    return string(key, maxLength);
}

qint64 JsonReader::integer(const QString& key, qint64 min, qint64 max) {
    const QJsonValue v = m_object.value(key);
    if (!v.isDouble()) {
        fail(key, v.isUndefined() ? QStringLiteral("missing") : QStringLiteral("not a number"));
        return 0;
    }
    // Qt 6 keeps JSON integers that fit in int64 exactly; anything else arrives as a double.
    const double d = v.toDouble();
    const qint64 i = v.toInteger(std::numeric_limits<qint64>::min());
    if (i == std::numeric_limits<qint64>::min() || std::floor(d) != d) {
        fail(key, QStringLiteral("not an integer in range"));
        return 0;
    }
    if (i < min || i > max) {
        fail(key, QStringLiteral("out of range %1..%2").arg(min).arg(max));
        return 0;
    }
    return i;
}

bool JsonReader::boolean(const QString& key) {
    const QJsonValue v = m_object.value(key);
    if (!v.isBool()) {
        fail(key, v.isUndefined() ? QStringLiteral("missing") : QStringLiteral("not a boolean"));
        return false;
    }
    return v.toBool();
}

Uuid JsonReader::uuid(const QString& key) {
    const QString s = string(key, 36);
    if (!ok())
        return {};
    const auto id = Uuid::parse(s);
    if (!id || id->isNull()) {
        fail(key, QStringLiteral("not a UUID"));
        return {};
    }
    return *id;
}

std::optional<Uuid> JsonReader::optionalUuid(const QString& key) {
    if (!has(key))
        return std::nullopt;
    return uuid(key);
}

Money JsonReader::money(const QString& key, bool allowNegative) {
    const qint64 v = integer(key, allowNegative ? -Money::kMaxInput : 0, Money::kMaxInput);
    return Money::fromMinor(v);
}

Quantity JsonReader::quantity(const QString& key, bool allowZero) {
    const qint64 v = integer(key, allowZero ? 0 : 1, Quantity::kMaxInput);
    return Quantity::fromThousandths(v);
}

QJsonArray JsonReader::array(const QString& key, qsizetype maxItems) {
    const QJsonValue v = m_object.value(key);
    if (!v.isArray()) {
        fail(key, v.isUndefined() ? QStringLiteral("missing") : QStringLiteral("not an array"));
        return {};
    }
    QJsonArray a = v.toArray();
    if (a.size() > maxItems) {
        fail(key, QStringLiteral("more than %1 items").arg(maxItems));
        return {};
    }
    return a;
}

JsonReader JsonReader::object(const QString& key) {
    const QJsonValue v = m_object.value(key);
    if (!v.isObject())
        fail(key, v.isUndefined() ? QStringLiteral("missing") : QStringLiteral("not an object"));
    return JsonReader(v.toObject(), where(key), m_error);
}

JsonReader JsonReader::item(const QJsonArray& array, qsizetype index, const QString& key) {
    const QString path = where(key) + QStringLiteral("[%1]").arg(index);
    const QJsonValue v = array.at(index);
    if (!v.isObject() && m_error->isEmpty())
        *m_error = path + QStringLiteral(": not an object");
    return JsonReader(v.toObject(), path, m_error);
}

} // namespace market::core
