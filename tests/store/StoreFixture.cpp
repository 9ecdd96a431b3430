#include "StoreFixture.h"

#include "services/CashSessionService.h"

#include <QFile>
#include <sqlite3.h>

namespace market::test {

Money money(QStringView text) {
    const auto m = Money::parse(text);
    if (!m)
        qFatal("test table: bad money literal %s", qPrintable(text.toString()));
    return *m;
}

Quantity qty(QStringView text) {
    const auto q = Quantity::parse(text);
    if (!q)
        qFatal("test table: bad quantity literal %s", qPrintable(text.toString()));
    return *q;
}

StoreFixture::StoreFixture() = default;
StoreFixture::~StoreFixture() = default;

namespace {
QString snapshotPath(const QString& path) {
    return path + QStringLiteral(".snapshot");
}

void removeDbFiles(const QString& path) {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        QFile::remove(path + QLatin1String(suffix));
}
} // namespace

Status StoreFixture::open() {
    auto s = Store::open(path(), clock);
    if (!s.ok())
        return s.error();
    m_store = std::move(s).value();
    return okStatus();
}

Status StoreFixture::setUp(Options options, const std::optional<Enrolment>& enrolment) {
    if (!m_dir.isValid())
        return Error{ErrorCode::Storage, QStringLiteral("no temporary folder")};
    MARKET_TRY(open());
    if (enrolment)
        MARKET_TRY(Outbox::setEnrolment(*m_store, *enrolment));
    StandaloneShopRequest shop;
    shop.shopCode = QStringLiteral("HYD01");
    shop.shopName = QStringLiteral("Sri Lakshmi Flower Commission Agents");
    shop.ownerUsername = QStringLiteral("owner");
    shop.ownerDisplayName = QStringLiteral("Owner");
    shop.ownerPassword = kOwnerPassword;
    auto o = SetupService(*m_store).createStandaloneShop(shop);
    if (!o.ok())
        return o.error();
    owner = *o;

    AuthService auth(*m_store);
    const NewUserRequest users[] = {
        {QStringLiteral("manager"), QStringLiteral("Manager Meena"), Role::Manager, kManagerPassword,
         options.pins ? kManagerPin : QString()},
        {QStringLiteral("cashier"), QStringLiteral("Cashier Kiran"), Role::Cashier, kCashierPassword,
         options.pins ? kCashierPin : QString()},
    };
    for (const auto& u : users) {
        auto made = auth.createUser(owner, u);
        if (!made.ok())
            return made.error();
    }
    auto m = auth.login(QStringLiteral("manager"), kManagerPassword);
    if (!m.ok())
        return m.error();
    manager = *m;
    auto c = auth.login(QStringLiteral("cashier"), kCashierPassword);
    if (!c.ok())
        return c.error();
    cashier = *c;

    if (options.openCashDrawer) {
        auto drawer = CashSessionService(*m_store).open(cashier, Money{});
        if (!drawer.ok())
            return drawer.error();
    }

    // Fold the WAL into the file, close, and keep the file as the snapshot reset() copies.
    MARKET_TRY(m_store->db().checkpoint());
    m_store.reset();
    QFile::remove(snapshotPath(path()));
    if (!QFile::copy(path(), snapshotPath(path())))
        return Error{ErrorCode::Storage, QStringLiteral("could not snapshot the store")};
    return open();
}

Status StoreFixture::reset() {
    m_store.reset();
    removeDbFiles(path());
    if (!QFile::copy(snapshotPath(path()), path()))
        return Error{ErrorCode::Storage, QStringLiteral("could not restore the snapshot")};
    QFile(path()).setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return open();
}

Status StoreFixture::reopen() {
    m_store.reset();
    return open();
}

Result<PartyDoc> StoreFixture::farmer(const QString& name) {
    return parties().create(cashier, NewPartyRequest{PartyKind::Farmer, {}, name, {}, {}});
}

Result<PartyDoc> StoreFixture::buyer(const QString& name, Money creditLimit) {
    // Setting a credit limit is a manager's decision.
    return parties().create(creditLimit.isZero() ? cashier : manager,
                            NewPartyRequest{PartyKind::Buyer, {}, name, {}, creditLimit});
}

Result<ProductDoc> StoreFixture::product(const QString& name, Unit unit) {
    return catalog().createProduct(manager, NewProductRequest{{}, name, Category::Flower, unit});
}

Result<LotDoc> StoreFixture::lot(const Uuid& farmerId, const Uuid& productId, Quantity received) {
    ArrivalRequest r;
    r.farmerId = farmerId;
    r.productId = productId;
    r.netQty = received;
    return arrivals().recordArrival(cashier, r);
}

Status StoreFixture::flatRule(const std::optional<Uuid>& productId, qint64 rateBp) {
    CommissionRule rule;
    rule.kind = CommissionKind::Flat;
    rule.flatRateBp = rateBp;
    auto r = catalog().setCommissionRule(manager, productId, rule);
    if (!r.ok())
        return r.error();
    return okStatus();
}

SaleLineRequest StoreFixture::line(const Uuid& lotId, QStringView quantity, QStringView price) {
    return SaleLineRequest{lotId, qty(quantity), money(price)};
}

PaymentRequest StoreFixture::pay(PaymentMethod method, QStringView amount) {
    return PaymentRequest{method, money(amount), {}};
}

namespace {
QVariant columnValue(sqlite3_stmt* st, int i) {
    switch (sqlite3_column_type(st, i)) {
    case SQLITE_INTEGER:
        return QVariant(static_cast<qint64>(sqlite3_column_int64(st, i)));
    case SQLITE_NULL:
        return QVariant();
    case SQLITE_FLOAT:
        return QVariant(sqlite3_column_double(st, i));
    case SQLITE_BLOB:
        return QVariant(
            QByteArray(static_cast<const char*>(sqlite3_column_blob(st, i)), sqlite3_column_bytes(st, i)));
    default:
        return QVariant(QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(st, i)),
                                          sqlite3_column_bytes(st, i)));
    }
}
} // namespace

