#include "ArrivalController.h"

#include "AppContext.h"

namespace market::ui {

using core::Error;
using core::ErrorCode;

ArrivalController::ArrivalController(AppContext& ctx, QObject* parent)
    : QObject(parent)
    , m_ctx(ctx) {}

core::Result<std::vector<core::ProductDoc>> ArrivalController::products() {
    return m_ctx.catalog.searchProducts(QString(), 500);
}

core::Result<core::PartyDoc> ArrivalController::quickCreateFarmer(const QString& name, const QString& phone) {
    if (!m_actor)
        return Error{ErrorCode::Forbidden, tr("The counter is locked.")};
    core::NewPartyRequest r;
    r.kind = core::PartyKind::Farmer;
    r.name = name;
    r.phone = phone;
    return m_ctx.parties.create(*m_actor, r);
}

QString ArrivalController::netPreview(const Form& f) const {
    if (!f.net.trimmed().isEmpty()) {
        const auto net = core::Quantity::parse(f.net.trimmed());
        return net ? net->toString() : QString();
    }
    const auto gross = core::Quantity::parse(f.gross.trimmed());
    const auto tare = f.tare.trimmed().isEmpty() ? std::optional<core::Quantity>(core::Quantity{})
                                                 : core::Quantity::parse(f.tare.trimmed());
    if (!gross || !tare)
        return {};
    const auto net = gross->checkedSub(*tare);
    return net ? net->toString() : QString();
}

core::Result<core::LotDoc> ArrivalController::record(const Form& f) {
    if (!m_actor)
        return Error{ErrorCode::Forbidden, tr("The counter is locked.")};
    if (!f.farmerId)
        return Error{ErrorCode::InvalidInput, tr("Choose the farmer (search, or create a new one).")};
    if (!f.productId)
        return Error{ErrorCode::InvalidInput, tr("Choose the product.")};
    core::ArrivalRequest r;
    r.farmerId = *f.farmerId;
    r.productId = *f.productId;
    auto parseQty = [](const QString& text,
                       const QString& field) -> core::Result<std::optional<core::Quantity>> {
        if (text.trimmed().isEmpty())
            return std::optional<core::Quantity>{};
        const auto q = core::Quantity::parse(text.trimmed());
        if (!q)
            return Error{ErrorCode::InvalidInput, tr("%1: type a number such as 120 or 120.5.").arg(field)};
        return std::optional<core::Quantity>{*q};
    };
    auto net = parseQty(f.net, tr("Net"));
    auto gross = parseQty(f.gross, tr("Gross"));
    auto tare = parseQty(f.tare, tr("Tare"));
    for (const auto* part : {&net, &gross, &tare})
        if (!part->ok())
            return part->error();
    r.netQty = *net;
    r.grossQty = *gross;
    r.tareQty = *tare;
    if (r.grossQty && !r.tareQty)
        r.tareQty = core::Quantity{};
    if (r.grossQty && r.netQty)
        r.netQty.reset(); // gross and tare win; net is shown as their difference
    if (!f.packages.trimmed().isEmpty()) {
        bool ok = false;
        r.packages = f.packages.trimmed().toLongLong(&ok);
        if (!ok || r.packages < 0)
            return Error{ErrorCode::InvalidInput, tr("Packages: type a whole number.")};
    }
    r.grade = f.grade.trimmed();
    r.vehicle = f.vehicle.trimmed();
    r.notes = f.notes.trimmed();
    auto lot = m_ctx.arrivals.recordArrival(*m_actor, r);
    if (!lot.ok())
        return lot.error();
    emit recorded(*lot);
    return lot;
}

core::Result<std::vector<core::LotSummary>> ArrivalController::recentLots(int limit) {
    core::LotFilter filter;
    filter.activeOnly = true;
    filter.limit = 2000;
    auto lots = m_ctx.arrivals.lots(filter);
    if (!lots.ok())
        return lots;
    // The service lists oldest first; the screen shows the newest.
    std::vector<core::LotSummary> recent(lots->rbegin(), lots->rend());
    if (static_cast<int>(recent.size()) > limit)
        recent.resize(static_cast<size_t>(limit));
    return recent;
}

} // namespace market::ui
