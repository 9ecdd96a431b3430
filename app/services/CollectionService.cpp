#include "CollectionService.h"

#include "CashSessionService.h"
#include "DocumentRows.h"
#include "PartyService.h"
#include "Validation.h"
#include "domain/Allocation.h"
#include "store/Journal.h"
#include "store/Store.h"

namespace market::core {

namespace {
constexpr qint64 kDayMs = 86'400'000;

struct OpenDetail {
    Uuid creditId;
    Uuid detailId;
    std::optional<Uuid> farmerId;
    Money outstanding;
};
} // namespace

Result<Money> CollectionService::outstanding(const Uuid& buyerId) {
    // Σ collections = Σ their allocations, so dues = credits given − collections taken − credit
    // taken back by returns.
    Statement& s = m_store.db().prepare(
        "SELECT (SELECT coalesce(sum(amount), 0) FROM credit WHERE buyer_id = ?1) - "
        "(SELECT coalesce(sum(amount), 0) FROM collection WHERE buyer_id = ?1) - "
        "(SELECT coalesce(sum(credit_reduction), 0) FROM sale_return WHERE buyer_id = ?1)");
    s.bind(1, buyerId);
    Money out;
    if (s.next())
        out = s.money(0);
    Status st = s.status("reading the buyer's dues");
    s.reset();
    if (!st.ok())
        return st.error();
    return out;
}

Result<std::vector<OpenCredit>> CollectionService::openCredits(const Uuid& buyerId) {
    Statement& s = m_store.db().prepare(
        "SELECT * FROM (SELECT c.id, c.sale_id, s.receipt_no, c.created_at_ms, c.amount, "
        "coalesce((SELECT sum(a.amount) FROM collection_allocation a WHERE a.credit_id = c.id), 0) + "
        "coalesce((SELECT sum(a.amount) FROM return_allocation a WHERE a.credit_id = c.id), 0) AS paid "
        "FROM credit c JOIN sale s ON s.id = c.sale_id WHERE c.buyer_id = ?1) WHERE amount > paid "
        "ORDER BY created_at_ms, id");
    s.bind(1, buyerId);
    std::vector<OpenCredit> out;
    const qint64 now = m_store.nowMs();
    while (s.next()) {
        OpenCredit c;
        c.creditId = s.uuid(0);
        c.saleId = s.uuid(1);
        c.receiptNo = s.text(2);
        c.createdAtMs = s.int64(3);
        c.ageDays = std::max<qint64>(0, (now - c.createdAtMs) / kDayMs);
        c.amount = s.money(4);
        c.paid = s.money(5);
        c.outstanding = c.amount - c.paid;
        c.status = c.paid.isZero() ? CreditStatus::Pending : CreditStatus::Partial;
        out.push_back(c);
    }
    Status st = s.status("listing open credits");
    s.reset();
    if (!st.ok())
        return st.error();
    return out;
}

Result<std::vector<AllocationDoc>> CollectionService::allocate(const Uuid& buyerId, Money amount) {
    MARKET_TRY(Validation::positiveMoney(amount, tr("The amount")));
    auto buyer = PartyService(m_store).get(buyerId);
    if (!buyer.ok() || buyer->kind != PartyKind::Buyer)
        return Error{ErrorCode::NotFound, tr("No such buyer.")};
    auto due = outstanding(buyerId);
    if (!due.ok())
        return due.error();
    const Currency currency = m_store.identity() ? m_store.identity()->currency : Currency::INR;
    if (due->isZero())
        return Error{ErrorCode::Overpayment, tr("%1 owes nothing.").arg(buyer->name)};
    if (amount > *due)
        return Error{ErrorCode::Overpayment,
                     tr("%1 owes only %2; %3 is more than that.")
                         .arg(buyer->name, formatMoney(*due, currency), formatMoney(amount, currency))};

    // Open details, oldest credit first (FIFO); inside a credit in the order they were written.
    Statement& s = m_store.db().prepare("SELECT c.id, d.id, d.farmer_id, d.amount - coalesce((SELECT "
                                        "sum(a.amount) FROM collection_allocation a "
                                        "WHERE a.credit_detail_id = d.id), 0) - coalesce((SELECT "
                                        "sum(a.amount) FROM return_allocation a "
                                        "WHERE a.credit_detail_id = d.id), 0) AS open FROM credit c JOIN "
                                        "credit_detail d ON d.credit_id = c.id "
                                        "WHERE c.buyer_id = ?1 ORDER BY c.created_at_ms, c.id, d.rowid");
    s.bind(1, buyerId);
    std::vector<OpenDetail> details;
    while (s.next()) {
        const Money open = s.money(3);
        if (open.isPositive())
            details.push_back(OpenDetail{s.uuid(0), s.uuid(1), s.optionalUuid(2), open});
    }
    Status st = s.status("reading open credits");
    s.reset();
    if (!st.ok())
        return st.error();

    std::vector<AllocationDoc> out;
    Money left = amount;
    for (size_t i = 0; i < details.size() && left.isPositive();) {
        size_t j = i;
        Money creditOpen;
        std::vector<Money> caps;
        while (j < details.size() && details[j].creditId == details[i].creditId) {
            creditOpen += details[j].outstanding;
            caps.push_back(details[j].outstanding);
            ++j;
        }
        const Money take = std::min(left, creditOpen);
        const auto shares = allocateCapped(take, caps);
        for (size_t k = 0; k < shares.size(); ++k)
            if (shares[k].isPositive())
                out.push_back(AllocationDoc{Uuid{}, details[i + k].creditId, details[i + k].detailId,
                                            details[i + k].farmerId, shares[k]});
        left -= take;
        i = j;
    }
    if (!left.isZero())
        return Error{ErrorCode::Internal, tr("Credit details do not add up to the buyer's dues.")};
    return out;
}

Result<std::vector<AllocationDoc>> CollectionService::preview(const Uuid& buyerId, Money amount) {
    return allocate(buyerId, amount);
}

Result<CollectionDoc> CollectionService::collect(const Session& actor, const Uuid& buyerId, Money amount,
                                                 PaymentMethod method, const QString& reference) {
    MARKET_TRY(require(actor, Permission::Collect));
    auto ref = Validation::optionalText(reference, tr("Reference"), 200);
    if (!ref.ok())
        return ref.error();
    Database& db = m_store.db();
    StoreTransaction tx(db);
    MARKET_TRY(tx.begun());
    auto allocations = allocate(buyerId, amount);
    if (!allocations.ok())
        return allocations.error();
    if (method == PaymentMethod::Cash)
        MARKET_TRY(CashSessionService(m_store).requireOpenForCash());

    const auto& identity = *m_store.identity();
    CollectionDoc c;
    c.id = m_store.newId();
    c.shopId = identity.shopId;
    c.terminalId = identity.terminalId;
    c.buyerId = buyerId;
    c.amount = amount;
    c.method = method;
    c.reference = *ref;
    c.cashierId = actor.userId;
    c.atMs = m_store.nowMs();
    c.allocations = std::move(allocations).value();
    for (auto& a : c.allocations)
        a.id = m_store.newId();
    MARKET_TRY(c.verifyArithmetic());

    MARKET_TRY(insertCollectionRows(db, c));
    const QJsonObject json = c.toJson();
    MARKET_TRY(Journal::record(
        m_store, JournalEntry{actor.userId,
                              QStringLiteral("collection.create"),
                              QStringLiteral("collection"),
                              c.id,
                              {},
                              QJsonObject{{QStringLiteral("buyerId"), buyerId.toString()},
                                          {QStringLiteral("amount"), amount.minor()},
                                          {QStringLiteral("method"), paymentMethodName(method)}},
                              op::kCollectionRecorded,
                              json}));
    MARKET_TRY(tx.commit());
    return c;
}

} // namespace market::core
