#include "PushBatch.h"

#include "Database.h"
#include "MasterData.h"
#include "ShopSettings.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QMap>
#include <QUuid>
#include <array>
#include <domain/BooksDocuments.h>
#include <domain/Documents.h>
#include <domain/JsonReader.h>
#include <domain/Uuid.h>
#include <pqxx/prepared_statement>
#include <stdexcept>

namespace market::server {

using protocol::OutboxOp;
namespace op = core::op;

namespace {
/// How far ahead of the server's clock an operation may be dated before its terminal's clock is
/// flagged (`clock_skew`): beyond any drift of an unsynchronised PC, within a wrong time zone.
constexpr qint64 kClockAheadToleranceMs = 15 * 60 * 1000;

QString newId() {
    return core::Uuid::createV7(QDateTime::currentMSecsSinceEpoch()).toString();
}

QJsonValue idOrNull(const std::optional<core::Uuid>& id) {
    return id ? QJsonValue(id->toString()) : QJsonValue(QJsonValue::Null);
}

std::string json(const QJsonArray& a) {
    return QJsonDocument(a).toJson(QJsonDocument::Compact).toStdString();
}

std::string json(const QJsonObject& o) {
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

std::string uuidArray(const QSet<QString>& ids) {
    QStringList l(ids.cbegin(), ids.cend());
    l.sort(); // a stable lock order across concurrent pushers
    return "{" + l.join(QLatin1Char(',')).toStdString() + "}";
}

// One multi-row INSERT per table; columns and types listed once in the recordset definition.
void insertRows(pqxx::work& tx, const char* sql, const QJsonArray& rows) {
    if (!rows.isEmpty())
        execPrepared(tx, sql, json(rows));
}

// An unnest INSERT (SqlArrays.h): the scalar parameters, then the rows' columns.
pqxx::result insertRows(pqxx::work& tx, const std::string& sql, std::vector<std::string> params,
                        ArrayRows& rows) {
    if (rows.isEmpty())
        return {};
    rows.takeParams(params);
    return execPrepared(tx, sql, pqxx::prepare::make_dynamic_params(params));
}

// Milliseconds to timestamptz in float8: the same instant as `ms / 1000.0` (both round the exact
// quotient to the nearest double), without numeric division and numeric → float8 through text.
#define MS_TO_TIMESTAMP(column) "to_timestamp(" column "::float8 / 1000)"

// The stock moves of rows an INSERT wrote (`RETURNING lot_id::text, qty`), added to `into` under
// `column` (0 sold, 1 returned, 2 adjusted). From what was written, not from what was staged: a
// row skipped by ON CONFLICT DO NOTHING moves no stock.
void addStockMoves(const pqxx::result& written, int column, QMap<QString, std::array<qint64, 3>>& into) {
    for (const auto& row : written)
        into[q(row[0].as<std::string>())][size_t(column)] += row[1].as<qint64>();
}

// A json[] element: compact JSON text, or NULL for a JSON null.
QByteArray jsonOrNull(const QJsonValue& v) {
    if (v.isObject())
        return QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
    if (v.isArray())
        return QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact);
    if (v.isNull() || v.isUndefined())
        return {};
    const QByteArray wrapped = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2); // a scalar: what is inside "[...]"
}

const char* const kInsertLots = "INSERT INTO lots (id, shop_id, terminal_id, code, farmer_id, product_id, "
                                "received_qty, packages, gross_qty, "
                                "tare_qty, grade, vehicle, notes, received_at, created_by, op_id) "
                                "SELECT id, shop_id, terminal_id, code, farmer_id, product_id, received_qty, "
                                "packages, gross_qty, tare_qty, grade, "
                                "vehicle, notes, to_timestamp(received_ms / 1000.0), created_by, op_id FROM "
                                "jsonb_to_recordset($1::jsonb) AS r("
                                "id uuid, shop_id uuid, terminal_id uuid, code text, farmer_id uuid, "
                                "product_id uuid, received_qty bigint, "
                                "packages bigint, gross_qty bigint, tare_qty bigint, grade text, vehicle "
                                "text, notes text, received_ms bigint, "
                                "created_by uuid, op_id uuid) ON CONFLICT DO NOTHING";
const char* const kInsertLotEvents =
    "INSERT INTO lot_status_events (id, shop_id, lot_id, from_status, to_status, reason, at, by_user, "
    "terminal_id) "
    "SELECT id, shop_id, lot_id, from_status, to_status, reason, to_timestamp(at_ms / 1000.0), by_user, "
    "terminal_id "
    "FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, shop_id uuid, lot_id uuid, from_status text, to_status "
    "text, "
    "reason text, at_ms bigint, by_user uuid, terminal_id uuid) ON CONFLICT DO NOTHING";
// The sale ids go to sale_ids in the same statement, from the rows actually written.
const std::string kInsertSales =
    "WITH s AS (" +
    unnestInsert("sales", {{"shop_id", "uuid"}, {"terminal_id", "uuid"}},
                 {{"id", "uuid"},
                  {"receipt_seq", "bigint"},
                  {"receipt_no", "text"},
                  {"buyer_id", "uuid"},
                  {"walkin_name", "text"},
                  {"walkin_phone", "text"},
                  {"cashier_id", "uuid"},
                  {"created_at", "bigint", MS_TO_TIMESTAMP("created_at")},
                  {"total", "bigint"},
                  {"tendered", "bigint"},
                  {"change", "bigint"},
                  {"paid", "bigint"},
                  {"credit", "bigint"},
                  {"credit_id", "uuid"},
                  {"override_by", "uuid"},
                  {"override_reason", "text"},
                  {"commission_by_buyer", "boolean"},
                  {"op_id", "uuid"}}) +
    " RETURNING shop_id, id) INSERT INTO sale_ids (shop_id, id) SELECT shop_id, id FROM s ON CONFLICT DO "
    "NOTHING";
const std::string kInsertLines = unnestInsert("sale_lines", {{"shop_id", "uuid"}},
                                              {{"id", "uuid"},
                                               {"sale_id", "uuid"},
                                               {"created_at", "bigint", MS_TO_TIMESTAMP("created_at")},
                                               {"line_no", "int"},
                                               {"lot_id", "uuid"},
                                               {"product_id", "uuid"},
                                               {"farmer_id", "uuid"},
                                               {"qty", "bigint"},
                                               {"price", "bigint"},
                                               {"amount", "bigint"},
                                               {"commission_bp", "bigint"},
                                               {"commission", "bigint"},
                                               {"farmer_net", "bigint"},
                                               {"packages", "bigint"},
                                               {"buyer_charges", "bigint"},
                                               {"farmer_charges", "bigint"},
                                               {"commission_by_buyer", "boolean"}}) +
                                 " RETURNING lot_id::text, qty";
const std::string kInsertLineCharges = unnestInsert("sale_line_charges", {{"shop_id", "uuid"}},
                                                    {{"sale_line_id", "uuid"},
                                                     {"position", "int"},
                                                     {"sale_id", "uuid"},
                                                     {"created_at", "bigint", MS_TO_TIMESTAMP("created_at")},
                                                     {"charge_id", "uuid"},
                                                     {"code", "text"},
                                                     {"name", "text"},
                                                     {"basis", "text"},
                                                     {"rate", "bigint"},
                                                     {"payer", "text"},
                                                     {"amount", "bigint"}});
const std::string kInsertPayments = unnestInsert("sale_payments", {{"shop_id", "uuid"}},
                                                 {{"id", "uuid"},
                                                  {"sale_id", "uuid"},
                                                  {"created_at", "bigint", MS_TO_TIMESTAMP("created_at")},
                                                  {"method", "text"},
                                                  {"amount", "bigint"},
                                                  {"reference", "text"}});
const char* const kInsertCredits =
    "INSERT INTO credits (id, shop_id, sale_id, buyer_id, amount, created_at) "
    "SELECT id, shop_id, sale_id, buyer_id, amount, to_timestamp(created_ms / 1000.0) "
    "FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, shop_id uuid, sale_id uuid, buyer_id uuid, amount "
    "bigint, "
    "created_ms bigint) ON CONFLICT DO NOTHING";
const char* const kInsertCreditDetails =
    "INSERT INTO credit_details (id, shop_id, credit_id, farmer_id, amount) SELECT id, shop_id, credit_id, "
    "farmer_id, "
    "amount FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, shop_id uuid, credit_id uuid, farmer_id uuid, "
    "amount bigint) ON CONFLICT DO NOTHING";
const char* const kInsertCollections =
    "INSERT INTO collections (id, shop_id, terminal_id, buyer_id, amount, method, reference, cashier_id, at, "
    "op_id) "
    "SELECT id, shop_id, terminal_id, buyer_id, amount, method, reference, cashier_id, to_timestamp(at_ms / "
    "1000.0), "
    "op_id FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, shop_id uuid, terminal_id uuid, buyer_id uuid, "
    "amount bigint, method text, reference text, cashier_id uuid, at_ms bigint, op_id uuid) ON CONFLICT DO "
    "NOTHING";
const char* const kInsertAllocations =
    "INSERT INTO collection_allocations (id, shop_id, collection_id, credit_id, credit_detail_id, farmer_id, "
    "amount) "
    "SELECT id, shop_id, collection_id, credit_id, credit_detail_id, farmer_id, amount "
    "FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, shop_id uuid, collection_id uuid, credit_id uuid, "
    "credit_detail_id uuid, farmer_id uuid, amount bigint) ON CONFLICT DO NOTHING";
const std::string kInsertAudit = unnestInsert("audit_entries", {{"shop_id", "uuid"}, {"terminal_id", "uuid"}},
                                              {{"seq", "bigint"},
                                               {"at", "bigint", MS_TO_TIMESTAMP("at")},
                                               {"prev_hash", "text"},
                                               {"hash", "text"},
                                               {"user_id", "text"},
                                               {"action", "text"},
                                               {"entity", "text"},
                                               {"entity_id", "text"},
                                               {"before", "json"},
                                               {"after", "json"},
                                               {"chain_ok", "boolean"},
                                               {"op_id", "uuid"}});
const char* const kInsertQuarantine =
    "INSERT INTO quarantine (op_id, shop_id, terminal_id, seq, type, reason, envelope) SELECT op_id, "
    "shop_id, "
    "terminal_id, seq, type, reason, envelope FROM jsonb_to_recordset($1::jsonb) AS r(op_id uuid, shop_id "
    "uuid, "
    "terminal_id uuid, seq bigint, type text, reason text, envelope jsonb) ON CONFLICT DO NOTHING";
const char* const kInsertDocuments = "INSERT INTO documents (shop_id, id, type, terminal_id, op_id, doc) "
                                     "SELECT shop_id, id, type, terminal_id, op_id, "
                                     "doc FROM jsonb_to_recordset($1::jsonb) AS r(shop_id uuid, id uuid, "
                                     "type text, terminal_id uuid, op_id uuid, "
                                     "doc jsonb) ON CONFLICT DO NOTHING";
const char* const kInsertFarmerPayments =
    "INSERT INTO farmer_payments (id, shop_id, terminal_id, farmer_id, kind, amount, method, reference, "
    "paid_by, at, op_id) SELECT id, shop_id, terminal_id, farmer_id, kind, amount, method, reference, "
    "paid_by, to_timestamp(at_ms / 1000.0), op_id FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, shop_id "
    "uuid, terminal_id uuid, farmer_id uuid, kind text, amount bigint, method text, reference text, paid_by "
    "uuid, at_ms bigint, op_id uuid) ON CONFLICT DO NOTHING";
const char* const kInsertExpenses =
    "INSERT INTO expenses (id, shop_id, terminal_id, category, amount, method, note, recorded_by, at, op_id) "
    "SELECT id, shop_id, terminal_id, category, amount, method, note, recorded_by, to_timestamp(at_ms / "
    "1000.0), op_id FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, shop_id uuid, terminal_id uuid, "
    "category text, amount bigint, method text, note text, recorded_by uuid, at_ms bigint, op_id uuid) "
    "ON CONFLICT DO NOTHING";
const char* const kInsertAdjustments =
    "INSERT INTO stock_adjustments (id, shop_id, terminal_id, lot_id, qty, reason, note, estimated_value, "
    "recorded_by, approved_by, at, op_id) SELECT id, shop_id, terminal_id, lot_id, qty, reason, note, "
    "estimated_value, recorded_by, approved_by, to_timestamp(at_ms / 1000.0), op_id FROM "
    "jsonb_to_recordset($1::jsonb) AS r(id uuid, shop_id uuid, terminal_id uuid, lot_id uuid, qty bigint, "
    "reason text, note text, estimated_value bigint, recorded_by uuid, approved_by uuid, at_ms bigint, op_id "
    "uuid) ON CONFLICT DO NOTHING RETURNING lot_id::text, qty";
const char* const kInsertCashSessions =
    "INSERT INTO cash_sessions (id, shop_id, terminal_id, opened_by, opening_float, opened_at, op_id) "
    "SELECT id, shop_id, terminal_id, opened_by, opening_float, to_timestamp(at_ms / 1000.0), op_id FROM "
    "jsonb_to_recordset($1::jsonb) AS r(id uuid, shop_id uuid, terminal_id uuid, opened_by uuid, "
    "opening_float bigint, at_ms bigint, op_id uuid) ON CONFLICT DO NOTHING";
const char* const kInsertCashMovements =
    "INSERT INTO cash_movements (id, shop_id, session_id, terminal_id, direction, amount, reason, by_user, "
    "at, op_id) SELECT id, shop_id, session_id, terminal_id, direction, amount, reason, by_user, "
    "to_timestamp(at_ms / 1000.0), op_id FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, shop_id uuid, "
    "session_id uuid, terminal_id uuid, direction text, amount bigint, reason text, by_user uuid, at_ms "
    "bigint, op_id uuid) ON CONFLICT DO NOTHING";
const char* const kInsertCashClosings =
    "INSERT INTO cash_session_closings (session_id, shop_id, terminal_id, closed_by, expected, counted, "
    "variance, denominations, closed_at, op_id) SELECT session_id, shop_id, terminal_id, closed_by, "
    "expected, counted, variance, denominations, to_timestamp(at_ms / 1000.0), op_id FROM "
    "jsonb_to_recordset($1::jsonb) AS r(session_id uuid, shop_id uuid, terminal_id uuid, closed_by uuid, "
    "expected bigint, counted bigint, variance bigint, denominations jsonb, at_ms bigint, op_id uuid) "
    "ON CONFLICT DO NOTHING";
const char* const kInsertReturns =
    "INSERT INTO sale_returns (id, shop_id, terminal_id, sale_id, buyer_id, total, credit_reduction, refund, "
    "refund_method, reason, by_user, at, commission_by_buyer, op_id) SELECT id, shop_id, terminal_id, "
    "sale_id, buyer_id, total, credit_reduction, refund, refund_method, reason, by_user, "
    "to_timestamp(at_ms / 1000.0), commission_by_buyer, op_id FROM "
    "jsonb_to_recordset($1::jsonb) AS r(id uuid, shop_id uuid, terminal_id uuid, sale_id uuid, buyer_id "
    "uuid, total bigint, credit_reduction bigint, refund bigint, refund_method text, reason text, by_user "
    "uuid, at_ms bigint, commission_by_buyer boolean, op_id uuid) ON CONFLICT DO NOTHING";
const char* const kInsertReturnLines =
    "INSERT INTO return_lines (id, shop_id, return_id, sale_line_id, lot_id, product_id, farmer_id, qty, "
    "amount, commission, farmer_net, buyer_charges, farmer_charges, commission_by_buyer) SELECT id, shop_id, "
    "return_id, sale_line_id, lot_id, product_id, farmer_id, qty, amount, commission, farmer_net, "
    "buyer_charges, farmer_charges, commission_by_buyer FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, "
    "shop_id uuid, return_id uuid, sale_line_id uuid, lot_id uuid, product_id uuid, farmer_id uuid, qty "
    "bigint, amount bigint, commission bigint, farmer_net bigint, buyer_charges bigint, farmer_charges "
    "bigint, commission_by_buyer boolean) ON CONFLICT DO NOTHING RETURNING lot_id::text, qty";
const char* const kInsertReturnAllocations =
    "INSERT INTO return_allocations (id, shop_id, return_id, credit_id, credit_detail_id, farmer_id, amount) "
    "SELECT id, shop_id, return_id, credit_id, credit_detail_id, farmer_id, amount FROM "
    "jsonb_to_recordset($1::jsonb) AS r(id uuid, shop_id uuid, return_id uuid, credit_id uuid, "
    "credit_detail_id uuid, farmer_id uuid, amount bigint) ON CONFLICT DO NOTHING";

const QString kSettingUpsert = QStringLiteral("setting.upsert");
} // namespace

