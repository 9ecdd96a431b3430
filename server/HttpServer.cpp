#include "HttpServer.h"

#include "Database.h"
#include "Log.h"

#include <httplib.h>
#include <memory>
#include <openssl/ssl.h>
#include <sys/socket.h>

namespace market::server {

namespace {
// The worker pool; after each client connection its worker gives its database connection back,
// so the next request, on whichever worker, reuses a warm one (Database).
class ReleasingPool : public httplib::TaskQueue {
public:
    explicit ReleasingPool(size_t threads)
        : m_pool(threads) {}
    void enqueue(std::function<void()> fn) override {
        m_pool.enqueue([fn = std::move(fn)] {
            fn();
            Database::releaseConnection();
        });
    }
    void shutdown() override { m_pool.shutdown(); }

private:
    httplib::ThreadPool m_pool;
};
} // namespace

HttpServer::HttpServer(Services services)
    : m_services(services) {}

HttpServer::~HttpServer() = default;

std::optional<QString> HttpServer::bind() {
    const Config& c = m_services.config;
    if (c.tls()) {
        auto ssl = std::make_unique<httplib::SSLServer>(c.tlsCert.toLocal8Bit().constData(),
                                                        c.tlsKey.toLocal8Bit().constData());
        if (!ssl->is_valid())
            return QStringLiteral("cannot load TLS certificate %1 / key %2").arg(c.tlsCert, c.tlsKey);
        SSL_CTX_set_min_proto_version(ssl->ssl_context(), TLS1_2_VERSION); // TLS 1.0/1.1 refused
        m_server = std::move(ssl);
    } else {
        m_server = std::make_unique<httplib::Server>();
        if (c.listen != QLatin1String("127.0.0.1") && c.listen != QLatin1String("::1") &&
            c.listen != QLatin1String("localhost"))
            log::warn(QStringLiteral("plain HTTP on a non-loopback address: use TLS outside development"),
                      {{"listen", c.listen}});
    }
    const int threads = c.threads;
    m_server->new_task_queue = [threads] { return new ReleasingPool(size_t(threads)); };
    m_server->set_payload_max_length(size_t(c.bodyLimit));
    m_server->set_read_timeout(c.readTimeoutSec, 0);
    m_server->set_write_timeout(c.writeTimeoutSec, 0);
    m_server->set_keep_alive_timeout(c.keepAliveSec);
    m_server->set_keep_alive_max_count(1000);
    m_server->set_tcp_nodelay(true);
    installRoutes(*m_server, m_services);

    // The packaged httplib is compiled with a listen backlog of 5: when more counters push at once
    // the surplus handshakes are dropped and those clients fail. Listening again on the bound
    // socket raises the backlog; the options are httplib's defaults.
    auto listenFd = std::make_shared<int>(-1);
    m_server->set_socket_options([listenFd](socket_t sock) {
        int yes = 1;
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
        setsockopt(sock, SOL_SOCKET, SO_REUSEPORT, &yes, sizeof(yes));
        *listenFd = sock;
    });
    const std::string host = c.listen.toStdString();
    if (c.port == 0)
        m_port = m_server->bind_to_any_port(host);
    else
        m_port = m_server->bind_to_port(host, c.port) ? c.port : -1;
    if (m_port <= 0)
        return QStringLiteral("cannot listen on %1:%2").arg(c.listen).arg(c.port);
    if (*listenFd >= 0)
        ::listen(*listenFd, 1024);
    return std::nullopt;
}

void HttpServer::run() {
    m_server->listen_after_bind();
}

void HttpServer::stop() {
    if (m_server)
        m_server->stop();
}

} // namespace market::server
