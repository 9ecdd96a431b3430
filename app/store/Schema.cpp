#include "Schema.h"

#include "Database.h"

#include <QCoreApplication>
#include <array>

namespace market::core {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(Schema)
};

// Version 1: the core ledger of a shop's day.
constexpr const char* kV1 = R"SQL(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
-- Gapless per-store counters (outbox, audit, receipts, lots), advanced inside the writing transaction.
CREATE TABLE counter (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;

CREATE TABLE shop (
  id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
  currency TEXT NOT NULL CHECK (currency IN ('INR','USD','EUR','GBP')),
  time_zone TEXT NOT NULL, version INTEGER NOT NULL);

CREATE TABLE terminal (
  id TEXT PRIMARY KEY, shop_id TEXT NOT NULL REFERENCES shop(id), number INTEGER NOT NULL,
  name TEXT NOT NULL, version INTEGER NOT NULL, UNIQUE (shop_id, number));

CREATE TABLE app_user (
  id TEXT PRIMARY KEY, shop_id TEXT NOT NULL REFERENCES shop(id), username TEXT NOT NULL,
  display_name TEXT NOT NULL, role TEXT NOT NULL CHECK (role IN ('owner','manager','cashier')),
  password_hash TEXT NOT NULL, pin_hash TEXT NOT NULL DEFAULT '', active INTEGER NOT NULL DEFAULT 1,
  version INTEGER NOT NULL,
  failed_attempts INTEGER NOT NULL DEFAULT 0, locked_until_ms INTEGER NOT NULL DEFAULT 0,
  UNIQUE (shop_id, username));

CREATE TABLE party (
  id TEXT PRIMARY KEY, shop_id TEXT NOT NULL REFERENCES shop(id),
  kind TEXT NOT NULL CHECK (kind IN ('farmer','buyer')), code TEXT NOT NULL, name TEXT NOT NULL,
  name_fold TEXT NOT NULL, phone TEXT NOT NULL DEFAULT '',
  credit_limit INTEGER NOT NULL DEFAULT 0 CHECK (credit_limit >= 0),
  active INTEGER NOT NULL DEFAULT 1, version INTEGER NOT NULL, UNIQUE (shop_id, code));
CREATE INDEX party_name ON party (kind, name_fold);
CREATE INDEX party_phone ON party (phone);
CREATE INDEX party_code ON party (kind, code);

CREATE TABLE product (
  id TEXT PRIMARY KEY, shop_id TEXT NOT NULL REFERENCES shop(id), code TEXT NOT NULL,
  name TEXT NOT NULL, name_fold TEXT NOT NULL,
  category TEXT NOT NULL CHECK (category IN ('flower','vegetable','fruit','grain','other')),
  unit TEXT NOT NULL CHECK (unit IN ('kg','quintal','crate','bunch','dozen','piece')),
  active INTEGER NOT NULL DEFAULT 1, version INTEGER NOT NULL, UNIQUE (shop_id, code));
CREATE INDEX product_name ON product (name_fold);
CREATE INDEX product_code ON product (code);

CREATE TABLE commission_rule (
  id TEXT PRIMARY KEY, shop_id TEXT NOT NULL REFERENCES shop(id),
  product_id TEXT REFERENCES product(id), kind TEXT NOT NULL CHECK (kind IN ('flat','slab')),
  rate_bp INTEGER NOT NULL CHECK (rate_bp BETWEEN 0 AND 10000), slabs TEXT NOT NULL DEFAULT '[]',
  active INTEGER NOT NULL DEFAULT 1, version INTEGER NOT NULL);
CREATE UNIQUE INDEX commission_rule_scope ON commission_rule (shop_id, coalesce(product_id, '')) WHERE active = 1;

CREATE TABLE lot (
  id TEXT PRIMARY KEY, shop_id TEXT NOT NULL REFERENCES shop(id), terminal_id TEXT NOT NULL,
  code TEXT NOT NULL, farmer_id TEXT NOT NULL REFERENCES party(id),
  product_id TEXT NOT NULL REFERENCES product(id),
  received_qty INTEGER NOT NULL CHECK (received_qty > 0), packages INTEGER NOT NULL DEFAULT 0,
  gross_qty INTEGER NOT NULL DEFAULT 0, tare_qty INTEGER NOT NULL DEFAULT 0,
  grade TEXT NOT NULL DEFAULT '', vehicle TEXT NOT NULL DEFAULT '', notes TEXT NOT NULL DEFAULT '',
  received_at_ms INTEGER NOT NULL, created_by TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','closed','discarded','returned')),
  UNIQUE (shop_id, code));
CREATE INDEX lot_product ON lot (product_id, status);
CREATE INDEX lot_farmer ON lot (farmer_id, received_at_ms);
CREATE INDEX lot_status ON lot (status, received_at_ms);

CREATE TABLE lot_status_event (
  id TEXT PRIMARY KEY, lot_id TEXT NOT NULL REFERENCES lot(id), from_status TEXT NOT NULL,
  to_status TEXT NOT NULL, reason TEXT NOT NULL DEFAULT '', at_ms INTEGER NOT NULL, by_user TEXT NOT NULL);

CREATE TABLE sale (
  id TEXT PRIMARY KEY, shop_id TEXT NOT NULL REFERENCES shop(id), terminal_id TEXT NOT NULL,
  receipt_seq INTEGER NOT NULL, receipt_no TEXT NOT NULL UNIQUE,
  buyer_id TEXT REFERENCES party(id), walkin_name TEXT NOT NULL DEFAULT '',
  walkin_phone TEXT NOT NULL DEFAULT '', cashier_id TEXT NOT NULL, created_at_ms INTEGER NOT NULL,
  total INTEGER NOT NULL, tendered INTEGER NOT NULL, change_given INTEGER NOT NULL,
  paid INTEGER NOT NULL, credit INTEGER NOT NULL CHECK (credit >= 0),
  override_by TEXT, override_reason TEXT NOT NULL DEFAULT '',
  CHECK (paid + credit = total), UNIQUE (terminal_id, receipt_seq));
CREATE INDEX sale_time ON sale (created_at_ms);
CREATE INDEX sale_buyer ON sale (buyer_id, created_at_ms);
CREATE INDEX sale_cashier ON sale (cashier_id, created_at_ms);

CREATE TABLE sale_line (
  id TEXT PRIMARY KEY, sale_id TEXT NOT NULL REFERENCES sale(id), line_no INTEGER NOT NULL,
  lot_id TEXT NOT NULL REFERENCES lot(id), product_id TEXT NOT NULL, farmer_id TEXT NOT NULL,
  qty INTEGER NOT NULL CHECK (qty > 0), price INTEGER NOT NULL CHECK (price > 0),
  amount INTEGER NOT NULL, commission_bp INTEGER NOT NULL, commission INTEGER NOT NULL,
  farmer_net INTEGER NOT NULL, CHECK (farmer_net + commission = amount), UNIQUE (sale_id, line_no));
CREATE INDEX sale_line_lot ON sale_line (lot_id);
CREATE INDEX sale_line_farmer ON sale_line (farmer_id);
CREATE INDEX sale_line_product ON sale_line (product_id);

CREATE TABLE sale_payment (
  id TEXT PRIMARY KEY, sale_id TEXT NOT NULL REFERENCES sale(id),
  method TEXT NOT NULL CHECK (method IN ('cash','upi','card','bank','cheque','wallet')),
  amount INTEGER NOT NULL CHECK (amount > 0), reference TEXT NOT NULL DEFAULT '');
CREATE INDEX sale_payment_sale ON sale_payment (sale_id);

CREATE TABLE credit (
  id TEXT PRIMARY KEY, sale_id TEXT NOT NULL UNIQUE REFERENCES sale(id),
  buyer_id TEXT NOT NULL REFERENCES party(id), amount INTEGER NOT NULL CHECK (amount > 0),
  created_at_ms INTEGER NOT NULL);
CREATE INDEX credit_buyer ON credit (buyer_id, created_at_ms, id);

CREATE TABLE credit_detail (
  id TEXT PRIMARY KEY, credit_id TEXT NOT NULL REFERENCES credit(id), farmer_id TEXT,
  amount INTEGER NOT NULL CHECK (amount >= 0));
CREATE INDEX credit_detail_credit ON credit_detail (credit_id);

CREATE TABLE collection (
  id TEXT PRIMARY KEY, shop_id TEXT NOT NULL REFERENCES shop(id), terminal_id TEXT NOT NULL,
  buyer_id TEXT NOT NULL REFERENCES party(id), amount INTEGER NOT NULL CHECK (amount > 0),
  method TEXT NOT NULL, reference TEXT NOT NULL DEFAULT '', cashier_id TEXT NOT NULL,
  at_ms INTEGER NOT NULL);
CREATE INDEX collection_buyer ON collection (buyer_id, at_ms);
CREATE INDEX collection_time ON collection (at_ms);

CREATE TABLE collection_allocation (
  id TEXT PRIMARY KEY, collection_id TEXT NOT NULL REFERENCES collection(id),
  credit_id TEXT NOT NULL REFERENCES credit(id), credit_detail_id TEXT NOT NULL REFERENCES credit_detail(id),
  farmer_id TEXT, amount INTEGER NOT NULL CHECK (amount > 0));
CREATE INDEX allocation_credit ON collection_allocation (credit_id);
CREATE INDEX allocation_detail ON collection_allocation (credit_detail_id);

CREATE TABLE farmer_payment (
  id TEXT PRIMARY KEY, shop_id TEXT NOT NULL REFERENCES shop(id), terminal_id TEXT NOT NULL,
  farmer_id TEXT NOT NULL REFERENCES party(id), kind TEXT NOT NULL CHECK (kind IN ('advance','settlement')),
  amount INTEGER NOT NULL CHECK (amount > 0), method TEXT NOT NULL, reference TEXT NOT NULL DEFAULT '',
  paid_by TEXT NOT NULL, at_ms INTEGER NOT NULL);
CREATE INDEX farmer_payment_farmer ON farmer_payment (farmer_id, at_ms);

CREATE TABLE commission_confirmation (
  id TEXT PRIMARY KEY, sale_id TEXT NOT NULL UNIQUE REFERENCES sale(id), confirmed_by TEXT NOT NULL,
  at_ms INTEGER NOT NULL);

-- Append-only, hash-chained per terminal: hash = SHA-256(prev_hash || "\n" || canonical JSON).
CREATE TABLE audit_log (
  id TEXT PRIMARY KEY, terminal_id TEXT NOT NULL, seq INTEGER NOT NULL, user_id TEXT NOT NULL,
  at_ms INTEGER NOT NULL, action TEXT NOT NULL, entity TEXT NOT NULL, entity_id TEXT NOT NULL,
  before_json TEXT, after_json TEXT, prev_hash TEXT NOT NULL, hash TEXT NOT NULL,
  UNIQUE (terminal_id, seq));
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

-- Transactional outbox: written with the change, removed only after the server acknowledged it.
CREATE TABLE outbox (
  seq INTEGER PRIMARY KEY, op_id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, at_ms INTEGER NOT NULL,
  payload TEXT NOT NULL, audit TEXT NOT NULL, state TEXT NOT NULL DEFAULT 'pending');
)SQL";

