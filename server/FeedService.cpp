#include "FeedService.h"

#include "ApiError.h"
#include "Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <protocol/Cursor.h>

namespace market::server {

namespace err = protocol::err;

QByteArray FeedService::pull(const QString& shopId, const QString& cursorText, int limit) {
    auto parsed = protocol::Cursor::parse(cursorText);
    if (const auto* e = std::get_if<protocol::WireError>(&parsed))
        throw ApiError(400, e->code, e->message);
    const auto cursor = std::get<protocol::Cursor>(parsed);

    pqxx::work tx(m_db.connection());
    const QString epoch = q(tx.exec("SELECT epoch FROM server_meta")[0][0].as<std::string>());
    if (!cursor.epoch.isEmpty() && cursor.epoch != epoch)
        throw ApiError(
            409, err::kStaleCursor,
            QStringLiteral("the server's data epoch changed (restore): re-upload and take a fresh snapshot"),
            {{QStringLiteral("epoch"), epoch}});
    enterShop(tx, shopId);
    // The document column is spliced in as text: no re-parsing of every document on the hot path.
    const auto r = tx.exec_params("SELECT position, type, entity_id, terminal_id, doc::text FROM feed "
                                  "WHERE shop_id = $1 AND position > $2 ORDER BY position LIMIT $3",
                                  s(shopId), cursor.position, limit + 1);
    tx.commit();
    const bool more = int(r.size()) > limit;
    const int n = more ? limit : int(r.size());
    QByteArray out = "{\"changes\":[";
    qint64 last = cursor.position;
    for (int i = 0; i < n; ++i) {
        const auto& row = r[pqxx::result::size_type(i)];
        last = row[0].as<qint64>();
        QJsonObject head{{QStringLiteral("position"), last},
                         {QStringLiteral("type"), q(row[1].as<std::string>())},
                         {QStringLiteral("id"), q(row[2].as<std::string>())},
                         {QStringLiteral("terminalId"),
                          row[3].is_null() ? QJsonValue() : QJsonValue(q(row[3].as<std::string>()))}};
        QByteArray item = QJsonDocument(head).toJson(QJsonDocument::Compact);
        item.chop(1); // splice "doc" into the object
        if (i > 0)
            out += ',';
        out += item + ",\"doc\":" + QByteArray::fromStdString(row[4].as<std::string>()) + '}';
    }
    const protocol::Cursor next{epoch, last};
    out += "],\"cursor\":\"" + next.toString().toLatin1() + "\",\"epoch\":\"" + epoch.toLatin1() +
           "\",\"hasMore\":" + (more ? "true" : "false") + '}';
    return out;
}

} // namespace market::server
