#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

namespace market::ui {

/// Sends ESC/POS bytes to where the counter's printer is, without ever blocking the GUI:
///  - "file:/path"          appended to a file (a spool, or a test's temp file)
///  - "device:/dev/usb/lp0" written to a character device (on a worker thread: a printer
///                          that is off can block a write)
///  - "tcp:host:port"       a network printer (port 9100), through QTcpSocket
/// Each send ends with exactly one finished(ok, message).
class ReceiptPrinter : public QObject {
    Q_OBJECT
public:
    explicit ReceiptPrinter(QObject* parent = nullptr)
        : QObject(parent) {}

    /// Checks a target string; returns a message for people when it is malformed.
    static QString checkTarget(const QString& target);
    void send(const QByteArray& bytes, const QString& target);

signals:
    void finished(bool ok, const QString& message);

private:
    void sendTcp(const QByteArray& bytes, const QString& host, quint16 port);
    void sendFile(const QByteArray& bytes, const QString& path, bool device);
};

} // namespace market::ui