// Version 2: the back office — settings, farmer payments (table exists since v1), stock
// adjustments, expenses and cash sessions.
constexpr const char* kV2 = R"SQL(
-- Shop settings that travel with the shop (commission payer, approval thresholds, ...).
CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL, version INTEGER NOT NULL) WITHOUT ROWID;

-- qty > 0 takes stock out of the lot, qty < 0 puts it back (a correction upwards).
CREATE TABLE stock_adjustment (
  id TEXT PRIMARY KEY, shop_id TEXT NOT NULL REFERENCES shop(id), terminal_id TEXT NOT NULL,
  lot_id TEXT NOT NULL REFERENCES lot(id), qty INTEGER NOT NULL CHECK (qty <> 0),
  reason TEXT NOT NULL CHECK (reason IN ('quality_issue','damage','theft','correction','expired',
                                         'returned_to_farmer')),
  note TEXT NOT NULL DEFAULT '', estimated_value INTEGER NOT NULL DEFAULT 0, recorded_by TEXT NOT NULL,
  approved_by TEXT, at_ms INTEGER NOT NULL);
CREATE INDEX stock_adjustment_lot ON stock_adjustment (lot_id);
CREATE INDEX stock_adjustment_time ON stock_adjustment (at_ms);

CREATE TABLE expense (
  id TEXT PRIMARY KEY, shop_id TEXT NOT NULL REFERENCES shop(id), terminal_id TEXT NOT NULL,
  category TEXT NOT NULL CHECK (category IN ('wage','rent','utility','transport','supplies','other')),
  amount INTEGER NOT NULL CHECK (amount > 0), method TEXT NOT NULL, note TEXT NOT NULL DEFAULT '',
  recorded_by TEXT NOT NULL, at_ms INTEGER NOT NULL);
