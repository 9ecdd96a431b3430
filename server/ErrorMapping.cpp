#include "ErrorMapping.h"

#include "ApiError.h"
#include "Log.h"

#include <pqxx/except>
#include <protocol/Protocol.h>

namespace market::server {

QJsonObject errorBody(const QString& code, const QString& message, const QJsonObject& extra) {
    QJsonObject e = extra;
    e.insert(QStringLiteral("code"), code);
    e.insert(QStringLiteral("message"), message);
    return {{QStringLiteral("error"), e}};
}

MappedError mapException(std::exception_ptr error) {
    namespace err = protocol::err;
    const auto unavailable = [](const char* what) {
        log::warn(QStringLiteral("database unavailable"), {{"error", QString::fromUtf8(what)}});
        return MappedError{
            503, errorBody(err::kDatabaseUnavailable, QStringLiteral("database unavailable, retry later")),
            true};
    };
    try {
        std::rethrow_exception(error);
    } catch (const ApiError& e) {
        return {e.status(), errorBody(e.code(), e.message(), e.extra()), false};
    } catch (const pqxx::broken_connection& e) {
        return unavailable(e.what());
    } catch (const pqxx::in_doubt_error& e) {
        return unavailable(e.what());
    } catch (const pqxx::sql_error& e) {
        const std::string state = e.sqlstate();
        // 40001 serialization, 40P01 deadlock, 57P01..03 admin shutdown / crash, 08xxx connection.
        if (state == "40001" || state == "40P01")
            return {503, errorBody(err::kDatabaseUnavailable, QStringLiteral("transaction conflict, retry")),
                    false};
        if (state.rfind("57P", 0) == 0 || state.rfind("08", 0) == 0)
            return unavailable(e.what());
        log::error(QStringLiteral("sql error"), {{"sqlstate", QString::fromStdString(state)},
                                                 {"error", QString::fromUtf8(e.what())},
                                                 {"query", QString::fromStdString(e.query()).left(200)}});
        return {500, errorBody(err::kInternal, QStringLiteral("internal error")), true};
    } catch (const std::exception& e) {
        log::error(QStringLiteral("unhandled exception"), {{"error", QString::fromUtf8(e.what())}});
        return {500, errorBody(err::kInternal, QStringLiteral("internal error")), false};
    } catch (...) {
        return {500, errorBody(err::kInternal, QStringLiteral("internal error")), false};
    }
}

} // namespace market::server
