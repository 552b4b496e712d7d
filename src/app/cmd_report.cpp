// hipview report: moment arms and path lengths along a sweep or a movement, or the role changes
// found along a sweep.
#include "app/cli.hpp"
#include "app/commands.hpp"
#include "app/load_content.hpp"

#include "core/bone_parameters.hpp"
#include "core/pelvis_actions.hpp"
#include "core/pose_text.hpp"
#include "core/sweep.hpp"
#include "core/text.hpp"
#include "movement/loader.hpp"
#include "movement/player.hpp"
#include "movement/profile.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <utility>

#include <nlohmann/json.hpp>
#include <string>

namespace hv::cli {

namespace {

constexpr const char* kHelp =
    "usage: hipview report [--sweep NAME=FROM:TO:STEP] [--muscle ID[,ID...]] [--side r|l|both]\n"
    "                      [--pose NAME=VALUE,...] [--format csv|json|table] [--roles]\n"
    "                      [--dead-zone MM] [--anatomy NAME=VALUE,...] [--content DIR]\n"
    "       hipview report --pelvis [--pose NAME=VALUE,...] [--muscle ID[,ID...]] [--side r|l|both]\n"
    "                      [--format csv|json|table] [--dead-zone MM] [--anatomy NAME=VALUE,...]\n"
    "       hipview report --movement ID [--step S] [--restrict NAME=MIN:MAX ...]\n"
    "                      [--gluteus-medius-strength F] [--profile FILE] [--movements FILE]\n"
    "                      [--muscle ID[,ID...] | --hip-back] [--side r|l|both] [--format csv|json|table]\n"
    "                      [--content DIR]\n\n"
    "For every muscle part (or those named), the moment arm about each hip coordinate of its own\n"
    "side (r = -dL/dq, mm; positive = flexor, adductor, internal rotator) and the path length\n"
    "(mm), at every step of the sweep. Trunk muscle parts, which cross the lumbar spine and not\n"
    "the hip, give their lumbar moment arms instead, summed over the levels they cross (dof\n"
    "lumbar_flexion, lumbar_bending, lumbar_rotation; positive = flexor, bends to the right,\n"
    "turns to the left). Other coordinates stay at their defaults unless --pose sets them.\n\n"
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
    "                             and, for trunk muscle parts, their lumbar roles over the sweep, e.g.\n"
    "                             multifidus/L5 r lumbar_flexion: extensor from -20.0 to 20.0 deg L4_L5_flexion\n"
    "  --dead-zone MM             moment arms smaller than this count as no action (default 1)\n"
    "  --anatomy NAME=VALUE,...   bone shape (both modes): anteversion (deg), neck_shaft (deg),\n"
    "                             pelvis_width (mm); defaults and ranges in skeleton.toml. The\n"
    "                             attachments, wrap cylinders and joints move with the bones\n"
    "  --content DIR              the content folder\n\n"
    "Along a movement (content/movements.toml), every --step seconds from its start to its end,\n"
    "with the hip-back connection applied (spine mode, planted feet, restricted hip, weak gluteus\n"
    "medius); trunk muscle parts give lumbar dofs as in a sweep; csv columns:\n"
    "                             muscle,part,side,time_s,dof,moment_arm_mm,length_mm\n"
    "  --movement ID              the movement, e.g. figure-4 (an unknown id lists the valid ones)\n"
    "  --step S                   seconds between samples (default 0.1)\n"
    "  --restrict NAME=MIN:MAX    limit a hip coordinate, degrees (either end may be left empty;\n"
    "                             repeat for more), e.g. hip_flexion=:25 for both hips\n"
    "  --gluteus-medius-strength F  fraction of normal strength, 0 to 1 (default 1), both sides, or\n"
    "                             per side: left=0.4 or right=1,left=0.4\n"
    "  --profile FILE             a client profile (content/profiles/*.toml): its hip ranges and\n"
    "                             strengths, under any --restrict and --gluteus-medius-strength given\n"
    "  --hip-back                 instead of muscle rows, the hip-back connection over time, one row\n"
    "                             per sample, plane and lumbar level; csv columns:\n"
    "                             time_s,plane,hip_deg,lumbar_deg,low_back_share,level,level_deg,\n"
    "                             level_share,taken_up_deg,pelvic_drop_deg (shares 0..1, empty where\n"
    "                             under half a degree moved in all)\n"
    "  --movements FILE           the movements file (default: movements.toml in the content folder)\n\n"
    "With --pelvis, at one pose (neutral standing unless --pose sets it), every muscle part's\n"
    "action on the pelvis with both thighs and the trunk held still in space (the closed chain):\n"
    "the moment arm about pelvic tilt and about pelvic obliquity (mm; -dL/dq along pelvis_tilt or\n"
    "pelvis_obliquity with each hip and the lumbar levels, spread evenly, turned back so that the\n"
    "femurs and the thorax keep their orientation) and its words: tilt positive = tips forward\n"
    "(anterior tilt), negative = tips back; obliquity positive = hikes left (the right side drops),\n"
    "negative = hikes right; none inside the dead zone. csv columns:\n"
    "                             muscle,part,side,dof,moment_arm_mm,action\n"
    "                             e.g. quadratus_lumborum,,r,pelvic_obliquity,-25.000,hikes right\n"
    "  --pelvis                   print the closed-chain pelvic actions\n";

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

// A number for the reports: 6 significant digits, with values within 1e-9 of zero written as 0.
std::string formatDegrees(double deg) { return formatNumber(std::abs(deg) < 1e-9 ? 0.0 : deg); }

// JSON goes through nlohmann (keys in the order given); text that is not valid UTF-8 (a file
// name, a command-line argument) has its bad bytes replaced instead of throwing.
using Json = nlohmann::ordered_json;

std::string jsonText(const Json& value) {
    return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// A flat object on one line as the reports write it: {"key": value, "key": value}.
std::string jsonRow(const Json& object) {
    std::string out = "{";
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it != object.begin()) out += ", ";
        out += jsonText(Json(it.key()));
        out += ": ";
        out += jsonText(it.value());
    }
    return out + "}";
}

// A number rounded to `decimals` places (how the csv and table columns show it).
double rounded(double value, int decimals) {
    const double scale = std::pow(10.0, decimals);
    const double r = std::round(value * scale) / scale;
    return r == 0.0 ? 0.0 : r; // no "-0.0"
}

// The number formatDegrees() writes, as a number (6 significant digits; 0 near zero).
double sixDigits(double value) {
    const std::string text = formatDegrees(value);
    double out = 0.0;
    std::from_chars(text.data(), text.data() + text.size(), out);
    return out;
}

// The JSON report layout: an object {"KEY": VALUE, "rows": [...]} or, without a key, a bare
// array, with one row object per line, printed as the rows are made.
class JsonRows {
  public:
    explicit JsonRows(std::optional<std::pair<std::string, std::string>> header) : m_object(header.has_value()) {
        if (header) {
            const std::string open = jsonRow(Json{{header->first, header->second}});
            std::printf("%s, \"rows\": [\n", open.substr(0, open.size() - 1).c_str());
        } else {
            std::printf("[\n");
        }
    }
    void row(const Json& row) {
        std::printf("%s  %s", m_first ? "" : ",\n", jsonRow(row).c_str());
        m_first = false;
    }
    void finish() { std::printf(m_first ? "]%s\n" : "\n]%s\n", m_object ? "}" : ""); }

