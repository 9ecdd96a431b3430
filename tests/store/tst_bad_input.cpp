#include "StoreFixture.h"

using namespace market::test;

// Every refused call must name the right ErrorCode and leave the file's content exactly as it was
// (a dump of every table before and after).
class TestBadInput : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();

    void saleInput_data();
    void saleInput();
    void moneyParseRefusesThreeDecimals_data();
    void moneyParseRefusesThreeDecimals();
    void overpaymentOfDues();
    void cashierCannotDoManagersWork();
    void names_data();
    void names();
    void searchTreatsTextAsData();
    void lockoutAndUnlock();

private:
    StoreFixture m_fx;
    std::map<QString, Uuid> m_lots;
    PartyDoc m_farmer;
    PartyDoc m_buyer;
};

void TestBadInput::initTestCase() {
    MARKET_REQUIRE_OK(m_fx.setUp());
    auto farmer = m_fx.farmer(QStringLiteral("Ramulu"));
    auto flowers = m_fx.product(QStringLiteral("Marigold"));
    auto bunches = m_fx.product(QStringLiteral("Rose bunch"), Unit::Bunch);
    auto buyer = m_fx.buyer(QStringLiteral("Srinivasa Traders"), money(u"1000"));
    MARKET_REQUIRE_OK(farmer);
    MARKET_REQUIRE_OK(flowers);
    MARKET_REQUIRE_OK(bunches);
    MARKET_REQUIRE_OK(buyer);
    m_farmer = *farmer;
    m_buyer = *buyer;
    for (const char* name : {"active", "closed", "discarded", "returned", "huge"}) {
        auto lot =
            m_fx.lot(farmer->id, flowers->id, qstrcmp(name, "huge") == 0 ? qty(u"1000000000") : qty(u"10"));
        MARKET_REQUIRE_OK(lot);
        m_lots[QLatin1String(name)] = lot->id;
    }
    auto counted = m_fx.lot(farmer->id, bunches->id, qty(u"10"));
    MARKET_REQUIRE_OK(counted);
    m_lots[QStringLiteral("counted")] = counted->id;
    m_lots[QStringLiteral("unknown")] = m_fx.store().newId();
    m_lots[QStringLiteral("null")] = Uuid{};

    SaleRequest sellOut;
    sellOut.lines = {StoreFixture::line(m_lots[QStringLiteral("closed")], u"10", u"10")};
    sellOut.payments = {StoreFixture::pay(PaymentMethod::Cash, u"100")};
    MARKET_REQUIRE_OK(m_fx.sales().sell(m_fx.cashier, sellOut));
    MARKET_REQUIRE_OK(m_fx.arrivals().changeStatus(m_fx.manager, m_lots[QStringLiteral("discarded")],
                                                   LotStatus::Discarded, QStringLiteral("rotten")));
    MARKET_REQUIRE_OK(m_fx.arrivals().changeStatus(m_fx.manager, m_lots[QStringLiteral("returned")],
                                                   LotStatus::Returned,
                                                   QStringLiteral("farmer took it back")));
}