PushBatch::PushBatch(pqxx::work& tx, TerminalIdentity terminal, QString lastAuditHash)
    : m_tx(tx)
    , m_terminal(std::move(terminal))
    , m_lastAuditHash(std::move(lastAuditHash)) {}

void PushBatch::prefetchExisting(const std::vector<OutboxOp>& ops, size_t from) {
    // One id set per table that keys documents by their id, in the order of the query below.
    static const std::vector<std::pair<const QString*, const char*>> kTables{
        {&op::kSaleRecorded, "sale_ids"}, // not `sales`: every monthly partition (migration 8)
        {&op::kLotReceived, "lots"},
        {&op::kCollectionRecorded, "collections"},
        {&op::kLotStatusChanged, "lot_status_events"},
        {&core::op::kFarmerPaymentRecorded, "farmer_payments"},
        {&core::op::kExpenseRecorded, "expenses"},
        {&core::op::kStockAdjusted, "stock_adjustments"},
        {&core::op::kCashSessionOpened, "cash_sessions"},
        {&core::op::kCashMovement, "cash_movements"},
        {&core::op::kSaleReturned, "sale_returns"}};
    std::vector<QSet<QString>> ids(kTables.size());
    bool any = false;
    for (size_t i = from; i < ops.size(); ++i) {
        m_returnsInBatch = m_returnsInBatch || ops[i].type == core::op::kSaleReturned;
        const QString id = ops[i].payload.value(QStringLiteral("id")).toString();
        if (!core::Uuid::parse(id))
            continue;
        for (size_t t = 0; t < kTables.size(); ++t)
            if (ops[i].type == *kTables[t].first) {
                ids[t].insert(id);
                any = true;
            }
    }
    if (!any)
        return;
    std::string sql;
    std::vector<std::string> params;
    for (size_t t = 0; t < kTables.size(); ++t) {
        if (ids[t].isEmpty())
            continue;
        params.push_back(uuidArray(ids[t]));
        // One primary-key probe per id (as for the lot locks in insertAll): `WHERE id = ANY($1)`
        // could get a generic plan, made while the table was small, that read all of the shop's
        // ids and compared each with every id of the batch.
        sql += std::string(sql.empty() ? "" : " UNION ALL ") + "SELECT x.id::text FROM unnest($" +
               std::to_string(params.size()) + "::uuid[]) AS x(id), LATERAL (SELECT 1 FROM " +
               kTables[t].second + " t WHERE t.id = x.id OFFSET 0) AS f";
    }
    const auto r = execPrepared(m_tx, sql, pqxx::prepare::make_dynamic_params(params));
    for (const auto& row : r)
        m_existing.insert(q(row[0].as<std::string>()));
}

