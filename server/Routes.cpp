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
#include "Router.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <httplib.h>
#include <protocol/Protocol.h>

namespace market::server {

namespace err = protocol::err;

namespace {

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
    const std::string& uuid = kUuidPattern;

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

    r.add({"GET", "/api/v1/shops/{shopId}/terminals", "bearer",
           "Terminals: last seen, last sequence, backlog the counter reported (count, age)"},
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

    installOwnerApiRoutes(r, s);
}

} // namespace market::server
