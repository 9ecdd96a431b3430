#pragma once

#include "Session.h"
#include "domain/Documents.h"

#include <vector>

namespace market::core {

class Store;

/// The shop's charge stack: market fee / cess, hamali, weighing, packing, transport, fixed fees.
/// A charge is never edited in place: setting a code again retires the active version and adds
/// a new one (audited, synced), so every sale keeps the terms it was made with.
class ChargeService {
    Q_DECLARE_TR_FUNCTIONS(ChargeService)
public:
    static constexpr int kMaxActive = 20;

    explicit ChargeService(Store& store)
        : m_store(store) {}

    /// Adds a charge or replaces the active one with the same code.
    Result<ChargeDoc> set(const Session& actor, const ChargeRule& rule);
    /// Retires the active charge with this code; later sales no longer carry it.
    Status retire(const Session& actor, const QString& code);
    /// The active charges, in code order (the order bills print them).
    Result<std::vector<ChargeDoc>> active();
    /// The active charges as the sale pricing applies them.
    Result<std::vector<ChargeRule>> stack();

private:
    Result<std::optional<ChargeDoc>> activeByCode(const QString& code);
    Status writeRetired(const Session& actor, const ChargeDoc& before);
    Store& m_store;
};

} // namespace market::core
