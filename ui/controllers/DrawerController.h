#pragma once

#include "services/CashSessionService.h"

#include <QObject>

namespace market::ui {

class AppContext;

/// The drawer screen's logic: this terminal's cash session — open with a float, cash in and out
/// with a reason, the X figures while open, close with the counted cash and its Z figures.
class DrawerController : public QObject {
    Q_OBJECT
public:
    explicit DrawerController(AppContext& ctx, QObject* parent = nullptr);
    void setActor(const std::optional<core::Session>& actor) { m_actor = actor; }

    bool isOpen() const { return m_open; }
    /// The open session's X figures, or the Z figures of the session closed here last.
    const std::optional<core::CashSessionReport>& figures() const { return m_figures; }

    core::Result<core::CashSessionOpenedDoc> open(const QString& floatText);
    core::Result<core::CashMovementDoc> move(bool cashIn, const QString& amountText, const QString& reason);
    /// Closes with the counted cash as typed, or as the notes and coins counted (or both, which
    /// must agree). Notes with a zero count are left out.
    core::Result<core::CashSessionReport> close(const QString& countedText,
                                                const std::vector<core::Denomination>& notes = {});
    /// Re-reads the open session's figures (after sales, collections or payouts).
    void refresh();

signals:
    void changed();

private:
    core::Result<core::Money> parseAmount(const QString& text, bool zeroAllowed) const;
    AppContext& m_ctx;
    std::optional<core::Session> m_actor;
    bool m_open = false;
    std::optional<core::CashSessionReport> m_figures;
};

} // namespace market::ui