QList<QVariantList> StoreFixture::rows(const QString& sql, const QStringList& binds) {
    QList<QVariantList> out;
    sqlite3_stmt* st = nullptr;
    const QByteArray text = sql.toUtf8();
    if (sqlite3_prepare_v2(m_store->db().handle(), text.constData(), -1, &st, nullptr) != SQLITE_OK)
        qFatal("test SQL does not prepare: %s\n%s", sqlite3_errmsg(m_store->db().handle()), text.constData());
    std::vector<QByteArray> keep; // bound text must outlive the statement's steps
    for (int i = 0; i < binds.size(); ++i) {
        keep.push_back(binds[i].toUtf8());
        sqlite3_bind_text(st, i + 1, keep.back().constData(), static_cast<int>(keep.back().size()),
                          SQLITE_TRANSIENT);
    }
    int rc = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        QVariantList row;
        for (int i = 0; i < sqlite3_column_count(st); ++i)
            row.append(columnValue(st, i));
        out.append(row);
    }
    if (rc != SQLITE_DONE)
        qFatal("test SQL failed: %s\n%s", sqlite3_errmsg(m_store->db().handle()), text.constData());
    sqlite3_finalize(st);
    return out;
}

QVariant StoreFixture::scalar(const QString& sql, const QStringList& binds) {
    const auto r = rows(sql, binds);
    return r.isEmpty() || r.first().isEmpty() ? QVariant() : r.first().first();
}

QByteArray StoreFixture::dump() {
    QByteArray out;
    const auto tables =
        rows(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
    for (const auto& t : tables) {
        const QString name = t.first().toString();
        out += "== " + name.toUtf8() + '\n';
        // ORDER BY every column position that exists: a total, stable order of the rows.
        const auto cols = rows(QStringLiteral("SELECT count(*) FROM pragma_table_info(?1)"), {name});
        QStringList order;
        for (qint64 i = 1; i <= cols.first().first().toLongLong(); ++i)
            order << QString::number(i);
        const auto data =
            rows(QStringLiteral("SELECT * FROM \"%1\" ORDER BY %2").arg(name, order.join(u',')));
        for (const auto& row : data) {
            for (const auto& v : row) {
                out += v.isNull() ? QByteArray("NULL") : v.toString().toUtf8().toHex();
                out += '|';
            }
            out += '\n';
        }
    }
    return out;
}

} // namespace market::test
