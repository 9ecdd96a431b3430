#include "ArrivalService.h"

#include "DocumentRows.h"
#include "Validation.h"
#include "store/Journal.h"
#include "store/Store.h"

namespace market::core {

namespace {
constexpr qint64 kDayMs = 86'400'000;

// One query shape for every lot read: the lot, its names and what has been sold of it.
// Stock of a lot = received − sold + returned − adjusted.
constexpr const char* kLotSelect =
    "SELECT l.id, l.shop_id, l.terminal_id, l.code, l.farmer_id, l.product_id, l.received_qty, l.packages, "
    "l.gross_qty, l.tare_qty, l.grade, l.vehicle, l.notes, l.received_at_ms, l.created_by, l.status, "
    "f.name, p.name, p.unit, coalesce((SELECT sum(qty) FROM sale_line sl WHERE sl.lot_id = l.id), 0), "
    "coalesce((SELECT sum(qty) FROM stock_adjustment a WHERE a.lot_id = l.id), 0), "
    "coalesce((SELECT sum(qty) FROM return_line r WHERE r.lot_id = l.id), 0) "
    "FROM lot l JOIN party f ON f.id = l.farmer_id JOIN product p ON p.id = l.product_id ";

LotSummary readLot(const Statement& s, qint64 nowMs) {
    LotSummary out;
    LotDoc& d = out.lot;
    d.id = s.uuid(0);
    d.shopId = s.uuid(1);
    d.terminalId = s.uuid(2);
    d.code = s.text(3);
    d.farmerId = s.uuid(4);
    d.productId = s.uuid(5);
    d.receivedQty = s.quantity(6);
    d.packages = s.int64(7);
    d.grossQty = s.quantity(8);
    d.tareQty = s.quantity(9);
    d.grade = s.text(10);
    d.vehicle = s.text(11);
    d.notes = s.text(12);
    d.receivedAtMs = s.int64(13);
    d.createdBy = s.uuid(14);
    out.status = lotStatusFromName(s.text(15)).value_or(LotStatus::Active);
    out.farmerName = s.text(16);
    out.productName = s.text(17);
    out.unit = unitFromName(s.text(18)).value_or(Unit::Kg);
    out.sold = s.quantity(19);
    out.adjusted = s.quantity(20);
    out.returned = s.quantity(21);
    out.left = d.receivedQty - out.sold + out.returned - out.adjusted;
    out.ageDays = std::max<qint64>(0, (nowMs - d.receivedAtMs) / kDayMs);
    return out;
}

Result<LotSummary> oneLot(Statement& s, qint64 nowMs, const QString& notFound) {
    if (s.next()) {
        LotSummary l = readLot(s, nowMs);
        s.reset();
        return l;
    }
    Status st = s.status("reading a lot");
    s.reset();
    if (!st.ok())
        return st.error();
    return Error{ErrorCode::NotFound, notFound};
}
} // namespace

Result<LotDoc> ArrivalService::recordArrival(const Session& actor, const ArrivalRequest& r) {
    MARKET_TRY(require(actor, Permission::RecordArrival));
    if (!m_store.identity())
        return Error{ErrorCode::InvalidState, tr("This counter has no shop yet.")};
    Database& db = m_store.db();

    // Quantities: net given, or gross and tare (net = gross − tare).
    Quantity net;
    Quantity gross;
    Quantity tare;
    if (r.grossQty) {
        gross = *r.grossQty;
        tare = r.tareQty.value_or(Quantity{});
        MARKET_TRY(Validation::positiveQuantity(gross, tr("Gross weight")));
        if (tare.isNegative())
            return Error{ErrorCode::InvalidInput, tr("Tare must be zero or more.")};
        if (tare >= gross)
            return Error{ErrorCode::InvalidInput, tr("Tare must be less than the gross weight.")};
        net = gross - tare;
        if (r.netQty && *r.netQty != net)
            return Error{ErrorCode::InvalidInput, tr("Net weight must equal gross minus tare.")};
    } else if (r.netQty) {
        if (r.tareQty)
            return Error{ErrorCode::InvalidInput, tr("Give the gross weight together with the tare.")};
        net = *r.netQty;
    } else {
        return Error{ErrorCode::InvalidInput, tr("Enter the quantity received.")};
    }
    MARKET_TRY(Validation::positiveQuantity(net, tr("Quantity received")));
    if (r.packages < 0 || r.packages > 1'000'000)
        return Error{ErrorCode::InvalidInput, tr("Packages must be between 0 and 1,000,000.")};
    auto grade = Validation::optionalText(r.grade, tr("Grade"), 40);
    auto vehicle = Validation::optionalText(r.vehicle, tr("Vehicle"), 40);
    auto notes = Validation::optionalText(r.notes, tr("Notes"), 2000);
    for (const auto* t : {&grade, &vehicle, &notes})
        if (!t->ok())
            return t->error();

    Statement& farmer = db.prepare("SELECT kind, active FROM party WHERE id = ?1");
    farmer.bind(1, r.farmerId);
    const bool farmerFound = farmer.next();
    const bool isFarmer = farmerFound && farmer.text(0) == QLatin1String("farmer") && farmer.int64(1) != 0;
    farmer.reset();
    if (!isFarmer)
        return Error{ErrorCode::NotFound, tr("No such active farmer.")};
    Statement& product = db.prepare("SELECT unit, active FROM product WHERE id = ?1");
    product.bind(1, r.productId);
    if (!product.next()) {
        product.reset();
        return Error{ErrorCode::NotFound, tr("No such product.")};
    }
    const Unit unit = unitFromName(product.text(0)).value_or(Unit::Kg);
    const bool productActive = product.int64(1) != 0;
    product.reset();
    if (!productActive)
        return Error{ErrorCode::InvalidState, tr("This product is no longer sold.")};
    if (!unitIsWeighed(unit) && net.thousandths() % Quantity::kScale != 0)
        return Error{ErrorCode::InvalidInput,
                     tr("This product is counted in whole %1s.").arg(unitName(unit))};

    const auto& identity = m_store.identity();
    StoreTransaction tx(db);
    MARKET_TRY(tx.begun());
    auto seq = m_store.nextCounter(QStringLiteral("lot"));
    if (!seq.ok())
        return seq.error();
    LotDoc lot;
    lot.id = m_store.newId();
    lot.shopId = identity->shopId;
    lot.terminalId = identity->terminalId;
    lot.code = QStringLiteral("L%1-%2").arg(identity->terminalNumber).arg(*seq, 4, 10, QLatin1Char('0'));
    lot.farmerId = r.farmerId;
    lot.productId = r.productId;
    lot.receivedQty = net;
    lot.packages = r.packages;
    lot.grossQty = gross;
    lot.tareQty = tare;
    lot.grade = *grade;
    lot.vehicle = *vehicle;
    lot.notes = *notes;
    lot.receivedAtMs = m_store.nowMs();
    lot.createdBy = actor.userId;
    MARKET_TRY(insertLotRow(db, lot));
    const QJsonObject json = lot.toJson();
    MARKET_TRY(Journal::record(m_store, JournalEntry{actor.userId,
                                                     QStringLiteral("lot.create"),
                                                     QStringLiteral("lot"),
                                                     lot.id,
                                                     {},
                                                     json,
                                                     op::kLotReceived,
                                                     json}));
    MARKET_TRY(tx.commit());
    return lot;
}

Status ArrivalService::changeStatus(const Session& actor, const Uuid& lotId, LotStatus to,
                                    const QString& reason) {
    MARKET_TRY(require(actor, Permission::ChangeLotStatus));
    auto why = Validation::name(reason, tr("Reason"), 2000);
    if (!why.ok())
        return why.error();
    StoreTransaction tx(m_store.db());
    MARKET_TRY(tx.begun());
    auto current = lot(lotId);
    if (!current.ok())
        return current.error();
    if (!lotTransitionAllowed(current->status, to))
        return Error{ErrorCode::InvalidState,
                     tr("Lot %1 is %2 and cannot become %3.")
                         .arg(current->lot.code, lotStatusName(current->status), lotStatusName(to))};
    MARKET_TRY(recordTransition(
        LotStatusDoc{m_store.newId(), lotId, current->status, to, *why, m_store.nowMs(), actor.userId}));
    return tx.commit();
}

Status ArrivalService::recordTransition(const LotStatusDoc& ev) {
    MARKET_TRY(m_store.db()
                   .prepare("UPDATE lot SET status = ?2 WHERE id = ?1")
                   .bind(1, ev.lotId)
                   .bind(2, lotStatusName(ev.to))
                   .exec("changing the lot status"));
    MARKET_TRY(insertLotStatusRow(m_store.db(), ev));
    return Journal::record(m_store,
                           JournalEntry{ev.by, QStringLiteral("lot.status"), QStringLiteral("lot"), ev.lotId,
                                        QJsonObject{{QStringLiteral("status"), lotStatusName(ev.from)}},
                                        QJsonObject{{QStringLiteral("status"), lotStatusName(ev.to)},
                                                    {QStringLiteral("reason"), ev.reason}},
                                        op::kLotStatusChanged, ev.toJson()});
}

Result<LotSummary> ArrivalService::lot(const Uuid& id) {
    static const QByteArray sql = QByteArray(kLotSelect) + "WHERE l.id = ?1";
    Statement& s = m_store.db().prepare(sql.constData());
    s.bind(1, id);
    return oneLot(s, m_store.nowMs(), tr("No such lot."));
}

Result<LotSummary> ArrivalService::lotByCode(const QString& code) {
    static const QByteArray sql = QByteArray(kLotSelect) + "WHERE l.code = ?1";
    Statement& s = m_store.db().prepare(sql.constData());
    s.bind(1, code.trimmed().toUpper());
    return oneLot(s, m_store.nowMs(), tr("No lot has the code %1.").arg(code.trimmed()));
}

Result<std::vector<LotSummary>> ArrivalService::lots(const LotFilter& f) {
    static const QByteArray sql =
        QByteArray(kLotSelect) +
        "WHERE (?1 = 0 OR l.status = 'active') AND (?2 IS NULL OR l.product_id = ?2) "
        "AND (?3 IS NULL OR l.farmer_id = ?3) ORDER BY l.received_at_ms, l.code LIMIT ?4";
    Statement& s = m_store.db().prepare(sql.constData());
    s.bind(1, f.activeOnly).bind(2, f.productId).bind(3, f.farmerId).bind(4, f.limit);
    std::vector<LotSummary> out;
    const qint64 now = m_store.nowMs();
    while (s.next())
        out.push_back(readLot(s, now));
    Status st = s.status("listing lots");
    s.reset();
    if (!st.ok())
        return st.error();
    return out;
}

} // namespace market::core
