// The owner and manager API beyond the first routes: users, master data, resolutions, reports.
// Every handler takes the shop from the path but acts only after requireShopAccess has matched
// it against the token (404 otherwise: another tenant's shop does not exist for the caller), and
// its service runs inside that shop with row-level security in force.
#include "AdminService.h"
#include "ApiError.h"
#include "AuditSearch.h"
#include "AuthService.h"
#include "Database.h"
#include "MasterDataService.h"
#include "Router.h"
#include "ShopPrices.h"
#include "ShopReports.h"
#include "ShopSettings.h"
#include "ShopUserService.h"

#include <QDate>
#include <QJsonArray>
#include <domain/Documents.h>
#include <httplib.h>
#include <protocol/Protocol.h>

namespace market::server {

namespace err = protocol::err;
namespace op = core::op;

namespace {
QString param(const httplib::Request& req, size_t group) {
    return QString::fromStdString(req.matches[group]);
}

qint64 int64Param(const httplib::Request& req, const char* name, qint64 fallback) {
    if (!req.has_param(name))
        return fallback;
    bool ok = false;
    const qint64 v = QString::fromStdString(req.get_param_value(name)).toLongLong(&ok);
    if (!ok)
        throw ApiError(400, err::kInvalidInput, QStringLiteral("%1: an integer").arg(QLatin1String(name)));
    return v;
}

int intParam(const httplib::Request& req, const char* name, int fallback) {
    if (!req.has_param(name))
        return fallback;
    bool ok = false;
    const int v = QString::fromStdString(req.get_param_value(name)).toInt(&ok);
    if (!ok)
        throw ApiError(400, err::kInvalidInput, QStringLiteral("%1: an integer").arg(QLatin1String(name)));
    return v;
}

QDate dateParam(const httplib::Request& req) {
    const QString text = QString::fromStdString(req.get_param_value("date"));
    const QDate d = QDate::fromString(text, Qt::ISODate);
    if (!d.isValid() || text.size() != 10)
        throw ApiError(400, err::kInvalidInput, QStringLiteral("date: required, YYYY-MM-DD"));
    return d;
}

QString noteOf(const httplib::Request& req) {
    return bodyObject(req).value(QStringLiteral("note")).toString();
}

const QStringList kDayFields{QStringLiteral("salesCount"),          QStringLiteral("salesValue"),
                             QStringLiteral("creditGiven"),         QStringLiteral("commission"),
                             QStringLiteral("farmerNet"),           QStringLiteral("buyerCharges"),
                             QStringLiteral("farmerCharges"),       QStringLiteral("salesPaidByMethod"),
                             QStringLiteral("collectionsCount"),    QStringLiteral("collectionsValue"),
                             QStringLiteral("collectionsByMethod"), QStringLiteral("cashIn"),
                             QStringLiteral("arrivalsCount")};
} // namespace

void installOwnerApiRoutes(Router& r, Services& s) {
    const std::string shop = "/api/v1/shops/" + kUuidPattern;
    // The caller's token, checked against the shop in the path.
    const auto access = [&s](const httplib::Request& req) {
        const auto c = s.auth.authenticateUser(req.get_header_value("Authorization"));
        s.auth.requireShopAccess(c, param(req, 1));
        return c;
    };

    // ---- users --------------------------------------------------------------------------------
    r.add({"GET", "/api/v1/shops/{shopId}/users", "bearer", "Counter users and API accounts of the shop"},
          shop + "/users", [&s, access](const httplib::Request& req) {
              ShopUserService users(s.db.connection(), access(req));
              return json({{QStringLiteral("users"), users.list(param(req, 1))}});
          });
    r.add({"POST", "/api/v1/shops/{shopId}/users", "bearer",
           "Create a manager (owners only) or cashier: {username, password, role, displayName?}"},
          shop + "/users", [&s, access](const httplib::Request& req) {
              ShopUserService users(s.db.connection(), access(req));
              return json(users.create(param(req, 1), bodyObject(req)), 201);
          });
    r.add({"POST", "/api/v1/shops/{shopId}/users/{userId}/deactivate", "bearer",
           "Deactivate a user (managers: cashiers only)"},
          shop + "/users/" + kUuidPattern + "/deactivate", [&s, access](const httplib::Request& req) {
              ShopUserService users(s.db.connection(), access(req));
              return json(users.deactivate(param(req, 1), param(req, 2)));
          });

    // ---- master data ----------------------------------------------------------------------------
    struct MasterRoute {
        const char* getPath;
        const char* postPath;
        const char* segment;
        const QString* type;
        const char* getSummary;
        const char* postSummary;
    };
    static const MasterRoute kMaster[] = {
        {"/api/v1/shops/{shopId}/products", "/api/v1/shops/{shopId}/products", "/products",
         &op::kProductUpsert, "Products (limit, offset)", "Create a product, or edit one by id (ProductDoc)"},
        {"/api/v1/shops/{shopId}/parties", "/api/v1/shops/{shopId}/parties", "/parties", &op::kPartyUpsert,
         "Farmers and buyers (kind, limit, offset)", "Create a party, or edit one by id (PartyDoc)"},
        {"/api/v1/shops/{shopId}/commission-rules", "/api/v1/shops/{shopId}/commission-rules",
         "/commission-rules", &op::kCommissionRuleUpsert, "Commission rules (limit, offset)",
         "Create a commission rule, or edit one by id (CommissionRuleDoc)"},
    };
    for (const MasterRoute& m : kMaster) {
        const QString type = *m.type;
        r.add({"GET", m.getPath, "bearer", m.getSummary}, shop + m.segment,
              [&s, access, type](const httplib::Request& req) {
                  MasterDataService master(s.db.connection(), access(req));
                  return json(
                      {{QStringLiteral("items"),
                        master.list(param(req, 1), type, QString::fromStdString(req.get_param_value("kind")),
                                    intParam(req, "limit", 1000), intParam(req, "offset", 0))}});
              });
        r.add({"POST", m.postPath, "bearer", m.postSummary}, shop + m.segment,
              [&s, access, type](const httplib::Request& req) {
                  const auto c = access(req);
                  const QJsonObject body = bodyObject(req);
                  MasterDataService master(s.db.connection(), c);
                  const bool create = !body.contains(QStringLiteral("id"));
                  return json(master.save(param(req, 1), type, body), create ? 201 : 200);
              });
    }
    r.add(
        {"GET", "/api/v1/shops/{shopId}/charges", "bearer", "Charges, retired ones included (limit, offset)"},
        shop + "/charges", [&s, access](const httplib::Request& req) {
            MasterDataService master(s.db.connection(), access(req));
            return json({{QStringLiteral("items"),
                          master.list(param(req, 1), op::kChargeUpsert, {}, intParam(req, "limit", 1000),
                                      intParam(req, "offset", 0))}});
        });
    r.add({"POST", "/api/v1/shops/{shopId}/charges", "bearer",
           "Set a charge by code (retires the active one of that code); active: false only retires"},
          shop + "/charges", [&s, access](const httplib::Request& req) {
              const auto c = access(req);
              const QJsonObject body = bodyObject(req);
              MasterDataService master(s.db.connection(), c);
              return json(master.setCharge(param(req, 1), body));
          });

    // ---- shop settings --------------------------------------------------------------------------
    r.add({"GET", "/api/v1/shops/{shopId}/settings", "bearer",
           "Shop settings the counters use, with defaults, ranges and versions"},
          shop + "/settings", [&s, access](const httplib::Request& req) {
              ShopSettingsService settings(s.db.connection(), access(req));
              return json({{QStringLiteral("settings"), settings.list(param(req, 1))}});
          });
    r.add({"POST", "/api/v1/shops/{shopId}/settings", "bearer",
           "Set one shop setting: {key, value, version?} (fed to the counters as setting.upsert)"},
          shop + "/settings", [&s, access](const httplib::Request& req) {
              const auto c = access(req);
              const QJsonObject body = bodyObject(req);
              ShopSettingsService settings(s.db.connection(), c);
              return json(settings.set(param(req, 1), body));
          });

    // ---- prices (today's rate per product) -------------------------------------------------------
    r.add({"GET", "/api/v1/shops/{shopId}/prices", "bearer",
           "Current rate per product (minor units per unit; price null = cleared), with versions"},
          shop + "/prices", [&s, access](const httplib::Request& req) {
              ShopPricesService prices(s.db.connection(), access(req));
              return json({{QStringLiteral("items"), prices.list(param(req, 1))}});
          });
    r.add({"POST", "/api/v1/shops/{shopId}/prices", "bearer",
           "Set a product's rate: {productId, price (minor units per unit, null clears), version?} (fed to "
           "the counters as price.upsert)"},
          shop + "/prices", [&s, access](const httplib::Request& req) {
              const auto c = access(req);
              const QJsonObject body = bodyObject(req);
              ShopPricesService prices(s.db.connection(), c);
              return json(prices.set(param(req, 1), body));
          });

    // ---- resolutions ----------------------------------------------------------------------------
    r.add({"POST", "/api/v1/shops/{shopId}/anomalies/{anomalyId}/resolve", "bearer",
           "Resolve an open anomaly with a note (who and when are recorded)"},
          shop + "/anomalies/" + kUuidPattern + "/resolve", [&s, access](const httplib::Request& req) {
              const auto c = access(req);
              const QString note = noteOf(req);
              AdminService admin(s.db.connection());
              return json(admin.resolveAnomaly(param(req, 1), c, param(req, 2), note));
          });
    r.add({"POST", "/api/v1/shops/{shopId}/quarantine/{opId}/resolve", "bearer",
           "Resolve a quarantined operation with a note (who and when are recorded)"},
          shop + "/quarantine/" + kUuidPattern + "/resolve", [&s, access](const httplib::Request& req) {
              const auto c = access(req);
              const QString note = noteOf(req);
              AdminService admin(s.db.connection());
              return json(admin.resolveQuarantine(param(req, 1), c, param(req, 2), note));
          });

    r.add(
        {"GET", "/api/v1/shops/{shopId}/audit", "bearer",
         "Audit trail, newest first: entity, entityId, userId, source (counter | api), fromMs, toMs, limit"},
        shop + "/audit", [&s, access](const httplib::Request& req) {
            access(req);
            AuditQuery a;
            a.entity = QString::fromStdString(req.get_param_value("entity"));
            a.entityId = QString::fromStdString(req.get_param_value("entityId"));
            a.userId = QString::fromStdString(req.get_param_value("userId"));
            a.source = QString::fromStdString(req.get_param_value("source"));
            a.fromMs = int64Param(req, "fromMs", a.fromMs);
            a.toMs = int64Param(req, "toMs", a.toMs);
            a.limit = intParam(req, "limit", a.limit);
            return json({{QStringLiteral("entries"), searchAudit(s.db.connection(), param(req, 1), a)}});
        });

    // ---- reports --------------------------------------------------------------------------------
    r.add({"GET", "/api/v1/shops/{shopId}/reports/day-summary", "bearer",
           "Day summary of one shop (date=YYYY-MM-DD in the shop's time zone)"},
          shop + "/reports/day-summary", [&s, access](const httplib::Request& req) {
              access(req);
              const QDate date = dateParam(req);
              ShopReports reports(s.db.connection());
              return json(reports.daySummary(param(req, 1), date));
          });
    r.add({"GET", "/api/v1/shops/{shopId}/reports/buyer-outstanding", "bearer",
           "What each buyer of one shop owes"},
          shop + "/reports/buyer-outstanding", [&s, access](const httplib::Request& req) {
              access(req);
              ShopReports reports(s.db.connection());
              return json(reports.buyerOutstanding(param(req, 1)));
          });
    r.add({"GET", "/api/v1/shops/{shopId}/reports/farmer-payables", "bearer",
           "What the shop owes each farmer (net of commission, charges and returns, less payments)"},
          shop + "/reports/farmer-payables", [&s, access](const httplib::Request& req) {
              access(req);
              ShopReports reports(s.db.connection());
              return json(reports.farmerPayables(param(req, 1)));
          });
    // Across shops: the set comes from the token alone (an owner's shops, a manager's one shop).
    const auto callerShops = [&s](const httplib::Request& req) {
        const auto c = s.auth.authenticateUser(req.get_header_value("Authorization"));
        AdminService admin(s.db.connection());
        QStringList ids;
        for (const QJsonValue& v : admin.shopsFor(c.accountId, c.role, c.shopId))
            ids.append(v.toObject().value(QStringLiteral("id")).toString());
        return ids;
    };
    r.add({"GET", "/api/v1/reports/day-summary", "bearer",
           "Day summary of every shop the caller may see, with totals per currency"},
          "/api/v1/reports/day-summary", [&s, callerShops](const httplib::Request& req) {
              const QStringList ids = callerShops(req);
              const QDate date = dateParam(req);
              ShopReports reports(s.db.connection());
              QJsonArray shops;
              for (const QString& id : ids)
                  shops.append(reports.daySummary(id, date));
              return json({{QStringLiteral("date"), date.toString(Qt::ISODate)},
                           {QStringLiteral("shops"), shops},
                           {QStringLiteral("totals"), ShopReports::totalsByCurrency(shops, kDayFields)}});
          });
    r.add({"GET", "/api/v1/reports/farmer-payables", "bearer",
           "Farmer payables of every shop the caller may see, with totals per currency"},
          "/api/v1/reports/farmer-payables", [&s, callerShops](const httplib::Request& req) {
              const QStringList ids = callerShops(req);
              ShopReports reports(s.db.connection());
              QJsonArray shops;
              for (const QString& id : ids)
                  shops.append(reports.farmerPayables(id));
              return json({{QStringLiteral("shops"), shops},
                           {QStringLiteral("totals"),
                            ShopReports::totalsByCurrency(shops, {QStringLiteral("totalPayable")})}});
          });
    r.add({"GET", "/api/v1/reports/buyer-outstanding", "bearer",
           "Buyer outstanding of every shop the caller may see, with totals per currency"},
          "/api/v1/reports/buyer-outstanding", [&s, callerShops](const httplib::Request& req) {
              const QStringList ids = callerShops(req);
              ShopReports reports(s.db.connection());
              QJsonArray shops;
              for (const QString& id : ids)
                  shops.append(reports.buyerOutstanding(id));
              return json({{QStringLiteral("shops"), shops},
                           {QStringLiteral("totals"),
                            ShopReports::totalsByCurrency(shops, {QStringLiteral("totalOutstanding")})}});
          });
}

} // namespace market::server
