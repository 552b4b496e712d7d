#include "ui/file_dialog.hpp"

#include "core/text.hpp"

#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <cstring>

namespace hv::ui {

namespace fs = std::filesystem;

void FileDialog::open(Mode mode, std::string title, std::vector<std::string> extensions, std::string defaultName) {
    m_open = true;
    m_justOpened = true;
    m_mode = mode;
    m_title = std::move(title);
    m_extensions = std::move(extensions);
    std::snprintf(m_name, sizeof m_name, "%s", defaultName.c_str());
    std::error_code ec;
    if (!fs::is_directory(m_dir, ec)) m_dir = fs::current_path(ec);
    std::snprintf(m_dirText, sizeof m_dirText, "%s", m_dir.string().c_str());
    m_error.clear();
}

bool FileDialog::matches(const fs::path& p) const {
    if (m_extensions.empty()) return true;
    const std::string ext = toLower(p.extension().string());
    return std::find(m_extensions.begin(), m_extensions.end(), ext) != m_extensions.end();
}

std::optional<fs::path> FileDialog::draw() {
    if (!m_open) return std::nullopt;
    const std::string id = m_title + "###filedialog";
    bool focusName = false;
    if (m_justOpened) {
        ImGui::OpenPopup(id.c_str());
        m_justOpened = false;
        focusName = true;
    }
    std::optional<fs::path> result;
    const ImVec2 size(std::min(760.0f, ImGui::GetIO().DisplaySize.x - 40), std::min(560.0f, ImGui::GetIO().DisplaySize.y - 40));
    ImGui::SetNextWindowSize(size, ImGuiCond_Appearing);
    ImGui::SetNextWindowPos(ImVec2(ImGui::GetIO().DisplaySize.x * 0.5f, ImGui::GetIO().DisplaySize.y * 0.5f), ImGuiCond_Appearing,
                            ImVec2(0.5f, 0.5f));
    bool keep = true;
    if (!ImGui::BeginPopupModal(id.c_str(), &keep)) {
        m_open = keep && ImGui::IsPopupOpen(id.c_str());
        return std::nullopt;
    }
    if (ImGui::Button("Up")) {
        m_dir = m_dir.parent_path();
        std::snprintf(m_dirText, sizeof m_dirText, "%s", m_dir.string().c_str());
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputText("##dir", m_dirText, sizeof m_dirText, ImGuiInputTextFlags_EnterReturnsTrue)) {
        std::error_code ec;
        if (fs::is_directory(m_dirText, ec)) m_dir = m_dirText;
        else m_error = std::string("not a folder: ") + m_dirText;
    }
    // The listing.
    std::vector<fs::directory_entry> dirs, files;
    {
        std::error_code ec;
        for (fs::directory_iterator it(m_dir, fs::directory_options::skip_permission_denied, ec), end; !ec && it != end;
             it.increment(ec)) {
            const std::string name = it->path().filename().string();
            if (name.empty() || name[0] == '.') continue;
            std::error_code e2;
            if (it->is_directory(e2)) dirs.push_back(*it);
            else if (matches(it->path())) files.push_back(*it);
        }
    }
    const auto byName = [](const fs::directory_entry& a, const fs::directory_entry& b) { return a.path().filename() < b.path().filename(); };
    std::sort(dirs.begin(), dirs.end(), byName);
    std::sort(files.begin(), files.end(), byName);
    const float footer = ImGui::GetFrameHeightWithSpacing() * 2.4f;
    ImGui::BeginChild("##list", ImVec2(0, -footer), true);
    for (const auto& d : dirs) {
        const std::string label = "[folder] " + d.path().filename().string();
        if (ImGui::Selectable(label.c_str(), false, ImGuiSelectableFlags_AllowDoubleClick | ImGuiSelectableFlags_DontClosePopups)) {
            m_dir = d.path();
            std::snprintf(m_dirText, sizeof m_dirText, "%s", m_dir.string().c_str());
        }
    }
    for (const auto& f : files) {
        const std::string name = f.path().filename().string();
        const bool sel = name == m_name;
        if (ImGui::Selectable(name.c_str(), sel, ImGuiSelectableFlags_AllowDoubleClick | ImGuiSelectableFlags_DontClosePopups)) {
            std::snprintf(m_name, sizeof m_name, "%s", name.c_str());
            if (ImGui::IsMouseDoubleClicked(0)) result = m_dir / name;
        }
    }
    ImGui::EndChild();
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - 200);
    if (focusName || ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere(); // type a name, Enter
    const bool enter = ImGui::InputText("##name", m_name, sizeof m_name, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    if ((ImGui::Button(m_mode == Mode::Open ? "Open" : "Save", ImVec2(90, 0)) || enter) && m_name[0]) {
        const fs::path p = fs::path(m_name).is_absolute() ? fs::path(m_name) : m_dir / m_name;
        std::error_code ec;
        if (m_mode == Mode::Open && !fs::is_regular_file(p, ec)) m_error = "no such file: " + p.string();
        else result = p;
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel", ImVec2(90, 0))) keep = false;
    if (!m_error.empty()) ImGui::TextColored(ImVec4(0.7f, 0.15f, 0.1f, 1.0f), "%s", m_error.c_str());
    if (result || !keep) {
        ImGui::CloseCurrentPopup();
        m_open = false;
    }
    ImGui::EndPopup();
    return result;
}

} // namespace hv::ui
