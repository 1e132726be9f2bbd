// The one error convention at file and network boundaries: what was wrong, where, what to do
// (any thread; plain values).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace pycast {

// An error a person reads. Every boundary (a file read or written, an HTTP request, a command
// line) reports this, never a struct of its own.
struct Error {
    std::string what;   // what was wrong: "is not a session folder (no journal.jsonl)"
    std::string where;  // the file, JSON path, row or request: "/tmp/x", "shows/a.json: /rundown/2"
    std::string remedy;  // what to do about it: "pick the folder a session was started in"

    // "WHERE: WHAT; REMEDY" (parts that are empty are left out).
    std::string message() const {
        std::string out = where.empty() ? what : where + ": " + what;
        if (!remedy.empty()) out += (out.empty() ? "" : "; ") + remedy;
        return out;
    }
    bool operator==(const Error&) const = default;
};

// A value or the Error that prevented it, plus warnings about things that went wrong on the
// side without stopping it (a damaged journal line that was skipped). C++20 has no
// std::expected; this is the small part of it we need.
template <typename T>
class Result {
public:
    Result(T value) : m_value(std::move(value)) {}  // NOLINT: implicit on purpose
    Result(Error error) : m_value(std::move(error)) {}  // NOLINT

    bool ok() const { return std::holds_alternative<T>(m_value); }
    explicit operator bool() const { return ok(); }
    T& value() { return std::get<T>(m_value); }
    const T& value() const { return std::get<T>(m_value); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() { return value(); }
    const T& operator*() const { return value(); }
    const Error& error() const { return std::get<Error>(m_value); }

    std::vector<std::string> warnings;

private:
    std::variant<T, Error> m_value;
};

// For operations that return nothing but can fail.
struct Done {
    bool operator==(const Done&) const = default;
};
using Status = Result<Done>;
inline Status ok() { return Done{}; }

}  // namespace pycast