void PushBatch::add(const OutboxOp& o) {
    // Counter clocks order nothing here (the server's order decides), but a counter whose clock
    // runs ahead dates its sales into days that have not come yet: flagged for a manager, once per
    // terminal while open. A clock behind is not: an old time is what a long-offline push brings.
    const auto flagged = [this] {
        for (const auto& a : std::as_const(m_anomalies))
            if (a.toObject().value(QStringLiteral("kind")).toString() == QLatin1String("clock_skew"))
                return true;
        return false;
    };
    if (const qint64 ahead = o.atMs - QDateTime::currentMSecsSinceEpoch();
        ahead > kClockAheadToleranceMs && !flagged())
        anomaly(QStringLiteral("clock_skew"), QStringLiteral("terminal"), m_terminal.terminalId,
                o.opId.toString(),
                {{QStringLiteral("seq"), o.seq},
                 {QStringLiteral("atMs"), o.atMs},
                 {QStringLiteral("aheadMs"), ahead}});
    // The audit chain: each entry must link to the previous one and hash to what it claims.
    // `after` (usually the document itself) is serialized once: for the hash, the audit row and
    // the feed.
    m_afterJson = jsonOrNull(o.audit.after);
    const bool chainOk =
        o.audit.prevHash == m_lastAuditHash &&
        protocol::computeAuditHash(o.audit, m_terminal.terminalId, m_afterJson) == o.audit.hash;
    m_audit.row() << o.audit.seq << o.audit.atMs << o.audit.prevHash << o.audit.hash << o.audit.userId
                  << o.audit.action << o.audit.entity << o.audit.entityId;
    m_audit.json(jsonOrNull(o.audit.before)).json(m_afterJson) << chainOk << o.opId;
    if (!chainOk)
        anomaly(QStringLiteral("audit_chain_break"), QStringLiteral("terminal"), m_terminal.terminalId,
                o.opId.toString(),
                {{QStringLiteral("seq"), o.seq},
                 {QStringLiteral("auditSeq"), o.audit.seq},
                 {QStringLiteral("expectedPrevHash"), m_lastAuditHash},
                 {QStringLiteral("prevHash"), o.audit.prevHash}});
    m_lastAuditHash = o.audit.hash; // continue from the terminal's chain so one break is flagged once

    QString reason;
    m_repeat = false;
    if (!stage(o, reason)) {
        if (m_repeat)
            ++m_repeats;
        else
            quarantine(o, reason);
        return;
    }
    ++m_applied;
}

void PushBatch::reuploadGap(qint64 from, qint64 to) {
    anomaly(QStringLiteral("reupload_gap"), QStringLiteral("terminal"), m_terminal.terminalId, {},
            {{QStringLiteral("fromSeq"), from}, {QStringLiteral("toSeq"), to}});
}

void PushBatch::quarantine(const OutboxOp& o, const QString& reason) {
    m_quarantine.append(QJsonObject{{QStringLiteral("op_id"), o.opId.toString()},
                                    {QStringLiteral("shop_id"), m_terminal.shopId},
                                    {QStringLiteral("terminal_id"), m_terminal.terminalId},
                                    {QStringLiteral("seq"), o.seq},
                                    {QStringLiteral("type"), o.type},
                                    {QStringLiteral("reason"), reason},
                                    {QStringLiteral("envelope"), protocol::encodeOp(o)}});
}

void PushBatch::anomaly(const QString& kind, const QString& entity, const QString& entityId,
                        const QString& opId, const QJsonObject& details) {
    m_anomalies.append(
        QJsonObject{{QStringLiteral("id"), newId()},
                    {QStringLiteral("shop_id"), m_terminal.shopId},
                    {QStringLiteral("kind"), kind},
                    {QStringLiteral("entity"), entity},
                    {QStringLiteral("entity_id"), entityId},
                    {QStringLiteral("terminal_id"), m_terminal.terminalId},
                    {QStringLiteral("op_id"), opId.isEmpty() ? QJsonValue() : QJsonValue(opId)},
                    {QStringLiteral("details"), details}});
}

bool PushBatch::upsertMaster(const OutboxOp& o, const std::string& sql,
                             const std::vector<std::string>& params, QString& reason, qint64& serverVersion) {
    // A savepoint: an id that exists in another shop fails RLS on the conflict path; that must
    // quarantine this operation, not abort the whole batch. Plain SQL, not pqxx::subtransaction:
    // libpqxx 6.4 sends exec_params without ever opening the subtransaction's savepoint.
    m_tx.exec("SAVEPOINT master_upsert");
    try {
        const pqxx::result r = execPrepared(m_tx, sql, pqxx::prepare::make_dynamic_params(params));
        m_tx.exec("RELEASE SAVEPOINT master_upsert");
        serverVersion = r[0][0].as<qint64>();
        return true;
    } catch (const pqxx::insufficient_privilege&) {
        // RLS refused the row (42501); caught by type, as libpqxx 6.4 leaves sqlstate() empty here.
        m_tx.exec("ROLLBACK TO SAVEPOINT master_upsert");
        reason = QStringLiteral("%1: id %2 belongs to another shop")
                     .arg(o.type, o.payload.value(QStringLiteral("id")).toString());
        return false;
    }
}

