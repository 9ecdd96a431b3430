#pragma once

#include "services/SyncProblemService.h"

#include <QObject>
#include <optional>

namespace market::ui {

class AppContext;
class SyncStatusSource;

/// The "Sync problems" list's logic: what this counter knows of its quarantined operations, the
/// server's anomalies and the pulled documents waiting here, read from the local store (works
/// offline). Reads again whenever the sync status changes while someone is looking
/// (setWatching), so the list follows the engine. Only a manager or the owner may read it.
class SyncProblemsController : public QObject {
    Q_OBJECT
public:
    SyncProblemsController(AppContext& ctx, SyncStatusSource& sync, QObject* parent = nullptr);

    void setActor(const std::optional<core::Session>& actor);
    /// Whether the logged-in person may open the list (manager or owner).
    bool allowed() const;
    /// true while the list is on screen: only then does a status change read the store again.
    void setWatching(bool watching);

    /// Reads the store again; emits changed() (or failed()).
    void refresh();
    const std::vector<core::SyncProblem>& problems() const { return m_problems; }
    /// Standalone shop: nothing is ever synchronised.
    bool standalone() const;

signals:
    void changed();
    void failed(const QString& message);

private:
    SyncStatusSource& m_sync;
    core::SyncProblemService m_service;
    std::optional<core::Session> m_actor;
    std::vector<core::SyncProblem> m_problems;
    bool m_watching = false;
};

} // namespace market::ui
