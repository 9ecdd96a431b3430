#pragma once

#include "domain/Result.h"

#include <QCoreApplication>

namespace market::ui {

class AppContext;

/// A small demo shop for `market-pos --demo` on an empty store, made through the services:
/// owner / manager / cashier, farmers and buyers (some with Hindi and Telugu names), products,
/// a 5 % commission rule and a few lots. Stand-in until the marketctl demo builder moves into
/// market_core.
///
/// Users: owner / owner-pass-1 · manager / manager-pass-1, PIN 2222 · cashier / cashier-pass-1,
/// PIN 1111.
class DemoShop {
    Q_DECLARE_TR_FUNCTIONS(DemoShop)
public:
    static core::Status createIfEmpty(AppContext& ctx);
};

} // namespace market::ui
