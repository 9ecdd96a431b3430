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

namespace {
QString hashOf(const QString& prevHash, const QByteArray& canonical) {
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(prevHash.toLatin1());
    h.addData(QByteArrayView("\n"));
    h.addData(canonical);
    return QString::fromLatin1(h.result().toHex());
}
} // namespace

QString computeAuditHash(const AuditEntry& e, const QString& terminalId) {
    return hashOf(e.prevHash, canonicalAuditJson(e, terminalId));
}

QString computeAuditHash(const AuditEntry& e, const QString& terminalId, const QByteArray& afterJson) {
    if (!e.after.isObject() || afterJson.isEmpty())
        return computeAuditHash(e, terminalId);
    // The canonical text with a placeholder for `after`, then the document's own compact JSON in
    // its place (a nested object is written exactly as on its own). The pattern cannot occur
    // inside another field: every quote inside a JSON string is escaped.
    static const QByteArray kPattern = QByteArrayLiteral("\"after\":\"@after@\"");
    AuditEntry shell = e;
    shell.after = QStringLiteral("@after@");
    QByteArray canonical = canonicalAuditJson(shell, terminalId);
    const qsizetype at = canonical.indexOf(kPattern);
    if (at < 0)
        return computeAuditHash(e, terminalId);
    canonical.replace(at + 8, kPattern.size() - 8, afterJson);
    return hashOf(e.prevHash, canonical);
}

} // namespace market::protocol
