// The request wrapper every route shares and the route table behind /api/v1/openapi.json.
#include "Router.h"

#include "ApiError.h"
#include "Crypto.h"
#include "Database.h"
#include "ErrorMapping.h"
#include "Log.h"
#include "Metrics.h"
#include "ResponseCompression.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <httplib.h>
#include <protocol/Protocol.h>

namespace market::server {

namespace err = protocol::err;

namespace {
QString requestId(const httplib::Request& req) {
    const std::string given = req.get_header_value("X-Request-Id");
    if (!given.empty() && given.size() <= 64 && std::all_of(given.begin(), given.end(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) || c == '-';
        }))
        return QString::fromStdString(given);
    return QString::fromLatin1(crypto::randomBytes(8).toHex());
}

} // namespace

Reply json(const QJsonObject& o, int status) {
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

QJsonObject optionalBodyObject(const httplib::Request& req) {
    return req.body.empty() ? QJsonObject() : bodyObject(req);
}

void Router::add(const RouteInfo& info, const std::string& pattern, Handler handler) {
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
        if (std::string_view(reply.contentType) == "application/json") {
            const CompressedReply out = compressJson(reply.body, req.get_header_value("Accept-Encoding"));
            if (out.gzipped) {
                res.set_header("Content-Encoding", "gzip");
                res.set_header("Vary", "Accept-Encoding");
            }
            res.set_content(out.body.constData(), size_t(out.body.size()), out.contentType.c_str());
        } else {
            res.set_content(reply.body.constData(), size_t(reply.body.size()), reply.contentType);
        }
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

QJsonObject Router::openApi() const {
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
    return {
        {QStringLiteral("openapi"), QStringLiteral("3.0.3")},
        {QStringLiteral("info"),
         QJsonObject{{QStringLiteral("title"), QStringLiteral("market-server")},
                     {QStringLiteral("version"), QString::number(protocol::kProtocolVersion)}}},
        {QStringLiteral("paths"), paths},
        {QStringLiteral("components"),
         QJsonObject{{QStringLiteral("securitySchemes"),
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

} // namespace market::server