CREATE INDEX expense_time ON expense (at_ms);

CREATE TABLE cash_session (
  id TEXT PRIMARY KEY, shop_id TEXT NOT NULL REFERENCES shop(id), terminal_id TEXT NOT NULL,
  opened_by TEXT NOT NULL, opened_at_ms INTEGER NOT NULL,
  opening_float INTEGER NOT NULL CHECK (opening_float >= 0),
  closed_by TEXT, closed_at_ms INTEGER, expected INTEGER, counted INTEGER, variance INTEGER,
  denominations TEXT NOT NULL DEFAULT '[]');
-- At most one open drawer per terminal.
CREATE UNIQUE INDEX cash_session_open ON cash_session (terminal_id) WHERE closed_at_ms IS NULL;
CREATE INDEX cash_session_time ON cash_session (terminal_id, opened_at_ms);

CREATE TABLE cash_movement (
  id TEXT PRIMARY KEY, session_id TEXT NOT NULL REFERENCES cash_session(id),
  direction TEXT NOT NULL CHECK (direction IN ('in','out')), amount INTEGER NOT NULL CHECK (amount > 0),
  reason TEXT NOT NULL, by_user TEXT NOT NULL, at_ms INTEGER NOT NULL);
CREATE INDEX cash_movement_session ON cash_movement (session_id);

