#include "ReceiptPrinter.h"

#include <QCoreApplication>
#include <QFile>
#include <QPointer>
#include <QTcpSocket>
#include <QThreadPool>
#include <QTimer>

namespace market::ui {

namespace {
constexpr int kTcpTimeoutMs = 8000;
}

QString ReceiptPrinter::checkTarget(const QString& target) {
    if (target.isEmpty())
        return {};
    if (target.startsWith(QLatin1String("file:")) || target.startsWith(QLatin1String("device:")))
        return target.section(QLatin1Char(':'), 1).isEmpty() ? tr("Give a path after \"%1\".").arg(target)
                                                             : QString();
    if (target.startsWith(QLatin1String("tcp:"))) {
        const QString host = target.section(QLatin1Char(':'), 1, 1);
        bool ok = false;
        const int port = target.section(QLatin1Char(':'), 2, 2).toInt(&ok);
        if (host.isEmpty() || !ok || port < 1 || port > 65535)
            return tr("A network printer is written tcp:host:9100.");
        return {};
    }
    return tr("A printer is file:/path, device:/dev/usb/lp0 or tcp:host:9100.");
}

void ReceiptPrinter::send(const QByteArray& bytes, const QString& target) {
    if (const QString problem = checkTarget(target); !problem.isEmpty() || target.isEmpty()) {
        QTimer::singleShot(0, this, [this, problem] {
            emit finished(false, problem.isEmpty() ? tr("No receipt printer is set up.") : problem);
        });
        return;
    }
    if (target.startsWith(QLatin1String("tcp:")))
        sendTcp(bytes, target.section(QLatin1Char(':'), 1, 1),
                static_cast<quint16>(target.section(QLatin1Char(':'), 2, 2).toInt()));
    else
        sendFile(bytes, target.section(QLatin1Char(':'), 1), target.startsWith(QLatin1String("device:")));
}

void ReceiptPrinter::sendFile(const QByteArray& bytes, const QString& path, bool device) {
    QPointer<ReceiptPrinter> self(this);
    QThreadPool::globalInstance()->start([self, bytes, path, device] {
        QFile file(path);
        const auto mode = device ? QIODevice::WriteOnly | QIODevice::Unbuffered : QIODevice::Append;
        QString error;
        if (!file.open(mode))
            error = tr("Cannot open the printer %1: %2").arg(path, file.errorString());
        else if (file.write(bytes) != bytes.size() || !file.flush())
            error = tr("Printing to %1 failed: %2").arg(path, file.errorString());
        file.close();
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, error] {
                if (self)
                    emit self->finished(error.isEmpty(), error);
            },
            Qt::QueuedConnection);
    });
}

void ReceiptPrinter::sendTcp(const QByteArray& bytes, const QString& host, quint16 port) {
    auto* socket = new QTcpSocket(this);
    auto* timer = new QTimer(socket);
    timer->setSingleShot(true);
    auto done = std::make_shared<bool>(false);
    auto finish = [this, socket, done](bool ok, const QString& message) {
        if (*done)
            return;
        *done = true;
        if (ok)
            socket->disconnectFromHost(); // lets the kernel flush what was written
        else
            socket->abort();
        socket->deleteLater();
        emit finished(ok, message);
    };
    connect(timer, &QTimer::timeout, socket,
            [finish, host] { finish(false, tr("The printer at %1 did not answer.").arg(host)); });
    connect(socket, &QTcpSocket::connected, socket, [socket, bytes] { socket->write(bytes); });
    connect(socket, &QTcpSocket::bytesWritten, socket, [socket, finish] {
        if (socket->bytesToWrite() == 0)
            finish(true, {});
    });
    connect(socket, &QTcpSocket::errorOccurred, socket,
            [socket, finish, host] { finish(false, tr("Printer %1: %2").arg(host, socket->errorString())); });
    timer->start(kTcpTimeoutMs);
    socket->connectToHost(host, port);
}

} // namespace market::ui
