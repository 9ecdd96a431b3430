#pragma once

#include "HttpServer.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <functional>
#include <string>
#include <vector>

namespace httplib {
struct Request;
}

namespace market::server {

/// What a handler answers: status, body, content type.
struct Reply {
    int status = 200;
    QByteArray body;
    const char* contentType = "application/json";
};

Reply json(const QJsonObject& o, int status = 200);
/// The request body as a JSON object; throws ApiError 400 malformed_json / invalid_input.
QJsonObject bodyObject(const httplib::Request& req);
/// The body as an object, or an empty object for an empty body.
QJsonObject optionalBodyObject(const httplib::Request& req);

using Handler = std::function<Reply(const httplib::Request&)>;

struct RouteInfo {
    const char* method;
    const char* path; ///< OpenAPI form
    const char* auth; ///< none | device | bearer
    const char* summary;
};

/// Registers routes on the httplib server with the shared request wrapper (request id, error
/// mapping, one retry on a connection that died while idle, metrics and the request log) and
/// keeps the table the OpenAPI description is generated from.
class Router {
public:
    Router(httplib::Server& server, Services& services)
        : m_server(server)
        , m_s(services) {}

    void add(const RouteInfo& info, const std::string& pattern, Handler handler);
    QJsonObject openApi() const;

private:
    httplib::Server& m_server;
    Services& m_s;
    std::vector<RouteInfo> m_routes;
};

/// The owner and manager API beyond the first routes (users, master data, resolutions,
/// reports); defined in OwnerApiRoutes.cpp, called from installRoutes.
void installOwnerApiRoutes(Router& r, Services& s);

/// The regex group of a canonical (lower-case) UUID in a route pattern.
inline const std::string kUuidPattern = "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})";

} // namespace market::server
