// Inspector fields: a label column, text fields that commit as one undo step per gesture, and
// fields whose text must parse (lengths, times) with an inline red hint (UI thread).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "editing/rundown_editor.hpp"
#include "views/views.hpp"

namespace pycast::ui {

// Draws `label` dim in a column `width` wide and leaves the cursor after it on the same line,
// ready for the field (which fills the rest of the line).
void fieldLabel(const char* label, float width);

// The widget just drawn ends a gesture when it loses focus: the next edit is a new undo step.
void endGestureOnDeactivate(RundownEditor& editor);

using CommitText = std::function<void(RundownEditor&, const std::string&)>;

// A one-line (or multiline, height > 0) text field showing `value`. Every change is posted to
// `commit` (give it a mergeKey so the typing is one step); losing focus closes the step.
// Typed text asks for its glyphs. Returns true when the text changed this frame.
bool editText(ViewContext& ctx, RundownEditor& editor, const char* id, const std::string& value,
              const CommitText& commit, const char* hint = nullptr, float height = 0.0f,
              bool selectAllOnFocus = false);

// Checks typed text: true when it can be committed; otherwise fills `hint` (what to type).
using Validate = std::function<bool(const std::string& text, std::string& hint)>;

// A text field whose text must parse. What is typed stays the field's own (the editor's drafts)
// until the gesture ends (Enter, Tab, a click elsewhere): then text that parses is committed
// (posted) as one step, and text that does not stays in the field, red, with a hint under it,
// and the model is not touched. While typing, unparsable text shows red at once. `key` names
// the field's draft ("seg:<id>:planned").
// height > 0 makes it a multiline field; flags are ImGuiInputTextFlags.
bool editParsed(ViewContext& ctx, RundownEditor& editor, const std::string& key, const char* id,
                const std::string& value, const Validate& validate, const CommitText& commit,
                const char* hint = nullptr, float width = -1.0f, float height = 0.0f,
                int flags = 0);

// Validators for the common cases.
bool validateNotEmpty(const std::string& text, std::string& hint, const char* what);
bool validateLength(const std::string& text, std::string& hint);        // mm:ss, h:mm:ss
bool validateOptionalTime(const std::string& text, std::string& hint);  // "" or HH:MM
bool validateCount(const std::string& text, std::string& hint);         // 0, 1, 2 ...

// The hint under an invalid field; returns true when there was one.
bool invalidHint(RundownEditor& editor, const std::string& key, const Validate& validate);

// ---- Shared by the inspector pages
float labelWidth();  // the label column
// The next widget takes the keyboard when the table (a double-click, Enter, a new row) asked.
// Returns the text-field flags for it: asked-for focus selects the text, ready to be replaced.
int focusIfAsked(EditorState& es, const char* field);
std::string personLabel(const Person& p);  // the name, or "(no name)"
void swatch(unsigned int colour);          // a colour swatch in the text line (ImU32)
// People as a multi-select dropdown: each click toggles one person; the list stays open.
// Returns the id toggled this frame, if any.
std::optional<std::string> peopleMultiSelect(const char* id, const Show& show,
                                             const std::vector<std::string>& chosen, const char* none);

}  // namespace pycast::ui
