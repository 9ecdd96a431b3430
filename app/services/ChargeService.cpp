#include "ChargeService.h"

#include "CatalogService.h"
#include "Validation.h"
#include "store/Journal.h"
#include "store/Store.h"

namespace market::core {

namespace {
constexpr const char* kColumns = "SELECT id, shop_id, code, name, basis, rate, payer, product_id, active, "
                                 "version FROM charge ";

ChargeDoc readCharge(Statement& s) {
    ChargeDoc d;
    d.rule.id = s.uuid(0);
    d.shopId = s.uuid(1);
    d.rule.code = s.text(2);
    d.rule.name = s.text(3);
    d.rule.basis = chargeBasisFromName(s.text(4)).value_or(ChargeBasis::Percent);
    d.rule.rate = s.int64(5);
    d.rule.payer = chargePayerFromName(s.text(6)).value_or(ChargePayer::Buyer);
    d.rule.productId = s.optionalUuid(7);
    d.active = s.int64(8) != 0;
    d.version = s.int64(9);
    return d;
}
} // namespace

Result<std::optional<ChargeDoc>> ChargeService::activeByCode(const QString& code) {
    static const QByteArray sql = QByteArray(kColumns) + "WHERE active = 1 AND code = ?1";
    Statement& s = m_store.db().prepare(sql.constData());
    s.bind(1, code);
    std::optional<ChargeDoc> found;
    if (s.next())
        found = readCharge(s);
    Status st = s.status("reading a charge");
    s.reset();
    if (!st.ok())
        return st.error();
    return found;
}

Status ChargeService::writeRetired(const Session& actor, const ChargeDoc& before) {
    MARKET_TRY(m_store.db()
                   .prepare("UPDATE charge SET active = 0 WHERE id = ?1")
                   .bind(1, before.rule.id)
                   .exec("retiring a charge"));
    ChargeDoc retired = before;
    retired.active = false;
    return Journal::record(m_store, JournalEntry{actor.userId, QStringLiteral("charge.retire"),
                                                 QStringLiteral("charge"), retired.rule.id, before.toJson(),
                                                 retired.toJson(), op::kChargeUpsert, retired.toJson()});
}

Result<ChargeDoc> ChargeService::set(const Session& actor, const ChargeRule& input) {
    MARKET_TRY(require(actor, Permission::ManageCatalog));
    ChargeRule rule = input;
    auto code = Validation::code(rule.code, tr("Charge code"), 20);
    if (!code.ok())
        return code.error();
    rule.code = code->toUpper();
    auto name = Validation::name(rule.name, tr("Charge name"), 60);
    if (!name.ok())
        return name.error();
    rule.name = *name;
    MARKET_TRY(rule.validate());
    if (rule.productId) {
        auto p = CatalogService(m_store).product(*rule.productId);
        if (!p.ok())
            return p.error();
    }

    StoreTransaction tx(m_store.db());
    MARKET_TRY(tx.begun());
    auto before = activeByCode(rule.code);
    if (!before.ok())
        return before.error();
    if (!*before) {
        auto current = active();
        if (!current.ok())
            return current.error();
        if (current->size() >= static_cast<size_t>(kMaxActive))
            return Error{ErrorCode::InvalidInput,
                         tr("A shop can have at most %1 charges; retire one first.").arg(kMaxActive)};
    }
    ChargeDoc d;
    d.shopId = actor.shopId;
    d.rule = rule;
    d.rule.id = m_store.newId();
    d.version = *before ? (*before)->version + 1 : 1;
    if (*before)
        MARKET_TRY(writeRetired(actor, **before));
    MARKET_TRY(m_store.db()
                   .prepare("INSERT INTO charge (id, shop_id, code, name, basis, rate, payer, product_id, "
                            "active, version) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,1,?9)")
                   .bind(1, d.rule.id)
                   .bind(2, d.shopId)
                   .bind(3, d.rule.code)
                   .bind(4, d.rule.name)
                   .bind(5, chargeBasisName(d.rule.basis))
                   .bind(6, d.rule.rate)
                   .bind(7, chargePayerName(d.rule.payer))
                   .bind(8, d.rule.productId)
                   .bind(9, d.version)
                   .exec("writing a charge"));
    const QJsonObject json = d.toJson();
    MARKET_TRY(Journal::record(
        m_store, JournalEntry{actor.userId, QStringLiteral("charge.set"), QStringLiteral("charge"), d.rule.id,
                              *before ? (*before)->toJson() : QJsonObject{}, json, op::kChargeUpsert, json}));
    MARKET_TRY(tx.commit());
    return d;
}

Status ChargeService::retire(const Session& actor, const QString& code) {
    MARKET_TRY(require(actor, Permission::ManageCatalog));
    StoreTransaction tx(m_store.db());
    MARKET_TRY(tx.begun());
    auto before = activeByCode(code.trimmed().toUpper());
    if (!before.ok())
        return before.error();
    if (!*before)
        return Error{ErrorCode::NotFound, tr("There is no active charge %1.").arg(code.trimmed())};
    MARKET_TRY(writeRetired(actor, **before));
    return tx.commit();
}

Result<std::vector<ChargeDoc>> ChargeService::active() {
    static const QByteArray sql = QByteArray(kColumns) + "WHERE active = 1 ORDER BY code";
    Statement& s = m_store.db().prepare(sql.constData());
    std::vector<ChargeDoc> out;
    while (s.next())
        out.push_back(readCharge(s));
    Status st = s.status("reading the charges");
    s.reset();
    if (!st.ok())
        return st.error();
    return out;
}

Result<std::vector<ChargeRule>> ChargeService::stack() {
    auto docs = active();
    if (!docs.ok())
        return docs.error();
    std::vector<ChargeRule> out;
    out.reserve(docs->size());
    for (const auto& d : *docs)
        out.push_back(d.rule);
    return out;
}

} // namespace market::core
