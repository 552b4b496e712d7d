#include "core/units.hpp"

#include "core/math.hpp"

namespace hv {

double coordinateFromUser(CoordinateKind kind, double value) {
    return kind == CoordinateKind::Rotational ? toRadians(value) : value;
}
double coordinateToUser(CoordinateKind kind, double si) {
    return kind == CoordinateKind::Rotational ? toDegrees(si) : si;
}
double coordinateFromUser(const Coordinate& c, double value) { return coordinateFromUser(c.kind, value); }
double coordinateToUser(const Coordinate& c, double si) { return coordinateToUser(c.kind, si); }

std::string_view coordinateUserUnit(CoordinateKind kind) {
    return kind == CoordinateKind::Rotational ? "deg" : "m";
}
std::string_view coordinateUserUnit(const Coordinate& c) { return coordinateUserUnit(c.kind); }

int coordinateUserDecimals(const Coordinate& c) { return c.kind == CoordinateKind::Rotational ? 1 : 3; }

} // namespace hv
