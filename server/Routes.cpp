// Every HTTP route of market-server, in one place. Handlers stay thin: parse, call a service,
// shape the reply. Errors are thrown and mapped to a status by ErrorMapping.
#include "AdminService.h"
#include "ApiError.h"
#include "AuthService.h"
#include "Crypto.h"
#include "Database.h"
#include "ErrorMapping.h"
#include "FeedService.h"
#include "HttpServer.h"
#include "IngestService.h"
#include "Log.h"
#include "Metrics.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <httplib.h>
#include <protocol/Protocol.h>

namespace market::server {

namespace err = protocol::err;

namespace {

struct Reply {
    int status = 200;
    QByteArray body;
    const char* contentType = "application/json";
};

Reply json(const QJsonObject& o, int status = 200) {
    return {status, QJsonDocument(o).toJson(QJsonDocument::Compact)};
}

QJsonObject bodyObject(const httplib::Request& req) {
    QJsonParseError pe;
    const QJsonDocument d = QJsonDocument::fromJson(QByteArray::fromStdString(req.body), &pe);
    if (pe.error != QJsonParseError::NoError)
        throw ApiError(400, err::kMalformedJson,
                       QStringLiteral("body is not JSON: %1").arg(pe.errorString()));
    if (!d.isObject())
        throw ApiError(400, err::kInvalidInput, QStringLiteral("body must be a JSON object"));
    return d.object();
}

QString requestId(const httplib::Request& req) {
    const std::string given = req.get_header_value("X-Request-Id");
    if (!given.empty() && given.size() <= 64 && std::all_of(given.begin(), given.end(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) || c == '-';
        }))
        return QString::fromStdString(given);
    return QString::fromLatin1(crypto::randomBytes(8).toHex());
}

using Handler = std::function<Reply(const httplib::Request&)>;

struct RouteInfo {
    const char* method;
    const char* path; ///< OpenAPI form
    const char* auth; ///< none | device | bearer
    const char* summary;
};

class Router {
public:
    Router(httplib::Server& server, Services& services)
        : m_server(server)
        , m_s(services) {}

    void add(const RouteInfo& info, const std::string& pattern, Handler handler) {
        m_routes.push_back(info);
        const QString name = QString::fromLatin1(info.path);
        auto wrapped = [this, name, handler](const httplib::Request& req, httplib::Response& res) {
            QElapsedTimer timer;
            timer.start();
            const QString rid = requestId(req);
            Reply reply;
            try {
                try {
                    reply = handler(req);
                } catch (const pqxx::broken_connection&) {
                    // This worker's connection died while idle (database restarted): nothing of this
                    // request committed, so one retry on a fresh connection is safe. (An ambiguous
                    // commit is in_doubt_error and is not retried here.)
                    m_s.db.dropConnection();
                    reply = handler(req);
                }
            } catch (...) {
                MappedError mapped = mapException(std::current_exception());
                if (mapped.dropConnection)
                    m_s.db.dropConnection();
                QJsonObject e = mapped.body.value(QStringLiteral("error")).toObject();
                e.insert(QStringLiteral("requestId"), rid);
                mapped.body.insert(QStringLiteral("error"), e);
                reply = json(mapped.body, mapped.status);
            }
            res.status = reply.status;
            res.set_header("X-Request-Id", rid.toStdString());
            if (reply.status == 429)
                res.set_header("Retry-After", "1");
            res.set_content(reply.body.constData(), size_t(reply.body.size()), reply.contentType);
            const double seconds = double(timer.nsecsElapsed()) / 1e9;
            m_s.metrics.recordRequest(name, reply.status, seconds);
            log::write(reply.status >= 500 ? "error" : "info", QStringLiteral("request"),
                       {{"rid", rid},
                        {"method", QString::fromStdString(req.method)},
                        {"route", name},
                        {"status", QString::number(reply.status)},
                        {"ms", QString::number(seconds * 1000.0, 'f', 2)},
                        {"peer", QString::fromStdString(req.remote_addr)}});
        };
        if (std::string_view(info.method) == "GET")
            m_server.Get(pattern, wrapped);
        else
            m_server.Post(pattern, wrapped);
    }

