// What the user has selected and how the muscle list is shown: the list grouped by function
// (content/groups.toml order) and filtered by a search text, and the selection made from a
// clicked pick id or from the list. GL-free.
#pragma once

#include "anatomy_draw/anatomy_drawer.hpp"
#include "anatomy_draw/draw_list.hpp"
#include "content/content.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hv::doc {

// The selected muscle: a content id and a side (both sides share the id; the side says which one
// the live actions describe and which one is highlighted).
struct Selection {
    std::string muscleId; // "" = nothing selected
    Side side = Side::Right;
    bool bothSides = false; // highlight both sides (the live actions still show `side`)

    bool empty() const { return muscleId.empty(); }
    friend bool operator==(const Selection&, const Selection&) = default;
};

// The drawer's highlight for a selection (none when empty).
std::vector<draw::HighlightRef> highlightFor(const Selection& selection);

// The model's muscle index for a selection's id and side; -1 if none.
int selectedMuscleIndex(const Model& model, const Selection& selection);

// What clicking pick id `pickId` selects: the muscle (and its side) of a muscle part, nothing
// for a bone, a model node or the background (0).
Selection selectionFromPick(const Model& model, const draw::DrawList& list, std::uint32_t pickId);

// The hover tip for a pick id: the target's name ("Piriformis (right)"), "" for none.
std::string hoverText(const draw::DrawList& list, std::uint32_t pickId);

struct MuscleListEntry {
    std::string id;
    std::string name;
};
struct MuscleListGroup {
    std::string id;
    std::string name;     // "Deep hip rotators"
    std::string function; // one line
    std::vector<MuscleListEntry> muscles;
};

// The muscles grouped by function, groups in the content's order, muscles in content order.
// `filter` (case-insensitive, spaces ignored at the ends) keeps muscles whose name or id contains
// it, and every muscle of a group whose name contains it; groups left empty are dropped. A muscle
// whose group the content does not list goes under "Other".
std::vector<MuscleListGroup> muscleList(const Content& content, std::string_view filter);

} // namespace hv::doc
