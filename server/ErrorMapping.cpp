#include "ErrorMapping.h"

#include "ApiError.h"
#include "Log.h"

#include <pqxx/except>
#include <protocol/Protocol.h>
#include <typeinfo>

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
    } catch (const pqxx::statement_completion_unknown& e) {
        return unavailable(e.what()); // 40003: whether the statement ran is unknown
    } catch (const pqxx::transaction_rollback& e) {
        // Serialization failure (40001), deadlock (40P01), 40000. libpqxx 6.4 throws these
        // without their SQLSTATE and not as sql_error, so they are matched by type: the
        // transaction was rolled back whole and a retry is safe; the connection is fine.
        log::warn(QStringLiteral("transaction conflict"), {{"error", QString::fromUtf8(e.what())}});
        return {503, errorBody(err::kDatabaseUnavailable, QStringLiteral("transaction conflict, retry")),
                false};
    } catch (const pqxx::sql_error& e) {
        const std::string state = e.sqlstate();
        // An sql_error of the base type without SQLSTATE: PostgreSQL gives every error it reports
        // one, so libpq made this one on our side of a connection that died mid-statement
        // ("server closed the connection unexpectedly"): unreachable, not a bug. (libpqxx 6.4
        // also drops the SQLSTATE of some subclasses, e.g. insufficient_privilege: those are
        // real errors and stay 500.)
        const bool fromLibpq = state.empty() && typeid(e) == typeid(pqxx::sql_error);
        // 57P01..03 admin shutdown / crash / starting up, 08xxx connection.
        if (fromLibpq || state.rfind("57P", 0) == 0 || state.rfind("08", 0) == 0)
            return unavailable(e.what());
        // 53xxx insufficient resources (disk full, out of memory; too many connections is a
        // broken_connection): the database cannot serve now, the connection itself is fine.
        if (state.rfind("53", 0) == 0) {
            log::warn(QStringLiteral("database overloaded"),
                      {{"sqlstate", QString::fromStdString(state)}, {"error", QString::fromUtf8(e.what())}});
            return {503,
                    errorBody(err::kDatabaseUnavailable, QStringLiteral("database overloaded, retry later")),
                    false};
        }
        log::error(QStringLiteral("sql error"), {{"sqlstate", QString::fromStdString(state)},
                                                 {"type", QString::fromLatin1(typeid(e).name())},
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
