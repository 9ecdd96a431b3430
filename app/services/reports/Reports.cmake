# Reports of issue 3 item 7, included from app/CMakeLists.txt into market_core.
target_sources(market_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/ReportFilter.cpp
  ${CMAKE_CURRENT_LIST_DIR}/SalesReports.cpp
  ${CMAKE_CURRENT_LIST_DIR}/StockReports.cpp
  ${CMAKE_CURRENT_LIST_DIR}/CreditReports.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ExpenseReports.cpp
  ${CMAKE_CURRENT_LIST_DIR}/Csv.cpp
)
