#include "ForeignDocumentWriter.h"

#include "DocumentRows.h"
#include "domain/BooksDocuments.h"
#include "domain/Documents.h"
#include "domain/PriceDocument.h"
#include "store/Store.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <map>
#include <sqlite3.h>

namespace market::core {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(ForeignDocumentWriter)
};

Error notHereYet(const QString& what) {
    return Error{ErrorCode::Conflict, Tr::tr("%1 is not on this counter yet").arg(what)};
}
} // namespace

QString ForeignDocumentWriter::compactJson(const QJsonValue& v) {
    return QString::fromUtf8(v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                                         : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
}

using Writer = Result<ForeignWrite> (ForeignDocumentWriter::*)(const QJsonObject&);

bool ForeignDocumentWriter::isReplaceable(const QString& type) {
    return type.endsWith(QLatin1String(".upsert")) || type == op::kLotStatusChanged;
}

QString ForeignDocumentWriter::masterKey(const QString& type, const QJsonObject& doc) {
    if (type == kSettingType)
        return type + QLatin1Char('/') + doc.value(QStringLiteral("key")).toString();
    if (type == op::kLotStatusChanged)
        return type + QLatin1Char('/') + doc.value(QStringLiteral("lotId")).toString();
    return type + QLatin1Char('/') + doc.value(QStringLiteral("id")).toString();
}

Result<ForeignWrite> ForeignDocumentWriter::write(const QString& type, const QJsonObject& doc,
                                                  const SaleDoc* decodedSale) {
    if (decodedSale && type == op::kSaleRecorded)
        return writeSale(*decodedSale);
    using W = ForeignDocumentWriter;
    static const std::map<QString, Writer> table{
        {op::kShopUpsert, &W::shop},
        {op::kTerminalUpsert, &W::terminal},
        {op::kUserUpsert, &W::user},
        {op::kPartyUpsert, &W::party},
        {op::kProductUpsert, &W::product},
        {op::kCommissionRuleUpsert, &W::commissionRule},
        {op::kChargeUpsert, &W::charge},
        {kSettingType, &W::setting},
        {op::kPriceUpsert, &W::price},
        {op::kLotReceived, &W::lot},
        {op::kLotStatusChanged, &W::lotStatus},
        {op::kSaleRecorded, &W::sale},
        {op::kCollectionRecorded, &W::collection},
        {op::kCommissionConfirmed, &W::commissionConfirmation},
        {op::kFarmerPaymentRecorded, &W::farmerPayment},
        {op::kExpenseRecorded, &W::expense},
        {op::kStockAdjusted, &W::stockAdjustment},
        {op::kCashSessionOpened, &W::cashSessionOpened},
        {op::kCashMovement, &W::cashMovement},
        {op::kCashSessionClosed, &W::cashSessionClosed},
        {op::kSaleReturned, &W::saleReturn},
    };
    const auto it = table.find(type);
    if (it == table.end())
        return Error{ErrorCode::InvalidInput,
                     Tr::tr("unknown operation type \"%1\" (a newer server? update this program)").arg(type)};
    return (this->*(it->second))(doc);
}

Result<bool> ForeignDocumentWriter::exists(const char* sql, const QString& id) {
    Statement& s = m_store.db().prepare(sql);
    s.bind(1, id);
    const bool found = s.next();
    Status st = s.status("looking up a synced document");
    s.reset();
    if (!st.ok())
        return st.error();
    return found;
}

Status ForeignDocumentWriter::checkShop(const QString& shopId) const {
    const auto& identity = m_store.identity();
    if (!identity)
        return Error{ErrorCode::InvalidState, Tr::tr("This counter has no shop yet.")};
    if (shopId != identity->shopId.toString())
        return Error{ErrorCode::InvalidInput,
                     Tr::tr("the document belongs to shop %1, not this one").arg(shopId)};
    return okStatus();
}

// ---- documents: recorded once, keyed by their id

Result<ForeignWrite> ForeignDocumentWriter::lot(const QJsonObject& o) {
    auto d = LotDoc::fromJson(o);
    if (!d.ok())
        return d.error();
    MARKET_TRY(checkShop(d->shopId.toString()));
    auto present = exists("SELECT 1 FROM lot WHERE id = ?1", d->id.toString());
    if (!present.ok())
        return present.error();
    if (*present)
        return ForeignWrite::Present;
    MARKET_TRY(insertLotRow(m_store.db(), *d));

    return ForeignWrite::Applied;
}

Result<ForeignWrite> ForeignDocumentWriter::lotStatus(const QJsonObject& o) {
    auto d = LotStatusDoc::fromJson(o);
    if (!d.ok())
        return d.error();
    auto present = exists("SELECT 1 FROM lot_status_event WHERE id = ?1", d->id.toString());
    if (!present.ok())
        return present.error();
    if (*present)
        return ForeignWrite::Present;
    auto lotHere = exists("SELECT 1 FROM lot WHERE id = ?1", d->lotId.toString());
    if (!lotHere.ok())
        return lotHere.error();
    if (!*lotHere)
        return notHereYet(Tr::tr("lot %1").arg(d->lotId.toString()));
    // The event is history either way; the lot's status follows it unless this counter changed
    // the status itself and the server has not ordered that change yet.
    const bool local = editedHere(op::kLotStatusChanged, o);
    if (!local)
        MARKET_TRY(m_store.db()
                       .prepare("UPDATE lot SET status = ?2 WHERE id = ?1")
                       .bind(1, d->lotId)
                       .bind(2, lotStatusName(d->to))
                       .exec("changing a synced lot's status"));
    MARKET_TRY(insertLotStatusRow(m_store.db(), *d));

    return local ? ForeignWrite::LocalOnTop : ForeignWrite::Applied;
}

Result<ForeignWrite> ForeignDocumentWriter::sale(const QJsonObject& o) {
    auto decoded = SaleDoc::fromJson(o);
    if (!decoded.ok())
        return decoded.error();
    return writeSale(*decoded);
}

Result<ForeignWrite> ForeignDocumentWriter::writeSale(const SaleDoc& sale) {
    MARKET_TRY(checkShop(sale.shopId.toString()));
    MARKET_TRY(sale.verifyArithmetic()); // the check its counter and the server made
    const sqlite3_int64 changesBefore = sqlite3_total_changes64(m_store.db().handle());
    Status written = insertSaleRows(m_store.db(), sale, m_soldTotals);
    if (!written.ok()) {
        // Looked up only now, so the common path (a sale new here) pays no lookup. A sale already
        // here is refused by its primary key before any row is written.
        if (sqlite3_total_changes64(m_store.db().handle()) == changesBefore) {
            auto present = exists("SELECT 1 FROM sale WHERE id = ?1", sale.id.toString());
            if (!present.ok())
                return present.error();
            if (*present)
                return ForeignWrite::Present;
        }
        // Foreign keys catch a lot or a buyer that has not reached this counter; name which for
        // the parked list.
        for (const auto& line : sale.lines) {
            auto lotHere = exists("SELECT 1 FROM lot WHERE id = ?1", line.lotId.toString());
            if (lotHere.ok() && !*lotHere)
                return notHereYet(Tr::tr("lot %1").arg(line.lotId.toString()));
        }
        if (sale.buyerId) {
            auto buyerHere = exists("SELECT 1 FROM party WHERE id = ?1", sale.buyerId->toString());
            if (buyerHere.ok() && !*buyerHere)
                return notHereYet(Tr::tr("buyer %1").arg(sale.buyerId->toString()));
        }
        return written.error();
    }
    return ForeignWrite::Applied;
}

Result<ForeignWrite> ForeignDocumentWriter::collection(const QJsonObject& o) {
    auto d = CollectionDoc::fromJson(o);
    if (!d.ok())
        return d.error();
    MARKET_TRY(checkShop(d->shopId.toString()));
    MARKET_TRY(d->verifyArithmetic());
    auto present = exists("SELECT 1 FROM collection WHERE id = ?1", d->id.toString());
    if (!present.ok())
        return present.error();
    if (*present)
        return ForeignWrite::Present;
    MARKET_TRY(insertCollectionRows(m_store.db(), *d));

    return ForeignWrite::Applied;
}

Result<ForeignWrite> ForeignDocumentWriter::commissionConfirmation(const QJsonObject& o) {
    auto d = CommissionConfirmationDoc::fromJson(o);
    if (!d.ok())
        return d.error();
    // One confirmation per sale: a second one (another counter confirmed it too) adds nothing.
    Statement& s =
        m_store.db().prepare("SELECT 1 FROM commission_confirmation WHERE id = ?1 OR sale_id = ?2");
    s.bind(1, d->id).bind(2, d->saleId);
    const bool present = s.next();
    Status st = s.status("looking up a commission confirmation");
    s.reset();
    MARKET_TRY(st);
    if (present)
        return ForeignWrite::Present;
    MARKET_TRY(insertCommissionConfirmationRow(m_store.db(), *d));

    return ForeignWrite::Applied;
}

Result<ForeignWrite> ForeignDocumentWriter::farmerPayment(const QJsonObject& o) {
    auto d = FarmerPaymentDoc::fromJson(o);
    if (!d.ok())
        return d.error();
    MARKET_TRY(checkShop(d->shopId.toString()));
    auto present = exists("SELECT 1 FROM farmer_payment WHERE id = ?1", d->id.toString());
    if (!present.ok())
        return present.error();
    if (*present)
        return ForeignWrite::Present;
    MARKET_TRY(insertFarmerPaymentRow(m_store.db(), *d));

    return ForeignWrite::Applied;
}

Result<ForeignWrite> ForeignDocumentWriter::expense(const QJsonObject& o) {
    auto d = ExpenseDoc::fromJson(o);
    if (!d.ok())
        return d.error();
    MARKET_TRY(checkShop(d->shopId.toString()));
    auto present = exists("SELECT 1 FROM expense WHERE id = ?1", d->id.toString());
    if (!present.ok())
        return present.error();
    if (*present)
        return ForeignWrite::Present;
    MARKET_TRY(insertExpenseRow(m_store.db(), *d));

    return ForeignWrite::Applied;
}

Result<ForeignWrite> ForeignDocumentWriter::stockAdjustment(const QJsonObject& o) {
    auto d = StockAdjustmentDoc::fromJson(o);
    if (!d.ok())
        return d.error();
    MARKET_TRY(checkShop(d->shopId.toString()));
    auto present = exists("SELECT 1 FROM stock_adjustment WHERE id = ?1", d->id.toString());
    if (!present.ok())
        return present.error();
    if (*present)
        return ForeignWrite::Present;
    MARKET_TRY(insertStockAdjustmentRow(m_store.db(), *d));

    return ForeignWrite::Applied;
}

Result<ForeignWrite> ForeignDocumentWriter::cashSessionOpened(const QJsonObject& o) {
    auto d = CashSessionOpenedDoc::fromJson(o);
    if (!d.ok())
        return d.error();
    MARKET_TRY(checkShop(d->shopId.toString()));
    auto present = exists("SELECT 1 FROM cash_session WHERE id = ?1", d->id.toString());
    if (!present.ok())
        return present.error();
    if (*present)
        return ForeignWrite::Present;
    MARKET_TRY(insertCashSessionRow(m_store.db(), *d));

    return ForeignWrite::Applied;
}

Result<ForeignWrite> ForeignDocumentWriter::cashMovement(const QJsonObject& o) {
    auto d = CashMovementDoc::fromJson(o);
    if (!d.ok())
        return d.error();
    auto present = exists("SELECT 1 FROM cash_movement WHERE id = ?1", d->id.toString());
    if (!present.ok())
        return present.error();
    if (*present)
        return ForeignWrite::Present;
    MARKET_TRY(insertCashMovementRow(m_store.db(), *d));

    return ForeignWrite::Applied;
}

Result<ForeignWrite> ForeignDocumentWriter::cashSessionClosed(const QJsonObject& o) {
    auto d = CashSessionClosedDoc::fromJson(o);
    if (!d.ok())
        return d.error();
    Statement& s = m_store.db().prepare("SELECT closed_at_ms IS NOT NULL FROM cash_session WHERE id = ?1");
    s.bind(1, d->sessionId);
    const bool found = s.next();
    const bool closed = found && s.int64(0) != 0;
    Status st = s.status("looking up a cash session");
    s.reset();
    MARKET_TRY(st);
    if (!found)
        return notHereYet(Tr::tr("cash session %1").arg(d->sessionId.toString()));
    if (closed)
        return ForeignWrite::Present;
    MARKET_TRY(
        m_store.db()
            .prepare("UPDATE cash_session SET closed_by = ?2, closed_at_ms = ?3, expected = ?4, counted = "
                     "?5, variance = ?6, denominations = ?7 WHERE id = ?1 AND closed_at_ms IS NULL")
            .bind(1, d->sessionId)
            .bind(2, d->closedBy)
            .bind(3, d->atMs)
            .bind(4, d->expected)
            .bind(5, d->counted)
            .bind(6, d->variance)
            .bind(7, compactJson(d->toJson().value(QStringLiteral("denominations"))))
            .exec("closing a synced cash session"));
    return ForeignWrite::Applied;
}

Result<ForeignWrite> ForeignDocumentWriter::saleReturn(const QJsonObject& o) {
    auto decoded = SaleReturnDoc::fromJson(o);
    if (!decoded.ok())
        return decoded.error();
    const SaleReturnDoc& ret = *decoded;
    MARKET_TRY(checkShop(ret.shopId.toString()));
    MARKET_TRY(ret.verifyArithmetic());
    auto present = exists("SELECT 1 FROM sale_return WHERE id = ?1", ret.id.toString());
    if (!present.ok())
        return present.error();
    if (*present)
        return ForeignWrite::Present;
    MARKET_TRY(insertReturnRows(m_store.db(), ret));
    return ForeignWrite::Applied;
}

} // namespace market::core
