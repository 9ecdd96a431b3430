# Build flags as an INTERFACE target: every project target links market_build_flags.
add_library(market_build_flags INTERFACE)
target_compile_options(market_build_flags INTERFACE
  -Wall -Wextra -Wpedantic -Wold-style-cast -Wnon-virtual-dtor -Woverloaded-virtual
  -Wshadow=local -Wimplicit-fallthrough)
target_compile_definitions(market_build_flags INTERFACE
  QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_URL_CAST_FROM_STRING QT_NO_FOREACH
  QT_NO_CAST_FROM_BYTEARRAY QT_STRICT_ITERATORS)
if(MARKET_WERROR)
  target_compile_options(market_build_flags INTERFACE -Werror)
endif()
if(MARKET_SANITIZE)
  target_compile_options(market_build_flags INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  target_link_options(market_build_flags INTERFACE -fsanitize=address,undefined)
endif()