  private:
    bool m_object;
    bool m_first = true;
};

struct MovementRequest {
    std::string id;
    double step = 0.1;
    std::vector<std::string> restrictions;
    std::optional<std::string> strength;
    std::optional<std::string> file;
    std::optional<std::string> anatomy;
    std::optional<std::string> profile;
    bool hipBack = false; // the low back's share per level and the pelvic drop instead of muscle rows
};

// --hip-back: per sample and plane, the hip's and the lumbar spine's angles, the low back's share,
// each level's angle and share, and the pelvic drop (Trendelenburg), one row per level.
void printHipBack(const movement::MovementPlayer& player, const std::vector<double>& times, const std::string& format) {
    std::optional<JsonRows> json;
    if (format == "json") json.emplace(std::pair{std::string("movement"), player.movement().id});
    if (format == "csv")
        std::printf("time_s,plane,hip_deg,lumbar_deg,low_back_share,level,level_deg,level_share,taken_up_deg,"
                    "pelvic_drop_deg\n");
    if (format == "table")
        std::printf("%9s %-10s %8s %10s %8s %-6s %9s %7s %9s %8s\n", "time_s", "plane", "hip_deg", "lumbar_deg", "share",
                    "level", "level_deg", "l_share", "taken_up", "drop_deg");
    for (double t : times) {
        const movement::PoseSample s = player.sample(t);
        const std::string time = formatDegrees(t);
        for (std::size_t p = 0; p < movement::kPlanes.size(); ++p) {
            const movement::PlaneShare& plane = s.lumbar.planes[p];
            const std::string planeText{movement::planeName(movement::kPlanes[p])};
            for (const movement::LevelShare& l : s.lumbar.levels) {
                const std::string level{l.name};
                // An undefined share (under half a degree of motion in all) is written empty / null / "-".
                const bool defined = plane.defined;
                if (format == "csv") {
                    std::printf("%s,%s,%.3f,%.3f,%s,%s,%.3f,%s,%.3f,%.3f\n", time.c_str(), planeText.c_str(), plane.hipDeg,
                                plane.lumbarDeg, defined ? formatNumber(plane.lumbarShare, 4).c_str() : "", level.c_str(),
                                l.deg[p], defined ? formatNumber(l.share[p], 4).c_str() : "", l.takenUpDeg[p],
                                s.trendelenburg.dropDeg);
                } else if (json) {
                    json->row(Json{{"time_s", sixDigits(t)},
                                   {"plane", planeText},
                                   {"hip_deg", rounded(plane.hipDeg, 3)},
                                   {"lumbar_deg", rounded(plane.lumbarDeg, 3)},
                                   {"low_back_share", defined ? Json(rounded(plane.lumbarShare, 4)) : Json(nullptr)},
                                   {"level", level},
                                   {"level_deg", rounded(l.deg[p], 3)},
                                   {"level_share", defined ? Json(rounded(l.share[p], 4)) : Json(nullptr)},
                                   {"taken_up_deg", rounded(l.takenUpDeg[p], 3)},
                                   {"pelvic_drop_deg", rounded(s.trendelenburg.dropDeg, 3)}});
                } else {
                    std::printf("%9s %-10s %8.1f %10.1f %8s %-6s %9.1f %7s %9.1f %8.1f\n", time.c_str(), planeText.c_str(),
                                plane.hipDeg, plane.lumbarDeg, movement::shareText(plane.lumbarShare, defined).c_str(),
                                level.c_str(), l.deg[p], movement::shareText(l.share[p], defined).c_str(), l.takenUpDeg[p],
                                s.trendelenburg.dropDeg);
                }
            }
        }
    }
    if (json) json->finish();
}

// --muscle and --side: every part of the named muscles (all muscles when none is named), content
// order, right side before left. Nothing, with the message printed, for an unknown muscle.
std::optional<std::vector<PartRef>> selectParts(Args& args, const Content& content, const std::vector<std::string>& muscleIds,
                                                const std::string& sideArg) {
    for (const std::string& id : muscleIds)
        if (!content.findMuscleInfo(id)) {
            args.error("--muscle: " + unknownMuscleMessage(content, id));
            return std::nullopt;
        }
    const Model& model = content.model;
    std::vector<PartRef> parts;
    for (const MuscleInfo& info : content.muscles) {
        if (!muscleIds.empty() && std::find(muscleIds.begin(), muscleIds.end(), info.id) == muscleIds.end()) continue;
        for (Side side : {Side::Right, Side::Left}) {
            if ((sideArg == "r" && side != Side::Right) || (sideArg == "l" && side != Side::Left)) continue;
            const int m = model.findMuscle(info.id, side);
            if (m < 0) continue;
            for (std::size_t p = 0; p < model.muscles[static_cast<std::size_t>(m)].parts.size(); ++p)
                parts.push_back({m, static_cast<int>(p)});
        }
    }
    return parts;
}

// --anatomy: reshapes the loaded model's bones (attachments, wrap cylinders, joints move with
// --pose: the default pose with the given coordinates set; nothing, with the message printed,
// for a bad name or value.
std::optional<std::vector<double>> poseFromOption(Args& args, const Model& model, const std::optional<std::string>& poseArg) {
    std::vector<double> pose = model.defaultPose();
    if (!poseArg) return pose;
    std::string error;
    const auto assignments = parsePose(model, *poseArg, error);
    if (!assignments) {
        args.error("--pose: " + error);
        return std::nullopt;
    }
    applyPose(*assignments, pose);
    return pose;
}

// them). False, with the message printed, for a bad value.
bool applyAnatomy(Args& args, Content& content, const std::optional<std::string>& anatomy) {
    if (!anatomy) return true;
    std::string error;
    const auto parameters = parseAnatomy(content.boneParameters, *anatomy, error);
    if (!parameters) {
        args.error("--anatomy: " + error);
        return false;
    }
    applyBoneParameters(content.model, content.boneParameters.defaults(), *parameters);
    return true;
}

int runMovementReport(Args& args, const MovementRequest& request, const std::vector<std::string>& muscleIds,
                      const std::string& sideArg, const std::string& format, const std::string& contentDir) {
    auto content = loadContentOrPrint(contentDir);
    if (!content) return kExitFailure;
    if (!applyAnatomy(args, *content, request.anatomy)) return kExitUsage;
    const Model& model = content->model;

    const std::filesystem::path file = request.file ? std::filesystem::path(*request.file)
                                                    : movement::defaultMovementFile(*content);
    const movement::MovementLoad load = movement::loadMovements(file, *content);
    for (const Diagnostic& d : load.diagnostics) std::fprintf(stderr, "%s\n", d.format().c_str());
    if (!load.library) {
        std::fprintf(stderr, "hipview: %zu problem%s in the movements at %s\n", load.diagnostics.size(),
                     load.diagnostics.size() == 1 ? "" : "s", file.string().c_str());
        return kExitFailure;
    }
    const movement::Movement* mov = load.library->find(request.id);
    if (!mov) {
        args.error("--movement: " + movement::unknownMovementMessage(*load.library, request.id));
        return kExitUsage;
    }

    movement::PlayOptions options;
    options.loop = false;
    if (request.profile) {
        Diagnostics d;
        const auto profile = movement::loadClientProfile(model, *request.profile, d);
        for (const Diagnostic& x : d) std::fprintf(stderr, "%s\n", x.format().c_str());
        if (!profile) return kExitFailure;
        options.hipLimits = profile->hipLimits;
        options.gluteusMediusStrength = profile->gluteusMediusStrength;
    }
    std::string error;
    for (const std::string& r : request.restrictions) {
        const auto limits = movement::parseHipRestriction(model, r, error);
        if (!limits) {
            args.error("--restrict: " + error);
            return kExitUsage;
        }
        for (const movement::HipLimit& l : *limits) {
            std::erase_if(options.hipLimits, [&](const movement::HipLimit& x) { return x.coordinate == l.coordinate; });
            options.hipLimits.push_back(l);
        }
    }
    if (request.strength) {
        const auto v = movement::parseGluteusMediusStrength(*request.strength, error);
        if (!v) {
            args.error("--gluteus-medius-strength: " + error);
            return kExitUsage;
        }
        options.gluteusMediusStrength = *v;
    }
    std::vector<double> times = sweepRange(0.0, mov->duration(), request.step);
    if (times.empty() || times.back() < mov->duration() - 1e-9) times.push_back(mov->duration());
    const movement::MovementPlayer player(model, *mov, options);
    if (request.hipBack) {
        if (!muscleIds.empty()) {
            args.error("--hip-back reports the low back and the pelvis, not muscles: leave out --muscle");
            return kExitUsage;
        }
        printHipBack(player, times, format);
        return kExitOk;
    }

    const auto selected = selectParts(args, *content, muscleIds, sideArg);
    if (!selected) return kExitUsage;
    const std::vector<PartRef>& parts = *selected;

    PathEvaluator eval(model);
    if (format == "csv") std::printf("muscle,part,side,time_s,dof,moment_arm_mm,length_mm\n");
    std::optional<JsonRows> json;
    if (format == "json") json.emplace(std::pair{std::string("movement"), mov->id});
    if (format == "table")
        std::printf("%-26s %-10s %-4s %9s %-14s %14s %10s\n", "muscle", "part", "side", "time_s", "dof", "moment_arm_mm",
                    "length_mm");
    // Per sample, every part (so each pose is solved once).
    struct Row {
        std::size_t part;
        std::array<double, 3> r;
        double length;
    };
    std::vector<std::vector<Row>> rows(parts.size());
    // Trunk parts report their lumbar moment arms (summed over the levels), as in a sweep.
    std::vector<char> lumbar(parts.size(), 0);
    std::vector<PartRef> lumbarParts;
    for (std::size_t i = 0; i < parts.size(); ++i)
        if (isLumbarPart(model, parts[i])) {
            lumbar[i] = 1;
            lumbarParts.push_back(parts[i]);
        }
    std::vector<double> lumbarArms(lumbarParts.size() * 3);
    for (double t : times) {
        const movement::PoseSample sample = player.sample(t);
        eval.setPose(sample.q);
        if (!lumbarParts.empty()) lumbarMomentArms(model, sample.q, lumbarParts, lumbarArms);
        std::size_t k = 0;
        for (std::size_t i = 0; i < parts.size(); ++i) {
            const auto hip = hipCoordinates(model, model.muscles[static_cast<std::size_t>(parts[i].muscle)].side);
            Row row{i, {0.0, 0.0, 0.0}, eval.length(parts[i])};
            if (lumbar[i]) {
                for (std::size_t d = 0; d < 3; ++d) row.r[d] = lumbarArms[k * 3 + d];
                ++k;
            } else {
                for (std::size_t d = 0; d < 3; ++d) row.r[d] = hip[d] >= 0 ? eval.momentArm(parts[i], hip[d]) : 0.0;
            }
            rows[i].push_back(row);
        }
    }
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const Muscle& m = model.muscles[static_cast<std::size_t>(parts[i].muscle)];
        const std::string& part = model.part(parts[i]).name;
        const std::string side{sideSuffix(m.side)};
        const auto hip = hipCoordinates(model, m.side);
        for (std::size_t s = 0; s < times.size(); ++s) {
            const std::string time = formatDegrees(times[s]);
            for (std::size_t d = 0; d < 3; ++d) {
                if (!lumbar[i] && hip[d] < 0) continue;
                const double r = rows[i][s].r[d] * 1000.0, len = rows[i][s].length * 1000.0;
                const std::string dof{lumbar[i] ? lumbarDofName(kLumbarDofs[d]) : hipDofName(kHipDofs[d])};
                if (format == "csv") {
                    std::printf("%s,%s,%s,%s,%s,%.3f,%.3f\n", m.id.c_str(), part.c_str(), side.c_str(), time.c_str(),
                                dof.c_str(), r, len);
                } else if (json) {
                    json->row(Json{{"muscle", m.id},
                                   {"part", part},
                                   {"side", side},
                                   {"time_s", sixDigits(times[s])},
                                   {"dof", dof},
                                   {"moment_arm_mm", rounded(r, 3)},
                                   {"length_mm", rounded(len, 3)}});
                } else {
                    std::printf("%-26s %-10s %-4s %9s %-14s %14.2f %10.1f\n", m.id.c_str(), part.c_str(), side.c_str(),
                                time.c_str(), dof.c_str(), r, len);
                }
            }
        }
    }
    if (json) json->finish();
    return kExitOk;
}