bool PushBatch::stage(const OutboxOp& o, QString& reason) {
    const QString& shop = m_terminal.shopId;
    const QString& terminal = m_terminal.terminalId;
    const QString opId = o.opId.toString();
    const auto wrongShop = [&](const core::Uuid& id) {
        if (id.toString() == shop)
            return false;
        reason = QStringLiteral("shopId %1 is not this terminal's shop").arg(id.toString());
        return true;
    };
    const auto wrongTerminal = [&](const core::Uuid& id) {
        if (id.toString() == terminal)
            return false;
        reason = QStringLiteral("terminalId %1 is not the pushing terminal").arg(id.toString());
        return true;
    };
    const auto duplicate = [&](const QString& id) {
        if (m_reupload && m_existing.contains(id)) {
            m_repeat = true; // the restored data already holds this document: nothing to redo
            return true;
        }
        if (m_existing.contains(id) || m_batchIds.contains(id)) {
            reason = QStringLiteral("%1: id %2 is already recorded").arg(o.type, id);
            return true;
        }
        m_batchIds.insert(id);
        return false;
    };
    const auto invalid = [&](const core::Error& e) {
        reason = QStringLiteral("%1 payload: %2").arg(o.type, e.message);
        return false;
    };
    const auto applied = [&](const QString& entityId) {
        // A counter's audit entry records the document itself as `after`: its JSON, made once for
        // the audit row, is the feed's too (a push of sales serializes each sale once, not twice).
        const bool afterIsPayload = o.audit.after.isObject() && o.audit.after.toObject() == o.payload;
        m_staged.push_back(
            {o,
             FeedItem{o.type, entityId, o.payload, afterIsPayload ? m_afterJson : QByteArray()},
             {},
             entityId});
        return true;
    };
    const auto master = [&](const QString& id, const std::string& sql,
                            const std::vector<std::string>& params) {
        qint64 serverVersion = 0;
        if (!upsertMaster(o, sql, params, reason, serverVersion))
            return false;
        QJsonObject doc = o.payload;
        doc.insert(QStringLiteral("serverVersion"), serverVersion);
        m_staged.push_back({o, FeedItem{o.type, id, doc, {}}, {}, id});
        return true;
    };
    const auto n = [](qint64 v) { return std::to_string(v); };
    const auto j = [](const QJsonObject& v) { return json(v); };

    if (o.type == op::kSaleRecorded) {
        auto d = core::SaleDoc::fromJson(o.payload);
        if (!d)
            return invalid(d.error());
        if (wrongShop(d->shopId) || wrongTerminal(d->terminalId))
            return false;
        if (auto st = d->verifyArithmetic(); !st)
            return invalid(st.error());
        const QString id = d->id.toString();
        if (duplicate(id))
            return false;
        const qint64 at = d->createdAtMs;
        // Hot path: straight into the column arrays (SqlArrays.h), no JSON in between.
        m_sales.row() << d->id << qint64(d->receiptSeq) << d->receiptNo << d->buyerId << d->walkinName
                      << d->walkinPhone << d->cashierId << at << d->total.minor() << d->tendered.minor()
                      << d->change.minor() << d->paid.minor() << d->credit.minor() << d->creditId
                      << d->overrideBy << d->overrideReason << d->commissionByBuyer << o.opId;
        for (const auto& l : d->lines) {
            m_lines.row() << l.id << d->id << at << qint64(l.lineNo) << l.lotId << l.productId << l.farmerId
                          << l.qty.thousandths() << l.price.minor() << l.amount.minor()
                          << qint64(l.commissionBp) << l.commission.minor() << l.farmerNet.minor()
                          << qint64(l.packages) << l.buyerCharges.minor() << l.farmerCharges.minor()
                          << d->commissionByBuyer;
            qint64 position = 0;
            for (const auto& c : l.charges)
                m_lineCharges.row() << l.id << ++position << d->id << at << c.chargeId << c.code << c.name
                                    << core::chargeBasisName(c.basis) << qint64(c.rate)
                                    << core::chargePayerName(c.payer) << c.amount.minor();
            m_soldLots.insert(l.lotId.toString());
        }
        for (const auto& p : d->payments)
            m_payments.row() << p.id << d->id << at << core::paymentMethodName(p.method) << p.amount.minor()
                             << p.reference;
        if (d->creditId) {
            m_credits.append(QJsonObject{{QStringLiteral("id"), d->creditId->toString()},
                                         {QStringLiteral("shop_id"), shop},
                                         {QStringLiteral("sale_id"), id},
                                         {QStringLiteral("buyer_id"), idOrNull(d->buyerId)},
                                         {QStringLiteral("amount"), d->credit.minor()},
                                         {QStringLiteral("created_ms"), at}});
            for (const auto& c : d->creditDetails)
                m_creditDetails.append(QJsonObject{{QStringLiteral("id"), c.id.toString()},
                                                   {QStringLiteral("shop_id"), shop},
                                                   {QStringLiteral("credit_id"), d->creditId->toString()},
                                                   {QStringLiteral("farmer_id"), idOrNull(c.farmerId)},
                                                   {QStringLiteral("amount"), c.amount.minor()}});
            if (!d->overrideBy)
                m_creditBuyers.insert(d->buyerId->toString());
        }
        if (!m_returnsInBatch) // what a return checks: kept only when a return can follow
            return applied(id);
        SaleRef ref; // a return later in this batch finds the sale before it is written
        ref.buyerId = d->buyerId ? d->buyerId->toString() : QString();
        ref.creditId = d->creditId ? d->creditId->toString() : QString();
        ref.commissionByBuyer = d->commissionByBuyer;
        for (const auto& l : d->lines)
            ref.lines.insert(l.id.toString(),
                             SaleLineRef{l.lotId.toString(), l.productId.toString(), l.farmerId.toString()});
        for (const auto& c : d->creditDetails)
            ref.creditDetails.insert(c.id.toString());
        m_saleRefs.insert(id, ref);
        return applied(id);
    }
    if (o.type == op::kLotReceived) {
        auto d = core::LotDoc::fromJson(o.payload);
        if (!d)
            return invalid(d.error());
        if (wrongShop(d->shopId) || wrongTerminal(d->terminalId))
            return false;
        const QString id = d->id.toString();
        if (duplicate(id))
            return false;
        m_lots.append(QJsonObject{{QStringLiteral("id"), id},
                                  {QStringLiteral("shop_id"), shop},
                                  {QStringLiteral("terminal_id"), terminal},
                                  {QStringLiteral("code"), d->code},
                                  {QStringLiteral("farmer_id"), d->farmerId.toString()},
                                  {QStringLiteral("product_id"), d->productId.toString()},
                                  {QStringLiteral("received_qty"), d->receivedQty.thousandths()},
                                  {QStringLiteral("packages"), d->packages},
                                  {QStringLiteral("gross_qty"), d->grossQty.thousandths()},
                                  {QStringLiteral("tare_qty"), d->tareQty.thousandths()},
                                  {QStringLiteral("grade"), d->grade},
                                  {QStringLiteral("vehicle"), d->vehicle},
                                  {QStringLiteral("notes"), d->notes},
                                  {QStringLiteral("received_ms"), d->receivedAtMs},
                                  {QStringLiteral("created_by"), d->createdBy.toString()},
                                  {QStringLiteral("op_id"), opId}});
        m_arrivedLots.insert(id);
        return applied(id);
    }
    if (o.type == op::kLotStatusChanged) {
        auto d = core::LotStatusDoc::fromJson(o.payload);
        if (!d)
            return invalid(d.error());
        if (!core::lotTransitionAllowed(d->from, d->to)) {
            reason = QStringLiteral("lot.status_changed: %1 → %2 is not allowed")
                         .arg(core::lotStatusName(d->from), core::lotStatusName(d->to));
            return false;
        }
        const QString id = d->id.toString();
        if (duplicate(id))
            return false;
        m_lotEvents.append(QJsonObject{{QStringLiteral("id"), id},
                                       {QStringLiteral("shop_id"), shop},
                                       {QStringLiteral("lot_id"), d->lotId.toString()},
                                       {QStringLiteral("from_status"), core::lotStatusName(d->from)},
                                       {QStringLiteral("to_status"), core::lotStatusName(d->to)},
                                       {QStringLiteral("reason"), d->reason},
                                       {QStringLiteral("at_ms"), d->atMs},
                                       {QStringLiteral("by_user"), d->by.toString()},
                                       {QStringLiteral("terminal_id"), terminal}});
        return applied(id);
    }
    if (o.type == op::kCollectionRecorded) {
        auto d = core::CollectionDoc::fromJson(o.payload);
        if (!d)
            return invalid(d.error());
        if (wrongShop(d->shopId) || wrongTerminal(d->terminalId))
            return false;
        if (auto st = d->verifyArithmetic(); !st)
            return invalid(st.error());
        const QString id = d->id.toString();
        if (duplicate(id))
            return false;
        m_collections.append(QJsonObject{{QStringLiteral("id"), id},
                                         {QStringLiteral("shop_id"), shop},
                                         {QStringLiteral("terminal_id"), terminal},
                                         {QStringLiteral("buyer_id"), d->buyerId.toString()},
                                         {QStringLiteral("amount"), d->amount.minor()},
                                         {QStringLiteral("method"), core::paymentMethodName(d->method)},
                                         {QStringLiteral("reference"), d->reference},
                                         {QStringLiteral("cashier_id"), d->cashierId.toString()},
                                         {QStringLiteral("at_ms"), d->atMs},
                                         {QStringLiteral("op_id"), opId}});
        for (const auto& a : d->allocations)
            m_allocations.append(
                QJsonObject{{QStringLiteral("id"), a.id.toString()},
                            {QStringLiteral("shop_id"), shop},
                            {QStringLiteral("collection_id"), id},
                            {QStringLiteral("credit_id"), a.creditId.toString()},
                            {QStringLiteral("credit_detail_id"), a.creditDetailId.toString()},
                            {QStringLiteral("farmer_id"), idOrNull(a.farmerId)},
                            {QStringLiteral("amount"), a.amount.minor()}});
        return applied(id);
    }
    if (masterTable(o.type)) { // party, product, commission rule, charge, user: shared with the API
        auto d = decodeMaster(o.type, o.payload, shop);
        if (!d)
            return invalid(d.error());
        if (wrongShop(d->docShopId))
            return false;
        return master(d->entityId, *d->sql, d->params);
    }
    if (o.type == op::kTerminalUpsert) {
        auto d = core::TerminalDoc::fromJson(o.payload);
        if (!d)
            return invalid(d.error());
        if (wrongShop(d->shopId))
            return false;
        const auto r = execPrepared(m_tx, "UPDATE terminals SET name = $2 WHERE id = $1 RETURNING number",
                                    s(d->id.toString()), s(d->name));
        if (r.empty()) {
            reason = QStringLiteral("terminal.upsert: terminal %1 is not enrolled in this shop")
                         .arg(d->id.toString());
            return false;
        }
        return applied(d->id.toString());
    }
    if (o.type == op::kShopUpsert || o.type == op::kCommissionConfirmed) {
        // Kept whole and fed to the other counters; shop settings of record are edited on the
        // server (owner API), so a counter's shop.upsert does not change the directory.
        QString id;
        if (o.type == op::kShopUpsert) {
            auto d = core::ShopDoc::fromJson(o.payload);
            if (!d)
                return invalid(d.error());
            if (wrongShop(d->id))
                return false;
            id = d->id.toString();
        } else {
            auto d = core::CommissionConfirmationDoc::fromJson(o.payload);
            if (!d)
                return invalid(d.error());
            id = d->id.toString();
        }
        m_documents.append(QJsonObject{{QStringLiteral("shop_id"), shop},
                                       {QStringLiteral("id"), id},
                                       {QStringLiteral("type"), o.type},
                                       {QStringLiteral("terminal_id"), terminal},
                                       {QStringLiteral("op_id"), opId},
                                       {QStringLiteral("doc"), o.payload}});
        return applied(id);
    }
    if (o.type == core::op::kFarmerPaymentRecorded) {
        auto d = core::FarmerPaymentDoc::fromJson(o.payload);
        if (!d)
            return invalid(d.error());
        if (wrongShop(d->shopId) || wrongTerminal(d->terminalId))
            return false;
        if (!farmerKnown(d->farmerId.toString())) {
            reason = QStringLiteral("%1: farmer %2 does not exist in this shop")
                         .arg(o.type, d->farmerId.toString());
            return false;
        }
        const QString id = d->id.toString();
        if (duplicate(id))
            return false;
        m_farmerPayments.append(QJsonObject{{QStringLiteral("id"), id},
                                            {QStringLiteral("shop_id"), shop},
                                            {QStringLiteral("terminal_id"), terminal},
                                            {QStringLiteral("farmer_id"), d->farmerId.toString()},
                                            {QStringLiteral("kind"), core::farmerPaymentKindName(d->kind)},
                                            {QStringLiteral("amount"), d->amount.minor()},
                                            {QStringLiteral("method"), core::paymentMethodName(d->method)},
                                            {QStringLiteral("reference"), d->reference},
                                            {QStringLiteral("paid_by"), d->paidBy.toString()},
                                            {QStringLiteral("at_ms"), d->atMs},
                                            {QStringLiteral("op_id"), opId}});
        return applied(id);
    }
    if (o.type == core::op::kExpenseRecorded) {
        auto d = core::ExpenseDoc::fromJson(o.payload);
        if (!d)
            return invalid(d.error());
        if (wrongShop(d->shopId) || wrongTerminal(d->terminalId))
            return false;
        const QString id = d->id.toString();
        if (duplicate(id))
            return false;
        m_expenses.append(QJsonObject{{QStringLiteral("id"), id},
                                      {QStringLiteral("shop_id"), shop},
                                      {QStringLiteral("terminal_id"), terminal},
                                      {QStringLiteral("category"), core::expenseCategoryName(d->category)},
                                      {QStringLiteral("amount"), d->amount.minor()},
                                      {QStringLiteral("method"), core::paymentMethodName(d->method)},
                                      {QStringLiteral("note"), d->note},
                                      {QStringLiteral("recorded_by"), d->recordedBy.toString()},
                                      {QStringLiteral("at_ms"), d->atMs},
                                      {QStringLiteral("op_id"), opId}});
        return applied(id);
    }
    if (o.type == core::op::kStockAdjusted) {
        auto d = core::StockAdjustmentDoc::fromJson(o.payload);
        if (!d)
            return invalid(d.error());
        if (wrongShop(d->shopId) || wrongTerminal(d->terminalId))
            return false;
        const QString lotId = d->lotId.toString();
        if (!lotKnown(lotId)) {
            reason = QStringLiteral("%1: lot %2 does not exist in this shop").arg(o.type, lotId);
            return false;
        }
        const QString id = d->id.toString();
        if (duplicate(id))
            return false;
        m_adjustments.append(QJsonObject{{QStringLiteral("id"), id},
                                         {QStringLiteral("shop_id"), shop},
                                         {QStringLiteral("terminal_id"), terminal},
                                         {QStringLiteral("lot_id"), lotId},
                                         {QStringLiteral("qty"), d->qty.thousandths()},
                                         {QStringLiteral("reason"), core::adjustmentReasonName(d->reason)},
                                         {QStringLiteral("note"), d->note},
                                         {QStringLiteral("estimated_value"), d->estimatedValue.minor()},
                                         {QStringLiteral("recorded_by"), d->recordedBy.toString()},
                                         {QStringLiteral("approved_by"), idOrNull(d->approvedBy)},
                                         {QStringLiteral("at_ms"), d->atMs},
                                         {QStringLiteral("op_id"), opId}});
        m_adjustedLots.insert(lotId);
        return applied(id);
    }
    if (o.type == core::op::kCashSessionOpened) {
        auto d = core::CashSessionOpenedDoc::fromJson(o.payload);
        if (!d)
            return invalid(d.error());
        if (wrongShop(d->shopId) || wrongTerminal(d->terminalId))
            return false;
        const QString id = d->id.toString();
        if (duplicate(id))
            return false;
        m_cashSessions.append(QJsonObject{{QStringLiteral("id"), id},
                                          {QStringLiteral("shop_id"), shop},
                                          {QStringLiteral("terminal_id"), terminal},
                                          {QStringLiteral("opened_by"), d->openedBy.toString()},
                                          {QStringLiteral("opening_float"), d->openingFloat.minor()},
                                          {QStringLiteral("at_ms"), d->atMs},
                                          {QStringLiteral("op_id"), opId}});
        m_sessionRefs.insert(id, SessionRef{terminal, false});
        return applied(id);
    }
    if (o.type == core::op::kCashMovement || o.type == core::op::kCashSessionClosed) {
        const bool closing = o.type == core::op::kCashSessionClosed;
        std::optional<core::CashMovementDoc> movement;
        std::optional<core::CashSessionClosedDoc> close;
        core::Uuid sessionUuid;
        if (closing) {
            auto d = core::CashSessionClosedDoc::fromJson(o.payload);
            if (!d)
                return invalid(d.error());
            qint64 notes = 0;
            for (const auto& den : d->denominations)
                notes += den.faceMinor * den.count; // ≤ 30 × 10^8 × 10^7: no overflow
            if (!d->denominations.empty() && notes != d->counted.minor()) {
                reason = QStringLiteral("%1 payload: the denominations add up to %2, not the counted %3")
                             .arg(o.type)
                             .arg(notes)
                             .arg(d->counted.minor());
                return false;
            }
            sessionUuid = d->sessionId;
            close = *d;
        } else {
            auto d = core::CashMovementDoc::fromJson(o.payload);
            if (!d)
                return invalid(d.error());
            sessionUuid = d->sessionId;
            movement = *d;
        }
        const QString sessionId = sessionUuid.toString();
        SessionRef* session = findSession(sessionId);
        if (!session) {
            reason = QStringLiteral("%1: cash session %2 does not exist in this shop").arg(o.type, sessionId);
            return false;
        }
        if (session->terminalId != terminal) {
            reason = QStringLiteral("%1: cash session %2 belongs to another terminal").arg(o.type, sessionId);
            return false;
        }
        if (session->closed) {
            reason = QStringLiteral("%1: cash session %2 is already closed").arg(o.type, sessionId);
            return false;
        }
        if (closing) {
            QJsonArray notes;
            for (const auto& den : close->denominations)
                notes.append(QJsonObject{{QStringLiteral("faceMinor"), den.faceMinor},
                                         {QStringLiteral("count"), den.count}});
            m_cashClosings.append(QJsonObject{{QStringLiteral("session_id"), sessionId},
                                              {QStringLiteral("shop_id"), shop},
                                              {QStringLiteral("terminal_id"), terminal},
                                              {QStringLiteral("closed_by"), close->closedBy.toString()},
                                              {QStringLiteral("expected"), close->expected.minor()},
                                              {QStringLiteral("counted"), close->counted.minor()},
                                              {QStringLiteral("variance"), close->variance.minor()},
                                              {QStringLiteral("denominations"), notes},
                                              {QStringLiteral("at_ms"), close->atMs},
                                              {QStringLiteral("op_id"), opId}});
            session->closed = true; // a second close, here or later, is quarantined
            return applied(sessionId);
        }
        const QString id = movement->id.toString();
        if (duplicate(id))
            return false;
        m_cashMovements.append(QJsonObject{
            {QStringLiteral("id"), id},
            {QStringLiteral("shop_id"), shop},
            {QStringLiteral("session_id"), sessionId},
            {QStringLiteral("terminal_id"), terminal},
            {QStringLiteral("direction"), movement->cashIn ? QStringLiteral("in") : QStringLiteral("out")},
            {QStringLiteral("amount"), movement->amount.minor()},
            {QStringLiteral("reason"), movement->reason},
            {QStringLiteral("by_user"), movement->by.toString()},
            {QStringLiteral("at_ms"), movement->atMs},
            {QStringLiteral("op_id"), opId}});
        return applied(id);
    }
    if (o.type == core::op::kSaleReturned) {
        auto d = core::SaleReturnDoc::fromJson(o.payload);
        if (!d)
            return invalid(d.error());
        if (wrongShop(d->shopId) || wrongTerminal(d->terminalId))
            return false;
        if (auto st = d->verifyArithmetic(); !st)
            return invalid(st.error());
        const QString id = d->id.toString();
        const QString saleId = d->saleId.toString();
        SaleRef* sale = findSale(saleId);
        if (!sale) {
            reason = QStringLiteral("%1: sale %2 does not exist in this shop").arg(o.type, saleId);
            return false;
        }
        const QString buyer = d->buyerId ? d->buyerId->toString() : QString();
        if (buyer != sale->buyerId) {
            reason = QStringLiteral("%1: buyerId is not the buyer of sale %2").arg(o.type, saleId);
            return false;
        }
        // What goes back to the buyer and the farmer depends on who paid commission on the sale.
        if (d->commissionByBuyer != sale->commissionByBuyer) {
            reason = QStringLiteral("%1: commissionPayer is not sale %2's").arg(o.type, saleId);
            return false;
        }
        for (size_t i = 0; i < d->lines.size(); ++i) {
            const auto& l = d->lines[i];
            const auto line = sale->lines.constFind(l.saleLineId.toString());
            if (line == sale->lines.cend()) {
                reason = QStringLiteral("%1: lines[%2]: %3 is not a line of sale %4")
                             .arg(o.type)
                             .arg(i)
                             .arg(l.saleLineId.toString(), saleId);
                return false;
            }
            if (line->lotId != l.lotId.toString() || line->productId != l.productId.toString() ||
                line->farmerId != l.farmerId.toString()) {
                reason = QStringLiteral("%1: lines[%2]: lot, product or farmer is not the sale line's")
                             .arg(o.type)
                             .arg(i);
                return false;
            }
        }
        for (size_t i = 0; i < d->allocations.size(); ++i) {
            const auto& a = d->allocations[i];
            if (sale->creditId.isEmpty() || a.creditId.toString() != sale->creditId ||
                !sale->creditDetails.contains(a.creditDetailId.toString())) {
                reason = QStringLiteral("%1: allocations[%2]: credit detail %3 is not of sale %4's credit")
                             .arg(o.type)
                             .arg(i)
                             .arg(a.creditDetailId.toString(), saleId);
                return false;
            }
        }
        if (duplicate(id))
            return false;
        m_returns.append(
            QJsonObject{{QStringLiteral("id"), id},
                        {QStringLiteral("shop_id"), shop},
                        {QStringLiteral("terminal_id"), terminal},
                        {QStringLiteral("sale_id"), saleId},
                        {QStringLiteral("buyer_id"), idOrNull(d->buyerId)},
                        {QStringLiteral("total"), d->total.minor()},
                        {QStringLiteral("credit_reduction"), d->creditReduction.minor()},
                        {QStringLiteral("refund"), d->refund.minor()},
                        {QStringLiteral("refund_method"), core::paymentMethodName(d->refundMethod)},
                        {QStringLiteral("reason"), d->reason},
                        {QStringLiteral("by_user"), d->by.toString()},
                        {QStringLiteral("at_ms"), d->atMs},
                        {QStringLiteral("commission_by_buyer"), d->commissionByBuyer},
                        {QStringLiteral("op_id"), opId}});
        for (const auto& l : d->lines) {
            m_returnLines.append(QJsonObject{{QStringLiteral("id"), l.id.toString()},
                                             {QStringLiteral("shop_id"), shop},
                                             {QStringLiteral("return_id"), id},
                                             {QStringLiteral("sale_line_id"), l.saleLineId.toString()},
                                             {QStringLiteral("lot_id"), l.lotId.toString()},
                                             {QStringLiteral("product_id"), l.productId.toString()},
                                             {QStringLiteral("farmer_id"), l.farmerId.toString()},
                                             {QStringLiteral("qty"), l.qty.thousandths()},
                                             {QStringLiteral("amount"), l.amount.minor()},
                                             {QStringLiteral("commission"), l.commission.minor()},
                                             {QStringLiteral("farmer_net"), l.farmerNet.minor()},
                                             {QStringLiteral("buyer_charges"), l.buyerCharges.minor()},
                                             {QStringLiteral("farmer_charges"), l.farmerCharges.minor()},
                                             {QStringLiteral("commission_by_buyer"), d->commissionByBuyer}});
            m_returnedLots.insert(l.lotId.toString());
            m_returnedLines.insert(l.saleLineId.toString());
        }
        for (const auto& a : d->allocations)
            m_returnAllocations.append(
                QJsonObject{{QStringLiteral("id"), a.id.toString()},
                            {QStringLiteral("shop_id"), shop},
                            {QStringLiteral("return_id"), id},
                            {QStringLiteral("credit_id"), a.creditId.toString()},
                            {QStringLiteral("credit_detail_id"), a.creditDetailId.toString()},
                            {QStringLiteral("farmer_id"), idOrNull(a.farmerId)},
                            {QStringLiteral("amount"), a.amount.minor()}});
        return applied(id);
    }
    if (o.type == kSettingUpsert) {
        // Written by the counter's SettingsService as a plain object: {key, value, shopId, version}.
        core::JsonReader r(o.payload);
        const QString key = r.string(QStringLiteral("key"), 64);
        const QString value = r.string(QStringLiteral("value"), 32);
        const core::Uuid shopId = r.uuid(QStringLiteral("shopId"));
        const qint64 version = r.integer(QStringLiteral("version"), 1, (qint64(1) << 53) - 1);
        const KnownSetting* known = r.ok() ? findSetting(key) : nullptr;
        if (r.ok() && !known)
            r.fail(QStringLiteral("key"), QStringLiteral("unknown setting \"%1\"").arg(key));
        bool isNumber = false;
        const qint64 number = value.toLongLong(&isNumber);
        if (r.ok() &&
            (!isNumber || QString::number(number) != value || number < known->min || number > known->max))
            r.fail(QStringLiteral("value"), QStringLiteral("must be an integer from %1 to %2 for %3")
                                                .arg(known->min)
                                                .arg(known->max)
                                                .arg(key));
        if (!r.ok())
            return invalid(core::Error{core::ErrorCode::InvalidInput, r.error()});
        if (wrongShop(shopId))
            return false;
        const QString id = settingId(shop, key);
        return master(id, settingUpsertSql(), {s(shop), s(key), s(id), s(value), n(version), j(o.payload)});
    }
    reason = QStringLiteral("unknown operation type \"%1\"").arg(o.type);
    return false;
}

