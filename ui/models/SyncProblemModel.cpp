#include "SyncProblemModel.h"

#include "AppContext.h"
#include "domain/Quantity.h"

#include <QBrush>
#include <QJsonDocument>
#include <QStringList>

namespace market::ui {

using core::SyncProblem;
using core::SyncProblemKind;
using core::SyncProblemState;

namespace {
QString quantity(const QJsonObject& d, const char* field) {
    return core::Quantity::fromThousandths(d.value(QLatin1String(field)).toInteger()).toString();
}

QString shortId(const QString& id) {
    return id.size() > 8 ? id.left(8) + QStringLiteral("…") : id;
}

/// "2 days 3 h", "3 h 20 min", "17 min": how far ahead a counter's clock ran.
QString aheadText(qint64 ms) {
    const qint64 minutes = ms / 60'000;
    const qint64 days = minutes / (24 * 60);
    const qint64 hours = minutes / 60 % 24;
    if (days > 0)
        return SyncProblemModel::tr("%n day(s)", nullptr, int(days)) +
               (hours > 0 ? QLatin1Char(' ') + SyncProblemModel::tr("%1 h").arg(hours) : QString());
    if (hours > 0)
        return SyncProblemModel::tr("%1 h %2 min").arg(hours).arg(minutes % 60);
    return SyncProblemModel::tr("%1 min").arg(minutes);
}

QString firstLine(const QString& text) {
    const qsizetype end = text.indexOf(QLatin1Char('\n'));
    return end < 0 ? text : text.left(end) + QStringLiteral(" …");
}
} // namespace

SyncProblemModel::SyncProblemModel(AppContext& ctx, QObject* parent)
    : QAbstractTableModel(parent)
    , m_ctx(ctx) {}

void SyncProblemModel::setProblems(std::vector<SyncProblem> problems) {
    beginResetModel();
    m_problems = std::move(problems);
    endResetModel();
}

int SyncProblemModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_problems.size());
}

int SyncProblemModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString SyncProblemModel::kindName(SyncProblemKind kind) {
    switch (kind) {
    case SyncProblemKind::Quarantined:
        return tr("Set aside");
    case SyncProblemKind::Anomaly:
        return tr("Anomaly");
    case SyncProblemKind::Parked:
        return tr("Waiting to apply");
    }
    return {};
}

QString SyncProblemModel::operationName(const QString& type) {
    static const std::pair<const char*, const char*> kNames[] = {
        {"sale.recorded", QT_TR_NOOP("Sale")},
        {"sale.returned", QT_TR_NOOP("Return")},
        {"lot.received", QT_TR_NOOP("Arrival")},
        {"lot.status_changed", QT_TR_NOOP("Lot status")},
        {"collection.recorded", QT_TR_NOOP("Collection")},
        {"commission.confirmed", QT_TR_NOOP("Commission confirmed")},
        {"farmer_payment.recorded", QT_TR_NOOP("Farmer payment")},
        {"expense.recorded", QT_TR_NOOP("Expense")},
        {"stock.adjusted", QT_TR_NOOP("Stock adjustment")},
        {"cash_session.opened", QT_TR_NOOP("Drawer opened")},
        {"cash_session.movement", QT_TR_NOOP("Cash in or out")},
        {"cash_session.closed", QT_TR_NOOP("Drawer closed")},
        {"party.upsert", QT_TR_NOOP("Farmer or buyer")},
        {"product.upsert", QT_TR_NOOP("Product")},
        {"user.upsert", QT_TR_NOOP("User")},
        {"charge.upsert", QT_TR_NOOP("Charge")},
        {"commission_rule.upsert", QT_TR_NOOP("Commission rule")},
        {"setting.upsert", QT_TR_NOOP("Setting")},
        {"price.upsert", QT_TR_NOOP("Product rate")},
        {"shop.upsert", QT_TR_NOOP("Shop")},
        {"terminal.upsert", QT_TR_NOOP("Counter")},
    };
    for (const auto& [key, name] : kNames)
        if (type == QLatin1String(key))
            return tr(name);
    return type;
}

QString SyncProblemModel::anomalyName(const QString& kind) {
    static const std::pair<const char*, const char*> kNames[] = {
        {"oversold", QT_TR_NOOP("Lot oversold")},
        {"credit_limit_exceeded", QT_TR_NOOP("Credit limit crossed")},
        {"unknown_lot", QT_TR_NOOP("Sale from an unknown lot")},
        {"over_returned", QT_TR_NOOP("Returned more than sold")},
        {"audit_chain_break", QT_TR_NOOP("Audit chain broken")},
        {"clock_skew", QT_TR_NOOP("Counter clock ahead")},
        {"reupload_gap", QT_TR_NOOP("Operations lost in a server restore")},
    };
    for (const auto& [key, name] : kNames)
        if (kind == QLatin1String(key))
            return tr(name);
    return kind;
}

