// The edits producers make to a show, each an undoable step (owner thread).
#include "editing/show_edits.hpp"

#include <algorithm>

namespace pycast {

std::string quotedTitle(const std::string& title) {
    // Cut at a UTF-8 character boundary after ~24 characters.
    size_t chars = 0, cut = title.size();
    for (size_t i = 0; i < title.size(); ++i) {
        if ((static_cast<unsigned char>(title[i]) & 0xC0) != 0x80 && ++chars > 24) {
            cut = i;
            break;
        }
    }
    return "“" + title.substr(0, cut) + (cut < title.size() ? "…" : "") + "”";
}

namespace edits {
namespace {

template <typename T>
int indexById(const std::vector<T>& items, const std::string& id) {
    for (size_t i = 0; i < items.size(); ++i)
        if (items[i].id == id) return static_cast<int>(i);
    return -1;
}

Edit noOp(std::string label) {
    return {std::move(label), {}, [](Show&) {}, [](Show&) {}};
}

// Replace the item with this id; the same shape for segments, people and questions.
template <typename T>
Edit setItem(std::vector<T> Show::*list, const Show& show, const std::string& id, T updated,
             std::string label, std::string mergeKey) {
    int i = indexById(show.*list, id);
    if (i < 0) return noOp(std::move(label));
    T before = (show.*list)[static_cast<size_t>(i)];
    return {std::move(label), std::move(mergeKey),
            [list, id, updated](Show& s) {
                int k = indexById(s.*list, id);
                if (k >= 0) (s.*list)[static_cast<size_t>(k)] = updated;
            },
            [list, id, before](Show& s) {
                int k = indexById(s.*list, id);
                if (k >= 0) (s.*list)[static_cast<size_t>(k)] = before;
            }};
}

template <typename T>
Edit insertItem(std::vector<T> Show::*list, const Show& show, int index, T item, std::string label) {
    const int size = static_cast<int>((show.*list).size());
    if (index < 0 || index > size) index = size;
    std::string id = item.id;
    return {std::move(label), {},
            [list, index, item](Show& s) {
                auto& v = s.*list;
                v.insert(v.begin() + std::min<std::ptrdiff_t>(index, static_cast<std::ptrdiff_t>(v.size())), item);
            },
            [list, id](Show& s) {
                int k = indexById(s.*list, id);
                if (k >= 0) (s.*list).erase((s.*list).begin() + k);
            }};
}

template <typename T>
Edit deleteItem(std::vector<T> Show::*list, const Show& show, const std::string& id, std::string label) {
    int i = indexById(show.*list, id);
    if (i < 0) return noOp(std::move(label));
    T before = (show.*list)[static_cast<size_t>(i)];
    return {std::move(label), {},
            [list, id](Show& s) {
                int k = indexById(s.*list, id);
                if (k >= 0) (s.*list).erase((s.*list).begin() + k);
            },
            [list, i, before](Show& s) {
                auto& v = s.*list;
                v.insert(v.begin() + std::min<std::ptrdiff_t>(i, static_cast<std::ptrdiff_t>(v.size())), before);
            }};
}

template <typename T>
Edit moveItem(std::vector<T> Show::*list, const Show& show, const std::string& id, int toIndex,
              std::string label) {
    int from = indexById(show.*list, id);
    const int size = static_cast<int>((show.*list).size());
    if (from < 0) return noOp(std::move(label));
    toIndex = std::clamp(toIndex, 0, size - 1);
    auto move = [list, id](Show& s, int to) {
        auto& v = s.*list;
        int k = indexById(v, id);
        if (k < 0 || k == to) return;
        T item = std::move(v[static_cast<size_t>(k)]);
        v.erase(v.begin() + k);
        v.insert(v.begin() + std::clamp(to, 0, static_cast<int>(v.size())), std::move(item));
    };
    return {std::move(label), {}, [move, toIndex](Show& s) { move(s, toIndex); },
            [move, from](Show& s) { move(s, from); }};
}

std::string titleOf(const Show& show, const std::string& id) {
    const Segment* s = show.findSegment(id);
    return s ? quotedTitle(s->title) : "segment";
}

}  // namespace

Edit setMeta(const Show& show, ShowMeta updated, std::string label, std::string mergeKey) {
    ShowMeta before = show.meta;
    return {std::move(label), std::move(mergeKey), [updated](Show& s) { s.meta = updated; },
            [before](Show& s) { s.meta = before; }};
}

Edit setGuidelines(const Show& show, Guidelines updated, std::string label, std::string mergeKey) {
    Guidelines before = show.guidelines;
    return {std::move(label), std::move(mergeKey), [updated](Show& s) { s.guidelines = updated; },
            [before](Show& s) { s.guidelines = before; }};
}

Edit setSegment(const Show& show, const std::string& id, Segment updated, std::string label,
                std::string mergeKey) {
    updated.id = id;
    return setItem(&Show::rundown, show, id, std::move(updated), std::move(label), std::move(mergeKey));
}

Edit insertSegment(const Show& show, int index, Segment segment) {
    if (segment.id.empty() || show.findSegment(segment.id)) segment.id = newId(show, "s");
    std::string label = "Add segment " + quotedTitle(segment.title);
    return insertItem(&Show::rundown, show, index, std::move(segment), std::move(label));
}

Edit duplicateSegment(const Show& show, const std::string& id) {
    int i = show.segmentIndex(id);
    if (i < 0) return noOp("Duplicate segment");
    Segment copy = show.rundown[static_cast<size_t>(i)];
    copy.id = newId(show, "s");
    copy.elastic = false;   // only one segment may be elastic
    std::string label = "Duplicate " + titleOf(show, id);
    return insertItem(&Show::rundown, show, i + 1, std::move(copy), std::move(label));
}

Edit deleteSegment(const Show& show, const std::string& id) {
    return deleteItem(&Show::rundown, show, id, "Delete " + titleOf(show, id));
}

Edit moveSegment(const Show& show, const std::string& id, int toIndex) {
    int from = show.segmentIndex(id);
    std::string label = "Move " + titleOf(show, id) + (toIndex < from ? " up" : " down");
    return moveItem(&Show::rundown, show, id, toIndex, std::move(label));
}

Edit setPerson(const Show& show, const std::string& id, Person updated, std::string label,
               std::string mergeKey) {
    updated.id = id;
    return setItem(&Show::people, show, id, std::move(updated), std::move(label), std::move(mergeKey));
}

Edit insertPerson(const Show& show, int index, Person person) {
    if (person.id.empty() || show.findPerson(person.id)) person.id = newId(show, "p");
    std::string label = "Add person " + quotedTitle(person.name);
    return insertItem(&Show::people, show, index, std::move(person), std::move(label));
}

Edit deletePerson(const Show& show, const std::string& id) {
    const Person* p = show.findPerson(id);
    if (!p) return noOp("Delete person");
    // Removing a person also removes their references; the whole before/after is simplest and exact.
    Show after = show;
    after.people.erase(after.people.begin() + indexById(after.people, id));
    auto drop = [&](std::vector<std::string>& ids) { ids.erase(std::remove(ids.begin(), ids.end(), id), ids.end()); };
    for (auto& s : after.rundown) drop(s.speakers);
    for (auto& q : after.questions) drop(q.forPeople);
    return replaceShow(show, std::move(after), "Delete person " + quotedTitle(p->name));
}

Edit setQuestion(const Show& show, const std::string& id, Question updated, std::string label,
                 std::string mergeKey) {
    updated.id = id;
    return setItem(&Show::questions, show, id, std::move(updated), std::move(label), std::move(mergeKey));
}

Edit insertQuestion(const Show& show, int index, Question question) {
    if (question.id.empty() || indexById(show.questions, question.id) >= 0) question.id = newId(show, "q");
    std::string label = "Add question " + quotedTitle(question.text);
    return insertItem(&Show::questions, show, index, std::move(question), std::move(label));
}

Edit deleteQuestion(const Show& show, const std::string& id) {
    int i = indexById(show.questions, id);
    std::string label = "Delete question" + (i >= 0 ? " " + quotedTitle(show.questions[static_cast<size_t>(i)].text) : "");
    return deleteItem(&Show::questions, show, id, std::move(label));
}

Edit moveQuestion(const Show& show, const std::string& id, int toIndex) {
    return moveItem(&Show::questions, show, id, toIndex, "Move question");
}

Edit replaceShow(const Show& before, Show after, std::string label) {
    return {std::move(label), {}, [after](Show& s) { s = after; }, [before](Show& s) { s = before; }};
}

}  // namespace edits
}  // namespace pycast
