#include "domain/Result.h"
#include "domain/Types.h"

#include <QSet>
#include <QTest>

using namespace market::core;

namespace {
constexpr Permission kAllPermissions[] = {
    Permission::Sell,
    Permission::RecordArrival,
    Permission::Collect,
    Permission::CreateParty,
    Permission::EditParty,
    Permission::ManageCatalog,
    Permission::ManageUsers,
    Permission::ManageShop,
    Permission::OverrideCreditLimit,
    Permission::ConfirmCommission,
    Permission::ChangeLotStatus,
    Permission::ViewReports,
    Permission::PayFarmer,
    Permission::ApproveAdjustment,
    Permission::AdjustStock,
    Permission::RecordExpense,
    Permission::RecordReturn,
    Permission::OperateCashSession,
};

// What the counter staff may do on their own; everything else needs a manager.
bool cashierMay(Permission p) {
    switch (p) {
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

template <typename E>
void checkNames(std::initializer_list<E> values, QString (*name)(E),
                std::optional<E> (*fromName)(QStringView)) {
    QSet<QString> seen;
    for (const E v : values) {
        const QString n = name(v);
        QVERIFY(!n.isEmpty());
        QCOMPARE(n, n.toLower());
        QVERIFY2(!seen.contains(n), qPrintable(n));
        seen.insert(n);
        const auto back = fromName(n);
        QVERIFY2(back.has_value(), qPrintable(n));
        QVERIFY(*back == v);
        QVERIFY2(!fromName(n.toUpper()).has_value(), qPrintable(n));
        QVERIFY(!fromName(n + QLatin1Char(' ')).has_value());
    }
    QVERIFY(!fromName(u"").has_value());
    QVERIFY(!fromName(u"unknown").has_value());
}
} // namespace

class TestTypes : public QObject {
    Q_OBJECT

private slots:
    void lotTransitions_data();
    void lotTransitions();
    void permissions_data();
    void permissions();
    void completion_data();
    void completion();
    void names();
    void wireNames();
    void weighedUnits();
    void errorCodeNames();
};

void TestTypes::lotTransitions_data() {
    QTest::addColumn<LotStatus>("from");
    QTest::addColumn<LotStatus>("to");
    QTest::addColumn<bool>("allowed");

    const LotStatus all[] = {LotStatus::Active, LotStatus::Closed, LotStatus::Discarded, LotStatus::Returned};
    for (const LotStatus from : all) {
        for (const LotStatus to : all) {
            bool allowed = false;
            if (from == LotStatus::Active)
                allowed = to != LotStatus::Active;
            else if (from == LotStatus::Closed)
                allowed = to == LotStatus::Active; // a customer return reopens a sold-out lot
            // discarded and returned are final
            QTest::addRow("%s -> %s", qPrintable(lotStatusName(from)), qPrintable(lotStatusName(to)))
                << from << to << allowed;
        }
    }
}

void TestTypes::lotTransitions() {
    QFETCH(LotStatus, from);
    QFETCH(LotStatus, to);
    QFETCH(bool, allowed);
    QCOMPARE(lotTransitionAllowed(from, to), allowed);
}

void TestTypes::permissions_data() {
    QTest::addColumn<Role>("role");
    QTest::addColumn<Permission>("permission");
    QTest::addColumn<bool>("allowed");

    for (const Permission p : kAllPermissions) {
        const int n = static_cast<int>(p);
        QTest::addRow("owner %d", n) << Role::Owner << p << true;
        QTest::addRow("manager %d", n) << Role::Manager << p << (p != Permission::ManageShop);
        QTest::addRow("cashier %d", n) << Role::Cashier << p << cashierMay(p);
    }
}

void TestTypes::permissions() {
    QFETCH(Role, role);
    QFETCH(Permission, permission);
    QFETCH(bool, allowed);
    QCOMPARE(roleAllows(role, permission), allowed);
}

void TestTypes::completion_data() {
    QTest::addColumn<bool>("buyerPaid");
    QTest::addColumn<bool>("farmerPaid");
    QTest::addColumn<bool>("confirmed");
    QTest::addColumn<CompletionStatus>("status");

    QTest::newRow("none") << false << false << false << CompletionStatus::Pending;
    QTest::newRow("buyer") << true << false << false << CompletionStatus::Partial;
    QTest::newRow("farmer") << false << true << false << CompletionStatus::Partial;
    QTest::newRow("commission") << false << false << true << CompletionStatus::Partial;
    QTest::newRow("buyer+farmer") << true << true << false << CompletionStatus::Partial;
    QTest::newRow("buyer+commission") << true << false << true << CompletionStatus::Partial;
    QTest::newRow("farmer+commission") << false << true << true << CompletionStatus::Partial;
    QTest::newRow("all") << true << true << true << CompletionStatus::Complete;
}

void TestTypes::completion() {
    QFETCH(bool, buyerPaid);
    QFETCH(bool, farmerPaid);
    QFETCH(bool, confirmed);
    QFETCH(CompletionStatus, status);
    QCOMPARE(completionStatus(buyerPaid, farmerPaid, confirmed), status);
}

void TestTypes::names() {
    checkNames({Role::Owner, Role::Manager, Role::Cashier}, &roleName, &roleFromName);
    checkNames({PartyKind::Farmer, PartyKind::Buyer}, &partyKindName, &partyKindFromName);
    checkNames({Category::Flower, Category::Vegetable, Category::Fruit, Category::Grain, Category::Other},
               &categoryName, &categoryFromName);
    checkNames({Unit::Kg, Unit::Quintal, Unit::Crate, Unit::Bunch, Unit::Dozen, Unit::Piece}, &unitName,
               &unitFromName);
    checkNames({LotStatus::Active, LotStatus::Closed, LotStatus::Discarded, LotStatus::Returned},
               &lotStatusName, &lotStatusFromName);
    checkNames({PaymentMethod::Cash, PaymentMethod::Upi, PaymentMethod::Card, PaymentMethod::BankTransfer,
                PaymentMethod::Cheque, PaymentMethod::Wallet},
               &paymentMethodName, &paymentMethodFromName);
}

void TestTypes::wireNames() {
    // These strings are stored and sent over the wire (sync/PROTOCOL.md): they must not drift.
    QCOMPARE(roleName(Role::Cashier), QStringLiteral("cashier"));
    QCOMPARE(partyKindName(PartyKind::Farmer), QStringLiteral("farmer"));
    QCOMPARE(categoryName(Category::Flower), QStringLiteral("flower"));
    QCOMPARE(unitName(Unit::Quintal), QStringLiteral("quintal"));
    QCOMPARE(lotStatusName(LotStatus::Discarded), QStringLiteral("discarded"));
    QCOMPARE(paymentMethodName(PaymentMethod::BankTransfer), QStringLiteral("bank"));
    QCOMPARE(paymentMethodName(PaymentMethod::Upi), QStringLiteral("upi"));
    QCOMPARE(creditStatusName(CreditStatus::Pending), QStringLiteral("pending"));
    QCOMPARE(creditStatusName(CreditStatus::Partial), QStringLiteral("partial"));
    QCOMPARE(creditStatusName(CreditStatus::Cleared), QStringLiteral("cleared"));
    QCOMPARE(completionStatusName(CompletionStatus::Pending), QStringLiteral("pending"));
    QCOMPARE(completionStatusName(CompletionStatus::Partial), QStringLiteral("partial"));
    QCOMPARE(completionStatusName(CompletionStatus::Complete), QStringLiteral("complete"));
}

void TestTypes::weighedUnits() {
    QVERIFY(unitIsWeighed(Unit::Kg));
    QVERIFY(unitIsWeighed(Unit::Quintal));
    for (const Unit u : {Unit::Crate, Unit::Bunch, Unit::Dozen, Unit::Piece})
        QVERIFY2(!unitIsWeighed(u), qPrintable(unitName(u)));
}

void TestTypes::errorCodeNames() {
    QSet<QString> seen;
    for (const ErrorCode c :
         {ErrorCode::InvalidInput, ErrorCode::NotFound, ErrorCode::Conflict, ErrorCode::InvalidState,
          ErrorCode::InsufficientStock, ErrorCode::CreditLimitExceeded, ErrorCode::Overpayment,
          ErrorCode::Forbidden, ErrorCode::AuthenticationFailed, ErrorCode::LockedOut, ErrorCode::Storage,
          ErrorCode::Internal}) {
        const QString n = errorCodeName(c);
        QVERIFY2(!seen.contains(n), qPrintable(n));
        seen.insert(n);
    }
    QCOMPARE(errorCodeName(ErrorCode::InvalidInput), QStringLiteral("invalid_input"));

    const Result<int> ok = 5;
    QVERIFY(ok.ok());
    QCOMPARE(*ok, 5);
    const Result<int> bad(ErrorCode::NotFound, QStringLiteral("no such lot"));
    QVERIFY(!bad);
    QCOMPARE(bad.error().code, ErrorCode::NotFound);
    QCOMPARE(bad.error().message, QStringLiteral("no such lot"));
}

QTEST_GUILESS_MAIN(TestTypes)
#include "tst_types.moc"
