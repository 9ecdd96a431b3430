#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

namespace market::core {

/// Slow salted hashes for passwords and PINs: OpenSSL 3 scrypt, N = 2^17, r = 8, p = 1,
/// 16-byte salt, 32-byte key, with an explicit 256 MiB memory limit (OpenSSL's default
/// 32 MiB cap makes these parameters fail). Stored in PHC form with its parameters:
///   $scrypt$ln=17,r=8,p=1$<salt base64>$<key base64>
/// so the cost can rise later without breaking old hashes. One hash costs about 0.3–0.5 s.
struct ScryptParams {
    int log2N = 17;
    int r = 8;
    int p = 1;
};

class PasswordHasher {
public:
    using Params = ScryptParams;

    /// Returns the encoded hash, or nullopt if OpenSSL refused (out of memory).
    static std::optional<QString> hash(const QString& secret, Params params = ScryptParams{});
    /// Constant-time comparison; false for malformed encodings.
    static bool verify(const QString& secret, const QString& encoded);
    /// Parameters of an encoded hash (to decide on re-hashing after a cost increase).
    static std::optional<Params> paramsOf(const QString& encoded);
};

} // namespace market::core
