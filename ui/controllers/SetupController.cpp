#include "SetupController.h"

#include "AppContext.h"

namespace market::ui {

SetupController::SetupController(AppContext& ctx, QObject* parent)
    : QObject(parent)
    , m_ctx(ctx) {}

bool SetupController::needsSetup() const {
    return !m_ctx.store.identity().has_value();
}

core::Result<core::Session> SetupController::createStandaloneShop(const core::StandaloneShopRequest& request,
                                                                  const QString& passwordAgain) {
    if (request.ownerPassword != passwordAgain)
        return core::Error{core::ErrorCode::InvalidInput, tr("The two passwords differ.")};
    return m_ctx.setup.createStandaloneShop(request);
}

} // namespace market::ui
