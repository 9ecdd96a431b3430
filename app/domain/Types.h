#pragma once

#include <QString>
#include <QStringView>
#include <optional>

namespace market::core {

enum class Role { Owner, Manager, Cashier };

/// What a role may do. Every use case checks one of these for the acting user.
enum class Permission {
    Sell,
    RecordArrival,
    Collect,
    CreateParty,   ///< quick-create a farmer or buyer at the counter
    EditParty,     ///< change credit limits, deactivate
    ManageCatalog, ///< products, prices, commission rules, charges
    ManageUsers,
    ManageShop, ///< shop settings, terminals
    OverrideCreditLimit,
    ConfirmCommission,
    ChangeLotStatus, ///< discard, return to farmer
    ViewReports,
    PayFarmer,
    ApproveAdjustment,
    AdjustStock,
    RecordExpense,
    RecordReturn,
    OperateCashSession,
};

bool roleAllows(Role role, Permission permission);
QString roleName(Role role);
std::optional<Role> roleFromName(QStringView name);

enum class PartyKind { Farmer, Buyer };
QString partyKindName(PartyKind kind);
std::optional<PartyKind> partyKindFromName(QStringView name);

enum class Category { Flower, Vegetable, Fruit, Grain, Other };
QString categoryName(Category c);
std::optional<Category> categoryFromName(QStringView name);

enum class Unit { Kg, Quintal, Crate, Bunch, Dozen, Piece };
QString unitName(Unit u);
std::optional<Unit> unitFromName(QStringView name);
/// Weighed units take fractional quantities; counted ones only whole numbers.
bool unitIsWeighed(Unit u);

enum class LotStatus { Active, Closed, Discarded, Returned };
QString lotStatusName(LotStatus s);
std::optional<LotStatus> lotStatusFromName(QStringView name);
/// active → closed/discarded/returned; closed → active (a customer return reopens it);
/// discarded and returned are final.
bool lotTransitionAllowed(LotStatus from, LotStatus to);

enum class PaymentMethod { Cash, Upi, Card, BankTransfer, Cheque, Wallet };
QString paymentMethodName(PaymentMethod m);
std::optional<PaymentMethod> paymentMethodFromName(QStringView name);

enum class CreditStatus { Pending, Partial, Cleared };
QString creditStatusName(CreditStatus s);

enum class CompletionStatus { Pending, Partial, Complete };
QString completionStatusName(CompletionStatus s);
/// Three-party completion: buyer paid, farmer paid, commission confirmed.
CompletionStatus completionStatus(bool buyerPaid, bool farmerPaid, bool commissionConfirmed);

} // namespace market::core
