#include "FarmerSoldTotals.h"

#include "domain/Documents.h"
#include "store/Database.h"

#include <chrono>

namespace market::core {

qint64 FarmerSoldTotals::monthBucket(qint64 atMs) {
    // Whole seconds first (integer division, as in SQLite), then the calendar date of those.
    using namespace std::chrono;
    const sys_seconds at{seconds{atMs / 1000}};
    const year_month_day date{floor<days>(at)};
    return qint64(int(date.year())) * 100 + qint64(unsigned(date.month()));
}

void FarmerSoldTotals::add(const SaleDoc& sale) {
    const qint64 month = monthBucket(sale.createdAtMs);
    const qint64 day = dayBucket(sale.createdAtMs);
    for (const auto& l : sale.lines) {
        Sold& b = m_balances[l.farmerId];
        b.amount += l.amount.minor();
        b.commission += l.commission.minor();
        b.net += l.farmerNet.minor();
        m_nets[{l.farmerId, 0, month}] += l.farmerNet.minor();
        m_nets[{l.farmerId, 1, day}] += l.farmerNet.minor();
    }
}

Status FarmerSoldTotals::addTo(Database& db) {
    // The upserts the v5/v6 triggers made per line, once per farmer and bucket.
    for (const auto& [farmer, s] : m_balances)
        MARKET_TRY(
            db.prepare("INSERT INTO farmer_balance (farmer_id, sold_amount, sold_commission, sold_net) "
                       "VALUES (?1,?2,?3,?4) ON CONFLICT (farmer_id) DO UPDATE SET "
                       "sold_amount = sold_amount + excluded.sold_amount, "
                       "sold_commission = sold_commission + excluded.sold_commission, "
                       "sold_net = sold_net + excluded.sold_net")
                .bind(1, farmer)
                .bind(2, s.amount)
                .bind(3, s.commission)
                .bind(4, s.net)
                .exec("adding the sold lines to the farmer's balance"));
    for (const auto& [key, net] : m_nets)
        MARKET_TRY(
            db.prepare("INSERT INTO farmer_bucket (farmer_id, grain, bucket, net) VALUES (?1,?2,?3,?4) "
                       "ON CONFLICT (farmer_id, grain, bucket) DO UPDATE SET net = net + excluded.net")
                .bind(1, std::get<0>(key))
                .bind(2, std::get<1>(key))
                .bind(3, std::get<2>(key))
                .bind(4, net)
                .exec("adding the sold lines to the farmer's month and day"));
    m_balances.clear();
    m_nets.clear();
    return okStatus();
}

Status rebuildFarmerTotals(Database& db) {
    // The definitions (the fills of schema v5 and v6).
    return db.execScript(R"SQL(
DELETE FROM farmer_balance;
DELETE FROM farmer_bucket;
INSERT INTO farmer_balance (farmer_id, sold_amount, sold_commission, sold_net)
  SELECT farmer_id, sum(amount), sum(commission), sum(farmer_net) FROM sale_line GROUP BY farmer_id;
INSERT INTO farmer_balance (farmer_id, returned_amount, returned_commission, returned_net)
  SELECT farmer_id, sum(amount), sum(commission), sum(farmer_net) FROM return_line WHERE true GROUP BY farmer_id
  ON CONFLICT (farmer_id) DO UPDATE SET returned_amount = excluded.returned_amount,
    returned_commission = excluded.returned_commission, returned_net = excluded.returned_net;
INSERT INTO farmer_balance (farmer_id, paid)
  SELECT farmer_id, sum(amount) FROM farmer_payment WHERE true GROUP BY farmer_id
  ON CONFLICT (farmer_id) DO UPDATE SET paid = excluded.paid;
INSERT INTO farmer_bucket (farmer_id, grain, bucket, net)
  SELECT l.farmer_id, 0, CAST(strftime('%Y%m', s.created_at_ms / 1000, 'unixepoch') AS INTEGER), sum(l.farmer_net)
  FROM sale_line l JOIN sale s ON s.id = l.sale_id GROUP BY 1, 3;
INSERT INTO farmer_bucket (farmer_id, grain, bucket, net)
  SELECT l.farmer_id, 1, s.created_at_ms / 86400000, sum(l.farmer_net)
  FROM sale_line l JOIN sale s ON s.id = l.sale_id GROUP BY 1, 3;
INSERT INTO farmer_bucket (farmer_id, grain, bucket, net)
  SELECT r.farmer_id, 0, CAST(strftime('%Y%m', s.created_at_ms / 1000, 'unixepoch') AS INTEGER), -sum(r.farmer_net)
  FROM return_line r JOIN sale_line l ON l.id = r.sale_line_id JOIN sale s ON s.id = l.sale_id WHERE true GROUP BY 1, 3
  ON CONFLICT (farmer_id, grain, bucket) DO UPDATE SET net = net + excluded.net;
INSERT INTO farmer_bucket (farmer_id, grain, bucket, net)
  SELECT r.farmer_id, 1, s.created_at_ms / 86400000, -sum(r.farmer_net)
  FROM return_line r JOIN sale_line l ON l.id = r.sale_line_id JOIN sale s ON s.id = l.sale_id WHERE true GROUP BY 1, 3
  ON CONFLICT (farmer_id, grain, bucket) DO UPDATE SET net = net + excluded.net;
)SQL",
                         "recomputing the farmers' totals");
}

} // namespace market::core
