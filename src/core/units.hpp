// The units people read and type for model coordinates, defined once for every place a
// coordinate value crosses to or from a person: the window's pose sliders, `--pose`, scene files'
// `pose =`, the content files (skeleton ranges and defaults, muscle conditions, movement poses),
// messages and reports.
//
//   rotational coordinates:    degrees ("deg"), shown with 1 decimal
//   translational coordinates: metres  ("m"),   shown with 3 decimals (1 mm)
//
// Translations are in metres, not millimetres, because the model, the scenes and the core are SI
// metres and every text already written uses metres (content/movements.toml's pelvis heights such
// as `pelvis_ty = 0.172`, content/skeleton.toml's ranges, scene files saved by earlier versions):
// metres keep all of them meaning what they meant, and degrees remain the only conversion a
// person has to know about. The core itself is SI: radians and metres.
#pragma once

#include "core/model.hpp"

#include <string_view>

namespace hv {

// A value in user units (deg or m) -> SI (rad or m), and back.
double coordinateFromUser(CoordinateKind kind, double value);
double coordinateToUser(CoordinateKind kind, double si);
double coordinateFromUser(const Coordinate& c, double value);
double coordinateToUser(const Coordinate& c, double si);

// "deg" or "m".
std::string_view coordinateUserUnit(CoordinateKind kind);
std::string_view coordinateUserUnit(const Coordinate& c);

// Decimals worth showing in user units: 1 for degrees, 3 (1 mm) for metres.
int coordinateUserDecimals(const Coordinate& c);

} // namespace hv
