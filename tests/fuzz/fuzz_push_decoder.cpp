// libFuzzer target: bytes as a POST /sync/push body. Whatever arrives, the decoders must not
// crash or hit undefined behaviour, and what they accept must survive a round trip unchanged:
//  - decodePushRequest: an accepted batch re-encodes and decodes to the same operations;
//  - every document codec the server uses on a payload: an accepted document encodes to JSON
//    that decodes again to the same JSON (stable), and its arithmetic check runs without UB.
#include "domain/BooksDocuments.h"
#include "domain/Documents.h"
#include "protocol/PushMessages.h"

#include <QJsonDocument>
#include <cstdint>
#include <cstdlib>

using namespace market;

namespace {

[[noreturn]] void fail(const char* what) {
    std::fprintf(stderr, "property broken: %s\n", what);
    std::abort();
}

template <typename Doc> void roundTrip(const QJsonObject& o) {
    auto decoded = Doc::fromJson(o);
    if (!decoded.ok())
        return;
    const QJsonObject once = decoded->toJson();
    auto again = Doc::fromJson(once);
    if (!again.ok())
        fail("a document the codec accepted does not decode from its own encoding");
    if (again->toJson() != once)
        fail("a document's encoding is not stable");
    if constexpr (requires(const Doc& d) { d.verifyArithmetic(); })
        (void)decoded->verifyArithmetic();
}

void everyCodec(const QJsonObject& o) {
    roundTrip<core::ShopDoc>(o);
    roundTrip<core::TerminalDoc>(o);
    roundTrip<core::UserDoc>(o);
    roundTrip<core::PartyDoc>(o);
    roundTrip<core::ProductDoc>(o);
    roundTrip<core::CommissionRuleDoc>(o);
    roundTrip<core::LotDoc>(o);
    roundTrip<core::LotStatusDoc>(o);
    roundTrip<core::SaleDoc>(o);
    roundTrip<core::CollectionDoc>(o);
    roundTrip<core::CommissionConfirmationDoc>(o);
    roundTrip<core::FarmerPaymentDoc>(o);
    roundTrip<core::ExpenseDoc>(o);
    roundTrip<core::StockAdjustmentDoc>(o);
    roundTrip<core::CashSessionOpenedDoc>(o);
    roundTrip<core::CashMovementDoc>(o);
    roundTrip<core::CashSessionClosedDoc>(o);
    roundTrip<core::SaleReturnDoc>(o);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size > 256 * 1024) // the server refuses bodies over its limit before decoding
        return 0;
    const QByteArray body(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));

    auto decoded = protocol::decodePushRequest(body, 50);
    if (const auto* request = std::get_if<protocol::PushRequest>(&decoded)) {
        if (request->ops.size() > 50)
            fail("more operations accepted than the limit");
        for (size_t i = 1; i < request->ops.size(); ++i)
            if (request->ops[i].seq != request->ops[i - 1].seq + 1)
                fail("sequences accepted that are not consecutive");
        auto again = protocol::decodePushRequest(protocol::encodePushRequest(*request), 50);
        const auto* second = std::get_if<protocol::PushRequest>(&again);
        if (!second || second->ops.size() != request->ops.size())
            fail("an accepted batch does not decode from its own encoding");
        for (size_t i = 0; i < request->ops.size(); ++i) {
            const auto& a = request->ops[i];
            const auto& b = second->ops[i];
            if (a.seq != b.seq || a.opId != b.opId || a.type != b.type || a.payload != b.payload)
                fail("an operation changed in a round trip");
            everyCodec(a.payload);
        }
    } else if (std::get<protocol::WireError>(decoded).code.isEmpty()) {
        fail("a refused batch without an error code");
    }

    // The same bytes as a bare document and as a push reply (what the counter decodes).
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (doc.isObject()) {
        everyCodec(doc.object());
        (void)protocol::PushReply::fromJson(doc.object());
    }
    return 0;
}