void TestBadInput::saleInput_data() {
    // lines: "lot:qtyThousandths:pricePaise;..."; buyer: walkin | buyer | farmer | unknown
    QTest::addColumn<QString>("lines");
    QTest::addColumn<QString>("buyer");
    QTest::addColumn<QString>("payments"); // "method:paise;..."
    QTest::addColumn<QString>("walkinPhone");
    QTest::addColumn<int>("error");

    const auto invalid = int(ErrorCode::InvalidInput);
    QTest::newRow("no lines") << ""
                              << "walkin"
                              << "cash:100"
                              << "" << invalid;
    QTest::newRow("zero quantity") << "active:0:1000"
                                   << "walkin"
                                   << "cash:100"
                                   << "" << invalid;
    QTest::newRow("negative quantity") << "active:-1000:1000"
                                       << "walkin"
                                       << "cash:100"
                                       << "" << invalid;
    QTest::newRow("absurd quantity") << "huge:1000000000001000:1000"
                                     << "walkin"
                                     << "cash:100"
                                     << "" << invalid;
    QTest::newRow("int64 max quantity") << "huge:9223372036854775807:1"
                                        << "walkin"
                                        << "cash:100"
                                        << "" << invalid;
    QTest::newRow("zero price") << "active:1000:0"
                                << "walkin"
                                << "cash:100"
                                << "" << invalid;
    QTest::newRow("negative price") << "active:1000:-500"
                                    << "walkin"
                                    << "cash:100"
                                    << "" << invalid;
    QTest::newRow("absurd price") << "active:1000:1000000000000001"
                                  << "walkin"
                                  << "cash:100"
                                  << "" << invalid;
    QTest::newRow("amount too large") << "huge:1000000000:1000000000000000"
                                      << "walkin"
                                      << "cash:100"
                                      << "" << invalid;
    QTest::newRow("fraction of a counted unit") << "counted:1500:1000"
                                                << "walkin"
                                                << "cash:1500"
                                                << "" << invalid;
    QTest::newRow("more than the lot holds") << "active:10001:100"
                                             << "walkin"
                                             << "cash:2000"
                                             << "" << int(ErrorCode::InsufficientStock);
    QTest::newRow("two lines beyond the lot") << "active:6000:100;active:4001:100"
                                              << "walkin"
                                              << "cash:2000"
                                              << "" << int(ErrorCode::InsufficientStock);
    QTest::newRow("unknown lot") << "unknown:1000:100"
                                 << "walkin"
                                 << "cash:100"
                                 << "" << int(ErrorCode::NotFound);
    QTest::newRow("null lot id") << "null:1000:100"
                                 << "walkin"
                                 << "cash:100"
                                 << "" << int(ErrorCode::NotFound);
    QTest::newRow("closed lot") << "closed:1000:100"
                                << "walkin"
                                << "cash:100"
                                << "" << int(ErrorCode::InvalidState);
    QTest::newRow("discarded lot") << "discarded:1000:100"
                                   << "walkin"
                                   << "cash:100"
                                   << "" << int(ErrorCode::InvalidState);
    QTest::newRow("returned lot") << "returned:1000:100"
                                  << "walkin"
                                  << "cash:100"
                                  << "" << int(ErrorCode::InvalidState);
    QTest::newRow("good line then a bad one") << "active:1000:100;unknown:1000:100"
                                              << "walkin"
                                              << "cash:200"
                                              << "" << int(ErrorCode::NotFound);
    QTest::newRow("walk-in on credit") << "active:1000:10000"
                                       << "walkin"
                                       << "cash:5000"
                                       << "" << invalid;
    QTest::newRow("walk-in, nothing paid") << "active:1000:10000"
                                           << "walkin"
                                           << ""
                                           << "" << invalid;
    QTest::newRow("over the limit, no override") << "active:1000:200000"
                                                 << "buyer"
                                                 << ""
                                                 << "" << int(ErrorCode::CreditLimitExceeded);
    QTest::newRow("a farmer as buyer") << "active:1000:100"
                                       << "farmer"
                                       << ""
                                       << "" << invalid;
    QTest::newRow("unknown buyer") << "active:1000:100"
                                   << "unknown"
                                   << ""
                                   << "" << int(ErrorCode::NotFound);
    QTest::newRow("zero payment") << "active:1000:100"
                                  << "walkin"
                                  << "cash:100;upi:0"
                                  << "" << invalid;
    QTest::newRow("negative payment") << "active:1000:100"
                                      << "walkin"
                                      << "cash:200;cash:-100"
                                      << "" << invalid;
    QTest::newRow("absurd payment") << "active:1000:100"
                                    << "walkin"
                                    << "cash:1000000000000001"
                                    << "" << invalid;
    QTest::newRow("non-cash over the bill") << "active:1000:100"
                                            << "walkin"
                                            << "upi:200"
                                            << "" << int(ErrorCode::Overpayment);
    QTest::newRow("walk-in phone with letters") << "active:1000:100"
                                                << "walkin"
                                                << "cash:100"
                                                << "98480 CALL" << invalid;
}

