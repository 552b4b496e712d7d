// Colour science for choosing colours that people with colour-vision deficiencies can tell
// apart: sRGB <-> linear RGB, CIE 1976 L*a*b* (D65 white), the CIEDE2000 colour difference,
// simulated protanopia and deuteranopia, and the WCAG 2 contrast ratio. GL-free, plain arithmetic.
//
// Colours: "linear" means linear-light sRGB primaries (D65), each channel 0..1, as the renderer
// and colouring.hpp use; "sRGB" means gamma-encoded sRGB, 0..1. L*a*b*: L* 0..100, a*, b* about
// -128..127.
//
// References:
//  - CIEDE2000: G. Sharma, W. Wu, E. N. Dalal, "The CIEDE2000 color-difference formula:
//    implementation notes, supplementary test data, and mathematical observations", Color
//    Research and Application 30(1), 21-30, 2005 (the test pairs in tests/anatomy_draw).
//  - Simulation: G. M. Machado, M. M. Oliveira, L. A. F. Fernandes, "A physiologically-based
//    model for simulation of color vision deficiency", IEEE Transactions on Visualization and
//    Computer Graphics 15(6), 1291-1298, 2009: the severity 1.0 matrices, applied to linear RGB.
//  - Contrast: W3C, Web Content Accessibility Guidelines (WCAG) 2.1, "relative luminance" and
//    "contrast ratio".
#pragma once

#include <glm/glm.hpp>

namespace hv::draw {

struct Lab {
    double l = 0.0, a = 0.0, b = 0.0;
};

// One channel, sRGB-encoded (0..1) -> linear (0..1), and back (IEC 61966-2-1).
double srgbToLinear(double c);
double linearToSrgb(double c);
glm::dvec3 srgbToLinear(glm::dvec3 srgb);
// 0xRRGGBB (sRGB) -> linear RGB.
glm::dvec3 linearFromHex(unsigned hex);

// Linear RGB -> CIE XYZ (D65, Y of white = 1) -> L*a*b* relative to the D65 white.
glm::dvec3 linearToXyz(glm::dvec3 linear);
Lab xyzToLab(glm::dvec3 xyz);
Lab linearToLab(glm::dvec3 linear);

// CIEDE2000 difference between two colours (kL = kC = kH = 1). Symmetric, >= 0.
double ciede2000(const Lab& x, const Lab& y);

enum class Vision : unsigned char { Normal, Protanopia, Deuteranopia };
// How a linear RGB colour looks with that vision (Machado et al. 2009, severity 1.0), clamped to
// 0..1. Normal returns the colour unchanged.
glm::dvec3 simulate(Vision vision, glm::dvec3 linear);

// WCAG 2 relative luminance of a linear RGB colour (0 black .. 1 white), and the contrast ratio
// of two colours, (lighter + 0.05) / (darker + 0.05), from 1 to 21.
double relativeLuminance(glm::dvec3 linear);
double contrastRatio(glm::dvec3 linearA, glm::dvec3 linearB);

} // namespace hv::draw