// --pelvis: every part's closed-chain moment arms about pelvic tilt and obliquity at one pose.
int runPelvisReport(Args& args, const std::optional<std::string>& poseArg, const std::optional<std::string>& anatomyArg,
                    const std::vector<std::string>& muscleIds, const std::string& sideArg, const std::string& format,
                    double deadZone, const std::string& contentDir) {
    auto content = loadContentOrPrint(contentDir);
    if (!content) return kExitFailure;
    if (!applyAnatomy(args, *content, anatomyArg)) return kExitUsage;
    const Model& model = content->model;
    const auto posed = poseFromOption(args, model, poseArg);
    if (!posed) return kExitUsage;
    const std::vector<double>& pose = *posed;
    const auto selected = selectParts(args, *content, muscleIds, sideArg);
    if (!selected) return kExitUsage;
    const std::vector<PartRef>& parts = *selected;
    std::vector<double> arms(parts.size() * kPelvisDofs.size());
    pelvisMomentArms(model, pose, parts, arms);

    if (format == "csv") std::printf("muscle,part,side,dof,moment_arm_mm,action\n");
    std::optional<JsonRows> json;
    if (format == "json") json.emplace(std::pair{std::string("pose"), poseArg.value_or("")});
    if (format == "table")
        std::printf("%-26s %-10s %-4s %-16s %14s  %s\n", "muscle", "part", "side", "dof", "moment_arm_mm", "action");
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const Muscle& m = model.muscles[static_cast<std::size_t>(parts[i].muscle)];
        const std::string& part = model.part(parts[i]).name;
        const std::string side{sideSuffix(m.side)};
        for (std::size_t d = 0; d < kPelvisDofs.size(); ++d) {
            const double r = arms[i * kPelvisDofs.size() + d];
            const std::string dof{pelvisDofName(kPelvisDofs[d])};
            const std::string action{pelvisActionName(kPelvisDofs[d], r, deadZone)};
            if (format == "csv") {
                std::printf("%s,%s,%s,%s,%.3f,%s\n", m.id.c_str(), part.c_str(), side.c_str(), dof.c_str(), rounded(r * 1000.0, 3),
                            action.c_str());
            } else if (json) {
                json->row(Json{{"muscle", m.id},
                               {"part", part},
                               {"side", side},
                               {"dof", dof},
                               {"moment_arm_mm", rounded(r * 1000.0, 3)},
                               {"action", action}});
            } else {
                std::printf("%-26s %-10s %-4s %-16s %14.2f  %s\n", m.id.c_str(), part.c_str(), side.c_str(), dof.c_str(),
                            rounded(r * 1000.0, 2), action.c_str());
            }
        }
    }
    if (json) json->finish();
    return kExitOk;
}

} // namespace

