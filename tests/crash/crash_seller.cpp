// The child of tst_crash_safety: sells in a loop until it is killed.
//
// Usage: crash_seller <store file> <seed>
// Logs in once as "cashier", prints "READY", then sells forever (1–3 lines, split payments, some
// credit within the buyers' limits, some walk-ins) and prints "DONE <receiptNo> <saleId>" after
// each committed sale, flushed at once, so the parent knows which sales the counter reported.
#include "domain/Clock.h"
#include "services/ArrivalService.h"
#include "services/AuthService.h"
#include "services/PartyService.h"
#include "services/SaleService.h"
#include "store/Store.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <cstdio>

using namespace market::core;

namespace {

int fail(const QString& what, const Error& e) {
    std::fprintf(stderr, "crash_seller: %s: %s\n", qUtf8Printable(what), qUtf8Printable(e.message));
    return 2;
}

void say(const QByteArray& line) {
    // One write(2) per line, well under PIPE_BUF: the parent never sees half a line.
    std::fwrite(line.constData(), 1, static_cast<size_t>(line.size()), stdout);
    std::fflush(stdout);
}

Result<std::vector<Uuid>> activeLots(Store& store) {
    LotFilter filter;
    filter.activeOnly = true;
    filter.limit = 500;
    auto lots = ArrivalService(store).lots(filter);
    if (!lots.ok())
        return lots.error();
    std::vector<Uuid> ids;
    for (const auto& l : *lots)
        if (l.left.thousandths() > 0)
            ids.push_back(l.lot.id);
    return ids;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 3) {
        std::fprintf(stderr, "usage: crash_seller <store file> <seed>\n");
        return 2;
    }
    QRandomGenerator rng(args.at(2).toUInt());

    SystemClock clock;
    auto opened = Store::open(args.at(1), clock);
    if (!opened.ok())
        return fail(QStringLiteral("opening the store"), opened.error());
    Store& store = **opened;

    auto session = AuthService(store).login(QStringLiteral("cashier"), QStringLiteral("cashier-pass-1"));
    if (!session.ok())
        return fail(QStringLiteral("logging in"), session.error());

    auto buyers = PartyService(store).search(PartyKind::Buyer, QString(), 100);
    if (!buyers.ok())
        return fail(QStringLiteral("listing buyers"), buyers.error());
    auto lots = activeLots(store);
    if (!lots.ok())
        return fail(QStringLiteral("listing lots"), lots.error());

    SaleService sales(store);
    say("READY\n");

    for (;;) {
        if (lots->empty())
            return fail(QStringLiteral("selling"),
                        Error{ErrorCode::InsufficientStock, QStringLiteral("no lot left")});
        SaleRequest r;
        const int lineCount = 1 + static_cast<int>(rng.bounded(3));
        for (int i = 0; i < lineCount; ++i) {
            SaleLineRequest line;
            line.lotId = lots->at(rng.bounded(static_cast<quint32>(lots->size())));
            line.qty = Quantity::fromThousandths(500 + rng.bounded(19'500)); // 0.5–20 kg
            line.price = Money::fromMinor(1'000 + rng.bounded(11'000));      // ₹10–120 a kg
            r.lines.push_back(line);
        }
        const bool walkIn = buyers->empty() || rng.bounded(4) == 0;
        if (!walkIn)
            r.buyerId = buyers->at(rng.bounded(static_cast<quint32>(buyers->size()))).id;
        else
            r.walkinName = QStringLiteral("Walk-in %1").arg(rng.bounded(1000));

        // Priced first to learn the total (with ample cash: a walk-in must pay in full).
        r.payments.push_back(
            PaymentRequest{PaymentMethod::Cash, Money::fromMinor(1'000'000'000'000), QString()});
        auto quote = sales.quote(*session, r);
        r.payments.clear();
        if (!quote.ok()) {
            if (quote.error().code == ErrorCode::InsufficientStock ||
                quote.error().code == ErrorCode::InvalidState) {
                lots = activeLots(store); // a lot sold out under us: pick again
                if (!lots.ok())
                    return fail(QStringLiteral("listing lots"), lots.error());
                continue;
            }
            return fail(QStringLiteral("quoting"), quote.error());
        }
        const qint64 total = quote->total.minor();
        // Split payment: part by UPI, the rest in cash (walk-ins hand over round notes and get
        // change); a registered buyer sometimes leaves part on credit.
        const qint64 upi = total > 1 ? static_cast<qint64>(rng.bounded(static_cast<quint32>(total / 2))) : 0;
        qint64 cash = total - upi;
        const bool credit = !walkIn && rng.bounded(3) == 0;
        if (credit)
            cash = cash / (2 + static_cast<qint64>(rng.bounded(3)));
        else if (walkIn)
            cash = (cash / 10'000 + 1) * 10'000;
        if (upi > 0)
            r.payments.push_back(PaymentRequest{PaymentMethod::Upi, Money::fromMinor(upi),
                                                QStringLiteral("UPI-%1").arg(rng.generate())});
        if (cash > 0)
            r.payments.push_back(PaymentRequest{PaymentMethod::Cash, Money::fromMinor(cash), QString()});

        auto sold = sales.sell(*session, r);
        if (!sold.ok() && sold.error().code == ErrorCode::CreditLimitExceeded) {
            // Over the limit: the buyer pays in full instead (no override in this loop).
            r.payments.clear();
            if (upi > 0)
                r.payments.push_back(PaymentRequest{PaymentMethod::Upi, Money::fromMinor(upi), QString()});
            r.payments.push_back(
                PaymentRequest{PaymentMethod::Cash, Money::fromMinor(total - upi), QString()});
            sold = sales.sell(*session, r);
        }
        if (!sold.ok())
            return fail(QStringLiteral("selling"), sold.error());
        say("DONE " + sold->receiptNo.toUtf8() + ' ' + sold->id.toString().toUtf8() + '\n');
        if (rng.bounded(8) == 0 || lots->size() < 3) {
            lots = activeLots(store); // small lots close as they sell out
            if (!lots.ok())
                return fail(QStringLiteral("listing lots"), lots.error());
        }
    }
}