QString SyncProblemModel::stateName(SyncProblemState state) {
    switch (state) {
    case SyncProblemState::SetAside:
        return tr("Resolve on the server");
    case SyncProblemState::Open:
        return tr("Open");
    case SyncProblemState::Resolved:
        return tr("Resolved on the server");
    case SyncProblemState::LotArrived:
        return tr("Lot has arrived");
    case SyncProblemState::RaisedAgain:
        return tr("Closed, raised again");
    case SyncProblemState::Waiting:
        return tr("Retried at every sync");
    }
    return {};
}

QString SyncProblemModel::what(const SyncProblem& p) const {
    switch (p.kind) {
    case SyncProblemKind::Anomaly:
        return anomalyName(p.type);
    case SyncProblemKind::Quarantined:
        if (p.type.isEmpty()) // the server's count for a pushed range: it did not say which
            return tr("%n operation(s)", nullptr, p.count);
        [[fallthrough]];
    case SyncProblemKind::Parked:
        return operationName(p.type);
    }
    return {};
}

QString SyncProblemModel::document(const SyncProblem& p) const {
    if (p.documentId.isEmpty()) {
        if (p.kind != SyncProblemKind::Quarantined)
            return {};
        return p.firstSeq == p.lastSeq ? tr("Operation %1").arg(p.firstSeq)
                                       : tr("Operations %1–%2").arg(p.firstSeq).arg(p.lastSeq);
    }
    const QString name = p.label.isEmpty() ? shortId(p.documentId) : p.label;
    if (p.entity == QLatin1String("lot"))
        return tr("Lot %1").arg(name);
    if (p.entity == QLatin1String("party"))
        return tr("Party %1").arg(name);
    if (p.entity == QLatin1String("product"))
        return tr("Product %1").arg(name);
    if (p.entity == QLatin1String("sale"))
        return tr("Receipt %1").arg(name);
    if (p.entity == QLatin1String("sale_line"))
        return tr("Receipt line %1").arg(name);
    if (p.entity == QLatin1String("sale_return"))
        return tr("Return on receipt %1").arg(name);
    if (p.entity == QLatin1String("terminal"))
        return tr("Counter %1").arg(name);
    return name;
}

QString SyncProblemModel::anomalySummary(const SyncProblem& p) const {
    const QJsonObject& d = p.details;
    if (p.type == QLatin1String("oversold")) {
        const qint64 over = d.value(QStringLiteral("soldQty")).toInteger() -
                            d.value(QStringLiteral("returnedQty")).toInteger() +
                            d.value(QStringLiteral("adjustedQty")).toInteger() -
                            d.value(QStringLiteral("receivedQty")).toInteger();
        return tr("Received %1, sold %2, returned %3, adjusted %4: %5 more went out than came in")
            .arg(quantity(d, "receivedQty"), quantity(d, "soldQty"), quantity(d, "returnedQty"),
                 quantity(d, "adjustedQty"), core::Quantity::fromThousandths(over).toString());
    }
    if (p.type == QLatin1String("credit_limit_exceeded"))
        return tr("Owes %1, over the credit limit of %2")
            .arg(m_ctx.money(core::Money::fromMinor(d.value(QStringLiteral("outstanding")).toInteger())),
                 m_ctx.money(core::Money::fromMinor(d.value(QStringLiteral("creditLimit")).toInteger())));
    if (p.type == QLatin1String("unknown_lot"))
        return tr("%1 sold from a lot the server had not received").arg(quantity(d, "soldQty"));
    if (p.type == QLatin1String("over_returned"))
        return tr("%1 returned of %2 sold").arg(quantity(d, "returnedQty"), quantity(d, "soldQty"));
    if (p.type == QLatin1String("audit_chain_break"))
        return tr("The audit chain does not link at operation %1")
            .arg(d.value(QStringLiteral("seq")).toInteger());
    if (p.type == QLatin1String("clock_skew"))
        return tr("Operation %1 was dated %2 ahead of the server's clock: set this counter's date and time")
            .arg(d.value(QStringLiteral("seq")).toInteger())
            .arg(aheadText(d.value(QStringLiteral("aheadMs")).toInteger()));
    if (p.type == QLatin1String("reupload_gap"))
        return tr("Operations %1–%2 of this counter were not in the restored server and could not be sent "
                  "again")
            .arg(d.value(QStringLiteral("fromSeq")).toInteger())
            .arg(d.value(QStringLiteral("toSeq")).toInteger());
    // A kind this program does not know yet: the figures as the server sent them.
    QStringList parts;
    for (auto it = d.begin(); it != d.end(); ++it)
        parts << it.key() + QStringLiteral(": ") +
                     (it->isString() ? it->toString() : QString::number(it->toInteger()));
    return parts.join(QStringLiteral("; "));
}

QString SyncProblemModel::summary(const SyncProblem& p) const {
    return p.kind == SyncProblemKind::Anomaly ? anomalySummary(p) : firstLine(p.reason);
}