bool PushBatch::lotKnown(const QString& id) {
    return m_arrivedLots.contains(id) ||
           !execPrepared(m_tx, "SELECT 1 FROM lots WHERE id = $1", s(id)).empty(); // RLS: this shop only
}

bool PushBatch::farmerKnown(const QString& id) {
    // Master data is written as it is staged, so a farmer upserted earlier in this batch is seen.
    return !execPrepared(m_tx, "SELECT 1 FROM parties WHERE id = $1 AND kind = 'farmer'", s(id)).empty();
}

PushBatch::SaleRef* PushBatch::findSale(const QString& id) {
    if (const auto it = m_saleRefs.find(id); it != m_saleRefs.end())
        return &*it;
    const auto head =
        execPrepared(m_tx,
                     "SELECT buyer_id::text, credit_id::text, commission_by_buyer FROM sales WHERE id = $1 "
                     "LIMIT 1",
                     s(id));
    if (head.empty())
        return nullptr;
    SaleRef ref;
    ref.buyerId = head[0][0].is_null() ? QString() : q(head[0][0].as<std::string>());
    ref.creditId = head[0][1].is_null() ? QString() : q(head[0][1].as<std::string>());
    ref.commissionByBuyer = head[0][2].as<bool>();
    const auto lines = execPrepared(
        m_tx,
        "SELECT id::text, lot_id::text, product_id::text, farmer_id::text FROM sale_lines WHERE sale_id = $1",
        s(id));
    for (const auto& row : lines)
        ref.lines.insert(q(row[0].as<std::string>()),
                         SaleLineRef{q(row[1].as<std::string>()), q(row[2].as<std::string>()),
                                     q(row[3].as<std::string>())});
    if (!ref.creditId.isEmpty())
        for (const auto& row :
             execPrepared(m_tx, "SELECT id::text FROM credit_details WHERE credit_id = $1", s(ref.creditId)))
            ref.creditDetails.insert(q(row[0].as<std::string>()));
    return &*m_saleRefs.insert(id, ref);
}