CREATE INDEX farmer_payment_time ON farmer_payment (at_ms);
CREATE INDEX sale_terminal_time ON sale (terminal_id, created_at_ms);
CREATE INDEX collection_terminal_time ON collection (terminal_id, at_ms);
)SQL";

// Version 3: returns against an original sale.
constexpr const char* kV3 = R"SQL(
CREATE TABLE sale_return (
  id TEXT PRIMARY KEY, shop_id TEXT NOT NULL REFERENCES shop(id), terminal_id TEXT NOT NULL,
  sale_id TEXT NOT NULL REFERENCES sale(id), buyer_id TEXT REFERENCES party(id),
  total INTEGER NOT NULL CHECK (total > 0), credit_reduction INTEGER NOT NULL CHECK (credit_reduction >= 0),
  refund INTEGER NOT NULL CHECK (refund >= 0), refund_method TEXT NOT NULL, reason TEXT NOT NULL,
  by_user TEXT NOT NULL, at_ms INTEGER NOT NULL, CHECK (credit_reduction + refund = total));
CREATE INDEX sale_return_sale ON sale_return (sale_id);
CREATE INDEX sale_return_time ON sale_return (terminal_id, at_ms);
CREATE INDEX sale_return_buyer ON sale_return (buyer_id);

CREATE TABLE return_line (
  id TEXT PRIMARY KEY, return_id TEXT NOT NULL REFERENCES sale_return(id),
  sale_line_id TEXT NOT NULL REFERENCES sale_line(id), lot_id TEXT NOT NULL REFERENCES lot(id),
  product_id TEXT NOT NULL, farmer_id TEXT NOT NULL, qty INTEGER NOT NULL CHECK (qty > 0),
  amount INTEGER NOT NULL, commission INTEGER NOT NULL, farmer_net INTEGER NOT NULL,
  CHECK (farmer_net + commission = amount));
CREATE INDEX return_line_sale_line ON return_line (sale_line_id);
CREATE INDEX return_line_lot ON return_line (lot_id);
CREATE INDEX return_line_farmer ON return_line (farmer_id);

-- A return that reduces what the buyer still owes on the bill.
CREATE TABLE return_allocation (
  id TEXT PRIMARY KEY, return_id TEXT NOT NULL REFERENCES sale_return(id),
  credit_id TEXT NOT NULL REFERENCES credit(id), credit_detail_id TEXT NOT NULL REFERENCES credit_detail(id),
  farmer_id TEXT, amount INTEGER NOT NULL CHECK (amount > 0));
CREATE INDEX return_allocation_credit ON return_allocation (credit_id);
CREATE INDEX return_allocation_detail ON return_allocation (credit_detail_id);
)SQL";

// Version 4: the sync engine. Operations the server acknowledged as quarantined (or that the
// counter's own pre-check found unusable) stay visible here after they left the outbox; they never
// block the queue. A "server" row may stand for several operations of one pushed range.
constexpr const char* kV4 = R"SQL(
CREATE TABLE sync_quarantine (
  id INTEGER PRIMARY KEY, first_seq INTEGER NOT NULL, last_seq INTEGER NOT NULL,
  count INTEGER NOT NULL CHECK (count > 0), op_id TEXT, type TEXT, reason TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('counter', 'server')), envelope TEXT, at_ms INTEGER NOT NULL,
  CHECK (last_seq >= first_seq));
CREATE INDEX sync_quarantine_seq ON sync_quarantine (first_seq);
)SQL";

