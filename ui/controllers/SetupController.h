#pragma once

#include "services/SetupService.h"

#include <QObject>

namespace market::ui {

class AppContext;

/// First run: is there a shop in this data file, and creating a standalone one.
class SetupController : public QObject {
    Q_OBJECT
public:
    explicit SetupController(AppContext& ctx, QObject* parent = nullptr);
    bool needsSetup() const;
    core::Result<core::Session> createStandaloneShop(const core::StandaloneShopRequest& request,
                                                     const QString& passwordAgain);

private:
    AppContext& m_ctx;
};

} // namespace market::ui
