#include "AuditHash.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>

namespace market::protocol {

QByteArray canonicalAuditJson(const AuditEntry& e, const QString& terminalId) {
    const QJsonObject o{{QStringLiteral("action"), e.action}, {QStringLiteral("after"), e.after},
                        {QStringLiteral("atMs"), e.atMs},     {QStringLiteral("before"), e.before},
                        {QStringLiteral("entity"), e.entity}, {QStringLiteral("entityId"), e.entityId},
                        {QStringLiteral("seq"), e.seq},       {QStringLiteral("terminalId"), terminalId},
                        {QStringLiteral("userId"), e.userId}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString computeAuditHash(const AuditEntry& e, const QString& terminalId) {
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(e.prevHash.toLatin1());
    h.addData(QByteArrayView("\n"));
    h.addData(canonicalAuditJson(e, terminalId));
    return QString::fromLatin1(h.result().toHex());
}

} // namespace market::protocol
