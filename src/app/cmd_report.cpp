// hipview report: moment arms and path lengths along a sweep, or the role changes found there.
#include "app/cli.hpp"
#include "app/commands.hpp"
#include "app/load_content.hpp"

#include "core/pose_text.hpp"
#include "core/sweep.hpp"

#include <cmath>
#include <cstdio>
#include <string>

namespace hv::cli {

namespace {

constexpr const char* kHelp =
    "usage: hipview report [--sweep NAME=FROM:TO:STEP] [--muscle ID[,ID...]] [--side r|l|both]\n"
    "                      [--pose NAME=VALUE,...] [--format csv|json|table] [--roles]\n"
    "                      [--dead-zone MM] [--content DIR]\n\n"
    "For every muscle part (or those named), the moment arm about each hip coordinate of its own\n"
    "side (r = -dL/dq, mm; positive = flexor, adductor, internal rotator) and the path length\n"
    "(mm), at every step of the sweep. Other coordinates stay at their defaults unless --pose\n"
    "sets them.\n\n"
    "  --sweep NAME=FROM:TO:STEP  rotational coordinate and degrees (default hip_flexion=0:120:5);\n"
    "                             a name without _r/_l sweeps both sides together\n"
    "  --muscle ID                muscle ids (repeat or comma-separate); default: all\n"
    "  --side r|l|both            which side's muscles (default both)\n"
    "  --pose NAME=VALUE,...      other coordinates (degrees, or metres for translations)\n"
    "  --format csv|json|table    output (default csv); csv columns:\n"
    "                             muscle,part,side,sweep_coordinate,sweep_deg,dof,moment_arm_mm,length_mm\n"
    "  --roles                    print role changes instead: the angles where a moment arm\n"
    "                             changes sign, e.g.\n"
    "                             piriformis r hip_rotation: external -> internal at 49.3 deg hip_flexion_r\n"
    "  --dead-zone MM             moment arms smaller than this count as no action (default 1)\n"
    "  --content DIR              the content folder\n";

struct SweepText {
    std::string name;
    double from = 0, to = 0, step = 0;
};

std::optional<SweepText> parseSweepText(const std::string& text, std::string& error) {
    const auto eq = text.find('=');
    if (eq == std::string::npos) {
        error = "--sweep \"" + text + "\": expected NAME=FROM:TO:STEP, e.g. hip_flexion_r=0:120:5";
        return std::nullopt;
    }
    const auto parts = splitList(std::string_view(text).substr(eq + 1), ':');
    if (parts.size() != 3) {
        error = "--sweep \"" + text + "\": expected three numbers FROM:TO:STEP";
        return std::nullopt;
    }
    SweepText s{text.substr(0, eq)};
    double* fields[3] = {&s.from, &s.to, &s.step};
    for (int i = 0; i < 3; ++i) {
        const auto v = parseNumber(parts[static_cast<std::size_t>(i)]);
        if (!v) {
            error = "--sweep \"" + text + "\": \"" + parts[static_cast<std::size_t>(i)] + "\" is not a number";
            return std::nullopt;
        }
        *fields[i] = *v;
    }
    if (!(s.step > 0)) {
        error = "--sweep \"" + text + "\": STEP must be greater than 0";
        return std::nullopt;
    }
    if (s.to < s.from) {
        error = "--sweep \"" + text + "\": TO must not be below FROM";
        return std::nullopt;
    }
    if ((s.to - s.from) / s.step > 100000) {
        error = "--sweep \"" + text + "\": more than 100000 steps";
        return std::nullopt;
    }
    return s;
}

std::string jsonString(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        if (static_cast<unsigned char>(c) < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
            continue;
        }
        out += c;
    }
    return out + "\"";
}

std::string formatDegrees(double deg) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", std::abs(deg) < 1e-9 ? 0.0 : deg);
    return buf;
}

} // namespace

