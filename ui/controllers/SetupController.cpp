#include "SetupController.h"

#include "AppContext.h"
#include "EnrolmentJob.h"

#include <QFileInfo>

namespace market::ui {

using core::Error;
using core::ErrorCode;

SetupController::SetupController(AppContext& ctx, QObject* parent)
    : QObject(parent)
    , m_ctx(ctx) {}

bool SetupController::needsSetup() const {
    return !m_ctx.store.identity().has_value();
}

core::Result<core::Session> SetupController::createStandaloneShop(const core::StandaloneShopRequest& request,
                                                                  const QString& passwordAgain) {
    if (request.ownerPassword != passwordAgain)
        return Error{ErrorCode::InvalidInput, tr("The two passwords differ.")};
    return m_ctx.setup.createStandaloneShop(request);
}

bool SetupController::canEnrol() {
    return EnrolmentJob::available();
}

std::optional<core::Enrolment> SetupController::enrolment() const {
    auto e = core::Outbox::enrolment(m_ctx.store);
    return e.ok() ? *e : std::nullopt;
}

bool SetupController::isEnrolling() const {
    return m_enrolling;
}

core::Status SetupController::startEnrol(const EnrolRequest& request) {
    if (isEnrolling())
        return Error{ErrorCode::InvalidState, tr("The counter is already being enrolled.")};
    if (m_ctx.store.identity())
        return Error{ErrorCode::InvalidState,
                     tr("This data file already belongs to shop %1.").arg(m_ctx.store.identity()->shopCode)};
    EnrolRequest r = request;
    r.serverUrl = r.serverUrl.trimmed();
    r.shopCode = r.shopCode.trimmed().toUpper();
    r.code = r.code.trimmed();
    r.terminalName = r.terminalName.trimmed();
    r.caFile = r.caFile.trimmed();
    // Mistakes a person can fix at once are caught here, before any network use.
    if (r.serverUrl.isEmpty())
        return Error{ErrorCode::InvalidInput,
                     tr("Type the server's address, e.g. https://market.example:8443.")};
    if (const QString problem = EnrolmentJob::checkServerUrl(r.serverUrl); !problem.isEmpty())
        return Error{ErrorCode::InvalidInput, problem};
    if (r.shopCode.isEmpty())
        return Error{ErrorCode::InvalidInput, tr("Type the shop's code on the server, e.g. HYD01.")};
    if (r.code.isEmpty())
        return Error{ErrorCode::InvalidInput,
                     tr("Type the one-time enrolment code a manager made on the server.")};
    if (r.terminalName.isEmpty())
        return Error{ErrorCode::InvalidInput, tr("Give this counter a name, e.g. Counter 2.")};
    if (!r.caFile.isEmpty() && !QFileInfo(r.caFile).isReadable())
        return Error{ErrorCode::InvalidInput, tr("Cannot read the CA certificate file %1.").arg(r.caFile)};

    auto* job = new EnrolmentJob(m_ctx.store.db().path(), r, m_ctx.keychainService, this);
    connect(job, &EnrolmentJob::progress, this, &SetupController::enrolProgress);
    connect(job, &EnrolmentJob::finished, this, [this, job](bool ok, const QString& message) {
        m_enrolling = false; // a failed attempt may be retried at once
        job->deleteLater();  // not inside its own signal
        emit enrolFinished(ok, message);
    });
    m_enrolling = true;
    job->start();
    return core::okStatus();
}

} // namespace market::ui
