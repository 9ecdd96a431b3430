#pragma once

#include "services/CollectionService.h"

#include <QObject>

namespace market::ui {

class AppContext;

/// The collect screen's logic: a buyer's dues, the FIFO preview of a payment, the collection.
class CollectController : public QObject {
    Q_OBJECT
public:
    explicit CollectController(AppContext& ctx, QObject* parent = nullptr);
    void setActor(const std::optional<core::Session>& actor) { m_actor = actor; }

    void setBuyer(const core::PartyDoc& buyer);
    const std::optional<core::PartyDoc>& buyer() const { return m_buyer; }
    core::Money outstanding() const { return m_outstanding; }
    const std::vector<core::OpenCredit>& openCredits() const { return m_credits; }
    /// Parses the amount as typed and previews its allocation; an empty result with a
    /// message when the text is not an amount or pays more than is owed.
    core::Result<std::vector<core::AllocationDoc>> preview(const QString& amountText);
    core::Result<core::CollectionDoc> collect(const QString& amountText, core::PaymentMethod method,
                                              const QString& reference);
    /// Re-reads the buyer's credits (after a sale elsewhere).
    void refresh();

signals:
    void changed();
    void collected(const market::core::CollectionDoc& collection);

private:
    core::Result<core::Money> parseAmount(const QString& text) const;
    AppContext& m_ctx;
    std::optional<core::Session> m_actor;
    std::optional<core::PartyDoc> m_buyer;
    core::Money m_outstanding;
    std::vector<core::OpenCredit> m_credits;
};

} // namespace market::ui
