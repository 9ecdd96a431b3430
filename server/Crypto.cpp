#include "Crypto.h"

#include <QCryptographicHash>
#include <cstdlib>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

namespace market::server::crypto {

namespace {
constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford: no I, L, O, U
}

QByteArray randomBytes(int n) {
    QByteArray out(n, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), n) != 1)
        std::abort();
    return out;
}

QByteArray sha256(const QByteArray& data) {
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256);
}

QByteArray hmacSha256(const QByteArray& key, const QByteArray& data) {
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    HMAC(EVP_sha256(), key.constData(), int(key.size()),
         reinterpret_cast<const unsigned char*>(data.constData()), size_t(data.size()), out, &len);
    return QByteArray(reinterpret_cast<const char*>(out), int(len));
}

bool equalConstantTime(const QByteArray& a, const QByteArray& b) {
    return a.size() == b.size() && CRYPTO_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0;
}

QString newEnrolmentCode() {
    const QByteArray bytes = randomBytes(10);
    QString code;
    for (int i = 0; i < 10; ++i) {
        if (i == 5)
            code += QLatin1Char('-');
        code += QLatin1Char(kAlphabet[static_cast<unsigned char>(bytes[i]) & 31]); // 5 bits each
    }
    return code;
}

QString normalizeCode(const QString& code) {
    QString out;
    for (QChar c : code) {
        if (c == QLatin1Char('-') || c.isSpace())
            continue;
        out += c.toUpper();
    }
    return out;
}

} // namespace market::server::crypto
