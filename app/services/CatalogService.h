#pragma once

#include "Session.h"
#include "domain/Documents.h"

#include <vector>

namespace market::core {

class Store;
class Statement;

/// A product from a row whose first eight columns are product's id, shop_id, code, name, category,
/// unit, active, version (in that order): the one reading of a product row, for every service.
ProductDoc readProduct(const Statement& row);

struct NewProductRequest {
    QString code; ///< optional: P0001 style when empty
    QString name;
    Category category = Category::Vegetable;
    Unit unit = Unit::Kg;
};

/// Products and commission rules.
class CatalogService {
    Q_DECLARE_TR_FUNCTIONS(CatalogService)
public:
    explicit CatalogService(Store& store)
        : m_store(store) {}

    Result<ProductDoc> createProduct(const Session& actor, const NewProductRequest& request);
    Result<ProductDoc> product(const Uuid& id);
    Result<ProductDoc> productByCode(const QString& code);
    /// Search as you type: prefix of name or code, case-insensitive, active products.
    Result<std::vector<ProductDoc>> searchProducts(const QString& text, int limit = 20);

    /// Sets the shop's default rule (productId empty) or a product's override. The new rule
    /// applies to future sales only; past sales keep the rate stored on their lines.
    Result<CommissionRuleDoc> setCommissionRule(const Session& actor, const std::optional<Uuid>& productId,
                                                const CommissionRule& rule);
    /// The rule that applies to a product: its override, else the shop default, else 0 %.
    Result<CommissionRule> commissionRuleFor(const Uuid& productId);
    Result<std::vector<CommissionRuleDoc>> commissionRules();

private:
    Store& m_store;
};

} // namespace market::core
