#include "CashSessionService.h"

#include "DocumentRows.h"
#include "SettingsService.h"
#include "Validation.h"
#include "store/Journal.h"
#include "store/Store.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace market::core {

std::vector<qint64> CashSessionService::inrDenominations() {
    return {200000, 50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100};
}

Result<std::optional<Uuid>> CashSessionService::openSession() {
    if (!m_store.identity())
        return std::optional<Uuid>{};
    Statement& s =
        m_store.db().prepare("SELECT id FROM cash_session WHERE terminal_id = ?1 AND closed_at_ms IS NULL");
    s.bind(1, m_store.identity()->terminalId);
    std::optional<Uuid> id;
    if (s.next())
        id = s.uuid(0);
    Status st = s.status("reading the cash session");
    s.reset();
    if (!st.ok())
        return st.error();
    return id;
}

Status CashSessionService::requireOpenForCash() {
    auto required = SettingsService(m_store).integer(QStringLiteral("cash_session_required"));
    if (!required.ok())
        return required.error();
    if (*required == 0)
        return okStatus();
    auto open = openSession();
    if (!open.ok())
        return open.error();
    if (!*open)
        return Error{ErrorCode::InvalidState,
                     tr("Open the cash drawer (start a cash session) before taking or "
                        "paying out cash.")};
    return okStatus();
}

Result<CashSessionOpenedDoc> CashSessionService::open(const Session& actor, Money openingFloat) {
    MARKET_TRY(require(actor, Permission::OperateCashSession));
    if (openingFloat.isNegative() || openingFloat.minor() > Money::kMaxInput)
        return Error{ErrorCode::InvalidInput, tr("The opening float must be zero or more.")};
    StoreTransaction tx(m_store.db());
    MARKET_TRY(tx.begun());
    auto current = openSession();
    if (!current.ok())
        return current.error();
    if (*current)
        return Error{ErrorCode::InvalidState, tr("A cash session is already open at this counter.")};
    const auto& identity = *m_store.identity();
    CashSessionOpenedDoc d{m_store.newId(), identity.shopId, identity.terminalId,
                           actor.userId,    openingFloat,    m_store.nowMs()};
    MARKET_TRY(insertCashSessionRow(m_store.db(), d));
    MARKET_TRY(Journal::record(m_store, JournalEntry{actor.userId,
                                                     QStringLiteral("cash_session.open"),
                                                     QStringLiteral("cash_session"),
                                                     d.id,
                                                     {},
                                                     d.toJson(),
                                                     op::kCashSessionOpened,
                                                     d.toJson()}));
    MARKET_TRY(tx.commit());
    return d;
}

Result<CashMovementDoc> CashSessionService::move(const Session& actor, bool cashIn, Money amount,
                                                 const QString& reason) {
    MARKET_TRY(require(actor, Permission::OperateCashSession));
    MARKET_TRY(Validation::positiveMoney(amount, tr("The amount")));
    auto why = Validation::name(reason, tr("Reason"), 2000);
    if (!why.ok())
        return why.error();
    StoreTransaction tx(m_store.db());
    MARKET_TRY(tx.begun());
    auto current = openSession();
    if (!current.ok())
        return current.error();
    if (!*current)
        return Error{ErrorCode::InvalidState, tr("No cash session is open at this counter.")};
    if (!cashIn) {
        auto figures = report(**current);
        if (!figures.ok())
            return figures.error();
        if (amount > figures->expected)
            return Error{ErrorCode::InvalidInput,
                         tr("The drawer should hold only %1.")
                             .arg(formatMoney(figures->expected, m_store.identity()->currency))};
    }
    CashMovementDoc d{m_store.newId(), **current, cashIn, amount, *why, actor.userId, m_store.nowMs()};
    MARKET_TRY(insertCashMovementRow(m_store.db(), d));
    MARKET_TRY(Journal::record(m_store, JournalEntry{actor.userId,
                                                     QStringLiteral("cash_session.movement"),
                                                     QStringLiteral("cash_session"),
                                                     d.sessionId,
                                                     {},
                                                     d.toJson(),
                                                     op::kCashMovement,
                                                     d.toJson()}));
    MARKET_TRY(tx.commit());
    return d;
}

