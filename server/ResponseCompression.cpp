#include "ResponseCompression.h"

#include <zlib.h>

namespace market::server {

std::optional<QByteArray> gzip(const QByteArray& data, int level) {
    z_stream z{};
    // windowBits 15 + 16: a gzip header and trailer instead of zlib's.
    if (deflateInit2(&z, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return std::nullopt;
    QByteArray out;
    out.resize(qsizetype(deflateBound(&z, uLong(data.size()))));
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.constData()));
    z.avail_in = uInt(data.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = uInt(out.size());
    const int rc = deflate(&z, Z_FINISH);
    const auto written = qsizetype(z.total_out);
    deflateEnd(&z);
    if (rc != Z_STREAM_END)
        return std::nullopt;
    out.truncate(written);
    return out;
}

CompressedReply compressJson(const QByteArray& body, const std::string& acceptEncoding, qsizetype minSize) {
    CompressedReply r{body, "application/json; charset=utf-8", false};
    if (body.size() < minSize || acceptEncoding.find("gzip") == std::string::npos)
        return r;
    if (auto z = gzip(body)) {
        r.body = std::move(*z);
        r.gzipped = true;
    }
    return r;
}

} // namespace market::server
