#include "SyncProblemsController.h"

#include "AppContext.h"
#include "SyncStatusSource.h"

namespace market::ui {

SyncProblemsController::SyncProblemsController(AppContext& ctx, SyncStatusSource& sync, QObject* parent)
    : QObject(parent)
    , m_sync(sync)
    , m_service(ctx.store) {
    // The engine's counts change after pushes and pulls: the tables behind them changed too.
    connect(&m_sync, &SyncStatusSource::changed, this, [this] {
        if (m_watching)
            refresh();
    });
}

void SyncProblemsController::setActor(const std::optional<core::Session>& actor) {
    m_actor = actor;
    if (!allowed() && !m_problems.empty()) {
        m_problems.clear(); // a cashier taking over the counter does not inherit the list
        emit changed();
    }
}

bool SyncProblemsController::allowed() const {
    return m_actor && core::roleAllows(m_actor->role, core::Permission::ViewReports);
}

void SyncProblemsController::setWatching(bool watching) {
    m_watching = watching;
}

bool SyncProblemsController::standalone() const {
    return m_sync.status().state == SyncStatus::State::Standalone;
}

void SyncProblemsController::refresh() {
    if (!m_actor) {
        m_problems.clear();
        emit changed();
        return;
    }
    auto list = m_service.list(*m_actor);
    if (!list.ok()) {
        m_problems.clear();
        emit changed();
        emit failed(list.error().message);
        return;
    }
    m_problems = std::move(list).value();
    emit changed();
}

} // namespace market::ui