// Version 5: running totals per farmer, kept by triggers so that every writer (the services
// today, the sync engine's pull next) keeps them exact in the same transaction. The whole-shop
// payables and the completion report read them instead of summing every line ever sold.
// Sold lines, returned lines and farmer payments are append-only, which the triggers enforce.
constexpr const char* kV5 = R"SQL(
CREATE TABLE farmer_balance (
  farmer_id TEXT PRIMARY KEY REFERENCES party(id),
  sold_amount INTEGER NOT NULL DEFAULT 0, sold_commission INTEGER NOT NULL DEFAULT 0,
  sold_net INTEGER NOT NULL DEFAULT 0, returned_amount INTEGER NOT NULL DEFAULT 0,
  returned_commission INTEGER NOT NULL DEFAULT 0, returned_net INTEGER NOT NULL DEFAULT 0,
  paid INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
INSERT INTO farmer_balance (farmer_id, sold_amount, sold_commission, sold_net)
  SELECT farmer_id, sum(amount), sum(commission), sum(farmer_net) FROM sale_line GROUP BY farmer_id;
INSERT INTO farmer_balance (farmer_id, returned_amount, returned_commission, returned_net)
  SELECT farmer_id, sum(amount), sum(commission), sum(farmer_net) FROM return_line WHERE true GROUP BY farmer_id
  ON CONFLICT (farmer_id) DO UPDATE SET returned_amount = excluded.returned_amount,
    returned_commission = excluded.returned_commission, returned_net = excluded.returned_net;
INSERT INTO farmer_balance (farmer_id, paid)
  SELECT farmer_id, sum(amount) FROM farmer_payment WHERE true GROUP BY farmer_id
  ON CONFLICT (farmer_id) DO UPDATE SET paid = excluded.paid;

CREATE TRIGGER farmer_balance_sold AFTER INSERT ON sale_line BEGIN
  INSERT INTO farmer_balance (farmer_id, sold_amount, sold_commission, sold_net)
    VALUES (NEW.farmer_id, NEW.amount, NEW.commission, NEW.farmer_net)
    ON CONFLICT (farmer_id) DO UPDATE SET sold_amount = sold_amount + excluded.sold_amount,
      sold_commission = sold_commission + excluded.sold_commission, sold_net = sold_net + excluded.sold_net;
END;
CREATE TRIGGER farmer_balance_returned AFTER INSERT ON return_line BEGIN
  INSERT INTO farmer_balance (farmer_id, returned_amount, returned_commission, returned_net)
    VALUES (NEW.farmer_id, NEW.amount, NEW.commission, NEW.farmer_net)
    ON CONFLICT (farmer_id) DO UPDATE SET returned_amount = returned_amount + excluded.returned_amount,
      returned_commission = returned_commission + excluded.returned_commission,
      returned_net = returned_net + excluded.returned_net;
END;
CREATE TRIGGER farmer_balance_paid AFTER INSERT ON farmer_payment BEGIN
  INSERT INTO farmer_balance (farmer_id, paid) VALUES (NEW.farmer_id, NEW.amount)
    ON CONFLICT (farmer_id) DO UPDATE SET paid = paid + excluded.paid;
END;
CREATE TRIGGER sale_line_no_update BEFORE UPDATE ON sale_line
  BEGIN SELECT RAISE(ABORT, 'sold lines are append-only'); END;
CREATE TRIGGER sale_line_no_delete BEFORE DELETE ON sale_line
  BEGIN SELECT RAISE(ABORT, 'sold lines are append-only'); END;
CREATE TRIGGER return_line_no_update BEFORE UPDATE ON return_line
  BEGIN SELECT RAISE(ABORT, 'returned lines are append-only'); END;
CREATE TRIGGER return_line_no_delete BEFORE DELETE ON return_line
  BEGIN SELECT RAISE(ABORT, 'returned lines are append-only'); END;
CREATE TRIGGER farmer_payment_no_update BEFORE UPDATE ON farmer_payment
  BEGIN SELECT RAISE(ABORT, 'farmer payments are append-only'); END;
CREATE TRIGGER farmer_payment_no_delete BEFORE DELETE ON farmer_payment
  BEGIN SELECT RAISE(ABORT, 'farmer payments are append-only'); END;
)SQL";

