#pragma once

#include "Session.h"
#include "domain/BooksDocuments.h"

#include <optional>
#include <vector>

namespace market::core {

class Store;

/// The figures of a drawer session: the X report while open, the Z report once closed.
struct CashSessionReport {
    Uuid sessionId;
    Uuid terminalId;
    Uuid openedBy;
    qint64 openedAtMs = 0;
    std::optional<qint64> closedAtMs;
    Money openingFloat;
    Money cashSales; ///< cash applied to bills (net of change)
    Money cashCollections;
    Money cashIn;
    Money cashOut;
    Money farmerPayouts; ///< cash paid to farmers
    Money cashExpenses;
    Money cashRefunds; ///< cash handed back for returned goods
    Money expected;    ///< float + sales + collections + in − out − payouts − expenses − refunds
    std::optional<Money> counted;
    std::optional<Money> variance;
    std::vector<Denomination> denominations;
    qint64 salesCount = 0;
};

/// A terminal's cash drawer: open with a float, move cash in/out with a reason, close with the
/// counted cash (optionally by denomination). Closing is final. Every cash movement of the
/// terminal between open and close is counted in the expected cash.
class CashSessionService {
    Q_DECLARE_TR_FUNCTIONS(CashSessionService)
public:
    explicit CashSessionService(Store& store)
        : m_store(store) {}

    Result<CashSessionOpenedDoc> open(const Session& actor, Money openingFloat);
    Result<CashMovementDoc> move(const Session& actor, bool cashIn, Money amount, const QString& reason);
    /// Closes the open session; counted = Σ face × count when denominations are given.
    Result<CashSessionReport> close(const Session& actor, std::optional<Money> counted,
                                    const std::vector<Denomination>& denominations = {});

    /// The open session of this terminal, if any.
    Result<std::optional<Uuid>> openSession();
    Result<CashSessionReport> report(const Uuid& sessionId);
    /// InvalidState unless this terminal may take or pay out cash now (an open session, when the
    /// shop requires one). Called by every use case that moves cash.
    Status requireOpenForCash();

    /// Indian notes and coins, largest first (minor units).
    static std::vector<qint64> inrDenominations();

private:
    Store& m_store;
};

} // namespace market::core
