// The bones HipView generates, each as a signed distance function in its body's frame
// (OpenSim frame of that body, metres), shaped by landmarks: the published muscle attachments
// and joint positions of the content (Rajagopal et al. 2016 frames) and the dimensions cited in
// each file. Right side only; the left bones are mirror images (src/bonegen/skeleton.cpp).
#pragma once

#include "bonegen/sdf.hpp"
#include "core/bone_parameters.hpp"
#include "core/model.hpp"

#include <string>
#include <vector>

namespace hv::bonegen {

struct BoneShape {
    std::string body; // the core body it belongs to, e.g. "femur_r", "L3", "pelvis"
    Sdf sdf;
    Aabb region;                   // where to extract the surface (metres, body frame)
    double cellSize = 0.001;       // extraction grid (metres)
    std::size_t maxTriangles = 0;  // budget after simplification
    double maxError = 0.0002;      // simplification error allowed (metres)
};

// Landmarks the shapes need from the model: joint positions (pelvis frame etc.).
struct SkeletonLandmarks {
    Vec3 hipCentre{0.0};       // right hip joint centre, pelvis frame
    Transform lumbosacral;     // the L5-S1 joint frame in the pelvis frame (origin: centre of the disc)
    std::vector<Transform> lumbarJoints; // L4-L5 ... L1-L2: each joint frame in the vertebra below's frame
    Transform kneeInFemur;     // walker_knee_r parent frame in the femur frame
    Vec3 tibiaOriginInFemur{0.0};   // tibia origin at the default pose, femur frame
    Vec3 patellaOriginInFemur{0.0}; // patella origin at the default pose, femur frame
};
SkeletonLandmarks skeletonLandmarks(const Model& model);

BoneShape femurShape(const BoneParameters& defaults, const SkeletonLandmarks& landmarks);
BoneShape patellaShape(const SkeletonLandmarks& landmarks);
BoneShape tibiaShape(const SkeletonLandmarks& landmarks);
BoneShape fibulaShape(const SkeletonLandmarks& landmarks);
// The foot (foot.cpp): talus, calcaneus with the tarsals and metatarsals, toes.
BoneShape talusShape(const SkeletonLandmarks& landmarks);
BoneShape calcaneusShape(const SkeletonLandmarks& landmarks);
BoneShape toesShape(const SkeletonLandmarks& landmarks);
BoneShape pelvisShape(const BoneParameters& defaults, const SkeletonLandmarks& landmarks);
// level 1..5 (L1 ... L5)
BoneShape vertebraShape(int level, const SkeletonLandmarks& landmarks);
// The thorax (midline, both sides): thoracic spine, ribs and cartilages, sternum (thorax.cpp).
BoneShape thoraxShape(const SkeletonLandmarks& landmarks);

// The generator's shape for a right-side or midline body (its name in the model), if it has one:
// true and `out` set, else false.
bool shapeFor(const std::string& body, const BoneParameters& defaults, const SkeletonLandmarks& landmarks, BoneShape& out);

// Helpers for sculpting.
// A smooth curve through `points` (centripetal Catmull-Rom), `perSegment` samples per span.
std::vector<Vec3> smoothCurve(const std::vector<Vec3>& points, int perSegment);
// Adds round cones joining consecutive points (radii interpolated linearly along the list) to
// the current operation of `sdf`.
void addChain(Sdf& sdf, const std::vector<Vec3>& points, const std::vector<double>& radii);
// The same along a smooth curve through the points, radii given per control point.
void addSmoothChain(Sdf& sdf, const std::vector<Vec3>& points, const std::vector<double>& radii, int perSegment);

} // namespace hv::bonegen
