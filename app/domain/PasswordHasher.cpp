#include "PasswordHasher.h"

#include <QStringList>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

namespace market::core {

namespace {
constexpr int kSaltBytes = 16;
constexpr int kKeyBytes = 32;
constexpr quint64 kMaxMemory = 256ULL * 1024 * 1024;

std::optional<QByteArray> derive(const QByteArray& secret, const QByteArray& salt,
                                 const PasswordHasher::Params& params, int keyBytes) {
    if (params.log2N < 10 || params.log2N > 22 || params.r < 1 || params.r > 32 || params.p < 1 ||
        params.p > 16)
        return std::nullopt;
    QByteArray key(keyBytes, Qt::Uninitialized);
    const quint64 n = 1ULL << params.log2N;
    if (EVP_PBE_scrypt(secret.constData(), static_cast<size_t>(secret.size()),
                       reinterpret_cast<const unsigned char*>(salt.constData()),
                       static_cast<size_t>(salt.size()), n, static_cast<quint64>(params.r),
                       static_cast<quint64>(params.p), kMaxMemory,
                       reinterpret_cast<unsigned char*>(key.data()), static_cast<size_t>(key.size())) != 1)
        return std::nullopt;
    return key;
}

struct Decoded {
    PasswordHasher::Params params;
    QByteArray salt;
    QByteArray key;
};

std::optional<Decoded> decode(const QString& encoded) {
    const QStringList parts = encoded.split(QLatin1Char('$'));
    // "", "scrypt", "ln=17,r=8,p=1", salt, key
    if (parts.size() != 5 || !parts[0].isEmpty() || parts[1] != QLatin1String("scrypt"))
        return std::nullopt;
    Decoded d;
    const QStringList kv = parts[2].split(QLatin1Char(','));
    if (kv.size() != 3)
        return std::nullopt;
    bool ok1 = false, ok2 = false, ok3 = false;
    if (!kv[0].startsWith(QLatin1String("ln=")) || !kv[1].startsWith(QLatin1String("r=")) ||
        !kv[2].startsWith(QLatin1String("p=")))
        return std::nullopt;
    d.params.log2N = kv[0].mid(3).toInt(&ok1);
    d.params.r = kv[1].mid(2).toInt(&ok2);
    d.params.p = kv[2].mid(2).toInt(&ok3);
    if (!ok1 || !ok2 || !ok3)
        return std::nullopt;
    const auto opts = QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors;
    auto salt = QByteArray::fromBase64Encoding(parts[3].toLatin1(), opts);
    auto key = QByteArray::fromBase64Encoding(parts[4].toLatin1(), opts);
    if (!salt || !key || salt.decoded.size() < 8 || key.decoded.size() < 16)
        return std::nullopt;
    d.salt = salt.decoded;
    d.key = key.decoded;
    return d;
}
} // namespace

std::optional<QString> PasswordHasher::hash(const QString& secret, Params params) {
    QByteArray salt(kSaltBytes, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char*>(salt.data()), kSaltBytes) != 1)
        return std::nullopt;
    const auto key = derive(secret.toUtf8(), salt, params, kKeyBytes);
    if (!key)
        return std::nullopt;
    return QStringLiteral("$scrypt$ln=%1,r=%2,p=%3$%4$%5")
        .arg(params.log2N)
        .arg(params.r)
        .arg(params.p)
        .arg(QString::fromLatin1(salt.toBase64()), QString::fromLatin1(key->toBase64()));
}

bool PasswordHasher::verify(const QString& secret, const QString& encoded) {
    const auto d = decode(encoded);
    if (!d)
        return false;
    const auto key = derive(secret.toUtf8(), d->salt, d->params, static_cast<int>(d->key.size()));
    if (!key || key->size() != d->key.size())
        return false;
    return CRYPTO_memcmp(key->constData(), d->key.constData(), static_cast<size_t>(key->size())) == 0;
}

std::optional<PasswordHasher::Params> PasswordHasher::paramsOf(const QString& encoded) {
    const auto d = decode(encoded);
    if (!d)
        return std::nullopt;
    return d->params;
}

} // namespace market::core