// Version 6: each farmer's net (sold less returned) per calendar month and per day of the sale,
// kept by triggers like farmer_balance. A farmer's running net before any instant is then at
// most ~24 month rows + ~30 day rows + the lines of one partial day, whatever the history.
// grain 0 = month (YYYYMM, UTC), grain 1 = day (days since 1970-01-01, UTC).
constexpr const char* kV6 = R"SQL(
CREATE TABLE farmer_bucket (
  farmer_id TEXT NOT NULL REFERENCES party(id), grain INTEGER NOT NULL CHECK (grain IN (0, 1)),
  bucket INTEGER NOT NULL, net INTEGER NOT NULL, PRIMARY KEY (farmer_id, grain, bucket)) WITHOUT ROWID;
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

CREATE TRIGGER farmer_bucket_sold AFTER INSERT ON sale_line BEGIN
  INSERT INTO farmer_bucket (farmer_id, grain, bucket, net)
    SELECT NEW.farmer_id, 0, CAST(strftime('%Y%m', s.created_at_ms / 1000, 'unixepoch') AS INTEGER), NEW.farmer_net
    FROM sale s WHERE s.id = NEW.sale_id
    ON CONFLICT (farmer_id, grain, bucket) DO UPDATE SET net = net + excluded.net;
  INSERT INTO farmer_bucket (farmer_id, grain, bucket, net)
    SELECT NEW.farmer_id, 1, s.created_at_ms / 86400000, NEW.farmer_net FROM sale s WHERE s.id = NEW.sale_id
    ON CONFLICT (farmer_id, grain, bucket) DO UPDATE SET net = net + excluded.net;
END;
CREATE TRIGGER farmer_bucket_returned AFTER INSERT ON return_line BEGIN
  INSERT INTO farmer_bucket (farmer_id, grain, bucket, net)
    SELECT NEW.farmer_id, 0, CAST(strftime('%Y%m', s.created_at_ms / 1000, 'unixepoch') AS INTEGER), -NEW.farmer_net
    FROM sale_line l JOIN sale s ON s.id = l.sale_id WHERE l.id = NEW.sale_line_id
    ON CONFLICT (farmer_id, grain, bucket) DO UPDATE SET net = net + excluded.net;
  INSERT INTO farmer_bucket (farmer_id, grain, bucket, net)
    SELECT NEW.farmer_id, 1, s.created_at_ms / 86400000, -NEW.farmer_net
    FROM sale_line l JOIN sale s ON s.id = l.sale_id WHERE l.id = NEW.sale_line_id
    ON CONFLICT (farmer_id, grain, bucket) DO UPDATE SET net = net + excluded.net;
END;
)SQL";

// Version 7: the charge stack (market fee, hamali, weighing, …) and who pays commission. Each
// sale line keeps the charges as applied; the line's arithmetic check then includes them (the
// CHECK text is rewritten in place by rewriteLineChecks below: no existing row changes meaning,
// since every old line has no charges and a farmer-paid commission).
constexpr const char* kV7 = R"SQL(
CREATE TABLE charge (
  id TEXT PRIMARY KEY, shop_id TEXT NOT NULL REFERENCES shop(id), code TEXT NOT NULL, name TEXT NOT NULL,
  basis TEXT NOT NULL CHECK (basis IN ('percent','per_unit','per_package','per_line','per_bill')),
  rate INTEGER NOT NULL CHECK (rate >= 0), payer TEXT NOT NULL CHECK (payer IN ('buyer','farmer')),
  product_id TEXT REFERENCES product(id), active INTEGER NOT NULL DEFAULT 1, version INTEGER NOT NULL);
CREATE UNIQUE INDEX charge_active_code ON charge (shop_id, code) WHERE active = 1;

-- No column CHECKs here: SQLite would scan every existing row to test them (~20 s on a
-- 3,000,000-line store). rewriteLineChecks puts them into the tables' CHECK text instead.
ALTER TABLE sale ADD COLUMN commission_by_buyer INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sale_line ADD COLUMN packages INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sale_line ADD COLUMN buyer_charges INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sale_line ADD COLUMN farmer_charges INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sale_line ADD COLUMN commission_by_buyer INTEGER NOT NULL DEFAULT 0;
ALTER TABLE return_line ADD COLUMN buyer_charges INTEGER NOT NULL DEFAULT 0;
ALTER TABLE return_line ADD COLUMN farmer_charges INTEGER NOT NULL DEFAULT 0;
ALTER TABLE return_line ADD COLUMN commission_by_buyer INTEGER NOT NULL DEFAULT 0;

CREATE TABLE sale_line_charge (
  sale_line_id TEXT NOT NULL REFERENCES sale_line(id), position INTEGER NOT NULL, charge_id TEXT NOT NULL,
  code TEXT NOT NULL, name TEXT NOT NULL, basis TEXT NOT NULL, rate INTEGER NOT NULL,
  payer TEXT NOT NULL CHECK (payer IN ('buyer','farmer')), amount INTEGER NOT NULL CHECK (amount >= 0),
  PRIMARY KEY (sale_line_id, position)) WITHOUT ROWID;