Result<CashSessionReport> CashSessionService::report(const Uuid& sessionId) {
    Database& db = m_store.db();
    Statement& head =
        db.prepare("SELECT terminal_id, opened_by, opened_at_ms, closed_at_ms, opening_float, counted, "
                   "variance, denominations FROM cash_session WHERE id = ?1");
    head.bind(1, sessionId);
    if (!head.next()) {
        Status st = head.status("reading the cash session");
        head.reset();
        if (!st.ok())
            return st.error();
        return Error{ErrorCode::NotFound, tr("No such cash session.")};
    }
    CashSessionReport r;
    r.sessionId = sessionId;
    r.terminalId = head.uuid(0);
    r.openedBy = head.uuid(1);
    r.openedAtMs = head.int64(2);
    if (!head.isNull(3))
        r.closedAtMs = head.int64(3);
    r.openingFloat = head.money(4);
    if (!head.isNull(5))
        r.counted = head.money(5);
    if (!head.isNull(6))
        r.variance = head.money(6);
    const QJsonArray notes = QJsonDocument::fromJson(head.text(7).toUtf8()).array();
    for (const auto& n : notes)
        r.denominations.push_back(Denomination{n.toObject().value(QStringLiteral("faceMinor")).toInteger(),
                                               n.toObject().value(QStringLiteral("count")).toInteger()});
    head.reset();

    // Everything of this terminal from opening until closing (or now).
    const qint64 from = r.openedAtMs;
    const qint64 to = r.closedAtMs.value_or(std::numeric_limits<qint64>::max());
    Statement& sums = db.prepare(
        "SELECT "
        "(SELECT coalesce(sum(p.amount), 0) FROM sale s JOIN sale_payment p ON p.sale_id = s.id "
        "  WHERE s.terminal_id = ?1 AND s.created_at_ms >= ?2 AND s.created_at_ms <= ?3 AND p.method = "
        "'cash'), "
        "(SELECT count(*) FROM sale s WHERE s.terminal_id = ?1 AND s.created_at_ms >= ?2 AND s.created_at_ms "
        "<= ?3), "
        "(SELECT coalesce(sum(amount), 0) FROM collection WHERE terminal_id = ?1 AND at_ms >= ?2 AND at_ms "
        "<= ?3 "
        "  AND method = 'cash'), "
        "(SELECT coalesce(sum(amount), 0) FROM cash_movement WHERE session_id = ?4 AND direction = 'in'), "
        "(SELECT coalesce(sum(amount), 0) FROM cash_movement WHERE session_id = ?4 AND direction = 'out'), "
        "(SELECT coalesce(sum(amount), 0) FROM farmer_payment WHERE terminal_id = ?1 AND at_ms >= ?2 AND "
        "at_ms <= ?3 "
        "  AND method = 'cash'), "
        "(SELECT coalesce(sum(amount), 0) FROM expense WHERE terminal_id = ?1 AND at_ms >= ?2 AND at_ms <= "
        "?3 "
        "  AND method = 'cash'), "
        "(SELECT coalesce(sum(refund), 0) FROM sale_return WHERE terminal_id = ?1 AND at_ms >= ?2 AND at_ms "
        "<= ?3 "
        "  AND refund_method = 'cash')");
    sums.bind(1, r.terminalId).bind(2, from).bind(3, to).bind(4, sessionId);
    if (sums.next()) {
        r.cashSales = sums.money(0);
        r.salesCount = sums.int64(1);
        r.cashCollections = sums.money(2);
        r.cashIn = sums.money(3);
        r.cashOut = sums.money(4);
        r.farmerPayouts = sums.money(5);
        r.cashExpenses = sums.money(6);
        r.cashRefunds = sums.money(7);
    }
    Status st = sums.status("summing the cash session");
    sums.reset();
    if (!st.ok())
        return st.error();
    r.expected = r.openingFloat + r.cashSales + r.cashCollections + r.cashIn - r.cashOut - r.farmerPayouts -
                 r.cashExpenses - r.cashRefunds;
    return r;
}

Result<CashSessionReport> CashSessionService::close(const Session& actor, std::optional<Money> counted,
                                                    const std::vector<Denomination>& denominations) {
    MARKET_TRY(require(actor, Permission::OperateCashSession));
    Money total;
    if (!denominations.empty()) {
        for (const auto& d : denominations) {
            if (d.faceMinor <= 0 || d.count < 0 || d.count > 10'000'000 || d.faceMinor > 100'000'000)
                return Error{ErrorCode::InvalidInput,
                             tr("Each note or coin needs a positive value and a count.")};
            total += Money::fromMinor(d.faceMinor * d.count);
        }
        if (counted && *counted != total)
            return Error{ErrorCode::InvalidInput,
                         tr("The counted cash does not match the notes and coins counted.")};
        counted = total;
    }
    if (!counted)
        return Error{ErrorCode::InvalidInput, tr("Enter the cash counted in the drawer.")};
    if (counted->isNegative() || counted->minor() > Money::kMaxInput)
        return Error{ErrorCode::InvalidInput, tr("The counted cash must be zero or more.")};

    StoreTransaction tx(m_store.db());
    MARKET_TRY(tx.begun());
    auto current = openSession();
    if (!current.ok())
        return current.error();
    if (!*current)
        return Error{ErrorCode::InvalidState,
                     tr("No cash session is open at this counter; a closed session is final.")};
    const qint64 now = m_store.nowMs();
    // Close at `now` first so the report counts exactly what the Z report will show.
    auto figures = report(**current);
    if (!figures.ok())
        return figures.error();
    CashSessionClosedDoc d{
        **current,     actor.userId, figures->expected, *counted, *counted - figures->expected,
        denominations, now};
    QJsonArray notes = d.toJson().value(QStringLiteral("denominations")).toArray();
    MARKET_TRY(
        m_store.db()
            .prepare(
                "UPDATE cash_session SET closed_by = ?2, closed_at_ms = ?3, expected = ?4, counted = ?5, "
                "variance = ?6, denominations = ?7 WHERE id = ?1 AND closed_at_ms IS NULL")
            .bind(1, d.sessionId)
            .bind(2, d.closedBy)
            .bind(3, now)
            .bind(4, d.expected)
            .bind(5, d.counted)
            .bind(6, d.variance)
            .bind(7, QString::fromUtf8(QJsonDocument(notes).toJson(QJsonDocument::Compact)))
            .exec("closing the cash session"));
    MARKET_TRY(Journal::record(m_store, JournalEntry{actor.userId,
                                                     QStringLiteral("cash_session.close"),
                                                     QStringLiteral("cash_session"),
                                                     d.sessionId,
                                                     {},
                                                     d.toJson(),
                                                     op::kCashSessionClosed,
                                                     d.toJson()}));
    auto z = report(d.sessionId);
    if (!z.ok())
        return z.error();
    MARKET_TRY(tx.commit());
    return z;
}

} // namespace market::core
