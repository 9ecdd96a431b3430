#pragma once

#include <QString>

namespace market::ui {

/// What the setup wizard asks to enrol this counter with a market-server (as `marketctl enrol`).
struct EnrolRequest {
    QString serverUrl;    ///< https://…, or http:// to this machine only
    QString shopCode;     ///< the shop's code on the server, e.g. HYD01
    QString code;         ///< the one-time enrolment code a manager made on the server
    QString terminalName; ///< how the server lists this counter
    QString caFile;       ///< optional PEM file of CA certificates (a self-signed server)
};

} // namespace market::ui
