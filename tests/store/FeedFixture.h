#pragma once

// The feed as the server would carry a counter's outbox, for tests of the pull side without a
// network: the counter's documents, in order, under its terminal id.
#include "StoreFixture.h"
#include "services/FeedApplier.h"
#include "store/Outbox.h"

#include <QJsonDocument>
#include <vector>

namespace market::test {

/// `counter`'s pending outbox as feed changes; positions start at `firstPosition`.
inline std::vector<core::FeedChange> feedOf(StoreFixture& counter, qint64 firstPosition = 1) {
    std::vector<core::FeedChange> out;
    const auto entries = core::Outbox::pending(counter.store(), 100000);
    if (!entries.ok())
        return out;
    for (const auto& e : *entries) {
        const QJsonObject doc = QJsonDocument::fromJson(e.payload.toUtf8()).object();
        QString id = doc.value(QStringLiteral("id")).toString();
        if (id.isEmpty()) // a cash session's events name the session
            id = doc.value(QStringLiteral("sessionId")).toString();
        out.push_back(core::FeedChange{firstPosition + e.seq - 1, e.type, id,
                                       counter.store().identity()->terminalId.toString(), doc});
    }
    return out;
}

} // namespace market::test