void TestBadInput::saleInput() {
    QFETCH(QString, lines);
    QFETCH(QString, buyer);
    QFETCH(QString, payments);
    QFETCH(QString, walkinPhone);
    QFETCH(int, error);

    SaleRequest r;
    for (const QString& spec : lines.split(u';', Qt::SkipEmptyParts)) {
        const auto p = spec.split(u':');
        QVERIFY(m_lots.count(p[0]));
        r.lines.push_back(SaleLineRequest{m_lots[p[0]], Quantity::fromThousandths(p[1].toLongLong()),
                                          Money::fromMinor(p[2].toLongLong())});
    }
    for (const QString& spec : payments.split(u';', Qt::SkipEmptyParts)) {
        const auto p = spec.split(u':');
        r.payments.push_back(
            PaymentRequest{*paymentMethodFromName(p[0]), Money::fromMinor(p[1].toLongLong()), {}});
    }
    if (buyer == u"buyer")
        r.buyerId = m_buyer.id;
    else if (buyer == u"farmer")
        r.buyerId = m_farmer.id;
    else if (buyer == u"unknown")
        r.buyerId = m_fx.store().newId();
    r.walkinPhone = walkinPhone;

    const QByteArray before = m_fx.dump();
    MARKET_REQUIRE_ERROR(m_fx.sales().sell(m_fx.cashier, r), ErrorCode(error));
    QCOMPARE(m_fx.dump(), before);
}

void TestBadInput::moneyParseRefusesThreeDecimals_data() {
    QTest::addColumn<QString>("text");
    QTest::newRow("three decimals") << "10.005";
    QTest::newRow("three decimals, grouped") << "1,00,000.125";
    QTest::newRow("rupee sign, three decimals") << "₹ 12.500";
    QTest::newRow("letters") << "12abc";
    QTest::newRow("exponent") << "1e3";
    QTest::newRow("two signs") << "--5";
    QTest::newRow("empty") << "";
    QTest::newRow("beyond the input limit") << "10000000000000.01";
}

void TestBadInput::moneyParseRefusesThreeDecimals() {
    QFETCH(QString, text);
    QVERIFY2(!Money::parse(text).has_value(), qPrintable(text));
}

void TestBadInput::overpaymentOfDues() {
    auto buyer = m_fx.buyer(QStringLiteral("Dues Buyer"), money(u"500"));
    MARKET_REQUIRE_OK(buyer);
    SaleRequest r;
    r.buyerId = buyer->id;
    r.lines = {StoreFixture::line(m_lots[QStringLiteral("huge")], u"1", u"250.50")};
    MARKET_REQUIRE_OK(m_fx.sales().sell(m_fx.cashier, r));
    const QByteArray before = m_fx.dump();
    MARKET_REQUIRE_ERROR(
        m_fx.collections().collect(m_fx.cashier, buyer->id, money(u"250.51"), PaymentMethod::Cash),
        ErrorCode::Overpayment);
    MARKET_REQUIRE_ERROR(
        m_fx.collections().collect(m_fx.cashier, buyer->id, money(u"-1"), PaymentMethod::Cash),
        ErrorCode::InvalidInput);
    MARKET_REQUIRE_ERROR(m_fx.collections().collect(m_fx.cashier, buyer->id, money(u"1"), PaymentMethod::Cash,
                                                    QString(300, QLatin1Char('r'))),
                         ErrorCode::InvalidInput);
    QCOMPARE(m_fx.dump(), before);
}

