#pragma once

#include "services/ArrivalService.h"
#include "services/PartyService.h"

#include <QObject>

namespace market::ui {

class AppContext;

/// The arrivals screen's logic: the form as typed → ArrivalRequest → a lot; quick-create of a
/// farmer; the slip to print.
class ArrivalController : public QObject {
    Q_OBJECT
public:
    struct Form {
        std::optional<core::Uuid> farmerId;
        std::optional<core::Uuid> productId;
        QString packages;
        QString gross;
        QString tare;
        QString net;
        QString grade;
        QString vehicle;
        QString notes;
    };

    explicit ArrivalController(AppContext& ctx, QObject* parent = nullptr);
    void setActor(const std::optional<core::Session>& actor) { m_actor = actor; }

    core::Result<std::vector<core::ProductDoc>> products();
    core::Result<core::PartyDoc> quickCreateFarmer(const QString& name, const QString& phone);
    /// The net the form comes to ("" when it cannot be computed yet).
    QString netPreview(const Form& form) const;
    /// Records the lot; nothing is written on error.
    core::Result<core::LotDoc> record(const Form& form);
    core::Result<std::vector<core::LotSummary>> recentLots(int limit = 50);

signals:
    void recorded(const market::core::LotDoc& lot);

private:
    AppContext& m_ctx;
    std::optional<core::Session> m_actor;
};

} // namespace market::ui
