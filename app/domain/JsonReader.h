#pragma once

#include "Money.h"
#include "Quantity.h"
#include "Uuid.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace market::core {

/// Strict reader for documents that arrive from outside (the wire, files). Each accessor
/// records the first problem with its path ("lines[2].qty: not an integer") and returns a
/// default; check ok() once at the end. Integers must be JSON integers (no 1.5, no 1e3 beyond
/// int64, no strings).
class JsonReader {
public:
    explicit JsonReader(QJsonObject object, QString path = {});

    bool ok() const { return m_error->isEmpty(); }
    QString error() const { return *m_error; }
    void fail(const QString& key, const QString& problem);

    bool has(const QString& key) const { return m_object.contains(key) && !m_object.value(key).isNull(); }
    QString string(const QString& key, qsizetype maxLength = 1000);
    QString optionalString(const QString& key, qsizetype maxLength = 1000);
    qint64 integer(const QString& key, qint64 min, qint64 max);
    bool boolean(const QString& key);
    Uuid uuid(const QString& key);
    std::optional<Uuid> optionalUuid(const QString& key);
    Money money(const QString& key, bool allowNegative = false);
    Quantity quantity(const QString& key, bool allowZero = false);
    QJsonArray array(const QString& key, qsizetype maxItems = 10'000);
    JsonReader object(const QString& key);
    JsonReader item(const QJsonArray& array, qsizetype index, const QString& key);

private:
    JsonReader(QJsonObject object, QString path, std::shared_ptr<QString> error);
    QString where(const QString& key) const;

    QJsonObject m_object;
    QString m_path;
    std::shared_ptr<QString> m_error;
};

} // namespace market::core