PushBatch::SessionRef* PushBatch::findSession(const QString& id) {
    if (const auto it = m_sessionRefs.find(id); it != m_sessionRefs.end())
        return &*it;
    const auto r = execPrepared(m_tx,
                                "SELECT s.terminal_id::text, EXISTS (SELECT 1 FROM cash_session_closings c "
                                "WHERE c.session_id = s.id) FROM cash_sessions s WHERE s.id = $1",
                                s(id));
    if (r.empty())
        return nullptr;
    return &*m_sessionRefs.insert(id, SessionRef{q(r[0][0].as<std::string>()), r[0][1].as<bool>()});
}

int PushBatch::flush() {
    insertAll();
    checkLotsAndCredit();
    std::vector<FeedItem> extra;
    if (!m_anomalies.isEmpty()) {
        const auto r = execPrepared(
            m_tx,
            "INSERT INTO anomalies (id, shop_id, kind, entity, entity_id, terminal_id, op_id, details) "
            "SELECT id, shop_id, kind, entity, entity_id, terminal_id, op_id, details FROM "
            "jsonb_to_recordset($1::jsonb) "
            "AS r(id uuid, shop_id uuid, kind text, entity text, entity_id uuid, terminal_id uuid, op_id "
            "uuid, "
            "details jsonb) ON CONFLICT (shop_id, kind, entity_id) WHERE resolved_at IS NULL DO NOTHING "
            "RETURNING id, kind, entity, entity_id, details::text",
            json(m_anomalies));
        for (const auto& row : r)
            extra.push_back(FeedItem{
                QStringLiteral("anomaly.raised"),
                q(row[0].as<std::string>()),
                QJsonObject{
                    {QStringLiteral("id"), q(row[0].as<std::string>())},
                    {QStringLiteral("kind"), q(row[1].as<std::string>())},
                    {QStringLiteral("entity"), q(row[2].as<std::string>())},
                    {QStringLiteral("entityId"), q(row[3].as<std::string>())},
                    {QStringLiteral("details"),
                     QJsonDocument::fromJson(QByteArray::fromStdString(row[4].as<std::string>())).object()}},
                {}});
    }
    const int raised = int(extra.size());
    // After the documents that closed them (the lot's arrival comes first in the feed).
    extra.insert(extra.end(), m_resolved.begin(), m_resolved.end());
    appendFeed(extra);
    return raised;
}

