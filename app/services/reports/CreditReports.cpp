#include "CreditReports.h"

#include "store/Store.h"

#include <algorithm>
#include <limits>

namespace market::core {

int ageingBucket(qint64 ageDays) {
    if (ageDays <= 7)
        return Age0To7;
    if (ageDays <= 30)
        return Age8To30;
    if (ageDays <= 60)
        return Age31To60;
    return AgeOver60;
}

Result<std::vector<CreditReports::Outstanding>> CreditReports::outstanding(const ReportFilter& filter) {
    const QByteArray sql = "SELECT p.id, p.code, p.name, p.credit_limit, "
                           "coalesce((SELECT sum(amount) FROM credit c WHERE c.buyer_id = p.id), 0) - "
                           "coalesce((SELECT sum(amount) FROM collection k WHERE k.buyer_id = p.id), 0) "
                           "FROM party p WHERE p.kind = 'buyer'" +
                           QByteArray(filter.buyerId ? " AND p.id = ?1" : "");
    Statement& s = m_store.db().prepare(sql.constData());
    if (filter.buyerId)
        s.bind(1, *filter.buyerId);
    std::vector<Outstanding> out;
    while (s.next())
        out.push_back(Outstanding{s.uuid(0), s.text(1), s.text(2), s.money(3), s.money(4)});
    Status st = s.status("summing buyers' outstanding credit");
    s.reset();
    if (!st.ok())
        return st.error();
    return out;
}

Result<std::vector<AgeingRow>> CreditReports::ageing(qint64 asOfMs, const ReportFilter& filter) {
    auto buyers = outstanding(filter);
    if (!buyers.ok())
        return buyers.error();
    // Newest credits first: under FIFO collection the outstanding amount is their open part.
    Statement& credits = m_store.db().prepare(
        "SELECT created_at_ms, amount FROM credit WHERE buyer_id = ?1 ORDER BY created_at_ms DESC, id DESC");
    std::vector<AgeingRow> out;
    for (const auto& b : *buyers) {
        if (b.outstanding <= Money{})
            continue;
        AgeingRow row{b.buyerId, b.code, b.name, b.creditLimit, b.outstanding, {}, 0};
        Money left = b.outstanding;
        credits.bind(1, b.buyerId);
        while (left > Money{} && credits.next()) {
            const Money open = std::min(left, credits.money(1));
            const qint64 age = std::max<qint64>(0, (asOfMs - credits.int64(0)) / reports::kDayMs);
            row.buckets[static_cast<size_t>(ageingBucket(age))] += open;
            row.oldestOpenDays = age;
            left -= open;
        }
        MARKET_TRY(credits.status("ageing a buyer's credits"));
        credits.reset();
        out.push_back(row);
    }
    std::sort(out.begin(), out.end(), [](const AgeingRow& a, const AgeingRow& b) {
        return a.outstanding != b.outstanding ? a.outstanding > b.outstanding : a.code < b.code;
    });
    return out;
}

Result<std::vector<UtilisationRow>> CreditReports::utilisation(const ReportFilter& filter) {
    auto buyers = outstanding(filter);
    if (!buyers.ok())
        return buyers.error();
    std::vector<UtilisationRow> out;
    for (const auto& b : *buyers) {
        if (b.creditLimit.isZero() && b.outstanding.isZero())
            continue;
        UtilisationRow r{b.buyerId, b.code, b.name, b.creditLimit, b.outstanding, std::nullopt};
        if (!b.creditLimit.isZero())
            r.utilisationBp = b.outstanding.minor() * 10000 / b.creditLimit.minor();
        out.push_back(r);
    }
    std::sort(out.begin(), out.end(), [](const UtilisationRow& a, const UtilisationRow& b) {
        // No limit with credit outstanding is the most urgent; then by use.
        const qint64 ua = a.utilisationBp.value_or(std::numeric_limits<qint64>::max());
        const qint64 ub = b.utilisationBp.value_or(std::numeric_limits<qint64>::max());
        return ua != ub ? ua > ub : a.code < b.code;
    });
    return out;
}

Result<std::vector<FarmerBalance>> CreditReports::farmerPayables(const ReportFilter& filter) {
    if (!filter.farmerId)
        return ReportService(m_store).farmerBalances();
    Statement& s = m_store.db().prepare(
        "SELECT p.id, p.code, p.name, coalesce(b.sold_amount - b.returned_amount, 0), "
        "coalesce(b.sold_commission - b.returned_commission, 0), coalesce(b.sold_net - b.returned_net, 0), "
        "coalesce(b.paid, 0) FROM party p LEFT JOIN farmer_balance b ON b.farmer_id = p.id "
        "WHERE p.kind = 'farmer' AND p.id = ?1");
    s.bind(1, *filter.farmerId);
    std::vector<FarmerBalance> out;
    while (s.next()) {
        FarmerBalance b{s.uuid(0), s.text(1), s.text(2), s.money(3), s.money(4), s.money(5), s.money(6), {}};
        b.payable = b.farmerNet - b.paid;
        out.push_back(b);
    }
    Status st = s.status("reading a farmer's payable");
    s.reset();
    if (!st.ok())
        return st.error();
    return out;
}

} // namespace market::core
