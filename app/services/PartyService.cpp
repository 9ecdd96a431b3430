#include "PartyService.h"

#include "Validation.h"
#include "store/Journal.h"
#include "store/Store.h"

namespace market::core {

namespace {
constexpr const char* kPartyColumns =
    "SELECT id, shop_id, kind, code, name, phone, credit_limit, active, version FROM party ";

PartyDoc readParty(const Statement& s) {
    return PartyDoc{s.uuid(0),  s.uuid(1),       partyKindFromName(s.text(2)).value_or(PartyKind::Buyer),
                    s.text(3),  s.text(4),       s.text(5),
                    s.money(6), s.int64(7) != 0, s.int64(8)};
}

Result<PartyDoc> one(Statement& s, const QString& notFound) {
    if (s.next()) {
        PartyDoc d = readParty(s);
        s.reset();
        return d;
    }
    Status st = s.status("reading a party");
    s.reset();
    if (!st.ok())
        return st.error();
    return Error{ErrorCode::NotFound, notFound};
}

Status writeParty(Database& db, const PartyDoc& p) {
    return db
        .prepare(
            "INSERT INTO party (id, shop_id, kind, code, name, name_fold, phone, credit_limit, active, "
            "version) "
            "VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10) ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, "
            "code = excluded.code, name = excluded.name, name_fold = excluded.name_fold, phone = "
            "excluded.phone, "
            "credit_limit = excluded.credit_limit, active = excluded.active, version = excluded.version")
        .bind(1, p.id)
        .bind(2, p.shopId)
        .bind(3, partyKindName(p.kind))
        .bind(4, p.code)
        .bind(5, p.name)
        .bind(6, Validation::fold(p.name))
        .bind(7, p.phone)
        .bind(8, p.creditLimit)
        .bind(9, p.active)
        .bind(10, p.version)
        .exec("writing a party");
}
} // namespace

Result<PartyDoc> PartyService::create(const Session& actor, const NewPartyRequest& r) {
    MARKET_TRY(require(actor, Permission::CreateParty));
    auto name = Validation::name(r.name, tr("Name"));
    if (!name.ok())
        return name.error();
    auto phone = Validation::phone(r.phone);
    if (!phone.ok())
        return phone.error();
    if (r.creditLimit.isNegative() || r.creditLimit.minor() > Money::kMaxInput)
        return Error{ErrorCode::InvalidInput, tr("The credit limit must be zero or more.")};
    if (r.kind == PartyKind::Farmer && !r.creditLimit.isZero())
        return Error{ErrorCode::InvalidInput, tr("Farmers have no credit limit.")};
    if (!r.creditLimit.isZero())
        MARKET_TRY(require(actor, Permission::EditParty)); // setting credit is a manager's decision
    QString code;
    if (!r.code.trimmed().isEmpty()) {
        auto c = Validation::code(r.code, tr("Code"));
        if (!c.ok())
            return c.error();
        code = c->toUpper();
    }

    StoreTransaction tx(m_store.db());
    MARKET_TRY(tx.begun());
    if (code.isEmpty()) {
        const bool farmer = r.kind == PartyKind::Farmer;
        // Made here, so unique per terminal: prefix with the terminal number.
        auto n = m_store.nextCounter(farmer ? QStringLiteral("party.farmer") : QStringLiteral("party.buyer"));
        if (!n.ok())
            return n.error();
        code = QStringLiteral("%1%2-%3")
                   .arg(farmer ? QLatin1Char('F') : QLatin1Char('B'))
                   .arg(m_store.identity() ? m_store.identity()->terminalNumber : 0)
                   .arg(*n, 4, 10, QLatin1Char('0'));
    }
    PartyDoc p{m_store.newId(), actor.shopId, r.kind, code, *name, *phone, r.creditLimit, true, 1};
    Status s = writeParty(m_store.db(), p);
    if (!s.ok()) {
        if (s.error().code == ErrorCode::Conflict)
            return Error{ErrorCode::Conflict, tr("The code %1 is already used.").arg(code)};
        return s.error();
    }
    MARKET_TRY(Journal::record(m_store, JournalEntry{actor.userId,
                                                     QStringLiteral("party.create"),
                                                     QStringLiteral("party"),
                                                     p.id,
                                                     {},
                                                     p.toJson(),
                                                     op::kPartyUpsert,
                                                     p.toJson()}));
    MARKET_TRY(tx.commit());
    return p;
}

Result<PartyDoc> PartyService::setCreditLimit(const Session& actor, const Uuid& buyerId, Money limit) {
    MARKET_TRY(require(actor, Permission::EditParty));
    if (limit.isNegative() || limit.minor() > Money::kMaxInput)
        return Error{ErrorCode::InvalidInput, tr("The credit limit must be zero or more.")};
    StoreTransaction tx(m_store.db());
    MARKET_TRY(tx.begun());
    auto before = get(buyerId);
    if (!before.ok())
        return before.error();
    if (before->kind != PartyKind::Buyer)
        return Error{ErrorCode::InvalidInput, tr("Only buyers have a credit limit.")};
    PartyDoc after = *before;
    after.creditLimit = limit;
    after.version += 1;
    MARKET_TRY(writeParty(m_store.db(), after));
    MARKET_TRY(Journal::record(m_store, JournalEntry{actor.userId, QStringLiteral("party.update"),
                                                     QStringLiteral("party"), after.id, before->toJson(),
                                                     after.toJson(), op::kPartyUpsert, after.toJson()}));
    MARKET_TRY(tx.commit());
    return after;
}

Result<PartyDoc> PartyService::get(const Uuid& id) {
    Statement& s = m_store.db().prepare("SELECT id, shop_id, kind, code, name, phone, credit_limit, active, "
                                        "version FROM party WHERE id = ?1");
    s.bind(1, id);
    return one(s, tr("No such farmer or buyer."));
}

Result<PartyDoc> PartyService::byCode(const QString& code) {
    Statement& s = m_store.db().prepare("SELECT id, shop_id, kind, code, name, phone, credit_limit, active, "
                                        "version FROM party WHERE code = ?1");
    s.bind(1, code.trimmed().toUpper());
    return one(s, tr("No farmer or buyer has the code %1.").arg(code.trimmed()));
}

Result<std::vector<PartyDoc>> PartyService::search(PartyKind kind, const QString& text, int limit) {
    Q_UNUSED(kPartyColumns);
    const QString folded = Validation::fold(text);
    // Escape LIKE wildcards: the text is data, not a pattern.
    auto likePrefix = [](QString t) {
        t.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
            .replace(QLatin1Char('%'), QStringLiteral("\\%"))
            .replace(QLatin1Char('_'), QStringLiteral("\\_"));
        return t + QLatin1Char('%');
    };
    const QString pattern = likePrefix(folded);
    const QString upperPattern = likePrefix(text.trimmed().toUpper());
    const QString trimmed = text.trimmed();
    const QString phonePattern = likePrefix(trimmed);
    const bool mayBePhone = !trimmed.isEmpty() && (trimmed.front().isDigit() || trimmed.front() == u'+');
    // One branch per index, each stopping at the limit (see CatalogService::searchProducts);
    // "+kind" keeps SQLite on the phone index instead of scanning the kind and sorting.
    Statement& s = m_store.db().prepare(
        "SELECT id, shop_id, kind, code, name, phone, credit_limit, active, version FROM ("
        "SELECT * FROM (SELECT id, shop_id, kind, code, name, phone, credit_limit, active, version, "
        "name_fold FROM party WHERE kind = ?1 AND name_fold LIKE ?2 ESCAPE '\\' AND active = 1 "
        "ORDER BY name_fold LIMIT ?5) "
        "UNION SELECT * FROM (SELECT id, shop_id, kind, code, name, phone, credit_limit, active, version, "
        "name_fold FROM party WHERE kind = ?1 AND code LIKE ?3 ESCAPE '\\' AND active = 1 "
        "ORDER BY kind, code LIMIT ?5) "
        "UNION SELECT * FROM (SELECT id, shop_id, kind, code, name, phone, credit_limit, active, version, "
        "name_fold FROM party WHERE ?6 AND phone LIKE ?4 ESCAPE '\\' AND +kind = ?1 AND active = 1 "
        "ORDER BY phone LIMIT ?5)) "
        "ORDER BY name_fold LIMIT ?5");
    s.bind(1, partyKindName(kind))
        .bind(2, pattern)
        .bind(3, upperPattern)
        .bind(4, phonePattern)
        .bind(5, limit)
        .bind(6, mayBePhone ? 1 : 0);
    std::vector<PartyDoc> out;
    while (s.next())
        out.push_back(readParty(s));
    Status st = s.status("searching parties");
    s.reset();
    if (!st.ok())
        return st.error();
    return out;
}

} // namespace market::core
