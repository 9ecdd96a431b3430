#pragma once

#include "Session.h"
#include "domain/Documents.h"

#include <vector>

namespace market::core {

class Store;

struct NewPartyRequest {
    PartyKind kind = PartyKind::Buyer;
    QString code;      ///< optional: F0001/B0001 style code made here when empty
    QString name;      ///< 1–200 characters, any script
    QString phone;     ///< optional, digits, spaces, + and -
    Money creditLimit; ///< buyers only; 0 = cash only
};

/// Farmers and buyers. A walk-in buyer is not a party: a sale simply has no buyer.
class PartyService {
    Q_DECLARE_TR_FUNCTIONS(PartyService)
public:
    explicit PartyService(Store& store)
        : m_store(store) {}

    Result<PartyDoc> create(const Session& actor, const NewPartyRequest& request);
    Result<PartyDoc> setCreditLimit(const Session& actor, const Uuid& buyerId, Money limit);
    Result<PartyDoc> get(const Uuid& id);
    Result<PartyDoc> byCode(const QString& code);
    /// Search as you type: prefix of name, code or phone (case-insensitive), active parties.
    Result<std::vector<PartyDoc>> search(PartyKind kind, const QString& text, int limit = 20);

private:
    Store& m_store;
};

} // namespace market::core
