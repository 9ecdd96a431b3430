#pragma once

#include "domain/Result.h"

#include <QJsonObject>
#include <QSet>
#include <QString>

namespace market::core {

class FarmerSoldTotals;
class Store;
struct SaleDoc;

/// What writing one document of another terminal did.
enum class ForeignWrite {
    Applied,    ///< the rows are written
    Present,    ///< a document with this id is already here (a repeat): nothing written
    LocalOnTop, ///< master data this counter edited and the server has not acknowledged yet
};

/// Writes one document of the shop's feed (another terminal's sale, lot, master data, ...) into
/// the counter's store: exactly the rows the terminal that made it wrote (the same tables and
/// columns as its service), and never an audit or outbox entry — the document is that terminal's,
/// already in its own audit chain and already on the server. Derived tables stay exact:
/// farmer_balance and farmer_bucket follow return_line / farmer_payment by trigger and sale_line
/// through insertSaleRows (counted into `soldTotals` when the caller batches them: it adds them
/// before its commit), stock is computed from the lines, a lot's status follows its status events.
///
/// Errors: InvalidInput when the document does not decode or its arithmetic does not check out,
/// Conflict when it cannot apply here (a lot, sale or party it names is not here yet, a code
/// another entity already uses); both leave the caller to park it. Anything else is a storage
/// failure. A failed write may leave the rows it wrote before failing: the caller runs it inside a
/// savepoint, or rolls its page back (FeedApplier: when sqlite3_total_changes64 moved).
class ForeignDocumentWriter {
public:
    /// `localEdits`: master-data keys (see `masterKey`) with an unacknowledged outbox entry here.
    ForeignDocumentWriter(Store& store, const QSet<QString>& localEdits,
                          FarmerSoldTotals* soldTotals = nullptr)
        : m_store(store)
        , m_localEdits(localEdits)
        , m_soldTotals(soldTotals) {}

    /// `decodedSale`: for a sale, the document already decoded from `doc` (SaleDoc::fromJson, done
    /// ahead on another thread: FeedApplier::decodeSales); null to decode it here.
    Result<ForeignWrite> write(const QString& type, const QJsonObject& doc,
                               const SaleDoc* decodedSale = nullptr);

    /// Whether documents of this type replace a local version (master data, last write in the
    /// server's order wins) rather than being recorded once.
    static bool isReplaceable(const QString& type);
    /// "type/id" of a replaceable document (a setting is keyed by name, a lot status by lot), the
    /// key under which an unacknowledged local edit keeps the local version on top.
    static QString masterKey(const QString& type, const QJsonObject& doc);
    static inline const QString kSettingType = QStringLiteral("setting.upsert");

private:
    // Master data (ForeignMasterData.cpp).
    Result<ForeignWrite> shop(const QJsonObject& doc);
    Result<ForeignWrite> terminal(const QJsonObject& doc);
    Result<ForeignWrite> user(const QJsonObject& doc);
    Result<ForeignWrite> party(const QJsonObject& doc);
    Result<ForeignWrite> product(const QJsonObject& doc);
    Result<ForeignWrite> commissionRule(const QJsonObject& doc);
    Result<ForeignWrite> charge(const QJsonObject& doc);
    Result<ForeignWrite> setting(const QJsonObject& doc);
    Result<ForeignWrite> price(const QJsonObject& doc);
    // Documents recorded once, keyed by their id (ForeignDocumentWriter.cpp).
    Result<ForeignWrite> lot(const QJsonObject& doc);
    Result<ForeignWrite> lotStatus(const QJsonObject& doc);
    Result<ForeignWrite> sale(const QJsonObject& doc);
    Result<ForeignWrite> writeSale(const SaleDoc& sale);
    Result<ForeignWrite> collection(const QJsonObject& doc);
    Result<ForeignWrite> commissionConfirmation(const QJsonObject& doc);
    Result<ForeignWrite> farmerPayment(const QJsonObject& doc);
    Result<ForeignWrite> expense(const QJsonObject& doc);
    Result<ForeignWrite> stockAdjustment(const QJsonObject& doc);
    Result<ForeignWrite> cashSessionOpened(const QJsonObject& doc);
    Result<ForeignWrite> cashMovement(const QJsonObject& doc);
    Result<ForeignWrite> cashSessionClosed(const QJsonObject& doc);
    Result<ForeignWrite> saleReturn(const QJsonObject& doc);

    /// Whether a row with this id exists in `sql`'s table (sql: "SELECT 1 FROM t WHERE id = ?1").
    Result<bool> exists(const char* sql, const QString& id);
    bool editedHere(const QString& type, const QJsonObject& doc) const {
        return m_localEdits.contains(masterKey(type, doc));
    }
    /// The shop of a foreign document must be this counter's.
    Status checkShop(const QString& shopId) const;
    /// Before an active scoped row (a commission rule of a product, a charge code) is written:
    /// the newest in the server's order is the active one, so the others of its scope retire —
    /// unless one of them is this counter's unacknowledged edit: then the newcomer is stored
    /// retired and the local one stays on top until the server has it (it will come back after).
    /// `othersSql` lists the other active ids of the scope (?1 scope, ?2 the newcomer's id),
    /// `retireSql` retires one (?1 id). True: the newcomer may be active.
    Result<bool> takeScope(const char* othersSql, const char* retireSql, const QString& scope,
                           const QString& id, const QString& type);

    static QString compactJson(const QJsonValue& v);

    Store& m_store;
    const QSet<QString>& m_localEdits;
    FarmerSoldTotals* m_soldTotals;
};

} // namespace market::core