void TestBadInput::cashierCannotDoManagersWork() {
    const Session& c = m_fx.cashier;
    const QByteArray before = m_fx.dump();
    MARKET_REQUIRE_ERROR(
        m_fx.catalog().createProduct(c, NewProductRequest{{}, QStringLiteral("Lily"), {}, {}}),
        ErrorCode::Forbidden);
    CommissionRule rule;
    rule.flatRateBp = 100;
    MARKET_REQUIRE_ERROR(m_fx.catalog().setCommissionRule(c, std::nullopt, rule), ErrorCode::Forbidden);
    MARKET_REQUIRE_ERROR(m_fx.auth().createUser(c, NewUserRequest{QStringLiteral("newcashier"),
                                                                  {},
                                                                  Role::Cashier,
                                                                  QStringLiteral("password-1"),
                                                                  {}}),
                         ErrorCode::Forbidden);
    MARKET_REQUIRE_ERROR(m_fx.parties().setCreditLimit(c, m_buyer.id, money(u"999999")),
                         ErrorCode::Forbidden);
    MARKET_REQUIRE_ERROR(
        m_fx.parties().create(
            c, NewPartyRequest{PartyKind::Buyer, {}, QStringLiteral("Big credit"), {}, money(u"50000")}),
        ErrorCode::Forbidden);
    MARKET_REQUIRE_ERROR(m_fx.arrivals().changeStatus(c, m_lots[QStringLiteral("active")],
                                                      LotStatus::Discarded, QStringLiteral("looks bad")),
                         ErrorCode::Forbidden);
    MARKET_REQUIRE_ERROR(m_fx.auth().changePassword(c, m_fx.manager.userId, QStringLiteral("taken-over-1")),
                         ErrorCode::Forbidden);
    // A manager may not create an owner either.
    MARKET_REQUIRE_ERROR(
        m_fx.auth().createUser(
            m_fx.manager,
            NewUserRequest{QStringLiteral("owner2"), {}, Role::Owner, QStringLiteral("password-1"), {}}),
        ErrorCode::Forbidden);
    QCOMPARE(m_fx.dump(), before);
}

void TestBadInput::names_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("prefix"); // what a person types to find it

    QTest::newRow("empty") << "" << false << "";
    QTest::newRow("blank") << "   \t " << false << "";
    QTest::newRow("10 KB") << QString(10 * 1024, QLatin1Char('x')) << false << "";
    QTest::newRow("201 characters") << QString(201, QLatin1Char('y')) << false << "";
    QTest::newRow("control character") << "Ravi\x01Kumar" << false << "";
    QTest::newRow("200 characters") << QString(200, QLatin1Char('z')) << true << "zzzz";
    QTest::newRow("quotes") << "O'Brien \"Bulk\" Traders" << true << "o'brien \"b";
    QTest::newRow("semicolons and dashes") << "Rao; Sons -- wholesale" << true << "rao; sons --";
    QTest::newRow("sql injection") << "'); DROP TABLE sale; --" << true << "'); drop";
    QTest::newRow("like wildcards") << "100%_Pure Flowers" << true << "100%_";
    QTest::newRow("backslash") << "C:\\Traders\\" << true << "c:\\t";
    QTest::newRow("devanagari") << "रमेश कुमार फूल भंडार" << true << "रमेश";
    QTest::newRow("telugu") << "వెంకట రెడ్డి పూల దుకాణం" << true << "వెంక";
    QTest::newRow("emoji and accents") << "Café 🌼 Flowers" << true << "CAFÉ";
}

void TestBadInput::names() {
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QFETCH(QString, prefix);

    const QByteArray before = m_fx.dump();
    auto party = m_fx.parties().create(m_fx.cashier, NewPartyRequest{PartyKind::Buyer, {}, name, {}, {}});
    auto product =
        m_fx.catalog().createProduct(m_fx.manager, NewProductRequest{{}, name, Category::Flower, Unit::Kg});
    if (!valid) {
        MARKET_REQUIRE_ERROR(party, ErrorCode::InvalidInput);
        MARKET_REQUIRE_ERROR(product, ErrorCode::InvalidInput);
        MARKET_REQUIRE_ERROR(
            m_fx.auth().createUser(m_fx.manager,
                                   NewUserRequest{QStringLiteral("named"), name, Role::Cashier, {}, {}}),
            ErrorCode::InvalidInput);
        QCOMPARE(m_fx.dump(), before);
        return;
    }
    MARKET_REQUIRE_OK(party);
    MARKET_REQUIRE_OK(product);
    // Stored verbatim, and nothing was executed.
    QCOMPARE(m_fx.scalar(QStringLiteral("SELECT name FROM party WHERE id = ?1"), {party->id.toString()})
                 .toString(),
             name);
    QCOMPARE(m_fx.scalar(QStringLiteral("SELECT name FROM product WHERE id = ?1"), {product->id.toString()})
                 .toString(),
             name);
    QVERIFY(m_fx.integer(QStringLiteral("SELECT count(*) FROM sale")) >= 1);
    auto loaded = m_fx.parties().get(party->id);
    MARKET_REQUIRE_OK(loaded);
    QCOMPARE(loaded->name, name);

    // Found by what a person types: a prefix, in any case.
    auto found = m_fx.parties().search(PartyKind::Buyer, prefix);
    MARKET_REQUIRE_OK(found);
    QVERIFY2(std::any_of(found->begin(), found->end(), [&](const PartyDoc& p) { return p.id == party->id; }),
             qPrintable(prefix));
    for (const auto& p : *found)
        QVERIFY2(p.name.toCaseFolded().startsWith(prefix.toCaseFolded()) ||
                     p.code.startsWith(prefix.toUpper()),
                 qPrintable(p.name));
    auto products = m_fx.catalog().searchProducts(prefix);
    MARKET_REQUIRE_OK(products);
    QVERIFY(std::any_of(products->begin(), products->end(),
                        [&](const ProductDoc& p) { return p.id == product->id; }));
}

