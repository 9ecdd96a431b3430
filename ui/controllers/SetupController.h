#pragma once

#include "EnrolRequest.h"
#include "services/SetupService.h"
#include "store/Outbox.h"

#include <QObject>

namespace market::ui {

class AppContext;

/// First run: is there a shop in this data file; creating a standalone one; or first enrolling the
/// counter with a market-server and then creating the shop with the ids the server assigned — the
/// same two steps as `marketctl enrol` then `marketctl init`, so the store ends up the same.
class SetupController : public QObject {
    Q_OBJECT
public:
    explicit SetupController(AppContext& ctx, QObject* parent = nullptr);

    bool needsSetup() const;
    /// Creates the shop, this terminal and the owner. On an enrolled store the shop code must be the
    /// enrolled one and the terminal number is the server's (SetupService decides).
    core::Result<core::Session> createStandaloneShop(const core::StandaloneShopRequest& request,
                                                     const QString& passwordAgain);

    /// False when market-pos was built without the sync engine.
    static bool canEnrol();
    /// The store's enrolment (enrolled, shop not created yet, e.g. the wizard was closed half-way).
    std::optional<core::Enrolment> enrolment() const;
    /// Checks the request at once (no network) and starts enrolling on a worker thread; then
    /// enrolProgress() and, once, enrolFinished(). Refused while an enrolment is running.
    core::Status startEnrol(const EnrolRequest& request);
    bool isEnrolling() const;

signals:
    void enrolProgress(const QString& text);
    /// `message` is translated: what was enrolled, or why not (nothing is stored then).
    void enrolFinished(bool ok, const QString& message);

private:
    AppContext& m_ctx;
    bool m_enrolling = false;
};

} // namespace market::ui
