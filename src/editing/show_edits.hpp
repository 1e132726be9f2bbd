// The edits a producer makes to a show, as undoable steps for History<Show> (owner thread).
#pragma once

#include <string>

#include "core/history.hpp"
#include "core/show.hpp"

namespace pycast {

using Edit = Change<Show>;
using ShowHistory = History<Show>;

// ---- Each returns an Edit to pass to History::perform; none changes the show until performed.
// ---- Ids that are not found make a no-op edit.
namespace edits {

Edit setMeta(const Show& show, ShowMeta updated, std::string label, std::string mergeKey = {});
Edit setGuidelines(const Show& show, Guidelines updated, std::string label, std::string mergeKey = {});

// Replaces segment `id` with `updated` (same id). mergeKey e.g. "seg:<id>:title".
Edit setSegment(const Show& show, const std::string& id, Segment updated, std::string label,
                std::string mergeKey = {});
Edit insertSegment(const Show& show, int index, Segment segment);   // index clamped; -1 = end
Edit duplicateSegment(const Show& show, const std::string& id);     // copy right after, new id
Edit deleteSegment(const Show& show, const std::string& id);
Edit moveSegment(const Show& show, const std::string& id, int toIndex);

Edit setPerson(const Show& show, const std::string& id, Person updated, std::string label,
               std::string mergeKey = {});
Edit insertPerson(const Show& show, int index, Person person);
// Removes the person and every reference to them (speakers, questions' "for"); undo restores all.
Edit deletePerson(const Show& show, const std::string& id);

Edit setQuestion(const Show& show, const std::string& id, Question updated, std::string label,
                 std::string mergeKey = {});
Edit insertQuestion(const Show& show, int index, Question question);
Edit deleteQuestion(const Show& show, const std::string& id);
Edit moveQuestion(const Show& show, const std::string& id, int toIndex);

// Bulk changes (CSV import, sorting): the whole document before and after.
Edit replaceShow(const Show& before, Show after, std::string label);

}  // namespace edits

// “開場” with curly quotes, shortened to about 24 characters for menu labels.
std::string quotedTitle(const std::string& title);

}  // namespace pycast