QVariant SyncProblemModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    const SyncProblem& p = m_problems[static_cast<size_t>(index.row())];
    const bool closed = p.state == SyncProblemState::LotArrived || p.state == SyncProblemState::RaisedAgain ||
                        p.state == SyncProblemState::Resolved;
    switch (role) {
    case Qt::ToolTipRole:
        return detailText(index.row());
    case Qt::ForegroundRole:
        return closed ? QVariant(QBrush(Qt::darkGray)) : QVariant();
    case KindRole:
        return static_cast<int>(p.kind);
    case SortRole:
        if (index.column() == When)
            return p.atMs;
        return data(index, Qt::DisplayRole);
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case Problem:
        return kindName(p.kind);
    case What:
        return what(p);
    case Document:
        return document(p);
    case Detail:
        return summary(p);
    case When:
        return m_ctx.dateTime(p.atMs);
    case Status:
        return stateName(p.state);
    default:
        return {};
    }
}

QVariant SyncProblemModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return {};
    switch (section) {
    case Problem:
        return tr("Problem");
    case What:
        return tr("What");
    case Document:
        return tr("Document");
    case Detail:
        return tr("Why");
    case When:
        return tr("When");
    case Status:
        return tr("Status");
    default:
        return {};
    }
}

QString SyncProblemModel::detailText(int row) const {
    if (row < 0 || row >= rowCount())
        return {};
    const SyncProblem& p = m_problems[static_cast<size_t>(row)];
    QStringList lines;
    lines << kindName(p.kind) + QStringLiteral(": ") + what(p);
    if (const QString doc = document(p); !doc.isEmpty())
        lines << tr("Document: %1").arg(doc);
    if (!p.documentId.isEmpty())
        lines << tr("Id: %1").arg(p.documentId);
    lines << tr("Status: %1").arg(stateName(p.state));
    switch (p.kind) {
    case SyncProblemKind::Quarantined:
        lines << tr("Set aside on: %1").arg(m_ctx.dateTime(p.atMs));
        lines << (p.source == QLatin1String("counter") ? tr("Found by: this counter, before sending")
                                                       : tr("Found by: the server"));
        if (!p.type.isEmpty())
            lines << tr("Operation type: %1").arg(p.type);
        lines << (p.firstSeq == p.lastSeq ? tr("Outbox number: %1").arg(p.firstSeq)
                                          : tr("Outbox numbers: %1–%2 (%n operation(s))", nullptr, p.count)
                                                .arg(p.firstSeq)
                                                .arg(p.lastSeq));
        if (!p.opId.isEmpty())
            lines << tr("Operation id: %1").arg(p.opId);
        lines << tr("Reason: %1").arg(p.reason);
        lines << tr("What to do: selling goes on. The server keeps the operation with its reason; the "
                    "owner resolves it there (owner API, quarantine list). This counter does not send it "
                    "again.");
        break;
    case SyncProblemKind::Anomaly:
        lines << tr("Received on: %1").arg(m_ctx.dateTime(p.atMs));
        lines << tr("Kind: %1").arg(p.type);
        lines << tr("Figures: %1").arg(anomalySummary(p));
        lines << tr("As sent by the server: %1")
                     .arg(QString::fromUtf8(QJsonDocument(p.details).toJson(QJsonDocument::Compact)));
        lines << tr("Feed position: %1").arg(p.position);
        if (p.state == SyncProblemState::Resolved) {
            lines << tr("Resolved on: %1").arg(m_ctx.dateTime(p.resolvedAtMs));
            lines << tr("Resolution: %1").arg(p.resolution);
        }
        lines << (p.state == SyncProblemState::Open
                      ? tr("What to do: check the goods or the account named here. The owner or a manager "
                           "resolves the anomaly on the server (owner API); the resolution reaches this "
                           "list with the next sync.")
                      : tr("What to do: nothing; this is kept for the record."));
        break;
    case SyncProblemKind::Parked:
        lines << tr("Waiting since: %1").arg(m_ctx.dateTime(p.atMs));
        if (!p.fromCounter.isEmpty())
            lines << tr("From counter: %1").arg(p.fromCounter);
        lines << tr("Operation type: %1").arg(p.type);
        lines << tr("Feed position: %1").arg(p.position);
        lines << tr("Reason: %1").arg(p.reason);
        lines << tr("What to do: usually nothing. It is retried after every sync and applies once what it "
                    "needs has arrived here.");
        break;
    }
    return lines.join(QLatin1Char('\n'));
}

QString SyncProblemModel::tableText() const {
    QStringList out;
    QStringList header;
    for (int c = 0; c < ColumnCount; ++c)
        header << headerData(c, Qt::Horizontal).toString();
    out << header.join(QLatin1Char('\t'));
    for (int r = 0; r < rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < ColumnCount; ++c)
            cells << data(index(r, c)).toString().replace(QLatin1Char('\t'), QLatin1Char(' '));
        out << cells.join(QLatin1Char('\t'));
    }
    return out.join(QLatin1Char('\n'));
}

} // namespace market::ui
