#pragma once

#include <QByteArray>
#include <QString>

namespace market::server::crypto {

/// n bytes from OpenSSL's CSPRNG; aborts if the generator fails (never returns weak bytes).
QByteArray randomBytes(int n);
QByteArray sha256(const QByteArray& data);
QByteArray hmacSha256(const QByteArray& key, const QByteArray& data);
/// Constant-time comparison (CRYPTO_memcmp); false when lengths differ.
bool equalConstantTime(const QByteArray& a, const QByteArray& b);
/// A human-typable one-time code: 10 characters of Crockford base32 (50 bits), shown as
/// XXXXX-XXXXX. normalizeCode() accepts lower case and drops dashes and spaces.
QString newEnrolmentCode();
QString normalizeCode(const QString& code);

} // namespace market::server::crypto