CREATE TRIGGER sale_line_charge_no_update BEFORE UPDATE ON sale_line_charge
  BEGIN SELECT RAISE(ABORT, 'applied charges are append-only'); END;
CREATE TRIGGER sale_line_charge_no_delete BEFORE DELETE ON sale_line_charge
  BEGIN SELECT RAISE(ABORT, 'applied charges are append-only'); END;
)SQL";

// Version 8: the sync engine's pull. Anomalies the server raised (oversold lots, credit limits
// crossed, ...) as the shop's feed carried them, for the counter to list; and feed documents that
// could not apply yet (a sale of a lot that has not arrived here, a name another entity already
// uses), parked with the reason and retried after every page, so one never blocks the feed.
constexpr const char* kV8 = R"SQL(
CREATE TABLE sync_anomaly (
  id TEXT PRIMARY KEY, kind TEXT NOT NULL, entity TEXT NOT NULL, entity_id TEXT NOT NULL,
  details TEXT NOT NULL DEFAULT '{}', position INTEGER NOT NULL, received_at_ms INTEGER NOT NULL);
CREATE INDEX sync_anomaly_position ON sync_anomaly (position);

CREATE TABLE sync_parked (
  position INTEGER PRIMARY KEY, type TEXT NOT NULL, entity_id TEXT NOT NULL, terminal_id TEXT,
  doc TEXT NOT NULL, reason TEXT NOT NULL, parked_at_ms INTEGER NOT NULL);
)SQL";

// Version 9: operations the server acknowledged are kept, not forgotten, so that after a restore
// of the server from an older backup (a new data epoch) this counter can upload them again in
// their original order, sequence numbers and audit chain (sync/PROTOCOL.md, "Restore").
constexpr const char* kV9 = R"SQL(
CREATE TABLE outbox_sent (
  seq INTEGER PRIMARY KEY, op_id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, at_ms INTEGER NOT NULL,
  payload TEXT NOT NULL, audit TEXT NOT NULL, acked_at_ms INTEGER NOT NULL);
)SQL";

// Version 10: sold lines are added to farmer_balance and farmer_bucket by the one writer of
// sale_line (insertSaleRows, app/services/DocumentRows.cpp, through FarmerSoldTotals) instead of by
// the v5/v6 triggers. Any AFTER INSERT trigger on sale_line, even one that does nothing, makes
// SQLite keep a statement journal for every line; with the triggers' own work (three upserts and
// two lookups of the sale per line) that was half the cost of applying another counter's sales.
// A page of the shop's feed now adds its lines once per farmer and bucket. Nothing stored changes
// meaning: the totals stay what they were. Returned lines and farmer payments keep their triggers.
constexpr const char* kV10 = R"SQL(
DROP TRIGGER farmer_balance_sold;
DROP TRIGGER farmer_bucket_sold;
)SQL";

// Version 11: an anomaly the owner or a manager resolved on the server (`anomaly.resolved` in the
// feed): when, and their note. The counter lists it as resolved and no longer counts it as open.
constexpr const char* kV11 = R"SQL(
ALTER TABLE sync_anomaly ADD COLUMN resolved_at_ms INTEGER;
ALTER TABLE sync_anomaly ADD COLUMN resolution TEXT;
)SQL";

// Version 12: the shop's current rate per product ("today's rate", minor units per unit), master
// data synced as `price.upsert` (app/domain/PriceDocument.h). A cleared rate keeps its row with a
// NULL price, so its version goes on counting. updated_by is the user who set it here, empty for a
// rate that came from the feed (another counter or the back office).
constexpr const char* kV12 = R"SQL(
CREATE TABLE product_price (
  product_id TEXT PRIMARY KEY REFERENCES product(id), price INTEGER CHECK (price IS NULL OR price > 0),
  version INTEGER NOT NULL CHECK (version >= 1), updated_at_ms INTEGER NOT NULL,
  updated_by TEXT NOT NULL) WITHOUT ROWID;
)SQL";

constexpr std::array<const char*, 12> kMigrations{kV1, kV2, kV3, kV4,  kV5,  kV6,
                                                  kV7, kV8, kV9, kV10, kV11, kV12};

