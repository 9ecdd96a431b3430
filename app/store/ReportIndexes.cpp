#include "ReportIndexes.h"

#include "Store.h"

namespace market::core::report_indexes {

namespace {
const QString kMark = QStringLiteral("report_indexes.down");
}

const std::vector<Definition>& all() {
    static const std::vector<Definition> indexes{
        {"sale_time", "CREATE INDEX sale_time ON sale (created_at_ms)"},
        {"sale_buyer", "CREATE INDEX sale_buyer ON sale (buyer_id, created_at_ms)"},
        {"sale_cashier", "CREATE INDEX sale_cashier ON sale (cashier_id, created_at_ms)"},
        {"sale_terminal_time", "CREATE INDEX sale_terminal_time ON sale (terminal_id, created_at_ms)"},
        {"sale_line_lot", "CREATE INDEX sale_line_lot ON sale_line (lot_id)"},
        {"sale_line_farmer", "CREATE INDEX sale_line_farmer ON sale_line (farmer_id)"},
        {"sale_line_product", "CREATE INDEX sale_line_product ON sale_line (product_id)"},
        {"sale_payment_sale", "CREATE INDEX sale_payment_sale ON sale_payment (sale_id)"},
    };
    return indexes;
}

Status drop(Store& store) {
    StoreTransaction tx(store.db());
    MARKET_TRY(tx.begun());
    for (const auto& index : all())
        MARKET_TRY(store.db().execScript(QByteArray("DROP INDEX IF EXISTS ") + index.name,
                                         "setting a report index aside for a bulk load"));
    MARKET_TRY(store.setMeta(kMark, QStringLiteral("1")));
    return tx.commit();
}

Status build(Store& store) {
    for (const auto& index : all()) {
        // Derived from rows already there: a build a power cut undoes is made again.
        StoreTransaction tx(store.db(), Durability::Refetchable);
        MARKET_TRY(tx.begun());
        // IF NOT EXISTS: a build that a crash interrupted has made some of them already.
        QByteArray sql(index.sql);
        sql.replace("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ");
        MARKET_TRY(store.db().execScript(sql, "building a report index"));
        MARKET_TRY(tx.commit());
    }
    StoreTransaction tx(store.db());
    MARKET_TRY(tx.begun());
    MARKET_TRY(store.db()
                   .prepare("DELETE FROM meta WHERE key = ?1")
                   .bind(1, kMark)
                   .exec("clearing the report indexes' mark"));
    return tx.commit();
}

Result<bool> down(Store& store) {
    auto mark = store.meta(kMark);
    if (!mark.ok())
        return mark.error();
    return !mark->isEmpty();
}

} // namespace market::core::report_indexes
