#pragma once

#include "Session.h"
#include "domain/BooksDocuments.h"
#include "domain/Documents.h"

#include <vector>

namespace market::core {

class Store;

/// One sold line on a farmer's settlement statement.
struct StatementLine {
    qint64 atMs = 0;
    QString receiptNo;
    QString lotCode;
    QString productName;
    Quantity qty;
    Money price;
    Money amount;
    qint64 commissionBp = 0;
    Money commission;    ///< deducted from the farmer (0 when the buyer paid it)
    Money farmerCharges; ///< the farmer-side charges of the line
    Money farmerNet;
};

/// A farmer's settlement statement for a period, as data for the screen and the printer.
/// closing = opening + Σ farmer net − returned farmer net − Σ payments, all of the period.
struct SettlementStatement {
    PartyDoc farmer;
    qint64 fromMs = 0;
    qint64 toMs = 0;
    Money openingBalance; ///< payable before the period
    std::vector<StatementLine> lines;
    Money soldAmount;
    Money commission;
    Money farmerCharges;
    std::vector<ChargeTotal> charges; ///< the farmer-side charges of the period's sales, by code
    Money farmerNet;
    Money returnedAmount; ///< goods returned by buyers in the period
    Money returnedCommission;
    Money returnedCharges; ///< farmer-side charges given back with the returns
    Money returnedNet;     ///< reversed farmer net, deducted
    std::vector<FarmerPaymentDoc> payments;
    Money advances;
    Money settlements;
    Money closingBalance; ///< payable at the end of the period
};

/// Paying farmers: advances (not tied to sales) and settlements (against sold lines, never more
/// than is payable). farmer payable = Σ farmer net of sold lines − returned net − Σ advances − Σ settlements.
class FarmerPaymentService {
    Q_DECLARE_TR_FUNCTIONS(FarmerPaymentService)
public:
    explicit FarmerPaymentService(Store& store)
        : m_store(store) {}

    Result<Money> payable(const Uuid& farmerId);
    Result<FarmerPaymentDoc> pay(const Session& actor, const Uuid& farmerId, FarmerPaymentKind kind,
                                 Money amount, PaymentMethod method, const QString& reference = {});
    Result<SettlementStatement> statement(const Uuid& farmerId, qint64 fromMs, qint64 toMs);

private:
    Store& m_store;
};

} // namespace market::core