    QJsonObject openApi() const {
        QJsonObject paths;
        for (const auto& r : m_routes) {
            QJsonObject item = paths.value(QLatin1String(r.path)).toObject();
            QJsonObject op{{QStringLiteral("summary"), QString::fromUtf8(r.summary)}};
            if (std::string_view(r.auth) != "none")
                op.insert(QStringLiteral("security"),
                          QJsonArray{QJsonObject{{QString::fromLatin1(r.auth), QJsonArray{}}}});
            item.insert(QString::fromLatin1(r.method).toLower(), op);
            paths.insert(QLatin1String(r.path), item);
        }
        return {{QStringLiteral("openapi"), QStringLiteral("3.0.3")},
                {QStringLiteral("info"),
                 QJsonObject{{QStringLiteral("title"), QStringLiteral("market-server")},
                             {QStringLiteral("version"), QString::number(protocol::kProtocolVersion)}}},
                {QStringLiteral("paths"), paths},
                {QStringLiteral("components"),
                 QJsonObject{
                     {QStringLiteral("securitySchemes"),
                      QJsonObject{{QStringLiteral("device"),
                                   QJsonObject{{QStringLiteral("type"), QStringLiteral("apiKey")},
                                               {QStringLiteral("in"), QStringLiteral("header")},
                                               {QStringLiteral("name"), QStringLiteral("Authorization")},
                                               {QStringLiteral("description"),
                                                QStringLiteral("Device <terminalId>.<secret>")}}},
                                  {QStringLiteral("bearer"),
                                   QJsonObject{{QStringLiteral("type"), QStringLiteral("http")},
                                               {QStringLiteral("scheme"), QStringLiteral("bearer")}}}}}}}};
    }

private:
    httplib::Server& m_server;
    Services& m_s;
    std::vector<RouteInfo> m_routes;
};

QString shopParam(const httplib::Request& req) {
    return QString::fromStdString(req.matches[1]);
}

} // namespace