int runReport(std::span<const std::string> argv) {
    Args args("report", argv);
    if (args.flag("--help") || args.flag("-h")) {
        std::fputs(kHelp, stdout);
        return kExitOk;
    }
    const std::string sweepArg = args.option("--sweep").value_or("hip_flexion=0:120:5");
    std::vector<std::string> muscleIds;
    for (const std::string& m : args.options("--muscle"))
        for (std::string& id : splitList(m)) muscleIds.push_back(std::move(id));
    const std::string sideArg = args.option("--side").value_or("both");
    const auto poseArg = args.option("--pose");
    const std::string format = args.option("--format").value_or("csv");
    const bool roles = args.flag("--roles");
    const auto deadZoneArg = args.option("--dead-zone");
    const std::string contentDir = contentDirectory(args);
    if (!args.finish()) return kExitUsage;
    if (const auto extra = args.positionals(); !extra.empty()) {
        args.error("unexpected argument \"" + extra.front() + "\"; see hipview report --help");
        return kExitUsage;
    }
    if (format != "csv" && format != "json" && format != "table") {
        args.error("unknown format \"" + format + "\"; valid formats: csv, json, table");
        return kExitUsage;
    }
    if (sideArg != "r" && sideArg != "l" && sideArg != "both") {
        args.error("unknown side \"" + sideArg + "\"; valid sides: r, l, both");
        return kExitUsage;
    }
    double deadZone = kDefaultDeadZone;
    if (deadZoneArg) {
        const auto v = parseNumber(*deadZoneArg);
        if (!v || *v < 0) {
            args.error("--dead-zone \"" + *deadZoneArg + "\": expected a number of millimetres, 0 or more");
            return kExitUsage;
        }
        deadZone = *v / 1000.0;
    }
    std::string error;
    const auto sweepText = parseSweepText(sweepArg, error);
    if (!sweepText) {
        args.error(error);
        return kExitUsage;
    }

    const auto content = loadContentOrPrint(contentDir);
    if (!content) return kExitFailure;
    const Model& model = content->model;

    SweepSpec sweep;
    sweep.coordinates = resolveCoordinates(model, sweepText->name);
    if (sweep.coordinates.empty()) {
        args.error("--sweep: " + unknownCoordinateMessage(model, sweepText->name));
        return kExitUsage;
    }
    for (int c : sweep.coordinates) {
        const Coordinate& k = model.coordinates[static_cast<std::size_t>(c)];
        if (k.kind != CoordinateKind::Rotational) {
            args.error("--sweep: " + k.name + " is a translation; sweeps take rotational coordinates (degrees)");
            return kExitUsage;
        }
        if (toRadians(sweepText->from) < k.minValue - 1e-9 || toRadians(sweepText->to) > k.maxValue + 1e-9) {
            args.error("--sweep: " + k.name + " ranges from " + formatDegrees(toDegrees(k.minValue)) + " to " +
                       formatDegrees(toDegrees(k.maxValue)) + " deg");
            return kExitUsage;
        }
    }
    for (double deg : sweepRange(sweepText->from, sweepText->to, sweepText->step))
        sweep.values.push_back(toRadians(deg));

    std::vector<double> pose = model.defaultPose();
    if (poseArg) {
        const auto assignments = parsePose(model, *poseArg, error);
        if (!assignments) {
            args.error("--pose: " + error);
            return kExitUsage;
        }
        applyPose(*assignments, pose);
    }

    for (const std::string& id : muscleIds)
        if (!content->findMuscleInfo(id)) {
            args.error("--muscle: " + unknownMuscleMessage(*content, id));
            return kExitUsage;
        }
    std::vector<PartRef> parts;
    for (const MuscleInfo& info : content->muscles) {
        if (!muscleIds.empty() && std::find(muscleIds.begin(), muscleIds.end(), info.id) == muscleIds.end()) continue;
        for (Side side : {Side::Right, Side::Left}) {
            if ((sideArg == "r" && side != Side::Right) || (sideArg == "l" && side != Side::Left)) continue;
            const int m = model.findMuscle(info.id, side);
            if (m < 0) continue;
            for (std::size_t p = 0; p < model.muscles[static_cast<std::size_t>(m)].parts.size(); ++p)
                parts.push_back({m, static_cast<int>(p)});
        }
    }

    const SweepTable table = runSweep(model, pose, sweep, parts);
    const auto muscleOf = [&](std::size_t i) -> const Muscle& { return model.muscles[static_cast<std::size_t>(table.parts[i].muscle)]; };
    const auto partName = [&](std::size_t i) -> const std::string& { return model.part(table.parts[i]).name; };
    const auto coordName = [&](int c) -> const std::string& { return model.coordinates[static_cast<std::size_t>(c)].name; };

    if (roles) {
        const auto changes = findRoleChanges(model, pose, sweep, table, deadZone);
        if (format == "json") std::printf("[\n");
        for (std::size_t k = 0; k < changes.size(); ++k) {
            const PartRoleChange& rc = changes[k];
            const Muscle& m = model.muscles[static_cast<std::size_t>(rc.part.muscle)];
            const std::string& part = model.part(rc.part).name;
            const std::string label = m.id + (part.empty() ? "" : "/" + part);
            const double at = toDegrees(rc.change.at);
            if (format == "json") {
                std::printf("  {\"muscle\": %s, \"part\": %s, \"side\": \"%s\", \"dof\": \"%s\", \"from\": \"%s\", "
                            "\"to\": \"%s\", \"at_deg\": %.2f, \"sweep_coordinate\": %s}%s\n",
                            jsonString(m.id).c_str(), jsonString(part).c_str(), std::string(sideSuffix(m.side)).c_str(),
                            std::string(hipDofName(rc.change.dof)).c_str(), std::string(actionShort(rc.change.from)).c_str(),
                            std::string(actionShort(rc.change.to)).c_str(), at,
                            jsonString(coordName(rc.sweepCoordinate)).c_str(), k + 1 < changes.size() ? "," : "");
            } else {
                std::printf("%s %s %s: %s -> %s at %.1f deg %s\n", label.c_str(), std::string(sideSuffix(m.side)).c_str(),
                            std::string(hipDofName(rc.change.dof)).c_str(), std::string(actionShort(rc.change.from)).c_str(),
                            std::string(actionShort(rc.change.to)).c_str(), at, coordName(rc.sweepCoordinate).c_str());
            }
        }
        if (format == "json") std::printf("]\n");
        return kExitOk;
    }

    if (format == "csv") std::printf("muscle,part,side,sweep_coordinate,sweep_deg,dof,moment_arm_mm,length_mm\n");
    if (format == "json") std::printf("{\"sweep\": %s, \"rows\": [\n", jsonString(sweepArg).c_str());
    if (format == "table")
        std::printf("%-26s %-10s %-4s %-16s %9s %-14s %14s %10s\n", "muscle", "part", "side", "sweep", "deg", "dof",
                    "moment_arm_mm", "length_mm");
    bool first = true;
    for (std::size_t i = 0; i < table.parts.size(); ++i) {
        const Muscle& m = muscleOf(i);
        const std::string side{sideSuffix(m.side)};
        for (std::size_t s = 0; s < table.samples(); ++s) {
            const std::string deg = formatDegrees(toDegrees(table.values[s]));
            for (std::size_t d = 0; d < 3; ++d) {
                if (table.dofs[i][d] < 0) continue;
                const double r = table.momentArm(i, d, s) * 1000.0;
                const double len = table.length(i, s) * 1000.0;
                const std::string dof{hipDofName(kHipDofs[d])};
                const std::string& sweepName = coordName(table.sweepCoordinate[i]);
                if (format == "csv") {
                    std::printf("%s,%s,%s,%s,%s,%s,%.3f,%.3f\n", m.id.c_str(), partName(i).c_str(), side.c_str(),
                                sweepName.c_str(), deg.c_str(), dof.c_str(), r, len);
                } else if (format == "json") {
                    std::printf("%s  {\"muscle\": %s, \"part\": %s, \"side\": \"%s\", \"sweep_coordinate\": %s, "
                                "\"sweep_deg\": %s, \"dof\": \"%s\", \"moment_arm_mm\": %.3f, \"length_mm\": %.3f}",
                                first ? "" : ",\n", jsonString(m.id).c_str(), jsonString(partName(i)).c_str(),
                                side.c_str(), jsonString(sweepName).c_str(), deg.c_str(), dof.c_str(), r, len);
                } else {
                    std::printf("%-26s %-10s %-4s %-16s %9s %-14s %14.2f %10.1f\n", m.id.c_str(), partName(i).c_str(),
                                side.c_str(), sweepName.c_str(), deg.c_str(), dof.c_str(), r, len);
                }
                first = false;
            }
        }
    }
    if (format == "json") std::printf("\n]}\n");
    return kExitOk;
}

} // namespace hv::cli
