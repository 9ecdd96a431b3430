#include "Protocol.h"

// Constants only; this unit keeps the library non-empty for linkers that dislike it.
namespace market::protocol {
namespace {
[[maybe_unused]] constexpr int kVersionCheck = kProtocolVersion;
} // namespace
} // namespace market::protocol