void PushBatch::insertAll() {
    // Lock the lots and buyers this batch sells from or credits, in id order: concurrent pushers
    // of the same shop then see each other's committed lines in the checks below.
    QSet<QString> lockLots = m_soldLots;
    lockLots.unite(m_adjustedLots).unite(m_returnedLots);
    // One primary-key probe per id, in id order: `WHERE id = ANY($1)` got a generic plan that read
    // every lot (party) of the shop through the shop's index and filtered.
    if (!lockLots.isEmpty())
        execPrepared(
            m_tx,
            "SELECT 1 FROM (SELECT unnest($1::uuid[]) AS id ORDER BY 1) AS x, LATERAL (SELECT 1 FROM "
            "lots WHERE lots.id = x.id FOR UPDATE) AS l",
            uuidArray(lockLots));
    if (!m_creditBuyers.isEmpty())
        execPrepared(
            m_tx,
            "SELECT 1 FROM (SELECT unnest($1::uuid[]) AS id ORDER BY 1) AS x, LATERAL (SELECT 1 FROM "
            "parties WHERE parties.id = x.id FOR UPDATE) AS p",
            uuidArray(m_creditBuyers));
    insertRows(m_tx, kInsertLots, m_lots);
    insertRows(m_tx, kInsertLotEvents, m_lotEvents);
    const std::string shop = s(m_terminal.shopId);
    const std::string terminal = s(m_terminal.terminalId);
    insertRows(m_tx, kInsertSales, {shop, terminal}, m_sales);
    QMap<QString, std::array<qint64, 3>> moves; // lot → sold, returned, adjusted by this batch
    addStockMoves(insertRows(m_tx, kInsertLines, {shop}, m_lines), 0, moves);
    insertRows(m_tx, kInsertLineCharges, {shop}, m_lineCharges);
    insertRows(m_tx, kInsertPayments, {shop}, m_payments);
    insertRows(m_tx, kInsertCredits, m_credits);
    insertRows(m_tx, kInsertCreditDetails, m_creditDetails);
    insertRows(m_tx, kInsertCollections, m_collections);
    insertRows(m_tx, kInsertAllocations, m_allocations);
    insertRows(m_tx, kInsertDocuments, m_documents);
    insertRows(m_tx, kInsertFarmerPayments, m_farmerPayments);
    insertRows(m_tx, kInsertExpenses, m_expenses);
    if (!m_adjustments.isEmpty())
        addStockMoves(execPrepared(m_tx, kInsertAdjustments, json(m_adjustments)), 2, moves);
    insertRows(m_tx, kInsertCashSessions, m_cashSessions);
    insertRows(m_tx, kInsertCashMovements, m_cashMovements);
    insertRows(m_tx, kInsertCashClosings, m_cashClosings);
    insertRows(m_tx, kInsertReturns, m_returns);
    if (!m_returnLines.isEmpty())
        addStockMoves(execPrepared(m_tx, kInsertReturnLines, json(m_returnLines)), 1, moves);
    insertRows(m_tx, kInsertReturnAllocations, m_returnAllocations);
    addToLotTotals(moves);
    insertRows(m_tx, kInsertAudit, {shop, terminal}, m_audit);
    insertRows(m_tx, kInsertQuarantine, m_quarantine);
    if (!m_lotEvents.isEmpty())
        execPrepared(
            m_tx,
            "UPDATE lots l SET status = e.to_status FROM jsonb_to_recordset($1::jsonb) AS e(lot_id uuid, "
            "to_status text) WHERE l.id = e.lot_id",
            json(m_lotEvents));
}

void PushBatch::addToLotTotals(const QMap<QString, std::array<qint64, 3>>& moves) {
    if (moves.isEmpty())
        return;
    // One upsert, in lot id order (a stable lock order across concurrent pushers, after the lots'
    // own FOR UPDATE): the running totals the oversold check reads (migration 6).
    ArrayRows rows(4);
    for (auto it = moves.cbegin(); it != moves.cend(); ++it)
        rows.row() << it.key() << it.value()[0] << it.value()[1] << it.value()[2];
    execPrepared(
        m_tx,
        "INSERT INTO lot_totals (shop_id, lot_id, sold_qty, returned_qty, adjusted_qty) SELECT "
        "market_current_shop(), lot_id, sold, returned, adjusted FROM unnest($1::uuid[], $2::bigint[], "
        "$3::bigint[], $4::bigint[]) AS d(lot_id, sold, returned, adjusted) ORDER BY lot_id ON CONFLICT "
        "(shop_id, lot_id) DO UPDATE SET sold_qty = lot_totals.sold_qty + excluded.sold_qty, "
        "returned_qty = lot_totals.returned_qty + excluded.returned_qty, adjusted_qty = "
        "lot_totals.adjusted_qty + excluded.adjusted_qty",
        pqxx::prepare::make_dynamic_params(rows.params()));
}

