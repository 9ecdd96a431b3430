#include "Migrations.h"

#include "Log.h"

#include <QString>
#include <pqxx/transaction>

namespace market::server {

namespace {

// v1: directory tables (global, server-only), shop-owned data tables with RLS, change feed.
// Shop-owned tables carry shop_id and a policy `shop_id = market_current_shop()`; the HTTP
// services reach them only as market_app (SET LOCAL ROLE), which owns nothing and cannot
// bypass RLS, with `market.shop_id` set per transaction.
const char* const kV1 = R"SQL(
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'market_app') THEN
    CREATE ROLE market_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE NOCREATEDB;
  END IF;
END $$;
DO $$ BEGIN
  EXECUTE format('GRANT market_app TO %I', current_user);
EXCEPTION WHEN others THEN NULL; -- already a member, or a superuser (needs no membership)
END $$;

CREATE FUNCTION market_current_shop() RETURNS uuid LANGUAGE sql STABLE AS
  $f$ SELECT nullif(current_setting('market.shop_id', true), '')::uuid $f$;

-- Directory: read by authentication before the shop is known. Never granted to market_app.
CREATE TABLE server_meta (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  epoch uuid NOT NULL,
  token_key text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE accounts (
  id uuid PRIMARY KEY,
  username text NOT NULL UNIQUE,
  password_hash text NOT NULL,
  role text NOT NULL CHECK (role IN ('owner', 'manager')),
  shop_id uuid,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((role = 'owner') = (shop_id IS NULL))
);
CREATE TABLE shops (
  id uuid PRIMARY KEY,
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  currency text NOT NULL DEFAULT 'INR',
  time_zone text NOT NULL DEFAULT 'Asia/Kolkata',
  owner_id uuid NOT NULL REFERENCES accounts(id),
  version bigint NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE accounts ADD FOREIGN KEY (shop_id) REFERENCES shops(id);
CREATE TABLE terminal_credentials (
  terminal_id uuid PRIMARY KEY,
  shop_id uuid NOT NULL REFERENCES shops(id),
  secret_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
CREATE TABLE enrol_codes (
  id uuid PRIMARY KEY,
  shop_id uuid NOT NULL REFERENCES shops(id),
  code_hash text NOT NULL UNIQUE,
  expires_at timestamptz NOT NULL,
  attempts int NOT NULL DEFAULT 0,
  used_at timestamptz,
  terminal_id uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX enrol_codes_open ON enrol_codes (shop_id) WHERE used_at IS NULL;

-- Shop-owned data.
CREATE TABLE terminals (
  id uuid PRIMARY KEY,
  shop_id uuid NOT NULL REFERENCES shops(id),
  number int NOT NULL,
  name text NOT NULL DEFAULT '',
  last_seq bigint NOT NULL DEFAULT 0,
  last_audit_seq bigint NOT NULL DEFAULT 0,
  last_audit_hash text NOT NULL DEFAULT repeat('0', 64),
  last_seen_at timestamptz,
  revoked_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (shop_id, number)
);
CREATE TABLE users (
  id uuid PRIMARY KEY, shop_id uuid NOT NULL REFERENCES shops(id),
  username text NOT NULL, role text NOT NULL, active boolean NOT NULL,
  version bigint NOT NULL, server_version bigint NOT NULL DEFAULT 1,
  doc jsonb NOT NULL, updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE parties (
  id uuid PRIMARY KEY, shop_id uuid NOT NULL REFERENCES shops(id),
  kind text NOT NULL CHECK (kind IN ('farmer', 'buyer')), code text NOT NULL, name text NOT NULL,
  phone text NOT NULL DEFAULT '', credit_limit bigint NOT NULL DEFAULT 0, active boolean NOT NULL,
  version bigint NOT NULL, server_version bigint NOT NULL DEFAULT 1,
  doc jsonb NOT NULL, updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX parties_shop_kind ON parties (shop_id, kind, code);
CREATE TABLE products (
  id uuid PRIMARY KEY, shop_id uuid NOT NULL REFERENCES shops(id),
  code text NOT NULL, name text NOT NULL, category text NOT NULL, unit text NOT NULL, active boolean NOT NULL,
  version bigint NOT NULL, server_version bigint NOT NULL DEFAULT 1,
  doc jsonb NOT NULL, updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE commission_rules (
  id uuid PRIMARY KEY, shop_id uuid NOT NULL REFERENCES shops(id),
  product_id uuid, kind text NOT NULL, active boolean NOT NULL,
  version bigint NOT NULL, server_version bigint NOT NULL DEFAULT 1,
  doc jsonb NOT NULL, updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE lots (
  id uuid PRIMARY KEY, shop_id uuid NOT NULL REFERENCES shops(id), terminal_id uuid NOT NULL,
  code text NOT NULL, farmer_id uuid NOT NULL, product_id uuid NOT NULL,
  received_qty bigint NOT NULL, packages bigint NOT NULL, gross_qty bigint NOT NULL, tare_qty bigint NOT NULL,
  grade text NOT NULL, vehicle text NOT NULL, notes text NOT NULL,
  received_at timestamptz NOT NULL, created_by uuid NOT NULL,
  status text NOT NULL DEFAULT 'active', op_id uuid NOT NULL
);
CREATE INDEX lots_shop_farmer ON lots (shop_id, farmer_id, received_at);
CREATE INDEX lots_shop_received ON lots (shop_id, received_at);
CREATE TABLE lot_status_events (
  id uuid PRIMARY KEY, shop_id uuid NOT NULL REFERENCES shops(id), lot_id uuid NOT NULL,
  from_status text NOT NULL, to_status text NOT NULL, reason text NOT NULL,
  at timestamptz NOT NULL, by_user uuid NOT NULL, terminal_id uuid NOT NULL
);
CREATE INDEX lot_status_events_lot ON lot_status_events (shop_id, lot_id);

-- Sales and their rows are partitioned by month of the sale time (monthly partitions are made
-- by market_ensure_partitions; a DEFAULT partition catches anything outside them).
CREATE TABLE sales (
  id uuid NOT NULL, shop_id uuid NOT NULL, terminal_id uuid NOT NULL,
  receipt_seq bigint NOT NULL, receipt_no text NOT NULL, buyer_id uuid,
  walkin_name text NOT NULL, walkin_phone text NOT NULL, cashier_id uuid NOT NULL,
  created_at timestamptz NOT NULL, total bigint NOT NULL, tendered bigint NOT NULL, change bigint NOT NULL,
  paid bigint NOT NULL, credit bigint NOT NULL, credit_id uuid, override_by uuid, override_reason text NOT NULL,
  op_id uuid NOT NULL, received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id, created_at)
) PARTITION BY RANGE (created_at);
CREATE INDEX sales_shop_day ON sales (shop_id, created_at);
CREATE INDEX sales_shop_buyer ON sales (shop_id, buyer_id, created_at);
CREATE INDEX sales_id ON sales (id);
CREATE TABLE sale_lines (
  id uuid NOT NULL, shop_id uuid NOT NULL, sale_id uuid NOT NULL, created_at timestamptz NOT NULL,
  line_no int NOT NULL, lot_id uuid NOT NULL, product_id uuid NOT NULL, farmer_id uuid NOT NULL,
  qty bigint NOT NULL, price bigint NOT NULL, amount bigint NOT NULL, commission_bp bigint NOT NULL,
  commission bigint NOT NULL, farmer_net bigint NOT NULL,
  PRIMARY KEY (id, created_at)
) PARTITION BY RANGE (created_at);
CREATE INDEX sale_lines_lot ON sale_lines (shop_id, lot_id);
CREATE INDEX sale_lines_farmer ON sale_lines (shop_id, farmer_id, created_at);
CREATE INDEX sale_lines_sale ON sale_lines (sale_id);
CREATE TABLE sale_payments (
  id uuid NOT NULL, shop_id uuid NOT NULL, sale_id uuid NOT NULL, created_at timestamptz NOT NULL,
  method text NOT NULL, amount bigint NOT NULL, reference text NOT NULL,
  PRIMARY KEY (id, created_at)
) PARTITION BY RANGE (created_at);
CREATE INDEX sale_payments_sale ON sale_payments (sale_id);
CREATE TABLE credits (
  id uuid PRIMARY KEY, shop_id uuid NOT NULL REFERENCES shops(id), sale_id uuid NOT NULL,
  buyer_id uuid NOT NULL, amount bigint NOT NULL, created_at timestamptz NOT NULL
);
CREATE INDEX credits_buyer ON credits (shop_id, buyer_id, created_at);
CREATE TABLE credit_details (
  id uuid PRIMARY KEY, shop_id uuid NOT NULL REFERENCES shops(id), credit_id uuid NOT NULL,
  farmer_id uuid, amount bigint NOT NULL
);
CREATE INDEX credit_details_credit ON credit_details (credit_id);
CREATE TABLE collections (
  id uuid PRIMARY KEY, shop_id uuid NOT NULL REFERENCES shops(id), terminal_id uuid NOT NULL,
  buyer_id uuid NOT NULL, amount bigint NOT NULL, method text NOT NULL, reference text NOT NULL,
  cashier_id uuid NOT NULL, at timestamptz NOT NULL, op_id uuid NOT NULL
);
CREATE INDEX collections_buyer ON collections (shop_id, buyer_id, at);
CREATE TABLE collection_allocations (
  id uuid PRIMARY KEY, shop_id uuid NOT NULL REFERENCES shops(id), collection_id uuid NOT NULL,
  credit_id uuid NOT NULL, credit_detail_id uuid NOT NULL, farmer_id uuid, amount bigint NOT NULL
);
CREATE INDEX collection_allocations_credit ON collection_allocations (shop_id, credit_id);

CREATE TABLE audit_entries (
  shop_id uuid NOT NULL, terminal_id uuid NOT NULL, seq bigint NOT NULL, at timestamptz NOT NULL,
  prev_hash text NOT NULL, hash text NOT NULL, user_id text NOT NULL, action text NOT NULL,
  entity text NOT NULL, entity_id text NOT NULL, before jsonb, after jsonb, chain_ok boolean NOT NULL,
  op_id uuid NOT NULL,
  PRIMARY KEY (terminal_id, seq, at)
) PARTITION BY RANGE (at);
CREATE INDEX audit_entries_shop ON audit_entries (shop_id, at);
CREATE INDEX audit_entries_entity ON audit_entries (shop_id, entity, entity_id);

CREATE TABLE anomalies (
  id uuid PRIMARY KEY, shop_id uuid NOT NULL REFERENCES shops(id), kind text NOT NULL,
  entity text NOT NULL, entity_id uuid NOT NULL, terminal_id uuid, op_id uuid,
  details jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz, resolution text
);
CREATE UNIQUE INDEX anomalies_open ON anomalies (shop_id, kind, entity_id) WHERE resolved_at IS NULL;
CREATE TABLE quarantine (
  op_id uuid NOT NULL, shop_id uuid NOT NULL REFERENCES shops(id), terminal_id uuid NOT NULL,
  seq bigint NOT NULL, type text NOT NULL, reason text NOT NULL, envelope jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(), resolved_at timestamptz, resolution text,
  PRIMARY KEY (terminal_id, seq)
);
CREATE INDEX quarantine_open ON quarantine (shop_id, created_at) WHERE resolved_at IS NULL;

-- Documents of known types without a table of their own yet (shop settings from a counter,
-- commission confirmations): kept whole, keyed by id and type, and fed to the other counters.
CREATE TABLE documents (
  shop_id uuid NOT NULL REFERENCES shops(id), id uuid NOT NULL, type text NOT NULL,
  terminal_id uuid NOT NULL, op_id uuid NOT NULL, doc jsonb NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (shop_id, type, id, op_id)
);

-- Change feed. Positions come from feed_counters, updated inside the writing transaction: the row
-- lock orders the writers of one shop, so positions become visible in commit order and a reader
-- polling `position > cursor` never skips a late commit.
CREATE TABLE feed_counters (
  shop_id uuid PRIMARY KEY REFERENCES shops(id),
  last_position bigint NOT NULL DEFAULT 0
);
CREATE TABLE feed (
  shop_id uuid NOT NULL, position bigint NOT NULL, type text NOT NULL, entity_id uuid NOT NULL,
  terminal_id uuid, doc jsonb NOT NULL, at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (shop_id, position)
);

CREATE FUNCTION market_ensure_partitions(first_month date, months int) RETURNS void LANGUAGE plpgsql AS $f$
DECLARE
  t text; m date; name text;
BEGIN
  FOREACH t IN ARRAY ARRAY['sales', 'sale_lines', 'sale_payments', 'audit_entries'] LOOP
    EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF %I DEFAULT', t || '_default', t);
    FOR i IN 0 .. months - 1 LOOP
      m := (date_trunc('month', first_month) + make_interval(months => i))::date;
      name := t || '_' || to_char(m, 'YYYY_MM');
      IF to_regclass(name) IS NULL THEN
        EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)', name, t,
                       m, (m + interval '1 month')::date);
      END IF;
    END LOOP;
  END LOOP;
END $f$;
SELECT market_ensure_partitions((now() - interval '24 months')::date, 40);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['terminals', 'users', 'parties', 'products', 'commission_rules', 'lots',
      'lot_status_events', 'sales', 'sale_lines', 'sale_payments', 'credits', 'credit_details', 'collections',
      'collection_allocations', 'audit_entries', 'anomalies', 'quarantine', 'documents', 'feed_counters', 'feed'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY shop_isolation ON %I USING (shop_id = market_current_shop()) '
                   'WITH CHECK (shop_id = market_current_shop())', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON %I TO market_app', t);
  END LOOP;
END $$;
)SQL";

// v2: the back office (farmer payments, expenses, stock adjustments, cash sessions, returns) and
// shop settings from the counters. Same tenancy as v1: shop_id on every row, RLS ENABLE + FORCE
// with `shop_id = market_current_shop()`, reached only as market_app. Primary key = the
// document's id, so a retried insert (ON CONFLICT DO NOTHING) never doubles a row.
const char* const kV2 = R"SQL(
CREATE TABLE farmer_payments (
  id uuid PRIMARY KEY, shop_id uuid NOT NULL REFERENCES shops(id), terminal_id uuid NOT NULL,
  farmer_id uuid NOT NULL, kind text NOT NULL CHECK (kind IN ('advance', 'settlement')),
  amount bigint NOT NULL CHECK (amount > 0), method text NOT NULL, reference text NOT NULL,
  paid_by uuid NOT NULL, at timestamptz NOT NULL, op_id uuid NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX farmer_payments_farmer ON farmer_payments (shop_id, farmer_id, at);
CREATE INDEX farmer_payments_shop_at ON farmer_payments (shop_id, at);

CREATE TABLE expenses (
  id uuid PRIMARY KEY, shop_id uuid NOT NULL REFERENCES shops(id), terminal_id uuid NOT NULL,
  category text NOT NULL, amount bigint NOT NULL CHECK (amount > 0), method text NOT NULL,
  note text NOT NULL, recorded_by uuid NOT NULL, at timestamptz NOT NULL, op_id uuid NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX expenses_shop_at ON expenses (shop_id, at);

-- qty > 0 takes stock out of the lot, qty < 0 puts it back.
CREATE TABLE stock_adjustments (
  id uuid PRIMARY KEY, shop_id uuid NOT NULL REFERENCES shops(id), terminal_id uuid NOT NULL,
  lot_id uuid NOT NULL, qty bigint NOT NULL CHECK (qty <> 0), reason text NOT NULL, note text NOT NULL,
  estimated_value bigint NOT NULL, recorded_by uuid NOT NULL, approved_by uuid,
  at timestamptz NOT NULL, op_id uuid NOT NULL, received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX stock_adjustments_lot ON stock_adjustments (shop_id, lot_id);
CREATE INDEX stock_adjustments_shop_at ON stock_adjustments (shop_id, at);

CREATE TABLE cash_sessions (
  id uuid PRIMARY KEY, shop_id uuid NOT NULL REFERENCES shops(id), terminal_id uuid NOT NULL,
  opened_by uuid NOT NULL, opening_float bigint NOT NULL CHECK (opening_float >= 0),
  opened_at timestamptz NOT NULL, op_id uuid NOT NULL, received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cash_sessions_terminal ON cash_sessions (shop_id, terminal_id, opened_at);
CREATE TABLE cash_movements (
  id uuid PRIMARY KEY, shop_id uuid NOT NULL REFERENCES shops(id), session_id uuid NOT NULL,
  terminal_id uuid NOT NULL, direction text NOT NULL CHECK (direction IN ('in', 'out')),
  amount bigint NOT NULL CHECK (amount > 0), reason text NOT NULL, by_user uuid NOT NULL,
  at timestamptz NOT NULL, op_id uuid NOT NULL, received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cash_movements_session ON cash_movements (shop_id, session_id);
-- The closing of a session (its document has no id of its own: keyed by the session).
CREATE TABLE cash_session_closings (
  session_id uuid PRIMARY KEY, shop_id uuid NOT NULL REFERENCES shops(id), terminal_id uuid NOT NULL,
  closed_by uuid NOT NULL, expected bigint NOT NULL, counted bigint NOT NULL CHECK (counted >= 0),
  variance bigint NOT NULL CHECK (variance = counted - expected), denominations jsonb NOT NULL,
  closed_at timestamptz NOT NULL, op_id uuid NOT NULL, received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cash_session_closings_shop_at ON cash_session_closings (shop_id, closed_at);

CREATE TABLE sale_returns (
  id uuid PRIMARY KEY, shop_id uuid NOT NULL REFERENCES shops(id), terminal_id uuid NOT NULL,
  sale_id uuid NOT NULL, buyer_id uuid, total bigint NOT NULL CHECK (total > 0),
  credit_reduction bigint NOT NULL CHECK (credit_reduction >= 0), refund bigint NOT NULL CHECK (refund >= 0),
  refund_method text NOT NULL, reason text NOT NULL, by_user uuid NOT NULL, at timestamptz NOT NULL,
  op_id uuid NOT NULL, received_at timestamptz NOT NULL DEFAULT now(),
  CHECK (credit_reduction + refund = total)
);
CREATE INDEX sale_returns_sale ON sale_returns (shop_id, sale_id);
CREATE INDEX sale_returns_shop_at ON sale_returns (shop_id, at);
CREATE TABLE return_lines (
  id uuid PRIMARY KEY, shop_id uuid NOT NULL REFERENCES shops(id), return_id uuid NOT NULL,
  sale_line_id uuid NOT NULL, lot_id uuid NOT NULL, product_id uuid NOT NULL, farmer_id uuid NOT NULL,
  qty bigint NOT NULL CHECK (qty > 0), amount bigint NOT NULL, commission bigint NOT NULL,
  farmer_net bigint NOT NULL, CHECK (farmer_net + commission = amount)
);
CREATE INDEX return_lines_return ON return_lines (return_id);
CREATE INDEX return_lines_sale_line ON return_lines (shop_id, sale_line_id);
CREATE INDEX return_lines_lot ON return_lines (shop_id, lot_id);
CREATE INDEX return_lines_farmer ON return_lines (shop_id, farmer_id);
CREATE TABLE return_allocations (
  id uuid PRIMARY KEY, shop_id uuid NOT NULL REFERENCES shops(id), return_id uuid NOT NULL,
  credit_id uuid NOT NULL, credit_detail_id uuid NOT NULL, farmer_id uuid,
  amount bigint NOT NULL CHECK (amount > 0)
);
CREATE INDEX return_allocations_return ON return_allocations (return_id);
CREATE INDEX return_allocations_credit ON return_allocations (shop_id, credit_id);

-- Shop settings pushed by a counter (setting.upsert): master data, last write in server order
-- wins. `id` is a name-based UUID of (shop, key) so the feed can name the entity.
CREATE TABLE settings (
  shop_id uuid NOT NULL REFERENCES shops(id), key text NOT NULL, id uuid NOT NULL UNIQUE,
  value text NOT NULL, version bigint NOT NULL, server_version bigint NOT NULL DEFAULT 1,
  doc jsonb NOT NULL, updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (shop_id, key)
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['farmer_payments', 'expenses', 'stock_adjustments', 'cash_sessions',
      'cash_movements', 'cash_session_closings', 'sale_returns', 'return_lines', 'return_allocations',
      'settings'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY shop_isolation ON %I USING (shop_id = market_current_shop()) '
                   'WITH CHECK (shop_id = market_current_shop())', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON %I TO market_app', t);
  END LOOP;
END $$;
)SQL";

// v3: the charge stack (market fee, hamali, weighing, …) and who pays commission. A sale line
// keeps its charges as applied (terms copied), so a later change of the stack never alters a past
// sale. New columns default to what an older counter's documents mean (no charges, the farmer
// pays commission), so every stored row stays valid under the rewritten return-line CHECK.
const char* const kV3 = R"SQL(
CREATE TABLE charges (
  id uuid PRIMARY KEY, shop_id uuid NOT NULL REFERENCES shops(id),
  code text NOT NULL, name text NOT NULL,
  basis text NOT NULL CHECK (basis IN ('percent', 'per_unit', 'per_package', 'per_line', 'per_bill')),
  rate bigint NOT NULL CHECK (rate >= 0), payer text NOT NULL CHECK (payer IN ('buyer', 'farmer')),
  product_id uuid, active boolean NOT NULL,
  version bigint NOT NULL, server_version bigint NOT NULL DEFAULT 1,
  doc jsonb NOT NULL, updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX charges_shop_code ON charges (shop_id, code);

-- Added with constant defaults: no table rewrite, old rows read as "no charges, farmer pays".
ALTER TABLE sales ADD COLUMN commission_by_buyer boolean NOT NULL DEFAULT false;
ALTER TABLE sale_lines ADD COLUMN packages bigint NOT NULL DEFAULT 0,
  ADD COLUMN buyer_charges bigint NOT NULL DEFAULT 0, ADD COLUMN farmer_charges bigint NOT NULL DEFAULT 0,
  ADD COLUMN commission_by_buyer boolean NOT NULL DEFAULT false;
ALTER TABLE sale_returns ADD COLUMN commission_by_buyer boolean NOT NULL DEFAULT false;
-- The return's commission payer is copied onto each line so the line's own CHECK can tell whether
-- commission came out of the farmer's net.
ALTER TABLE return_lines ADD COLUMN buyer_charges bigint NOT NULL DEFAULT 0 CHECK (buyer_charges >= 0),
  ADD COLUMN farmer_charges bigint NOT NULL DEFAULT 0 CHECK (farmer_charges >= 0),
  ADD COLUMN commission_by_buyer boolean NOT NULL DEFAULT false,
  DROP CONSTRAINT return_lines_check,
  ADD CONSTRAINT return_lines_farmer_net_check CHECK (
    farmer_net + farmer_charges + CASE WHEN commission_by_buyer THEN 0 ELSE commission END = amount);

-- The charges of each sale line as applied, in the line's order; partitioned with the sale.
CREATE TABLE sale_line_charges (
  sale_line_id uuid NOT NULL, position int NOT NULL, shop_id uuid NOT NULL, sale_id uuid NOT NULL,
  created_at timestamptz NOT NULL, charge_id uuid NOT NULL, code text NOT NULL, name text NOT NULL,
  basis text NOT NULL CHECK (basis IN ('percent', 'per_unit', 'per_package', 'per_line', 'per_bill')),
  rate bigint NOT NULL CHECK (rate >= 0), payer text NOT NULL CHECK (payer IN ('buyer', 'farmer')),
  amount bigint NOT NULL CHECK (amount >= 0),
  PRIMARY KEY (sale_line_id, position, created_at)
) PARTITION BY RANGE (created_at);
CREATE INDEX sale_line_charges_sale ON sale_line_charges (sale_id);
CREATE INDEX sale_line_charges_charge ON sale_line_charges (shop_id, charge_id, created_at);

-- Every range-partitioned table of the schema, found in the catalogue: a new one (like
-- sale_line_charges) needs no edit here.
CREATE OR REPLACE FUNCTION market_ensure_partitions(first_month date, months int) RETURNS void
LANGUAGE plpgsql AS $f$
DECLARE
  t text; m date; name text;
BEGIN
  FOR t IN SELECT c.relname FROM pg_partitioned_table p JOIN pg_class c ON c.oid = p.partrelid
           WHERE c.relnamespace = current_schema()::regnamespace AND p.partstrat = 'r' ORDER BY 1 LOOP
    EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF %I DEFAULT', t || '_default', t);
    FOR i IN 0 .. months - 1 LOOP
      m := (date_trunc('month', first_month) + make_interval(months => i))::date;
      name := t || '_' || to_char(m, 'YYYY_MM');
      IF to_regclass(name) IS NULL THEN
        EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)', name, t,
                       m, (m + interval '1 month')::date);
      END IF;
    END LOOP;
  END LOOP;
END $f$;
SELECT market_ensure_partitions((now() - interval '24 months')::date, 40);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['charges', 'sale_line_charges'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY shop_isolation ON %I USING (shop_id = market_current_shop()) '
                   'WITH CHECK (shop_id = market_current_shop())', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON %I TO market_app', t);
  END LOOP;
END $$;
)SQL";

// v4: the owner/manager API. What an account did through it (back-office edits, resolutions) is
// kept in api_audit — the counters' audit_entries are per-terminal hash chains the server cannot
// extend — and a resolution records who made it. api_audit is append-only for the tenant role.
const char* const kV4 = R"SQL(
CREATE TABLE api_audit (
  id uuid PRIMARY KEY, shop_id uuid NOT NULL REFERENCES shops(id), account_id uuid NOT NULL,
  role text NOT NULL, action text NOT NULL, entity text NOT NULL, entity_id text NOT NULL,
  before jsonb, after jsonb, note text NOT NULL DEFAULT '', at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX api_audit_shop_at ON api_audit (shop_id, at);
CREATE INDEX api_audit_entity ON api_audit (shop_id, entity, entity_id);
ALTER TABLE api_audit ENABLE ROW LEVEL SECURITY;
ALTER TABLE api_audit FORCE ROW LEVEL SECURITY;
CREATE POLICY shop_isolation ON api_audit USING (shop_id = market_current_shop())
  WITH CHECK (shop_id = market_current_shop());
GRANT SELECT, INSERT ON api_audit TO market_app;

ALTER TABLE anomalies ADD COLUMN resolved_by uuid;
ALTER TABLE quarantine ADD COLUMN resolved_by uuid;
CREATE INDEX quarantine_op ON quarantine (shop_id, op_id);
CREATE INDEX users_shop_username ON users (shop_id, username);
)SQL";

// v5: what each counter still holds behind its last push (the optional `backlog` of a push), for
// the terminals listing. Null until a counter reports it (older counters never do).
const char* const kV5 = R"SQL(
ALTER TABLE terminals ADD COLUMN backlog_count bigint, ADD COLUMN backlog_oldest_at timestamptz,
  ADD COLUMN backlog_reported_at timestamptz;
)SQL";

// v6: running stock totals per lot (sold, returned, adjusted), kept by the push in the same
// transaction as the rows they count, so the oversold check reads one row per lot instead of
// summing the lot's whole history across every monthly partition of sale_lines. Keyed by
// (shop, lot), with no reference to lots: lines may name a lot before it arrives (unknown_lot),
// and a lot id of another shop counts apart, as the sums did. Backfilled from the rows; the
// tables are locked meanwhile so no push slips in between (migrate before serving anyway). Their
// owner reads every shop only while RLS is not forced on it (a non-superuser owner otherwise sees
// nothing here): forced again before the commit.
const char* const kV6 = R"SQL(
LOCK TABLE sale_lines, return_lines, stock_adjustments IN SHARE MODE;
ALTER TABLE sale_lines NO FORCE ROW LEVEL SECURITY;
ALTER TABLE return_lines NO FORCE ROW LEVEL SECURITY;
ALTER TABLE stock_adjustments NO FORCE ROW LEVEL SECURITY;
CREATE TABLE lot_totals (
  shop_id uuid NOT NULL, lot_id uuid NOT NULL,
  sold_qty bigint NOT NULL DEFAULT 0, returned_qty bigint NOT NULL DEFAULT 0,
  adjusted_qty bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (shop_id, lot_id)
);
INSERT INTO lot_totals (shop_id, lot_id, sold_qty, returned_qty, adjusted_qty)
SELECT shop_id, lot_id, sum(sold), sum(returned), sum(adjusted) FROM (
  SELECT shop_id, lot_id, qty AS sold, 0 AS returned, 0 AS adjusted FROM sale_lines
  UNION ALL SELECT shop_id, lot_id, 0, qty, 0 FROM return_lines
  UNION ALL SELECT shop_id, lot_id, 0, 0, qty FROM stock_adjustments
) AS x GROUP BY shop_id, lot_id;
ALTER TABLE sale_lines FORCE ROW LEVEL SECURITY;
ALTER TABLE return_lines FORCE ROW LEVEL SECURITY;
ALTER TABLE stock_adjustments FORCE ROW LEVEL SECURITY;
ALTER TABLE lot_totals ENABLE ROW LEVEL SECURITY;
ALTER TABLE lot_totals FORCE ROW LEVEL SECURITY;
CREATE POLICY shop_isolation ON lot_totals USING (shop_id = market_current_shop())
  WITH CHECK (shop_id = market_current_shop());
GRANT SELECT, INSERT, UPDATE ON lot_totals TO market_app;
)SQL";

// v7: the documents a push stores twice — an audit entry's before/after and the change feed's doc —
// as json (the text, checked to be JSON) instead of jsonb. Both are only ever read back whole as
// text (pull, audit search), so jsonb's parse into a key-sorted tree was pure cost: about a quarter
// of PostgreSQL's time in a push of sales. An audit entry now keeps the exact bytes its hash covers.
const char* const kV7 = R"SQL(
ALTER TABLE audit_entries ALTER COLUMN before TYPE json USING before::json,
  ALTER COLUMN after TYPE json USING after::json;
ALTER TABLE feed ALTER COLUMN doc TYPE json USING doc::json;
)SQL";

// v8: each shop's sale ids in one unpartitioned table, written with the sale (same statement).
// A push asks whether its sale ids are already recorded (a second operation reusing an id is
// quarantined): on `sales` that probed every monthly partition, and the generic plan combined the
// id index with the shop's index, reading a bitmap of all the shop's sales of the month — a cost
// that grew with the shop's history. Here it is one primary-key probe per id. Backfilled.
const char* const kV8 = R"SQL(
LOCK TABLE sales IN SHARE MODE;
ALTER TABLE sales NO FORCE ROW LEVEL SECURITY;
CREATE TABLE sale_ids (
  shop_id uuid NOT NULL, id uuid NOT NULL,
  PRIMARY KEY (shop_id, id)
);
INSERT INTO sale_ids (shop_id, id) SELECT DISTINCT shop_id, id FROM sales;
ALTER TABLE sales FORCE ROW LEVEL SECURITY;
ALTER TABLE sale_ids ENABLE ROW LEVEL SECURITY;
ALTER TABLE sale_ids FORCE ROW LEVEL SECURITY;
CREATE POLICY shop_isolation ON sale_ids USING (shop_id = market_current_shop())
  WITH CHECK (shop_id = market_current_shop());
GRANT SELECT, INSERT ON sale_ids TO market_app;
)SQL";

// v9: a push's `reupload` is honoured only after a restore, until the terminal's first plain push
// in the new epoch (sync/PROTOCOL.md, "Restore"): `new-epoch` stamps `restored_at`, and a plain push
// records the epoch in which the terminal's re-upload closed. Before, a counter could send
// `reupload: true` at any time and have a gap of its own accepted.
const char* const kV9 = R"SQL(
ALTER TABLE server_meta ADD COLUMN restored_at timestamptz;
ALTER TABLE terminals ADD COLUMN reupload_closed_epoch uuid;
)SQL";

// The serving server keeps the months ahead (PartitionKeeper), so the function runs for years, not
// once: it says how many partitions it made, and a month whose rows already sit in the DEFAULT
// partition (dated beyond the window when they came) stays there with a notice. Before, such a
// month made every later call fail, so no partition after it would ever have been made.
const char* const kV10 = R"SQL(
DROP FUNCTION market_ensure_partitions(date, int);
CREATE FUNCTION market_ensure_partitions(first_month date, months int) RETURNS int
LANGUAGE plpgsql AS $f$
DECLARE
  t text; m date; name text; created int := 0;
BEGIN
  FOR t IN SELECT c.relname FROM pg_partitioned_table p JOIN pg_class c ON c.oid = p.partrelid
           WHERE c.relnamespace = current_schema()::regnamespace AND p.partstrat = 'r' ORDER BY 1 LOOP
    EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF %I DEFAULT', t || '_default', t);
    FOR i IN 0 .. months - 1 LOOP
      m := (date_trunc('month', first_month) + make_interval(months => i))::date;
      name := t || '_' || to_char(m, 'YYYY_MM');
      IF to_regclass(name) IS NULL THEN
        BEGIN
          EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)', name, t,
                         m, (m + interval '1 month')::date);
          created := created + 1;
        EXCEPTION WHEN check_violation THEN
          RAISE NOTICE '%: rows of % are already in %; that month stays there', t, to_char(m, 'YYYY-MM'),
                       t || '_default';
        END;
      END IF;
    END LOOP;
  END LOOP;
  RETURN created;
END $f$;
)SQL";

// v11: each shop's current rate per product ("today's rate", minor units per unit), master data
// pushed by a counter (price.upsert) or set through the owner API, last write in server order wins.
// `id` is the name-based UUID of (shop, product) the counters derive too; a cleared rate keeps its
// row with a null price, so its version goes on. No reference to products, like charges: the
// push checks the document, the API checks the product is the shop's.
const char* const kV11 = R"SQL(
CREATE TABLE prices (
  id uuid PRIMARY KEY, shop_id uuid NOT NULL REFERENCES shops(id), product_id uuid NOT NULL,
  price bigint CHECK (price > 0), version bigint NOT NULL, server_version bigint NOT NULL DEFAULT 1,
  doc jsonb NOT NULL, updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (shop_id, product_id)
);
ALTER TABLE prices ENABLE ROW LEVEL SECURITY;
ALTER TABLE prices FORCE ROW LEVEL SECURITY;
CREATE POLICY shop_isolation ON prices USING (shop_id = market_current_shop())
  WITH CHECK (shop_id = market_current_shop());
GRANT SELECT, INSERT, UPDATE ON prices TO market_app;
)SQL";

void ensureMigrationsTable(pqxx::connection& c) {
    pqxx::work tx(c);
    tx.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version int PRIMARY KEY, name text NOT NULL, "
            "applied_at timestamptz NOT NULL DEFAULT now())");
    tx.commit();
}

} // namespace

const std::vector<Migration>& migrations() {
    static const std::vector<Migration> all{
        {1, "initial schema with RLS and change feed", kV1},
        {2, "back office: farmer payments, expenses, adjustments, cash sessions, returns, settings", kV2},
        {3, "charge stack, commission payer and the charges of each sale line", kV3},
        {4, "owner/manager API: api_audit, who resolved an anomaly or a quarantined operation", kV4},
        {5, "terminals: the backlog a counter reports with its push", kV5},
        {6, "lot_totals: running sold, returned and adjusted quantities per lot", kV6},
        {7, "audit entries' before/after and feed docs stored as json", kV7},
        {8, "sale_ids: each shop's sale ids, unpartitioned, for the push's duplicate check", kV8},
        {9, "re-upload only after a restore: server_meta.restored_at, terminals.reupload_closed_epoch", kV9},
        {10, "market_ensure_partitions counts what it creates and skips months already in DEFAULT", kV10},
        {11, "prices: each shop's current rate per product (price.upsert)", kV11}};
    return all;
}

int schemaVersion(pqxx::connection& c) {
    pqxx::work tx(c);
    const auto r = tx.exec("SELECT to_regclass('schema_migrations') IS NOT NULL");
    if (!r[0][0].as<bool>())
        return 0;
    return tx.exec("SELECT coalesce(max(version), 0) FROM schema_migrations")[0][0].as<int>();
}

int migrate(pqxx::connection& c) {
    ensureMigrationsTable(c);
    int applied = 0;
    for (const Migration& m : migrations()) {
        pqxx::work tx(c);
        tx.exec("SELECT pg_advisory_xact_lock(727274)"); // one migrator at a time
        const auto done = tx.exec_params("SELECT 1 FROM schema_migrations WHERE version = $1", m.version);
        if (!done.empty())
            continue;
        tx.exec(m.sql);
        tx.exec_params("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", m.version, m.name);
        tx.commit();
        ++applied;
        log::info(QStringLiteral("applied migration"),
                  {{"version", QString::number(m.version)}, {"name", QString::fromUtf8(m.name)}});
    }
    return applied;
}

} // namespace market::server
