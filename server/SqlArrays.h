#pragma once

#include <QByteArray>
#include <QString>
#include <charconv>
#include <domain/Uuid.h>
#include <initializer_list>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace market::server {

/// Rows of a multi-row INSERT sent as one PostgreSQL array literal per column, for
/// `INSERT ... SELECT ... FROM ROWS FROM (unnest($1::uuid[]), ...) AS r(a, ...)`. Cheaper on
/// both sides than a jsonb recordset: no JSON document to build here, and PostgreSQL reads each
/// value with its type's input function instead of parsing, sorting and looking up JSON keys.
/// Usage: `rows.row() << id << shopId << qty;` with exactly `columns` values per row.
///
/// A column of JSON documents (json()) is sent as one JSON array instead, read back with
/// json_array_elements (unnestInsert): PostgreSQL lexes each document once, where an array
/// literal of json is scanned twice for its quoting and then lexed, and nothing here escapes the
/// documents' quotes.
class ArrayRows {
public:
    explicit ArrayRows(int columns)
        : m_columns(size_t(columns))
        , m_jsonColumn(size_t(columns), false) {}

    ArrayRows& row() {
        complete();
        m_next = 0;
        ++m_rows;
        return *this;
    }
    ArrayRows& operator<<(const QString& v) { return quoted(v.toUtf8()); }
    ArrayRows& operator<<(const QByteArray& utf8) { return quoted(utf8); }
    // Numbers and ids go straight into the column, without a temporary QByteArray each (a push
    // of 50 sales writes thousands of them).
    ArrayRows& operator<<(const core::Uuid& v) {
        const QString text = v.toString(); // canonical: 36 ASCII characters
        std::string& c = next();
        for (const QChar ch : text)
            c += char(ch.unicode());
        return *this;
    }
    ArrayRows& operator<<(const std::optional<core::Uuid>& v) { return v ? *this << *v : null(); }
    ArrayRows& operator<<(qint64 v) {
        char buffer[24];
        const auto end = std::to_chars(buffer, buffer + sizeof buffer, v).ptr;
        next().append(buffer, size_t(end - buffer));
        return *this;
    }
    ArrayRows& operator<<(int v) { return *this << qint64(v); }
    ArrayRows& operator<<(bool v) { return raw(v ? "t" : "f"); }
    ArrayRows& null() { return raw("NULL"); }
    /// A JSON document (compact JSON text, trusted to be valid: PostgreSQL checks it) in a column
    /// that holds only these; an empty one is JSON null (unnestInsert makes it SQL NULL).
    ArrayRows& json(const QByteArray& document) {
        std::string& c = next(true);
        if (document.isEmpty())
            c += "null";
        else
            c.append(document.constData(), size_t(document.size()));
        return *this;
    }

    bool isEmpty() const { return m_rows == 0; }
    /// One `{...}` literal per column, in column order: the statement's parameters.
    std::vector<std::string> params() const {
        complete();
        std::vector<std::string> out;
        out.reserve(m_columns.size());
        for (size_t i = 0; i < m_columns.size(); ++i)
            out.push_back(m_jsonColumn[i] ? "[" + m_columns[i] + "]" : "{" + m_columns[i] + "}");
        return out;
    }
    /// The same, appended to `out`, moving the columns instead of copying them (most of a push's
    /// bytes); the rows are empty afterwards.
    void takeParams(std::vector<std::string>& out) {
        complete();
        for (size_t i = 0; i < m_columns.size(); ++i) {
            std::string& c = m_columns[i];
            c.insert(c.begin(), m_jsonColumn[i] ? '[' : '{');
            c += m_jsonColumn[i] ? ']' : '}';
            out.push_back(std::move(c));
            c.clear();
        }
        m_rows = 0;
        m_next = 0;
    }

private:
    void complete() const {
        if (m_rows > 0 && m_next != m_columns.size())
            throw std::logic_error("ArrayRows: a row without a value for every column");
    }
    std::string& next(bool json = false) {
        const size_t column = m_next++;
        std::string& c = m_columns.at(column); // throws on a row with too many values
        if (m_rows == 1)
            m_jsonColumn[column] = json; // the first row decides the column's kind
        else if (m_jsonColumn[column] != json)
            throw std::logic_error("ArrayRows: JSON and plain values in one column");
        if (m_rows > 1)
            c += ',';
        return c;
    }
    ArrayRows& raw(const char* v) {
        next().append(v);
        return *this;
    }
    // Double-quoted element: only `"` and `\` need a backslash inside the quotes. Copied in runs
    // between them, not character by character (a push's documents are most of its bytes).
    ArrayRows& quoted(const QByteArray& v) {
        std::string& c = next();
        c += '"';
        const char* from = v.constData();
        const char* const end = from + v.size();
        while (from < end) {
            const char* to = from;
            while (to < end && *to != '"' && *to != '\\')
                ++to;
            c.append(from, size_t(to - from));
            if (to == end)
                break;
            c += '\\';
            c += *to;
            from = to + 1;
        }
        c += '"';
        return *this;
    }

    std::vector<std::string> m_columns;
    std::vector<bool> m_jsonColumn; ///< a JSON array of documents, not an array literal
    size_t m_next = 0;
    int m_rows = 0;
};

/// A column of an unnest INSERT: its name, its array element type and, if the table's value is
/// computed, the SQL reading it (the name then stands for the array element). Type "json": a
/// column of ArrayRows::json() documents, JSON null read as SQL NULL.
struct UnnestColumn {
    const char* name;
    const char* type;
    const char* expr = nullptr;
};

/// `INSERT INTO table (scalars, names) SELECT $1::type, ..., exprs FROM ROWS FROM
/// (unnest($k::type[]), ..., json_array_elements($m::json)) AS r(names) ON CONFLICT DO NOTHING`. Parameters:
/// the scalars first (one value for every row, such as the shop: not repeated per row for PostgreSQL to
/// parse), then the arrays in column order (ArrayRows::takeParams()).
inline std::string unnestInsert(const char* table, std::initializer_list<UnnestColumn> scalars,
                                std::initializer_list<UnnestColumn> columns) {
    std::string names, select, arrays, aliases;
    int number = 0;
    for (const UnnestColumn& c : scalars) {
        const char* sep = number ? ", " : "";
        names += sep + std::string(c.name);
        select += sep + ("$" + std::to_string(++number)) + "::" + c.type;
    }
    bool first = true;
    for (const UnnestColumn& c : columns) {
        const char* sep = number ? ", " : "";
        names += sep + std::string(c.name);
        const bool json = std::string_view(c.type) == "json";
        const std::string name(c.name);
        select +=
            sep + (c.expr ? std::string(c.expr)
                   : json ? "CASE WHEN json_typeof(" + name + ") = 'null' THEN NULL ELSE " + name + " END"
                          : name);
        const std::string param = "$" + std::to_string(++number);
        arrays += (first ? "" : ", ") + (json ? "json_array_elements(" + param + "::json)"
                                              : "unnest(" + param + "::" + c.type + "[])");
        aliases += (first ? "" : ", ") + std::string(c.name);
        first = false;
    }
    return "INSERT INTO " + std::string(table) + " (" + names + ") SELECT " + select + " FROM ROWS FROM (" +
           arrays + ") AS r(" + aliases + ") ON CONFLICT DO NOTHING";
}

/// An unnest INSERT without scalar parameters.
inline std::string unnestInsert(const char* table, std::initializer_list<UnnestColumn> columns) {
    return unnestInsert(table, {}, columns);
}

} // namespace market::server
