// A small file chooser drawn with Dear ImGui (Debian's ImGui has none and GLFW opens no system
// dialog): a folder listing with the files of the wanted kinds, a name field, OK and Cancel.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace hv::ui {

class FileDialog {
public:
    enum class Mode { Open, Save };
    // Opens the dialog (shown by the next draw()). `extensions` (lower case, with the dot) filter
    // the files listed; empty: all files. For Save, `defaultName` fills the name field.
    void open(Mode mode, std::string title, std::vector<std::string> extensions, std::string defaultName = {});
    bool isOpen() const { return m_open; }
    // Draws it; returns the chosen path once, when the user confirms.
    std::optional<std::filesystem::path> draw();

    std::filesystem::path directory() const { return m_dir; }

private:
    bool m_open = false, m_justOpened = false;
    Mode m_mode = Mode::Open;
    std::string m_title;
    std::vector<std::string> m_extensions;
    std::filesystem::path m_dir = std::filesystem::current_path();
    char m_name[512] = "";
    char m_dirText[1024] = "";
    std::string m_error;
    bool matches(const std::filesystem::path& p) const;
};

} // namespace hv::ui
