// The rules a show must follow, whatever made it (a file, the editor, an import). Any thread.
#pragma once

#include <string>
#include <vector>

#include "core/show.hpp"
#include "io/json_read.hpp"

namespace pycast {

// Checks the model itself (ids, references, texts, dates, lengths, percentages); used after
// loading and before saving. One Problem per mistake, each with its JSON path.
std::vector<Problem> validateShow(const Show& show);

// Why `date` is not a calendar date written YYYY-MM-DD ("2027-02-30": February 2027 has 28
// days), or empty when it is one.
std::string dateProblem(const std::string& date);

// True when the text holds only white space (ASCII or the ideographic space U+3000), or nothing.
bool isBlankText(const std::string& text);

}  // namespace pycast
