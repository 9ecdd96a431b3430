#include "Types.h"

#include <array>
#include <utility>

namespace market::core {

namespace {
template <typename E, size_t N>
std::optional<E> fromName(const std::array<std::pair<E, const char16_t*>, N>& table, QStringView name) {
    for (const auto& [value, text] : table)
        if (name == QStringView(text))
            return value;
    return std::nullopt;
}

template <typename E, size_t N>
QString toName(const std::array<std::pair<E, const char16_t*>, N>& table, E v) {
    for (const auto& [value, text] : table)
        if (value == v)
            return QString::fromUtf16(text);
    return {};
}

constexpr std::array<std::pair<Role, const char16_t*>, 3> kRoles{
    {{Role::Owner, u"owner"}, {Role::Manager, u"manager"}, {Role::Cashier, u"cashier"}}};
constexpr std::array<std::pair<PartyKind, const char16_t*>, 2> kPartyKinds{
    {{PartyKind::Farmer, u"farmer"}, {PartyKind::Buyer, u"buyer"}}};
constexpr std::array<std::pair<Category, const char16_t*>, 5> kCategories{
    {{Category::Flower, u"flower"},
     {Category::Vegetable, u"vegetable"},
     {Category::Fruit, u"fruit"},
     {Category::Grain, u"grain"},
     {Category::Other, u"other"}}};
constexpr std::array<std::pair<Unit, const char16_t*>, 6> kUnits{{{Unit::Kg, u"kg"},
                                                                  {Unit::Quintal, u"quintal"},
                                                                  {Unit::Crate, u"crate"},
                                                                  {Unit::Bunch, u"bunch"},
                                                                  {Unit::Dozen, u"dozen"},
                                                                  {Unit::Piece, u"piece"}}};
constexpr std::array<std::pair<LotStatus, const char16_t*>, 4> kLotStatuses{
    {{LotStatus::Active, u"active"},
     {LotStatus::Closed, u"closed"},
     {LotStatus::Discarded, u"discarded"},
     {LotStatus::Returned, u"returned"}}};
constexpr std::array<std::pair<PaymentMethod, const char16_t*>, 6> kMethods{
    {{PaymentMethod::Cash, u"cash"},
     {PaymentMethod::Upi, u"upi"},
     {PaymentMethod::Card, u"card"},
     {PaymentMethod::BankTransfer, u"bank"},
     {PaymentMethod::Cheque, u"cheque"},
     {PaymentMethod::Wallet, u"wallet"}}};
} // namespace

bool roleAllows(Role role, Permission permission) {
    switch (role) {
    case Role::Owner:
        return true;
    case Role::Manager:
        return permission != Permission::ManageShop;
    case Role::Cashier:
        switch (permission) {
        case Permission::Sell:
        case Permission::RecordArrival:
        case Permission::Collect:
        case Permission::CreateParty:
        case Permission::AdjustStock:
        case Permission::RecordReturn:
        case Permission::RecordExpense:
        case Permission::OperateCashSession:
            return true;
        default:
            return false;
        }
    }
    return false;
}

QString roleName(Role role) {
    return toName(kRoles, role);
}
std::optional<Role> roleFromName(QStringView name) {
    return fromName(kRoles, name);
}
QString partyKindName(PartyKind kind) {
    return toName(kPartyKinds, kind);
}
std::optional<PartyKind> partyKindFromName(QStringView name) {
    return fromName(kPartyKinds, name);
}
QString categoryName(Category c) {
    return toName(kCategories, c);
}
std::optional<Category> categoryFromName(QStringView name) {
    return fromName(kCategories, name);
}
QString unitName(Unit u) {
    return toName(kUnits, u);
}
std::optional<Unit> unitFromName(QStringView name) {
    return fromName(kUnits, name);
}
bool unitIsWeighed(Unit u) {
    return u == Unit::Kg || u == Unit::Quintal;
}
QString lotStatusName(LotStatus s) {
    return toName(kLotStatuses, s);
}
std::optional<LotStatus> lotStatusFromName(QStringView name) {
    return fromName(kLotStatuses, name);
}
QString paymentMethodName(PaymentMethod m) {
    return toName(kMethods, m);
}
std::optional<PaymentMethod> paymentMethodFromName(QStringView name) {
    return fromName(kMethods, name);
}

bool lotTransitionAllowed(LotStatus from, LotStatus to) {
    switch (from) {
    case LotStatus::Active:
        return to == LotStatus::Closed || to == LotStatus::Discarded || to == LotStatus::Returned;
    case LotStatus::Closed:
        return to == LotStatus::Active;
    case LotStatus::Discarded:
    case LotStatus::Returned:
        return false;
    }
    return false;
}

QString creditStatusName(CreditStatus s) {
    switch (s) {
    case CreditStatus::Pending:
        return QStringLiteral("pending");
    case CreditStatus::Partial:
        return QStringLiteral("partial");
    case CreditStatus::Cleared:
        return QStringLiteral("cleared");
    }
    return {};
}

QString completionStatusName(CompletionStatus s) {
    switch (s) {
    case CompletionStatus::Pending:
        return QStringLiteral("pending");
    case CompletionStatus::Partial:
        return QStringLiteral("partial");
    case CompletionStatus::Complete:
        return QStringLiteral("complete");
    }
    return {};
}

CompletionStatus completionStatus(bool buyerPaid, bool farmerPaid, bool commissionConfirmed) {
    const int done = int(buyerPaid) + int(farmerPaid) + int(commissionConfirmed);
    if (done == 3)
        return CompletionStatus::Complete;
    return done == 0 ? CompletionStatus::Pending : CompletionStatus::Partial;
}

} // namespace market::core
