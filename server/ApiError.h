#pragma once

#include <QJsonObject>
#include <QString>
#include <stdexcept>

namespace market::server {

/// A failure a service reports to the client: HTTP status, a stable code (protocol::err) and
/// a message naming the field or rule. Thrown by services; mapped to a response in one place
/// (ErrorMapping.cpp). Any open transaction rolls back as the exception unwinds.
class ApiError : public std::runtime_error {
public:
    ApiError(int status, QString code, QString message, QJsonObject extra = {})
        : std::runtime_error(message.toStdString())
        , m_status(status)
        , m_code(std::move(code))
        , m_message(std::move(message))
        , m_extra(std::move(extra)) {}
    int status() const { return m_status; }
    const QString& code() const { return m_code; }
    const QString& message() const { return m_message; }
    const QJsonObject& extra() const { return m_extra; }

private:
    int m_status;
    QString m_code;
    QString m_message;
    QJsonObject m_extra;
};

} // namespace market::server