void installRoutes(httplib::Server& server, Services& s) {
    // Errors httplib produces itself (unknown route, body over the limit, bad request line).
    server.set_error_handler(
        httplib::Server::HandlerWithResponse([](const httplib::Request& req, httplib::Response& res) {
            if (!res.body.empty()) // a routed handler already wrote its precise error
                return httplib::Server::HandlerResponse::Unhandled;
            QString code = err::kNotFound;
            QString message = QStringLiteral("no such route");
            if (res.status == 413) {
                code = err::kPayloadTooLarge;
                message = QStringLiteral("request body over the server's limit");
            } else if (res.status != 404) {
                code = err::kInvalidInput;
                message = QStringLiteral("bad request");
            }
            const QByteArray body = QJsonDocument(errorBody(code, message)).toJson(QJsonDocument::Compact);
            res.set_content(body.constData(), size_t(body.size()), "application/json");
            log::info(QStringLiteral("request"), {{"method", QString::fromStdString(req.method)},
                                                  {"path", QString::fromStdString(req.path).left(200)},
                                                  {"status", QString::number(res.status)}});
            return httplib::Server::HandlerResponse::Handled;
        }));

    auto router = std::make_shared<Router>(server, s);
    Router& r = *router;
    const std::string uuid = "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})";

    r.add({"GET", "/health", "none", "Liveness"}, "/health", [](const httplib::Request&) {
        return json({{QStringLiteral("status"), QStringLiteral("ok")}});
    });

    r.add({"GET", "/health/database", "none", "A real query against PostgreSQL with a 2 s timeout"},
          "/health/database", [&s](const httplib::Request&) {
              pqxx::work tx(s.db.connection());
              tx.exec("SET LOCAL statement_timeout = 2000");
              tx.exec("SELECT 1 FROM server_meta");
              tx.commit();
              return json({{QStringLiteral("status"), QStringLiteral("ok")}});
          });

    r.add({"GET", "/metrics", "none", "Prometheus metrics"}, "/metrics", [&s](const httplib::Request&) {
        return Reply{200, s.metrics.render(Database::openConnections(), s.config.threads),
                     "text/plain; version=0.0.4"};
    });

    r.add({"GET", "/api/v1/openapi.json", "none", "This description"}, "/api/v1/openapi.json",
          [router](const httplib::Request&) { return json(router->openApi()); });

    r.add({"POST", "/api/v1/devices/enrol", "none",
           "Exchange a one-time code for a terminal id and device secret"},
          "/api/v1/devices/enrol", [&s](const httplib::Request& req) {
              return json(s.auth.enrol(bodyObject(req), QString::fromStdString(req.remote_addr)), 201);
          });

    r.add({"POST", "/api/v1/auth/login", "none", "Owner/manager login: a short-lived HMAC-SHA256 token"},
          "/api/v1/auth/login", [&s](const httplib::Request& req) {
              return json(s.auth.login(bodyObject(req), QString::fromStdString(req.remote_addr)));
          });

    r.add({"POST", "/api/v1/sync/push", "device", "Push a batch of outbox operations"}, "/api/v1/sync/push",
          [&s](const httplib::Request& req) {
              const TerminalIdentity t = s.auth.authenticateTerminal(req.get_header_value("Authorization"));
              const auto reply = s.ingest.push(t, QByteArray::fromStdString(req.body));
              s.metrics.recordPush(reply.applied + reply.quarantined + reply.skipped, reply.quarantined,
                                   reply.anomalies);
              return json(reply.toJson());
          });

    r.add({"GET", "/api/v1/sync/pull", "device", "One page of the shop's change feed after a cursor"},
          "/api/v1/sync/pull", [&s](const httplib::Request& req) {
              const TerminalIdentity t = s.auth.authenticateTerminal(req.get_header_value("Authorization"));
              bool ok = true;
              int limit = 500;
              if (req.has_param("limit"))
                  limit = QString::fromStdString(req.get_param_value("limit")).toInt(&ok);
              if (!ok || limit < 1 || limit > 1000)
                  throw ApiError(400, err::kInvalidInput, QStringLiteral("limit: an integer in 1..1000"));
              return Reply{
                  200, s.feed.pull(t.shopId, QString::fromStdString(req.get_param_value("cursor")), limit)};
          });

    // Owner and manager API (Bearer token). A manager sees only their shop, an owner only theirs.
    r.add({"GET", "/api/v1/shops", "bearer", "Shops the caller may see"}, "/api/v1/shops",
          [&s](const httplib::Request& req) {
              const auto c = s.auth.authenticateUser(req.get_header_value("Authorization"));
              AdminService admin(s.db.connection());
              return json({{QStringLiteral("shops"), admin.shopsFor(c.accountId, c.role, c.shopId)}});
          });

    r.add({"GET", "/api/v1/shops/{shopId}/terminals", "bearer", "Terminals: last seen, last sequence"},
          "/api/v1/shops/" + uuid + "/terminals", [&s](const httplib::Request& req) {
              const auto c = s.auth.authenticateUser(req.get_header_value("Authorization"));
              s.auth.requireShopAccess(c, shopParam(req));
              AdminService admin(s.db.connection());
              return json({{QStringLiteral("terminals"), admin.terminals(shopParam(req))}});
          });

    r.add({"POST", "/api/v1/shops/{shopId}/enrol-codes", "bearer",
           "Issue a one-time enrolment code (≤ 10 min)"},
          "/api/v1/shops/" + uuid + "/enrol-codes", [&s](const httplib::Request& req) {
              const auto c = s.auth.authenticateUser(req.get_header_value("Authorization"));
              s.auth.requireShopAccess(c, shopParam(req));
              const QJsonObject body = req.body.empty() ? QJsonObject() : bodyObject(req);
              const int ttl = body.value(QStringLiteral("ttlSec")).toInt(600);
              AdminService admin(s.db.connection());
              return json(admin.createEnrolCode(shopParam(req), ttl), 201);
          });

    r.add({"POST", "/api/v1/shops/{shopId}/terminals/{terminalId}/revoke", "bearer", "Revoke a terminal"},
          "/api/v1/shops/" + uuid + "/terminals/" + uuid + "/revoke", [&s](const httplib::Request& req) {
              const auto c = s.auth.authenticateUser(req.get_header_value("Authorization"));
              s.auth.requireShopAccess(c, shopParam(req));
              AdminService admin(s.db.connection());
              admin.revokeTerminal(QString::fromStdString(req.matches[2]), shopParam(req));
              return json({{QStringLiteral("revoked"), true}});
          });

    r.add({"GET", "/api/v1/shops/{shopId}/anomalies", "bearer", "Anomalies (open only unless all=1)"},
          "/api/v1/shops/" + uuid + "/anomalies", [&s](const httplib::Request& req) {
              const auto c = s.auth.authenticateUser(req.get_header_value("Authorization"));
              s.auth.requireShopAccess(c, shopParam(req));
              AdminService admin(s.db.connection());
              return json({{QStringLiteral("anomalies"),
                            admin.anomalies(shopParam(req), req.get_param_value("all") != "1")}});
          });

    r.add({"GET", "/api/v1/shops/{shopId}/quarantine", "bearer", "Open quarantined operations"},
          "/api/v1/shops/" + uuid + "/quarantine", [&s](const httplib::Request& req) {
              const auto c = s.auth.authenticateUser(req.get_header_value("Authorization"));
              s.auth.requireShopAccess(c, shopParam(req));
              AdminService admin(s.db.connection());
              return json({{QStringLiteral("quarantine"), admin.quarantine(shopParam(req))}});
          });
}

} // namespace market::server
