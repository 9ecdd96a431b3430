#include "Demo.h"

#include "Args.h"
#include "Command.h"
#include "Context.h"
#include "DemoData.h"
#include "Output.h"
#include "Reports.h"
#include "services/AuthService.h"
#include "services/CashSessionService.h"
#include "services/CatalogService.h"
#include "services/ChargeService.h"
#include "services/CollectionService.h"
#include "services/ExpenseService.h"
#include "services/FarmerPaymentService.h"
#include "services/PartyService.h"
#include "services/ReportService.h"
#include "services/SaleService.h"
#include "services/SetupService.h"

#include <QJsonObject>
#include <algorithm>

namespace market::cli {

using namespace market::core;

namespace {
const QString kShopName = QStringLiteral("Sri Lakshmi Flower & Vegetable Commission Agents");

QString text(const char16_t* s) {
    return QString::fromUtf16(s);
}

Money rupees(qint64 r) {
    return Money::fromMinor(r * 100);
}

/// Rounds paise down to a multiple of `step` paise.
Money roundDown(Money m, qint64 step) {
    return Money::fromMinor(m.minor() / step * step);
}
Money roundUp(Money m, qint64 step) {
    return Money::fromMinor((m.minor() + step - 1) / step * step);
}

template <typename T> Status okOr(const Result<T>& r) {
    if (!r.ok())
        return r.error();
    return okStatus();
}
} // namespace

DemoBuilder::DemoBuilder(Context& ctx, ManualClock& clock, quint64 seed, int days, QDate lastDay)
    : m_ctx(ctx)
    , m_clock(clock)
    , m_state(seed)
    , m_days(days)
    , m_lastDay(lastDay) {}

// splitmix64: the same sequence on every platform, unlike std:: distributions.
quint64 DemoBuilder::next() {
    quint64 z = (m_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

qint64 DemoBuilder::between(qint64 lo, qint64 hi) {
    return lo + static_cast<qint64>(next() % static_cast<quint64>(hi - lo + 1));
}

QString DemoBuilder::secret(const QString& prefix, int length) {
    static const QString alphabet = QStringLiteral("abcdefghjkmnpqrstuvwxyz23456789");
    QString s = prefix;
    for (int i = 0; i < length; ++i)
        s += alphabet.at(between(0, alphabet.size() - 1));
    return s;
}

void DemoBuilder::at(QDate day, int hour, int minute) {
    m_clock.setMs(QDateTime(day, QTime(hour, minute), m_ctx.timeZone()).toMSecsSinceEpoch());
}

void DemoBuilder::advanceMinutes(qint64 lo, qint64 hi) {
    m_clock.advanceMs(between(lo, hi) * 60'000 + between(0, 59) * 1000);
}

Status DemoBuilder::setUpShop() {
    struct Person {
        const char* username;
        const char16_t* name;
        Role role;
    };
    const Person people[] = {{"owner", u"Srinivasa Rao Gupta", Role::Owner},
                             {"manager", u"लक्ष्मी प्रसाद", Role::Manager},
                             {"cashier", u"రవి తేజ", Role::Cashier}};
    StandaloneShopRequest request;
    request.shopCode = QStringLiteral("HYD01");
    request.shopName = kShopName;
    request.currency = Currency::INR;
    request.timeZone = QStringLiteral("Asia/Kolkata");
    request.terminalNumber = 1;
    request.terminalName = QStringLiteral("Counter 1");
    request.ownerUsername = QString::fromLatin1(people[0].username);
    request.ownerDisplayName = text(people[0].name);
    request.ownerPassword = secret(QStringLiteral("owner-"), 8);
    auto owner = SetupService(m_ctx.store()).createStandaloneShop(request);
    if (!owner.ok())
        return owner.error();
    m_owner = owner.value();
    m_users.append(QJsonObject{{QStringLiteral("username"), request.ownerUsername},
                               {QStringLiteral("displayName"), request.ownerDisplayName},
                               {QStringLiteral("role"), roleName(Role::Owner)},
                               {QStringLiteral("password"), request.ownerPassword},
                               {QStringLiteral("pin"), QString()}});

    AuthService auth(m_ctx.store());
    for (const Person& p : {people[1], people[2]}) {
        NewUserRequest user;
        user.username = QString::fromLatin1(p.username);
        user.displayName = text(p.name);
        user.role = p.role;
        user.password = secret(user.username + QLatin1Char('-'), 8);
        user.pin = QString::number(between(1000, 9999));
        MARKET_TRY(okOr(auth.createUser(m_owner, user)));
        // Log in once per user; every later action reuses the session.
        auto session = auth.login(user.username, user.password);
        if (!session.ok())
            return session.error();
        (p.role == Role::Manager ? m_manager : m_cashier) = session.value();
        if (p.role == Role::Manager)
            m_managerPin = user.pin;
        m_users.append(QJsonObject{{QStringLiteral("username"), user.username},
                                   {QStringLiteral("displayName"), user.displayName},
                                   {QStringLiteral("role"), roleName(user.role)},
                                   {QStringLiteral("password"), user.password},
                                   {QStringLiteral("pin"), user.pin}});
    }
    return okStatus();
}

Status DemoBuilder::setUpCatalog() {
    CatalogService catalog(m_ctx.store());
    const auto& specs = demo::products();
    for (std::size_t i = 0; i < specs.size(); ++i) {
        NewProductRequest request;
        request.code = text(specs[i].code);
        request.name = text(specs[i].name);
        request.category = specs[i].category;
        request.unit = specs[i].unit;
        auto product = catalog.createProduct(m_manager, request);
        if (!product.ok())
            return product.error();
        m_products.push_back({product->id, i});
        m_specOf[product->id] = i;
    }
    CommissionRule flat;
    flat.kind = CommissionKind::Flat;
    flat.flatRateBp = 500;
    MARKET_TRY(okOr(catalog.setCommissionRule(m_manager, std::nullopt, flat)));
    // Tomato moves in bulk: smaller lines pay less, big lines more.
    auto slabs = args::slabs(QStringLiteral("0-100:3,100-500:5,500-:7"));
    if (!slabs.ok())
        return slabs.error();
    MARKET_TRY(okOr(catalog.setCommissionRule(m_manager, m_products.front().id, slabs.value())));
    // The usual mandi charges: the market committee's fee on the buyer's bill, the porters'
    // hamali per bag deducted from the farmer.
    ChargeService charges(m_ctx.store());
    MARKET_TRY(okOr(charges.set(m_manager, ChargeRule{{},
                                                      QStringLiteral("CESS"),
                                                      tr("Market fee"),
                                                      ChargeBasis::Percent,
                                                      100,
                                                      ChargePayer::Buyer,
                                                      {}})));
    MARKET_TRY(okOr(charges.set(m_manager, ChargeRule{{},
                                                      QStringLiteral("HAMALI"),
                                                      tr("Hamali"),
                                                      ChargeBasis::PerPackage,
                                                      200,
                                                      ChargePayer::Farmer,
                                                      {}})));
    return okStatus();
}

Status DemoBuilder::setUpParties() {
    PartyService parties(m_ctx.store());
    for (const auto& f : demo::farmers()) {
        NewPartyRequest request;
        request.kind = PartyKind::Farmer;
        request.name = text(f.name);
        request.phone = text(f.phone);
        auto party = parties.create(m_cashier, request);
        if (!party.ok())
            return party.error();
        m_farmers.push_back(party->id);
    }
    for (const auto& b : demo::buyers()) {
        NewPartyRequest request;
        request.kind = PartyKind::Buyer;
        request.name = text(b.name);
        request.phone = text(b.phone);
        request.creditLimit = rupees(b.creditLimitRupees);
        auto party = parties.create(m_manager, request);
        if (!party.ok())
            return party.error();
        m_buyers.push_back({party->id, party->creditLimit});
    }
    return okStatus();
}

Status DemoBuilder::recordArrival() {
    const Product& product = m_products[static_cast<std::size_t>(between(0, qint64(m_products.size()) - 1))];
    const auto& spec = demo::products()[product.spec];
    ArrivalRequest request;
    request.farmerId = m_farmers[static_cast<std::size_t>(between(0, qint64(m_farmers.size()) - 1))];
    request.productId = product.id;
    const qint64 units = between(spec.lotMin, spec.lotMax);
    request.packages = std::max<qint64>(1, units / spec.unitsPerPackage);
    if (unitIsWeighed(spec.unit)) {
        const Quantity net = Quantity::fromThousandths(units * 1000 + between(0, 1) * 500);
        const Quantity tare = Quantity::fromThousandths(request.packages * spec.tarePerPackageG);
        request.grossQty = net + tare;
        request.tareQty = tare;
    } else {
        request.netQty = Quantity::fromUnits(units);
    }
    static const char16_t* const grades[] = {u"A", u"A", u"B", u""};
    request.grade = text(grades[between(0, 3)]);
    if (chance(60))
        request.vehicle =
            text(demo::vehicles()[static_cast<std::size_t>(between(0, qint64(demo::vehicles().size()) - 1))]);
    if (chance(10))
        request.notes = QStringLiteral("Some crates wet from rain; sell first");
    MARKET_TRY(okOr(ArrivalService(m_ctx.store()).recordArrival(m_cashier, request)));
    ++m_arrivals;
    return okStatus();
}

std::vector<PaymentRequest> DemoBuilder::paymentPlan(Money total, bool walkin, Money limit) {
    const auto upiRef = [this] {
        return QStringLiteral("UTR%1").arg(between(100'000'000'000LL, 999'999'999'999LL));
    };
    const qint64 kind = walkin ? (chance(70) ? 0 : 1) : between(0, 99);
    if (kind < 35 || (kind >= 70 && limit.isZero())) {
        // Cash, often a round note handed over with change back.
        const Money tendered = chance(50) ? total : roundUp(total, 10'000);
        return {{PaymentMethod::Cash, tendered, {}}};
    }
    if (kind < 55)
        return {{PaymentMethod::Upi, total, upiRef()}};
    if (kind < 70) {
        const Money cash = roundDown(Money::fromMinor(total.minor() * between(30, 60) / 100), 1'000);
        if (cash.isZero())
            return {{PaymentMethod::Upi, total, upiRef()}};
        return {{PaymentMethod::Cash, cash, {}}, {PaymentMethod::Upi, total - cash, upiRef()}};
    }
    // Credit: nothing now, or part in cash.
    if (chance(50))
        return {};
    const Money cash = roundDown(Money::fromMinor(total.minor() * between(10, 50) / 100), 10'000);
    if (cash.isZero())
        return {};
    return {{PaymentMethod::Cash, cash, {}}};
}

Status DemoBuilder::sellOnce() {
    ArrivalService arrivals(m_ctx.store());
    LotFilter filter;
    filter.activeOnly = true;
    filter.limit = 1000;
    auto lots = arrivals.lots(filter);
    if (!lots.ok())
        return lots.error();
    std::vector<LotSummary> available;
    for (const auto& l : lots.value())
        if (l.left.isPositive())
            available.push_back(l);
    if (available.empty())
        return okStatus();

    SaleRequest request;
    const bool walkin = chance(25);
    Money limit;
    if (walkin) {
        static const char16_t* const names[] = {u"", u"Kiran", u"सीमा", u"శ్రీనివాస్"};
        request.walkinName = text(names[between(0, 3)]);
    } else {
        const Buyer& buyer = m_buyers[static_cast<std::size_t>(between(0, qint64(m_buyers.size()) - 1))];
        request.buyerId = buyer.id;
        limit = buyer.limit;
    }
    const qint64 lineCount = std::min<qint64>(between(1, 3), qint64(available.size()));
    for (qint64 i = 0; i < lineCount; ++i) {
        // Older lots first, as a trader clears yesterday's stock before today's.
        const std::size_t pick =
            static_cast<std::size_t>(between(i, std::min<qint64>(i + 4, qint64(available.size()) - 1)));
        std::swap(available[static_cast<std::size_t>(i)], available[pick]);
        const LotSummary& lot = available[static_cast<std::size_t>(i)];
        const auto& spec = demo::products()[m_specOf[lot.lot.productId]];
        qint64 qty = unitIsWeighed(spec.unit) ? between(spec.lineMin * 2, spec.lineMax * 2) * 500
                                              : between(spec.lineMin, spec.lineMax) * 1000;
        // Clear the lot rather than leave a scrap nobody will buy.
        if (lot.left.thousandths() - qty < spec.lineMin * 500)
            qty = lot.left.thousandths();
        const qint64 price = std::max<qint64>(50, (spec.pricePaise * between(85, 115) / 100 + 25) / 50 * 50);
        request.lines.push_back({lot.lot.id, Quantity::fromThousandths(qty), Money::fromMinor(price)});
    }

    SaleService sales(m_ctx.store());
    if (walkin) {
        // A walk-in's bill must be paid in full even to be quoted: tender a generous note (twice
        // the goods covers any buyer-side charges).
        Money estimate;
        for (const auto& line : request.lines)
            estimate += Money::lineAmount(line.qty, line.price).value_or(Money());
        request.payments = {{PaymentMethod::Cash, roundUp(estimate + estimate + rupees(1), 10'000), {}}};
    }
    auto quote = sales.quote(m_cashier, request);
    if (!quote.ok())
        return quote.error();
    request.payments = paymentPlan(quote->total, walkin, limit);
    quote = sales.quote(m_cashier, request);
    if (!quote.ok())
        return quote.error();
    if (quote->needsOverride) {
        if (m_overrides == 0) {
            // Once in the demo: the manager allows a regular buyer past the limit with a PIN.
            auto manager = AuthService(m_ctx.store())
                               .authorize(m_manager.username, m_managerPin, Permission::OverrideCreditLimit);
            if (!manager.ok())
                return manager.error();
            request.creditOverride = CreditOverride{
                manager.value(), QStringLiteral("Regular buyer for 10 years; pays every Monday")};
            ++m_overrides;
        } else {
            request.payments = {{PaymentMethod::Upi, quote->total,
                                 QStringLiteral("UTR%1").arg(between(100'000'000'000LL, 999'999'999'999LL))}};
        }
    }
    auto sale = sales.sell(m_cashier, request);
    if (!sale.ok())
        return sale.error();
    ++m_sales;
    if (sale->credit.isPositive())
        ++m_creditSales;
    return okStatus();
}

Status DemoBuilder::collectOnce() {
    auto balances = ReportService(m_ctx.store()).buyerBalances();
    if (!balances.ok())
        return balances.error();
    std::vector<BuyerBalance> owing;
    for (const auto& b : balances.value())
        if (b.outstanding.isPositive())
            owing.push_back(b);
    if (owing.empty())
        return okStatus();
    const BuyerBalance& buyer = owing[static_cast<std::size_t>(between(0, qint64(owing.size()) - 1))];
    Money amount =
        chance(40) ? buyer.outstanding
                   : roundDown(Money::fromMinor(buyer.outstanding.minor() * between(30, 90) / 100), 10'000);
    if (!amount.isPositive())
        amount = buyer.outstanding;
    const qint64 m = between(0, 99);
    const PaymentMethod method =
        m < 50 ? PaymentMethod::Cash : (m < 85 ? PaymentMethod::Upi : PaymentMethod::BankTransfer);
    const QString reference =
        method == PaymentMethod::Cash
            ? QString()
            : QStringLiteral("UTR%1").arg(between(100'000'000'000LL, 999'999'999'999LL));
    MARKET_TRY(
        okOr(CollectionService(m_ctx.store()).collect(m_cashier, buyer.buyerId, amount, method, reference)));
    ++m_collections;
    return okStatus();
}

Status DemoBuilder::openDrawer() {
    // The cashier starts the day with ₹2,000 of change in the drawer.
    MARKET_TRY(okOr(CashSessionService(m_ctx.store()).open(m_cashier, rupees(2000))));
    return okStatus();
}

Status DemoBuilder::payFarmers() {
    // After the noon collections the manager settles with a farmer or two: small sums in cash
    // from the drawer, larger ones by bank transfer; now and then an advance before a harvest.
    FarmerPaymentService payments(m_ctx.store());
    CashSessionService cash(m_ctx.store());
    const qint64 count = between(1, 2);
    for (qint64 i = 0; i < count; ++i) {
        const Uuid farmer = m_farmers[static_cast<std::size_t>(between(0, qint64(m_farmers.size()) - 1))];
        auto due = payments.payable(farmer);
        if (!due.ok())
            return due.error();
        FarmerPaymentKind kind = FarmerPaymentKind::Settlement;
        // Farmers take most of what they are owed; the rest waits for the next visit.
        Money amount = roundDown(Money::fromMinor(due->minor() * between(50, 100) / 100), 10'000);
        if (!amount.isPositive()) {
            if (!chance(30))
                continue;
            kind = FarmerPaymentKind::Advance;
            amount = rupees(between(5, 20) * 100);
        }
        auto open = cash.openSession();
        if (!open.ok())
            return open.error();
        Money inDrawer;
        if (*open) {
            auto figures = cash.report(**open);
            if (!figures.ok())
                return figures.error();
            inDrawer = figures->expected;
        }
        // Cash from the drawer while the float stays in it; bigger sums by bank transfer.
        const bool byCash = amount <= rupees(20000) && amount + rupees(2000) <= inDrawer;
        const PaymentMethod method = byCash ? PaymentMethod::Cash : PaymentMethod::BankTransfer;
        const QString reference =
            byCash ? QString() : QStringLiteral("NEFT%1").arg(between(100'000'000LL, 999'999'999LL));
        MARKET_TRY(okOr(payments.pay(m_manager, farmer, kind, amount, method, reference)));
        ++m_farmerPayments;
        advanceMinutes(5, 15);
    }
    return okStatus();
}

Status DemoBuilder::recordExpenses(int dayIndex) {
    ExpenseService expenses(m_ctx.store());
    // Hamali (loading) wages in cash every day, tea now and then, rent by bank once.
    MARKET_TRY(okOr(expenses.record(m_cashier, ExpenseCategory::Wage, rupees(between(3, 6) * 100),
                                    PaymentMethod::Cash, QStringLiteral("Hamali wages, 2 loaders"))));
    ++m_expenses;
    if (chance(50)) {
        advanceMinutes(2, 6);
        MARKET_TRY(okOr(expenses.record(m_cashier, ExpenseCategory::Other, rupees(between(4, 12) * 10),
                                        PaymentMethod::Cash, QStringLiteral("Tea and snacks"))));
        ++m_expenses;
    }
    if (dayIndex == 0) {
        advanceMinutes(2, 6);
        MARKET_TRY(okOr(expenses.record(m_manager, ExpenseCategory::Rent, rupees(18000),
                                        PaymentMethod::BankTransfer, QStringLiteral("Shop rent"))));
        ++m_expenses;
    }
    return okStatus();
}

Status DemoBuilder::closeDrawer(QDate day, bool shortDay) {
    CashSessionService cash(m_ctx.store());
    auto open = cash.openSession();
    if (!open.ok())
        return open.error();
    if (!*open)
        return okStatus();
    auto figures = cash.report(**open);
    if (!figures.ok())
        return figures.error();
    if (figures->expected > rupees(10000)) {
        // The day's takings go to the bank; tomorrow starts from a fresh float.
        const Money deposit = roundDown(figures->expected - rupees(2000), 10'000);
        MARKET_TRY(
            okOr(cash.move(m_cashier, false, deposit, QStringLiteral("Deposited at SBI Begum Bazar"))));
        advanceMinutes(2, 5);
        figures = cash.report(**open);
        if (!figures.ok())
            return figures.error();
    }
    // Most days the count matches; one day the drawer is ₹50 short.
    const Money counted = shortDay ? figures->expected - rupees(50) : figures->expected;
    auto z = cash.close(m_cashier, counted);
    if (!z.ok())
        return z.error();
    m_cashSessions.append(QJsonObject{{QStringLiteral("day"), day.toString(Qt::ISODate)},
                                      {QStringLiteral("sessionId"), z->sessionId.toString()},
                                      {QStringLiteral("openingFloat"), z->openingFloat.minor()},
                                      {QStringLiteral("expected"), z->expected.minor()},
                                      {QStringLiteral("counted"), z->counted ? z->counted->minor() : 0},
                                      {QStringLiteral("variance"), z->variance ? z->variance->minor() : 0}});
    return okStatus();
}

Status DemoBuilder::build() {
    const QDate firstDay = m_lastDay.addDays(1 - m_days);
    at(firstDay.addDays(-1), 17, 30); // the shop is set up the evening before
    MARKET_TRY(setUpShop());
    MARKET_TRY(setUpCatalog());
    MARKET_TRY(setUpParties());

    for (int d = 0; d < m_days; ++d) {
        const QDate day = firstDay.addDays(d);
        // Lorries arrive before dawn; trading runs through the morning; dues come in at noon.
        at(day, 4, static_cast<int>(between(0, 20)));
        const qint64 arrivalsToday = d == 0 ? 10 : between(5, 8);
        for (qint64 i = 0; i < arrivalsToday; ++i) {
            MARKET_TRY(recordArrival());
            advanceMinutes(4, 12);
        }
        at(day, 5, static_cast<int>(between(40, 55)));
        MARKET_TRY(openDrawer());
        at(day, 6, static_cast<int>(between(0, 15)));
        const qint64 salesToday = between(14, 20);
        for (qint64 i = 0; i < salesToday; ++i) {
            MARKET_TRY(sellOnce());
            advanceMinutes(8, 20);
        }
        if (d > 0 && chance(70)) {
            at(day, 12, static_cast<int>(between(0, 10)));
            const qint64 collectionsToday = between(1, 3);
            for (qint64 i = 0; i < collectionsToday; ++i) {
                MARKET_TRY(collectOnce());
                advanceMinutes(3, 10);
            }
        }
        // Then the day's expenses and farmer payments (the clock only moves forward).
        advanceMinutes(3, 8);
        MARKET_TRY(recordExpenses(d));
        advanceMinutes(3, 8);
        MARKET_TRY(payFarmers());
        // The drawer is counted in the evening; on the last day right after the morning's trade,
        // so nothing is dated after now.
        if (day == m_lastDay)
            advanceMinutes(1, 3);
        else
            at(day, 19, static_cast<int>(between(0, 30)));
        MARKET_TRY(closeDrawer(day, d == std::max(0, m_days - 2)));
    }
    at(m_lastDay, 13, 0);
    return okStatus();
}

namespace {
int runDemo(Context& ctx) {
    qint64 days = 7;
    qint64 seed = 1;
    if (ctx.isSet(QStringLiteral("days"))) {
        MARKETCTL_ASSIGN(days,
                         args::integer(QStringLiteral("days"), ctx.value(QStringLiteral("days")), 1, 90));
    }
    if (ctx.isSet(QStringLiteral("seed"))) {
        MARKETCTL_ASSIGN(seed, args::integer(QStringLiteral("seed"), ctx.value(QStringLiteral("seed")), 0,
                                             std::numeric_limits<qint64>::max()));
    }
    // The last demo day is today once the morning's trade is over, else yesterday: no
    // document is dated in the future.
    const QTimeZone zone(QByteArrayLiteral("Asia/Kolkata"));
    const QDateTime nowLocal = QDateTime::currentDateTimeUtc().toTimeZone(zone);
    const QDate lastDay = nowLocal.time() >= QTime(13, 0) ? nowLocal.date() : nowLocal.date().addDays(-1);

    auto clock = std::make_unique<ManualClock>(QDateTime::currentMSecsSinceEpoch());
    ManualClock& manual = *clock;
    ctx.setClock(std::move(clock));
    MARKETCTL_CHECK(ctx.openStore(Context::StoreUse::NewShop));

    DemoBuilder builder(ctx, manual, static_cast<quint64>(seed), static_cast<int>(days), lastDay);
    MARKETCTL_CHECK(builder.build());
    MARKETCTL_ASSIGN(const DaySummary summary, daySummary(ctx, lastDay));

    const QDate firstDay = lastDay.addDays(1 - days);
    if (ctx.json()) {
        printJson(QJsonObject{{QStringLiteral("db"), ctx.storePath()},
                              {QStringLiteral("shopCode"), ctx.shop().shopCode},
                              {QStringLiteral("shopName"), ctx.shop().shopName},
                              {QStringLiteral("seed"), seed},
                              {QStringLiteral("firstDay"), firstDay.toString(Qt::ISODate)},
                              {QStringLiteral("lastDay"), lastDay.toString(Qt::ISODate)},
                              {QStringLiteral("users"), builder.usersJson()},
                              {QStringLiteral("arrivals"), builder.arrivals()},
                              {QStringLiteral("sales"), builder.sales()},
                              {QStringLiteral("creditSales"), builder.creditSales()},
                              {QStringLiteral("overrides"), builder.overrides()},
                              {QStringLiteral("collections"), builder.collections()},
                              {QStringLiteral("farmerPayments"), builder.farmerPayments()},
                              {QStringLiteral("expenses"), builder.expenses()},
                              {QStringLiteral("cashSessions"), builder.cashSessionsJson()},
                              {QStringLiteral("summary"), daySummaryJson(ctx, lastDay, summary)}});
        return kExitOk;
    }
    printLine(tr("Demo shop %1 \"%2\" in %3").arg(ctx.shop().shopCode, ctx.shop().shopName, ctx.storePath()));
    printLine(tr("Users (demo secrets, shown only this once):"));
    QList<QStringList> rows;
    for (const auto& u : builder.usersJson()) {
        const QJsonObject o = u.toObject();
        rows.append(
            {QStringLiteral("  ") + o.value(QStringLiteral("username")).toString(),
             o.value(QStringLiteral("role")).toString(), o.value(QStringLiteral("displayName")).toString(),
             o.value(QStringLiteral("password")).toString(), o.value(QStringLiteral("pin")).toString()});
    }
    printTable({tr("  USER"), tr("ROLE"), tr("NAME"), tr("PASSWORD"), tr("PIN")}, rows);
    printLine(tr("%1 days (%2 … %3), seed %4: %5 arrivals, %6 sales (%7 with credit, %8 manager override), "
                 "%9 collections, %10 farmer payments, %11 expenses, %12 cash sessions")
                  .arg(days)
                  .arg(firstDay.toString(Qt::ISODate), lastDay.toString(Qt::ISODate))
                  .arg(seed)
                  .arg(builder.arrivals())
                  .arg(builder.sales())
                  .arg(builder.creditSales())
                  .arg(builder.overrides())
                  .arg(builder.collections())
                  .arg(builder.farmerPayments())
                  .arg(builder.expenses())
                  .arg(builder.cashSessionsJson().size()));
    printLine(QString());
    return printDaySummary(ctx, lastDay);
}
} // namespace

std::vector<Command> demoCommands() {
    return {
        {QStringLiteral("demo"),
         tr("Build a demo shop with several days of trade and print the last day's summary"),
         {makeOption("days", "Days of history ending today (or yesterday before 13:00 IST); default 7.", "n"),
          makeOption("seed", "Seed of the generator; the same seed gives the same shop (default 1).", "n")},
         runDemo,
         tr("Refuses a store that already holds a shop: give a new --db file. Prints the demo users'\n"
            "passwords and PINs once.")},
    };
}

} // namespace market::cli
