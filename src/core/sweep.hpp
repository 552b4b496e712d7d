// Sweeps: moment arms and lengths of many muscle parts along one coordinate (or several moved
// together, e.g. both hips' flexion), at every sample of the sweep. Parts that cross the lumbar
// spine and not the hip (core/lumbar_actions.hpp: isLumbarPart) also get their lumbar moment
// arms, summed over the levels.
#pragma once

#include "core/lumbar_actions.hpp"
#include "core/moment_arm.hpp"
#include "core/roles.hpp"

#include <array>
#include <span>
#include <vector>

namespace hv {

struct SweepSpec {
    std::vector<int> coordinates; // all set to each value in turn
    std::vector<double> values;   // SI (rad or m), ascending
};

// Values from `first` to `last` inclusive in steps of `step` (same unit); step > 0. The last
// value is included when it lies within 1e-9 of a step. Empty if last < first.
std::vector<double> sweepRange(double first, double last, double step);

struct SweepTable {
    std::vector<double> values;                    // the sweep's samples, SI
    std::vector<PartRef> parts;                    // the parts evaluated
    std::vector<int> sweepCoordinate;              // per part: the swept coordinate of its side
    std::vector<std::array<int, 3>> dofs;          // per part: its side's hip coordinates
    std::vector<double> lengths;                   // [part][sample], metres
    std::vector<double> momentArms;                // [part][dof][sample], metres
    std::vector<char> lumbar;                      // per part: 1 where its actions are lumbar ones
    std::vector<double> lumbarMomentArms;          // [part][lumbar dof][sample], metres, summed over
                                                   // the levels (kLumbarDofs order); 0 for other parts

    std::size_t samples() const { return values.size(); }
    double length(std::size_t part, std::size_t sample) const {
        return lengths[part * samples() + sample];
    }
    double momentArm(std::size_t part, std::size_t dof, std::size_t sample) const {
        return momentArms[(part * 3 + dof) * samples() + sample];
    }
    double lumbarMomentArm(std::size_t part, std::size_t dof, std::size_t sample) const {
        return lumbarMomentArms[(part * 3 + dof) * samples() + sample];
    }
    std::span<const double> momentArmSeries(std::size_t part, std::size_t dof) const {
        return std::span<const double>(momentArms).subspan((part * 3 + dof) * samples(), samples());
    }
};

// Evaluate every part at every sample: the base pose with the sweep's coordinates set to the
// sample value. Each part reports the hip coordinates of its own side, and lumbar parts their
// summed lumbar moment arms.
SweepTable runSweep(const Model& model, std::span<const double> basePose, const SweepSpec& sweep,
                    std::span<const PartRef> parts);

struct PartRoleChange {
    PartRef part;
    int sweepCoordinate = -1;
    RoleChange change;
};

// Role changes of every part in the table, crossings refined on the model itself.
std::vector<PartRoleChange> findRoleChanges(const Model& model, std::span<const double> basePose,
                                            const SweepSpec& sweep, const SweepTable& table,
                                            double deadZone = kDefaultDeadZone);

} // namespace hv