void PushBatch::checkLotsAndCredit() {
    if (!m_arrivedLots.isEmpty()) {
        // Closed here, and told to the counters like a resolution made through the owner API.
        const auto closed = execPrepared(
            m_tx,
            "UPDATE anomalies SET resolved_at = now(), resolution = 'lot arrived' WHERE kind = "
            "'unknown_lot' AND resolved_at IS NULL AND entity_id = ANY($1::uuid[]) RETURNING id::text, "
            "entity, entity_id::text, details::text, (extract(epoch FROM resolved_at) * 1000)::bigint",
            uuidArray(m_arrivedLots));
        for (const auto& row : closed) {
            const QString id = q(row[0].as<std::string>());
            m_resolved.push_back(FeedItem{
                QStringLiteral("anomaly.resolved"),
                id,
                QJsonObject{
                    {QStringLiteral("id"), id},
                    {QStringLiteral("kind"), QStringLiteral("unknown_lot")},
                    {QStringLiteral("entity"), q(row[1].as<std::string>())},
                    {QStringLiteral("entityId"), q(row[2].as<std::string>())},
                    {QStringLiteral("details"),
                     QJsonDocument::fromJson(QByteArray::fromStdString(row[3].as<std::string>())).object()},
                    {QStringLiteral("resolved"), true},
                    {QStringLiteral("resolution"), QStringLiteral("lot arrived")},
                    {QStringLiteral("resolvedBy"), QJsonValue()},
                    {QStringLiteral("resolvedAtMs"), row[4].as<qint64>()}},
                {}});
        }
    }
    // Stock of a lot = received − sold + returned − adjusted; below zero is an oversold lot. The
    // three moves are the lot's running totals, this batch's included (addToLotTotals). One
    // primary-key probe per lot (OFFSET 0 keeps the lateral lookups from becoming joins that the
    // generic plan would drive from the shop's index, reading every lot of the shop).
    QSet<QString> lots = m_soldLots;
    lots.unite(m_arrivedLots).unite(m_adjustedLots).unite(m_returnedLots);
    if (!lots.isEmpty()) {
        const auto r = execPrepared(
            m_tx,
            "SELECT x.id::text, l.received_qty, coalesce(t.sold_qty, 0), coalesce(t.returned_qty, 0), "
            "coalesce(t.adjusted_qty, 0) FROM unnest($1::uuid[]) AS x(id) LEFT JOIN LATERAL (SELECT "
            "received_qty FROM lots WHERE id = x.id OFFSET 0) AS l ON true LEFT JOIN LATERAL (SELECT "
            "sold_qty, "
            "returned_qty, adjusted_qty FROM lot_totals WHERE shop_id = market_current_shop() AND lot_id = "
            "x.id "
            "OFFSET 0) AS t ON true",
            uuidArray(lots));
        for (const auto& row : r) {
            const QString lot = q(row[0].as<std::string>());
            const qint64 sold = row[2].as<qint64>();
            const qint64 returned = row[3].as<qint64>();
            const qint64 adjusted = row[4].as<qint64>();
            if (row[1].is_null()) {
                if (m_soldLots.contains(lot))
                    anomaly(QStringLiteral("unknown_lot"), QStringLiteral("lot"), lot, {},
                            {{QStringLiteral("soldQty"), sold}});
            } else if (sold - returned + adjusted > row[1].as<qint64>()) {
                anomaly(QStringLiteral("oversold"), QStringLiteral("lot"), lot, {},
                        {{QStringLiteral("receivedQty"), row[1].as<qint64>()},
                         {QStringLiteral("soldQty"), sold},
                         {QStringLiteral("returnedQty"), returned},
                         {QStringLiteral("adjustedQty"), adjusted}});
            }
        }
    }
    // Returning more than was sold can only happen across counters (each refuses it): goods and
    // money have moved, so the return is applied and raised. Checked after the writes, under the
    // locks of the lines' lots, so two counters returning the same line see each other.
    if (!m_returnedLines.isEmpty()) {
        const auto r = execPrepared(
            m_tx,
            "SELECT l.id::text, l.sale_id::text, l.qty, (SELECT coalesce(sum(r.qty), 0) FROM return_lines r "
            "WHERE r.shop_id = market_current_shop() AND r.sale_line_id = l.id) FROM sale_lines l WHERE l.id "
            "= ANY($1::uuid[])",
            uuidArray(m_returnedLines));
        for (const auto& row : r)
            if (row[3].as<qint64>() > row[2].as<qint64>())
                anomaly(QStringLiteral("over_returned"), QStringLiteral("sale_line"),
                        q(row[0].as<std::string>()), {},
                        {{QStringLiteral("saleId"), q(row[1].as<std::string>())},
                         {QStringLiteral("soldQty"), row[2].as<qint64>()},
                         {QStringLiteral("returnedQty"), row[3].as<qint64>()}});
    }
    if (!m_creditBuyers.isEmpty()) {
        const auto r = execPrepared(
            m_tx,
            "SELECT p.id::text, p.credit_limit, (SELECT coalesce(sum(c.amount), 0) FROM credits c WHERE "
            "c.buyer_id = "
            "p.id) - (SELECT coalesce(sum(a.amount), 0) FROM collection_allocations a JOIN credits c ON c.id "
            "= "
            "a.credit_id WHERE c.buyer_id = p.id) - (SELECT coalesce(sum(a.amount), 0) FROM "
            "return_allocations a JOIN credits c ON c.id = a.credit_id WHERE c.buyer_id = p.id) FROM parties "
            "p WHERE p.id = ANY($1::uuid[])",
            uuidArray(m_creditBuyers));
        for (const auto& row : r) {
            const qint64 limit = row[1].as<qint64>();
            const qint64 outstanding = row[2].as<qint64>();
            if (outstanding > limit)
                anomaly(
                    QStringLiteral("credit_limit_exceeded"), QStringLiteral("party"),
                    q(row[0].as<std::string>()), {},
                    {{QStringLiteral("creditLimit"), limit}, {QStringLiteral("outstanding"), outstanding}});
        }
    }
}

void PushBatch::appendFeed(const std::vector<FeedItem>& extra) {
    const qint64 count = qint64(m_staged.size() + extra.size());
    if (count == 0)
        return;
    ArrayRows rows(4); // type, entity_id, terminal_id, doc; the position is the row's ordinality
    const auto add = [&](const FeedItem& f, bool fromTerminal) {
        rows.row() << f.type << f.entityId;
        if (fromTerminal)
            rows << m_terminal.terminalId;
        else
            rows.null();
        rows.json(f.json.isEmpty() ? QJsonDocument(f.doc).toJson(QJsonDocument::Compact) : f.json);
    };
    for (const auto& st : m_staged)
        add(st.feed, true);
    for (const auto& f : extra)
        add(f, false);
    // Last statement before commit, counter and rows in one: the counter row lock, which orders
    // this shop's writers so positions become visible in commit order, is held for as short a
    // time as possible.
    std::vector<std::string> params{s(m_terminal.shopId), std::to_string(count)};
    rows.takeParams(params);
    const auto r = execPrepared(
        m_tx,
        "WITH c AS (UPDATE feed_counters SET last_position = last_position + $2::bigint WHERE shop_id = "
        "$1::uuid RETURNING last_position), i AS (INSERT INTO feed (shop_id, position, type, entity_id, "
        "terminal_id, doc) SELECT $1::uuid, c.last_position - $2::bigint + r.n, r.type, r.entity_id, "
        "r.terminal_id, r.doc FROM c, ROWS FROM (unnest($3::text[]), unnest($4::uuid[]), "
        "unnest($5::uuid[]), json_array_elements($6::json)) WITH ORDINALITY AS r(type, entity_id, "
        "terminal_id, doc, n) RETURNING 1) SELECT count(*) FROM i",
        pqxx::prepare::make_dynamic_params(params));
    if (r.at(0)[0].as<qint64>() != count)
        throw std::runtime_error("feed: the shop has no feed counter");
}

} // namespace market::server