int runReport(std::span<const std::string> argv) {
    Args args("report", argv);
    if (args.help(kHelp)) return kExitOk;
    const auto sweepOption = args.option("--sweep");
    const std::string sweepArg = sweepOption.value_or("hip_flexion=0:120:5");
    std::vector<std::string> muscleIds;
    for (const std::string& m : args.options("--muscle"))
        for (std::string& id : splitList(m)) muscleIds.push_back(std::move(id));
    const std::string sideArg = args.option("--side").value_or("both");
    const auto poseArg = args.option("--pose");
    const std::string format = args.option("--format").value_or("csv");
    const bool roles = args.flag("--roles");
    const bool pelvis = args.flag("--pelvis");
    const auto deadZoneArg = args.option("--dead-zone");
    const auto movementArg = args.option("--movement");
    const auto stepArg = args.option("--step");
    const auto restrictArgs = args.options("--restrict");
    const auto strengthArg = args.option("--gluteus-medius-strength");
    const auto movementsFileArg = args.option("--movements");
    const auto anatomyArg = args.option("--anatomy");
    const auto profileArg = args.option("--profile");
    const bool hipBack = args.flag("--hip-back");
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
    if (pelvis && (sweepOption || roles || movementArg)) {
        args.error(std::string("--pelvis cannot be combined with ") + (sweepOption ? "--sweep" : roles ? "--roles" : "--movement") +
                   "; it reports one pose (set it with --pose)");
        return kExitUsage;
    }
    if (movementArg) {
        if (sweepOption || roles || poseArg || deadZoneArg) {
            args.error(std::string("--movement cannot be combined with ") +
                       (sweepOption ? "--sweep" : roles ? "--roles" : poseArg ? "--pose" : "--dead-zone") +
                       "; the movement sets the pose");
            return kExitUsage;
        }
        MovementRequest request;
        request.id = *movementArg;
        request.restrictions = restrictArgs;
        request.strength = strengthArg;
        request.file = movementsFileArg;
        request.anatomy = anatomyArg;
        request.profile = profileArg;
        request.hipBack = hipBack;
        if (stepArg) {
            const auto v = parseNumber(*stepArg);
            if (!v || !(*v >= 0.001) || *v > 60.0) {
                args.error("--step \"" + *stepArg + "\": expected seconds between samples, from 0.001 to 60");
                return kExitUsage;
            }
            request.step = *v;
        }
        return runMovementReport(args, request, muscleIds, sideArg, format, contentDir);
    }
    const char* movementOnly = stepArg                  ? "--step"
                               : !restrictArgs.empty()  ? "--restrict"
                               : strengthArg            ? "--gluteus-medius-strength"
                               : movementsFileArg       ? "--movements"
                               : profileArg             ? "--profile"
                               : hipBack                ? "--hip-back"
                                                        : nullptr;
    if (movementOnly) {
        args.error(std::string(movementOnly) + " needs --movement ID");
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
    if (pelvis) return runPelvisReport(args, poseArg, anatomyArg, muscleIds, sideArg, format, deadZone, contentDir);
    std::string error;
    const auto sweepText = parseSweepText(sweepArg, error);
    if (!sweepText) {
        args.error(error);
        return kExitUsage;
    }

    auto content = loadContentOrPrint(contentDir);
    if (!content) return kExitFailure;
    if (!applyAnatomy(args, *content, anatomyArg)) return kExitUsage;
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

    const auto posed = poseFromOption(args, model, poseArg);
    if (!posed) return kExitUsage;
    const std::vector<double>& pose = *posed;

    const auto selected = selectParts(args, *content, muscleIds, sideArg);
    if (!selected) return kExitUsage;
    const std::vector<PartRef>& parts = *selected;

    const SweepTable table = runSweep(model, pose, sweep, parts);
    const auto muscleOf = [&](std::size_t i) -> const Muscle& { return model.muscles[static_cast<std::size_t>(table.parts[i].muscle)]; };
    const auto partName = [&](std::size_t i) -> const std::string& { return model.part(table.parts[i]).name; };
    const auto coordName = [&](int c) -> const std::string& { return model.coordinates[static_cast<std::size_t>(c)].name; };

    if (roles) {
        const auto changes = findRoleChanges(model, pose, sweep, table, deadZone);
        std::optional<JsonRows> json;
        if (format == "json") json.emplace(std::nullopt);
        for (std::size_t k = 0; k < changes.size(); ++k) {
            const PartRoleChange& rc = changes[k];
            const Muscle& m = model.muscles[static_cast<std::size_t>(rc.part.muscle)];
            const std::string& part = model.part(rc.part).name;
            const std::string label = m.id + (part.empty() ? "" : "/" + part);
            const double at = toDegrees(rc.change.at);
            if (json) {
                json->row(Json{{"muscle", m.id},
                               {"part", part},
                               {"side", std::string(sideSuffix(m.side))},
                               {"dof", std::string(hipDofName(rc.change.dof))},
                               {"from", std::string(actionShort(rc.change.from))},
                               {"to", std::string(actionShort(rc.change.to))},
                               {"at_deg", rounded(at, 2)},
                               {"sweep_coordinate", coordName(rc.sweepCoordinate)}});
            } else {
                std::printf("%s %s %s: %s -> %s at %.1f deg %s\n", label.c_str(), std::string(sideSuffix(m.side)).c_str(),
                            std::string(hipDofName(rc.change.dof)).c_str(), std::string(actionShort(rc.change.from)).c_str(),
                            std::string(actionShort(rc.change.to)).c_str(), at, coordName(rc.sweepCoordinate).c_str());
            }
        }
        // Lumbar parts: their lumbar roles (moment arms summed over the levels they cross), one
        // line per stretch of the sweep where the role holds, with the sample where it changes.
        for (std::size_t i = 0; i < table.parts.size(); ++i) {
            if (!table.lumbar[i]) continue;
            const Muscle& m = muscleOf(i);
            const std::string label = m.id + (partName(i).empty() ? "" : "/" + partName(i));
            const std::string side{sideSuffix(m.side)};
            for (std::size_t d = 0; d < kLumbarDofs.size(); ++d) {
                const std::string dof{lumbarDofName(kLumbarDofs[d])};
                std::size_t from = 0;
                for (std::size_t s = 1; s <= table.samples(); ++s) {
                    const std::string_view role = lumbarRoleName(kLumbarDofs[d], table.lumbarMomentArm(i, d, from), deadZone);
                    if (s < table.samples() && lumbarRoleName(kLumbarDofs[d], table.lumbarMomentArm(i, d, s), deadZone) == role) continue;
                    const double a = toDegrees(table.values[from]), b = toDegrees(table.values[s - 1]);
                    if (json) {
                        json->row(Json{{"muscle", m.id},
                                       {"part", partName(i)},
                                       {"side", side},
                                       {"dof", dof},
                                       {"role", std::string(role)},
                                       {"from_deg", rounded(a, 2)},
                                       {"to_deg", rounded(b, 2)},
                                       {"sweep_coordinate", coordName(table.sweepCoordinate[i])}});
                    } else {
                        std::printf("%s %s %s: %s from %.1f to %.1f deg %s\n", label.c_str(), side.c_str(), dof.c_str(),
                                    std::string(role).c_str(), a, b, coordName(table.sweepCoordinate[i]).c_str());
                    }
                    from = s;
                }
            }
        }
        if (json) json->finish();
        return kExitOk;
    }

    if (format == "csv") std::printf("muscle,part,side,sweep_coordinate,sweep_deg,dof,moment_arm_mm,length_mm\n");
    std::optional<JsonRows> json;
    if (format == "json") json.emplace(std::pair{std::string("sweep"), sweepArg});
    if (format == "table")
        std::printf("%-26s %-10s %-4s %-16s %9s %-14s %14s %10s\n", "muscle", "part", "side", "sweep", "deg", "dof",
                    "moment_arm_mm", "length_mm");
    for (std::size_t i = 0; i < table.parts.size(); ++i) {
        const Muscle& m = muscleOf(i);
        const std::string side{sideSuffix(m.side)};
        for (std::size_t s = 0; s < table.samples(); ++s) {
            const std::string deg = formatDegrees(toDegrees(table.values[s]));
            for (std::size_t d = 0; d < 3; ++d) {
                // Lumbar parts report their lumbar moment arms (summed over the levels), the
                // others their hip ones.
                const bool lumbar = table.lumbar[i] != 0;
                if (!lumbar && table.dofs[i][d] < 0) continue;
                const double r = (lumbar ? table.lumbarMomentArm(i, d, s) : table.momentArm(i, d, s)) * 1000.0;
                const double len = table.length(i, s) * 1000.0;
                const std::string dof{lumbar ? lumbarDofName(kLumbarDofs[d]) : hipDofName(kHipDofs[d])};
                const std::string& sweepName = coordName(table.sweepCoordinate[i]);
                if (format == "csv") {
                    std::printf("%s,%s,%s,%s,%s,%s,%.3f,%.3f\n", m.id.c_str(), partName(i).c_str(), side.c_str(),
                                sweepName.c_str(), deg.c_str(), dof.c_str(), r, len);
                } else if (json) {
                    json->row(Json{{"muscle", m.id},
                                   {"part", partName(i)},
                                   {"side", side},
                                   {"sweep_coordinate", sweepName},
                                   {"sweep_deg", sixDigits(toDegrees(table.values[s]))},
                                   {"dof", dof},
                                   {"moment_arm_mm", rounded(r, 3)},
                                   {"length_mm", rounded(len, 3)}});
                } else {
                    std::printf("%-26s %-10s %-4s %-16s %9s %-14s %14.2f %10.1f\n", m.id.c_str(), partName(i).c_str(),
                                side.c_str(), sweepName.c_str(), deg.c_str(), dof.c_str(), r, len);
                }
            }
        }
    }
    if (json) json->finish();
    return kExitOk;
}

} // namespace hv::cli
