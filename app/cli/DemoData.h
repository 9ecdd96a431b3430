#pragma once

#include "domain/Types.h"

#include <QtGlobal>
#include <vector>

namespace market::cli::demo {

/// A product of the demo shop with what a day of trade in it looks like.
struct ProductSpec {
    const char16_t* code;
    const char16_t* name;
    core::Category category;
    core::Unit unit;
    qint64 pricePaise; ///< typical price per unit
    qint64 lotMin;     ///< units per arrival
    qint64 lotMax;
    qint64 lineMin; ///< units per sale line
    qint64 lineMax;
    qint64 unitsPerPackage; ///< bag/crate size (weighed goods) or bundle size
    qint64 tarePerPackageG; ///< grams of bag/crate per package (weighed goods)
};

struct PartySpec {
    const char16_t* name;
    const char16_t* phone;
    qint64 creditLimitRupees; ///< buyers only
};

const std::vector<ProductSpec>& products();
const std::vector<PartySpec>& farmers();
const std::vector<PartySpec>& buyers();
/// Vehicle numbers of the farmers' trucks and autos (Telangana/AP registrations).
const std::vector<const char16_t*>& vehicles();

} // namespace market::cli::demo