void TestBadInput::searchTreatsTextAsData() {
    auto phoned = m_fx.parties().create(
        m_fx.cashier,
        NewPartyRequest{
            PartyKind::Buyer, {}, QStringLiteral("Phone Buyer"), QStringLiteral("+91 98480 12345"), {}});
    MARKET_REQUIRE_OK(phoned);
    // Found by phone prefix.
    auto byPhone = m_fx.parties().search(PartyKind::Buyer, QStringLiteral("+91 9848"));
    MARKET_REQUIRE_OK(byPhone);
    QCOMPARE(byPhone->size(), size_t(1));
    // LIKE wildcards typed by a person match only themselves, in names, codes and phones.
    for (const char16_t* text : {u"%", u"_", u"%%", u"_%", u"\\"}) {
        const QString t = QString::fromUtf16(text);
        auto found = m_fx.parties().search(PartyKind::Buyer, t);
        MARKET_REQUIRE_OK(found);
        for (const auto& p : *found)
            QVERIFY2(p.name.startsWith(t) || p.code.startsWith(t) || p.phone.startsWith(t),
                     qPrintable(t + QStringLiteral(" matched ") + p.name));
        auto products = m_fx.catalog().searchProducts(t);
        MARKET_REQUIRE_OK(products);
        for (const auto& p : *products)
            QVERIFY2(p.name.startsWith(t) || p.code.startsWith(t),
                     qPrintable(t + QStringLiteral(" matched ") + p.name));
    }
}

void TestBadInput::lockoutAndUnlock() {
    AuthService auth = m_fx.auth();
    for (int i = 1; i < AuthService::kMaxFailures; ++i)
        MARKET_REQUIRE_ERROR(auth.login(QStringLiteral("cashier"), QStringLiteral("wrong-password")),
                             ErrorCode::AuthenticationFailed);
    MARKET_REQUIRE_ERROR(auth.login(QStringLiteral("cashier"), QStringLiteral("wrong-password")),
                         ErrorCode::LockedOut);
    // Locked: even the right password is refused, without a hash being tried.
    MARKET_REQUIRE_ERROR(auth.login(QStringLiteral("cashier"), StoreFixture::kCashierPassword),
                         ErrorCode::LockedOut);
    QCOMPARE(m_fx.integer(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'user.locked_out'")),
             qint64(1));
    auto users = auth.users();
    MARKET_REQUIRE_OK(users);
    QVERIFY(std::any_of(users->begin(), users->end(),
                        [](const UserSummary& u) { return u.username == u"cashier" && u.lockedOut; }));
    m_fx.clock.advanceMs(AuthService::kLockoutMs - 1000);
    MARKET_REQUIRE_ERROR(auth.login(QStringLiteral("cashier"), StoreFixture::kCashierPassword),
                         ErrorCode::LockedOut);
    m_fx.clock.advanceMs(1000);
    auto session = auth.login(QStringLiteral("cashier"), StoreFixture::kCashierPassword);
    MARKET_REQUIRE_OK(session);
    QCOMPARE(session->userId, m_fx.cashier.userId);
    QCOMPARE(
        m_fx.integer(QStringLiteral("SELECT failed_attempts + locked_until_ms FROM app_user WHERE username = "
                                    "'cashier'")),
        qint64(0));
}

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_bad_input.moc"
