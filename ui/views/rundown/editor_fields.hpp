// Inspector fields: a label column, text fields that commit as one undo step per gesture, and
// fields whose text must parse (lengths, times) with an inline red hint (UI thread).
#pragma once

#include <functional>
#include <string>

#include "views/rundown/editor.hpp"
#include "views/views.hpp"

namespace pycast::ui {

// Draws `label` dim in a column `width` wide and leaves the cursor after it on the same line,
// ready for the field (which fills the rest of the line).
void fieldLabel(const char* label, float width);

// The widget just drawn ends a gesture when it loses focus: the next edit is a new undo step.
void endGestureOnDeactivate(Editor& editor);

using CommitText = std::function<void(Editor&, const std::string&)>;

// A one-line (or multiline, height > 0) text field showing `value`. Every change is posted to
// `commit` (give it a mergeKey so the typing is one step); losing focus closes the step.
// Typed text asks for its glyphs. Returns true when the text changed this frame.
bool editText(ViewContext& ctx, Editor& editor, const char* id, const std::string& value,
              const CommitText& commit, const char* hint = nullptr, float height = 0.0f,
              bool selectAllOnFocus = false);

// Checks typed text: true when it can be committed; otherwise fills `hint` (what to type).
using Validate = std::function<bool(const std::string& text, std::string& hint)>;

// A text field whose text must parse. Valid text is committed (posted) as typed; invalid text
// stays in the field with a red hint under it and the model is not touched. `key` names the
// field for the editor's invalid-text memory ("seg:<id>:planned").
// height > 0 makes it a multiline field; flags are ImGuiInputTextFlags.
bool editParsed(ViewContext& ctx, Editor& editor, const std::string& key, const char* id,
                const std::string& value, const Validate& validate, const CommitText& commit,
                const char* hint = nullptr, float width = -1.0f, float height = 0.0f,
                int flags = 0);

// Validators for the common cases.
bool validateNotEmpty(const std::string& text, std::string& hint, const char* what);
bool validateLength(const std::string& text, std::string& hint);        // mm:ss, h:mm:ss
bool validateOptionalTime(const std::string& text, std::string& hint);  // "" or HH:MM

// The hint under an invalid field; returns true when there was one.
bool invalidHint(Editor& editor, const std::string& key, const Validate& validate);

}  // namespace pycast::ui
