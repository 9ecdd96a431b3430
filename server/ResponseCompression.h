#pragma once

#include <QByteArray>
#include <optional>
#include <string>

namespace market::server {

/// JSON replies are compressed here, not by cpp-httplib: the library picks Brotli at quality 11
/// whenever a client accepts `br` (Qt's network stack does), which costs ~0.5 s of CPU for one
/// feed page of 200 sales and made a new counter's first pull crawl at ~300 changes/s. gzip at
/// level 1 takes a few milliseconds for the same page and still shrinks JSON several times.
struct CompressedReply {
    QByteArray body;
    std::string contentType; ///< "application/json; charset=utf-8": cpp-httplib leaves it alone
    bool gzipped = false;
};

/// `body` as sent for a request whose Accept-Encoding is `acceptEncoding`: gzipped when it is at
/// least `minSize` bytes and the client accepts gzip.
CompressedReply compressJson(const QByteArray& body, const std::string& acceptEncoding,
                             qsizetype minSize = 1024);

/// gzip (RFC 1952) of `data` at `level` (1 fastest … 9 smallest); nullopt if zlib fails.
std::optional<QByteArray> gzip(const QByteArray& data, int level = 1);

} // namespace market::server
