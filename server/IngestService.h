#pragma once

#include "AuthService.h"

#include <QByteArray>
#include <protocol/PushMessages.h>

namespace market::server {

class Database;

/// POST /sync/push: applies a batch of one terminal's outbox operations in one PostgreSQL
/// transaction (see sync/PROTOCOL.md "Push"). Throws ApiError for envelope errors (400),
/// sequence gaps (409) and revoked terminals; database failures propagate as pqxx exceptions
/// (503 via ErrorMapping) and leave nothing written.
class IngestService {
public:
    IngestService(Database& db, int maxOps)
        : m_db(db)
        , m_maxOps(maxOps) {}
    protocol::PushReply push(const TerminalIdentity& terminal, const QByteArray& body);

private:
    Database& m_db;
    int m_maxOps;
};

} // namespace market::server
