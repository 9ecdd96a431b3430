#pragma once

#include <QJsonObject>
#include <QString>
#include <domain/Result.h>
#include <domain/Uuid.h>
#include <optional>
#include <string>
#include <vector>

namespace market::server {

/// One master-data document (party, product, commission rule, charge, user, price) decoded with its
/// domain codec and turned into the upsert of its table. The push (a counter's edit) and the
/// back-office API both write through this, so a document is stored, versioned (server_version
/// + 1 on every write, the last write in server order wins) and fed the same way whoever made it.
struct MasterWrite {
    QString entityId;
    core::Uuid docShopId;   ///< the document's own shopId: the caller checks it is the shop's
    const std::string* sql; ///< $1 id, $2 shop_id, …; RETURNING server_version
    std::vector<std::string> params;
};

/// The table of a master-data operation type ("product.upsert" → "products"), or nullptr.
const char* masterTable(const QString& type);

/// Decodes `payload` of the master-data `type` for `shopId` (bound as the row's shop). A payload
/// the codec refuses gives its error (field named), exactly as the counter's codec words it.
core::Result<MasterWrite> decodeMaster(const QString& type, const QJsonObject& payload,
                                       const QString& shopId);

} // namespace market::server
