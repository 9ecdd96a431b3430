#pragma once

#include <QByteArray>
#include <QString>
#include <domain/Uuid.h>
#include <initializer_list>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace market::server {

/// Rows of a multi-row INSERT sent as one PostgreSQL array literal per column, for
/// `INSERT ... SELECT ... FROM unnest($1::uuid[], $2::bigint[], ...) AS r(a, b, ...)`. Cheaper on
/// both sides than a jsonb recordset: no JSON document to build here, and PostgreSQL reads each
/// value with its type's input function instead of parsing, sorting and looking up JSON keys.
/// Usage: `rows.row() << id << shopId << qty;` with exactly `columns` values per row.
class ArrayRows {
public:
    explicit ArrayRows(int columns)
        : m_columns(size_t(columns)) {}

    ArrayRows& row() {
        complete();
        m_next = 0;
        ++m_rows;
        return *this;
    }
    ArrayRows& operator<<(const QString& v) { return quoted(v.toUtf8()); }
    ArrayRows& operator<<(const QByteArray& utf8) { return quoted(utf8); }
    ArrayRows& operator<<(const core::Uuid& v) { return raw(v.toString().toLatin1()); }
    ArrayRows& operator<<(const std::optional<core::Uuid>& v) { return v ? *this << *v : null(); }
    ArrayRows& operator<<(qint64 v) { return raw(QByteArray::number(v)); }
    ArrayRows& operator<<(int v) { return raw(QByteArray::number(v)); }
    ArrayRows& operator<<(bool v) { return raw(v ? "t" : "f"); }
    ArrayRows& null() { return raw("NULL"); }

    bool isEmpty() const { return m_rows == 0; }
    /// One `{...}` literal per column, in column order: the statement's parameters.
    std::vector<std::string> params() const {
        complete();
        std::vector<std::string> out;
        out.reserve(m_columns.size());
        for (const std::string& c : m_columns)
            out.push_back("{" + c + "}");
        return out;
    }

private:
    void complete() const {
        if (m_rows > 0 && m_next != m_columns.size())
            throw std::logic_error("ArrayRows: a row without a value for every column");
    }
    std::string& next() {
        std::string& c = m_columns.at(m_next++); // throws on a row with too many values
        if (m_rows > 1)
            c += ',';
        return c;
    }
    ArrayRows& raw(const QByteArray& v) {
        next().append(v.constData(), size_t(v.size()));
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
    size_t m_next = 0;
    int m_rows = 0;
};

/// A column of an unnest INSERT: its name, its array element type and, if the table's value is
/// computed, the SQL reading it (the name then stands for the array element).
struct UnnestColumn {
    const char* name;
    const char* type;
    const char* expr = nullptr;
};

/// `INSERT INTO table (names) SELECT exprs FROM unnest($1::type[], ...) AS r(names) ON CONFLICT DO
/// NOTHING`, parameters in column order (ArrayRows::params()).
inline std::string unnestInsert(const char* table, std::initializer_list<UnnestColumn> columns) {
    std::string names, select, arrays;
    int number = 0;
    for (const UnnestColumn& c : columns) {
        const char* sep = number ? ", " : "";
        names += sep + std::string(c.name);
        select += sep + std::string(c.expr ? c.expr : c.name);
        arrays += sep + ("$" + std::to_string(++number)) + "::" + c.type + "[]";
    }
    return "INSERT INTO " + std::string(table) + " (" + names + ") SELECT " + select + " FROM unnest(" +
           arrays + ") AS r(" + names + ") ON CONFLICT DO NOTHING";
}

} // namespace market::server
