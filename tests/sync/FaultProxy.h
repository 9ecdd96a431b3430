#pragma once

// A loopback TCP proxy between a counter and the test server that injects faults into pushes.
// Each POST request takes the next fault of `faults` (none left: forwarded faithfully); other
// requests (pulls) always pass. Plain QObject with lambdas (no moc): shared by several tests.

#include <QHostAddress>
#include <QObject>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <deque>
#include <functional>

namespace market::sync::test {

class FaultProxy : public QObject {
public:
    enum class Fault {
        None,
        /// The request goes through in full, the server commits and answers, and the counter's
        /// connection is cut as the answer starts: applied on the server, never heard of here.
        DropReply,
        /// The headers and only half of the body reach the server, then both connections close.
        CutRequest,
        /// The request goes through; the answer is held back until `release()` (`onHold` runs).
        HoldReply,
        /// The request goes through (asking for an uncompressed answer); the answer's headers and
        /// half its body reach the counter, then the connection closes: a 200 whose body never ends.
        CutReply,
        /// The same with the gzip answer the server normally sends. Qt reports a gzip body cut
        /// short as a complete answer (no error), so only the body tells.
        CutCompressedReply,
    };

    explicit FaultProxy(int upstreamPort)
        : m_upstreamPort(upstreamPort) {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* client = m_server.nextPendingConnection())
                link(client);
        });
    }
    int port() const { return m_server.serverPort(); }

    /// Sends on the answers held by HoldReply.
    void release() {
        for (QTcpSocket* client : m_server.findChildren<QTcpSocket*>()) {
            if (!client->property("holding").toBool())
                continue;
            client->setProperty("holding", false);
            client->setProperty("fault", int(Fault::None));
            client->write(client->property("held").toByteArray());
            client->setProperty("held", QByteArray());
            const auto* upstream = client->findChild<QTcpSocket*>();
            if (!upstream || upstream->state() == QAbstractSocket::UnconnectedState)
                client->disconnectFromHost(); // the server closed meanwhile
        }
    }

    std::deque<Fault> faults;     ///< for the next POST requests, in order
    std::function<void()> onHold; ///< called when an answer starts being held
    int requests = 0;             ///< POST requests seen
    int dropped = 0;              ///< answers dropped
    int cut = 0;                  ///< requests cut half-way
    int held = 0;                 ///< answers held
    int cutReplies = 0;           ///< answers cut half-way

private:
    /// One client connection and its own upstream connection. Requests are read whole (headers
    /// and Content-Length body) before the fault is chosen: Qt sends one request at a time on a
    /// connection (no pipelining), so requests and answers alternate.
    void link(QTcpSocket* client) {
        client->setParent(&m_server); // release() finds the connections among the server's children
        auto* upstream = new QTcpSocket(client);
        upstream->connectToHost(QHostAddress::LocalHost, quint16(m_upstreamPort));
        upstream->waitForConnected(5000); // loopback: immediate; keeps the cut below simple
        auto* buffer = new QByteArray;
        connect(client, &QObject::destroyed, [buffer] { delete buffer; });
        connect(client, &QTcpSocket::readyRead, this, [this, client, upstream, buffer] {
            buffer->append(client->readAll());
            for (;;) {
                const qsizetype headerEnd = buffer->indexOf("\r\n\r\n");
                if (headerEnd < 0)
                    return;
                static const QRegularExpression lengthRe(QStringLiteral("\r\ncontent-length:\\s*(\\d+)"),
                                                         QRegularExpression::CaseInsensitiveOption);
                const auto m = lengthRe.match(QString::fromLatin1(buffer->left(headerEnd + 2)));
                const qsizetype bodyLength = m.hasMatch() ? m.captured(1).toLongLong() : 0;
                const qsizetype total = headerEnd + 4 + bodyLength;
                if (buffer->size() < total)
                    return;
                const QByteArray request = buffer->left(total);
                buffer->remove(0, total);
                Fault fault = Fault::None;
                if (request.startsWith("POST ")) {
                    ++requests;
                    if (!faults.empty()) {
                        fault = faults.front();
                        faults.pop_front();
                    }
                }
                client->setProperty("fault", int(fault));
                if (fault == Fault::CutRequest) {
                    ++cut;
                    // The upstream half lives on alone until the half body is written, then closes.
                    upstream->disconnect();
                    upstream->setParent(this);
                    connect(upstream, &QTcpSocket::disconnected, upstream, &QObject::deleteLater);
                    upstream->write(request.left(headerEnd + 4 + bodyLength / 2));
                    upstream->disconnectFromHost();
                    client->abort();
                    client->deleteLater();
                    return;
                }
                if (fault == Fault::CutReply) {
                    static const QRegularExpression encodingRe(QStringLiteral("\r\naccept-encoding:[^\r]*"),
                                                               QRegularExpression::CaseInsensitiveOption);
                    const QString head =
                        QString::fromLatin1(request.left(headerEnd + 2))
                            .replace(encodingRe, QStringLiteral("\r\nAccept-Encoding: identity"));
                    upstream->write(head.toLatin1() + request.mid(headerEnd + 2));
                } else {
                    upstream->write(request);
                }
            }
        });
        connect(upstream, &QTcpSocket::readyRead, this, [this, client, upstream] {
            const QByteArray data = upstream->readAll();
            switch (Fault(client->property("fault").toInt())) {
            case Fault::DropReply:
                ++dropped;
                client->setProperty("fault", int(Fault::None));
                upstream->disconnect();
                upstream->abort();
                client->abort();
                client->deleteLater();
                return;
            case Fault::HoldReply:
                client->setProperty("held", client->property("held").toByteArray() + data);
                if (!client->property("holding").toBool()) {
                    client->setProperty("holding", true);
                    ++held;
                    if (onHold)
                        onHold();
                }
                return;
            case Fault::CutReply:
            case Fault::CutCompressedReply: {
                client->setProperty("fault", int(Fault::None));
                ++cutReplies;
                // Qt's HTTP parser needs the headers whole; the body is what gets cut.
                const qsizetype headerEnd = data.indexOf("\r\n\r\n");
                const qsizetype bodyStart = headerEnd < 0 ? data.size() / 2 : headerEnd + 4;
                client->write(data.left(bodyStart + (data.size() - bodyStart) / 2));
                upstream->disconnect();
                upstream->abort();
                client->disconnectFromHost();
                return;
            }
            default:
                client->write(data);
            }
        });
        connect(upstream, &QTcpSocket::disconnected, client, [client] {
            if (!client->property("holding").toBool())
                client->disconnectFromHost();
        });
        connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
    }

    QTcpServer m_server;
    int m_upstreamPort;
};

} // namespace market::sync::test