/// Swaps the per-line CHECK of sale_line and return_line for one that counts farmer-side charges
/// and a buyer-paid commission. SQLite cannot ALTER a constraint; rebuilding a table of millions
/// of lines would take minutes at a counter, and this change reinterprets no stored row, which is
/// the case the SQLite manual allows for editing the schema text (lang_altertable.html, "otheralter").
Status rewriteLineChecks(Database& db) {
    struct Rewrite {
        const char* table;
        const char* from;
        const char* to;
    };
    static constexpr Rewrite kRewrites[] = {
        {"sale", "CHECK (paid + credit = total)",
         "CHECK (paid + credit = total AND commission_by_buyer IN (0, 1))"},
        {"sale_line", "CHECK (farmer_net + commission = amount)",
         "CHECK (farmer_net + farmer_charges + CASE commission_by_buyer WHEN 1 THEN 0 ELSE commission END = "
         "amount AND packages >= 0 AND buyer_charges >= 0 AND farmer_charges >= 0 AND commission_by_buyer IN "
         "(0, 1))"},
        {"return_line", "CHECK (farmer_net + commission = amount)",
         "CHECK (farmer_net + farmer_charges + CASE commission_by_buyer WHEN 1 THEN 0 ELSE commission END = "
         "amount AND buyer_charges >= 0 AND farmer_charges >= 0 AND commission_by_buyer IN (0, 1))"},
    };
    Statement& cookie = db.prepare("PRAGMA schema_version");
    if (!cookie.next())
        return cookie.status("reading the schema cookie").error();
    const qint64 schemaCookie = cookie.int64(0);
    cookie.reset();
    MARKET_TRY(db.execScript("PRAGMA writable_schema=ON", "unlocking the schema"));
    Status edited = okStatus();
    for (const auto& r : kRewrites) {
        if (!edited.ok())
            break;
        edited = db.prepare("UPDATE sqlite_schema SET sql = replace(sql, ?1, ?2) WHERE type = 'table' AND "
                            "name = ?3 AND instr(sql, ?1) > 0")
                     .bind(1, QString::fromLatin1(r.from))
                     .bind(2, QString::fromLatin1(r.to))
                     .bind(3, QString::fromLatin1(r.table))
                     .exec("rewriting a table's checks");
    }
    const QByteArray bump = "PRAGMA schema_version=" + QByteArray::number(schemaCookie + 1);
    Status bumped = edited.ok() ? db.execScript(bump, "reloading the schema") : edited;
    MARKET_TRY(db.execScript("PRAGMA writable_schema=OFF", "locking the schema"));
    MARKET_TRY(bumped);
    Statement& check = db.prepare("SELECT count(*) FROM sqlite_schema WHERE name IN ('sale', 'sale_line', "
                                  "'return_line') AND instr(sql, 'commission_by_buyer IN (0, 1))') > 0");
    const qint64 rewritten = check.next() ? check.int64(0) : 0;
    check.reset();
    if (rewritten != 3)
        return Error{ErrorCode::InvalidState, Tr::tr("The data file's sale tables are not in the expected "
                                                     "shape; the upgrade was not applied.")};
    return okStatus();
}
} // namespace

int latestSchemaVersion() {
    return static_cast<int>(kMigrations.size());
}

Result<int> schemaVersion(Database& db) {
    Statement& s = db.prepare("PRAGMA user_version");
    if (!s.next())
        return s.status("reading the schema version").error();
    const int v = static_cast<int>(s.int64(0));
    s.reset();
    return v;
}

Status migrateTo(Database& db, int target) {
    auto current = schemaVersion(db);
    if (!current.ok())
        return current.error();
    if (*current > latestSchemaVersion())
        return Error{ErrorCode::InvalidState,
                     Tr::tr("This data file was written by a newer version of the program (schema %1; this "
                            "program knows up to %2). Update the program; the data was not changed.")
                         .arg(*current)
                         .arg(latestSchemaVersion())};
    for (int v = *current; v < target; ++v) {
        StoreTransaction tx(db);
        MARKET_TRY(tx.begun());
        MARKET_TRY(db.execScript(kMigrations[static_cast<size_t>(v)], "applying a schema migration"));
        if (v + 1 == 7)
            MARKET_TRY(rewriteLineChecks(db));
        const QByteArray setVersion = "PRAGMA user_version=" + QByteArray::number(v + 1);
        MARKET_TRY(db.execScript(setVersion, "recording the schema version"));
        MARKET_TRY(tx.commit());
    }
    return okStatus();
}

Status migrate(Database& db) {
    return migrateTo(db, latestSchemaVersion());
}

} // namespace market::core
