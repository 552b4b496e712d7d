#include "io/atomic_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace hv::io {

namespace {

Diagnostic failure(const fs::path& path, const std::string& step, int error) {
    return Diagnostic{path.string(), 0, 0, "", step + ": " + std::strerror(error)};
}

// The process umask without changing it (umask() can only be read by setting it, which races with
// other threads): Linux reports it in /proc/self/status.
mode_t currentUmask() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("Umask:", 0) == 0) {
            try {
                return static_cast<mode_t>(std::stoul(line.substr(6), nullptr, 8));
            } catch (...) {
                break;
            }
        }
    }
    return 022;
}

bool writeAll(int fd, const std::uint8_t* data, std::size_t size, int& error) {
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0) {
            if (errno == EINTR) continue;
            error = errno;
            return false;
        }
        data += n;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

} // namespace

std::optional<Diagnostic> writeFileAtomic(const fs::path& path,
                                          std::span<const std::uint8_t> bytes) {
    if (path.empty() || path.filename().empty())
        return Diagnostic{path.string(), 0, 0, "", "the path names no file"};
    // Replace what a symbolic link points to, not the link.
    fs::path target = path;
    std::error_code ec;
    if (fs::is_symlink(fs::symlink_status(path, ec))) {
        const fs::path resolved = fs::weakly_canonical(path, ec);
        if (!ec) target = resolved;
    }
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");

    mode_t mode = 0666 & ~currentUmask();
    struct stat existing {};
    if (::stat(target.c_str(), &existing) == 0) {
        if (S_ISDIR(existing.st_mode))
            return Diagnostic{path.string(), 0, 0, "", "it is a folder, not a file"};
        mode = existing.st_mode & 07777;
    }

    std::string name = ".";
    name += target.filename().string();
    name += ".tmp-XXXXXX";
    std::string tmp = (folder / name).string();
    const int fd = ::mkstemp(tmp.data());
    if (fd < 0) return failure(path, "cannot create a temporary file in " + folder.string(), errno);

    int error = 0;
    std::string step;
    if (!writeAll(fd, bytes.data(), bytes.size(), error))
        step = "cannot write " + tmp;
    else if (::fchmod(fd, mode) != 0)
        error = errno, step = "cannot set the mode of " + tmp;
    else if (::fsync(fd) != 0)
        error = errno, step = "cannot flush " + tmp + " to disk";
    if (::close(fd) != 0 && step.empty()) error = errno, step = "cannot close " + tmp;
    if (step.empty() && ::rename(tmp.c_str(), target.c_str()) != 0)
        error = errno, step = "cannot replace the file";
    if (!step.empty()) {
        ::unlink(tmp.c_str());
        return failure(path, step, error);
    }
    // Make the rename durable; a failure here does not undo the write, so it is not reported.
    const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
    return std::nullopt;
}

std::optional<Diagnostic> writeFileAtomic(const fs::path& path, std::string_view text) {
    return writeFileAtomic(
        path, std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(text.data()),
                                            text.size()));
}

} // namespace hv::io
