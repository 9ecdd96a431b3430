#pragma once

#include "Config.h"

#include <memory>
#include <optional>

namespace httplib {
class Server;
}

namespace market::server {

class Database;
class AuthService;
class IngestService;
class FeedService;
class Metrics;

/// The services the routes call; owned by main, outlive the server.
struct Services {
    const Config& config;
    Database& db;
    AuthService& auth;
    IngestService& ingest;
    FeedService& feed;
    Metrics& metrics;
};

/// cpp-httplib server with a worker pool, body limit, timeouts and optional TLS 1.2+.
class HttpServer {
public:
    explicit HttpServer(Services services);
    ~HttpServer();
    /// Binds the listening socket; returns an error message on failure.
    std::optional<QString> bind();
    /// Serves until stop(); in-flight requests finish before it returns.
    void run();
    void stop();
    int port() const { return m_port; }

private:
    Services m_services;
    std::unique_ptr<httplib::Server> m_server;
    int m_port = 0;
};

/// Registers every route (the one place that lists them) on the server. Defined in Routes.cpp.
void installRoutes(httplib::Server& server, Services& services);

} // namespace market::server
