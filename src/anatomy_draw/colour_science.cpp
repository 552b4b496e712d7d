#include "anatomy_draw/colour_science.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace hv::draw {

namespace {

constexpr double kPi = std::numbers::pi;
double deg(double rad) {
    return rad * 180.0 / kPi;
}
double rad(double deg) {
    return deg * kPi / 180.0;
}

// D65 white point, Y = 1.
constexpr double kWhiteX = 0.95047, kWhiteY = 1.0, kWhiteZ = 1.08883;

double labF(double t) {
    constexpr double d = 6.0 / 29.0;
    return t > d * d * d ? std::cbrt(t) : t / (3.0 * d * d) + 4.0 / 29.0;
}

// Rows of a 3x3 matrix applied to a column vector.
glm::dvec3 apply(const double m[3][3], glm::dvec3 v) {
    return {m[0][0] * v.x + m[0][1] * v.y + m[0][2] * v.z,
            m[1][0] * v.x + m[1][1] * v.y + m[1][2] * v.z,
            m[2][0] * v.x + m[2][1] * v.y + m[2][2] * v.z};
}

} // namespace

double srgbToLinear(double c) {
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}
double linearToSrgb(double c) {
    return c <= 0.0031308 ? c * 12.92 : 1.055 * std::pow(c, 1.0 / 2.4) - 0.055;
}
glm::dvec3 srgbToLinear(glm::dvec3 s) {
    return {srgbToLinear(s.x), srgbToLinear(s.y), srgbToLinear(s.z)};
}

glm::dvec3 linearFromHex(unsigned hex) {
    return srgbToLinear(glm::dvec3((hex >> 16) & 0xFF, (hex >> 8) & 0xFF, hex & 0xFF) / 255.0);
}

glm::dvec3 linearToXyz(glm::dvec3 c) {
    static const double m[3][3] = {{0.4124564, 0.3575761, 0.1804375},
                                   {0.2126729, 0.7151522, 0.0721750},
                                   {0.0193339, 0.1191920, 0.9503041}};
    return apply(m, c);
}

Lab xyzToLab(glm::dvec3 xyz) {
    const double fx = labF(xyz.x / kWhiteX), fy = labF(xyz.y / kWhiteY), fz = labF(xyz.z / kWhiteZ);
    return {116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)};
}

Lab linearToLab(glm::dvec3 linear) {
    return xyzToLab(linearToXyz(linear));
}

double ciede2000(const Lab& x, const Lab& y) {
    // Sharma, Wu and Dalal 2005, equations (2) to (22).
    const double c1 = std::hypot(x.a, x.b), c2 = std::hypot(y.a, y.b);
    const double cBar = 0.5 * (c1 + c2);
    const double cBar7 = std::pow(cBar, 7.0);
    const double g = 0.5 * (1.0 - std::sqrt(cBar7 / (cBar7 + std::pow(25.0, 7.0))));
    const double a1 = (1.0 + g) * x.a, a2 = (1.0 + g) * y.a;
    const double cp1 = std::hypot(a1, x.b), cp2 = std::hypot(a2, y.b);
    const auto hue = [](double b, double a) {
        if (b == 0.0 && a == 0.0) return 0.0;
        const double h = deg(std::atan2(b, a));
        return h < 0.0 ? h + 360.0 : h;
    };
    const double hp1 = hue(x.b, a1), hp2 = hue(y.b, a2);

    const double dL = y.l - x.l;
    const double dC = cp2 - cp1;
    double dh = 0.0;
    if (cp1 * cp2 != 0.0) {
        dh = hp2 - hp1;
        if (dh > 180.0)
            dh -= 360.0;
        else if (dh < -180.0)
            dh += 360.0;
    }
    const double dH = 2.0 * std::sqrt(cp1 * cp2) * std::sin(rad(dh / 2.0));

    const double lBar = 0.5 * (x.l + y.l);
    const double cpBar = 0.5 * (cp1 + cp2);
    double hBar = hp1 + hp2;
    if (cp1 * cp2 != 0.0) {
        if (std::abs(hp1 - hp2) <= 180.0)
            hBar = 0.5 * (hp1 + hp2);
        else if (hp1 + hp2 < 360.0)
            hBar = 0.5 * (hp1 + hp2 + 360.0);
        else
            hBar = 0.5 * (hp1 + hp2 - 360.0);
    }
    const double t = 1.0 - 0.17 * std::cos(rad(hBar - 30.0)) + 0.24 * std::cos(rad(2.0 * hBar)) +
                     0.32 * std::cos(rad(3.0 * hBar + 6.0)) -
                     0.20 * std::cos(rad(4.0 * hBar - 63.0));
    const double dTheta = 30.0 * std::exp(-std::pow((hBar - 275.0) / 25.0, 2.0));
    const double cpBar7 = std::pow(cpBar, 7.0);
    const double rc = 2.0 * std::sqrt(cpBar7 / (cpBar7 + std::pow(25.0, 7.0)));
    const double l50 = (lBar - 50.0) * (lBar - 50.0);
    const double sl = 1.0 + 0.015 * l50 / std::sqrt(20.0 + l50);
    const double sc = 1.0 + 0.045 * cpBar;
    const double sh = 1.0 + 0.015 * cpBar * t;
    const double rt = -std::sin(rad(2.0 * dTheta)) * rc;
    const double tl = dL / sl, tc = dC / sc, th = dH / sh;
    return std::sqrt(tl * tl + tc * tc + th * th + rt * tc * th);
}

glm::dvec3 simulate(Vision vision, glm::dvec3 linear) {
    // Machado, Oliveira and Fernandes 2009, Table 1, severity 1.0.
    static const double protanopia[3][3] = {{0.152286, 1.052583, -0.204868},
                                            {0.114503, 0.786281, 0.099216},
                                            {-0.003882, -0.048116, 1.051998}};
    static const double deuteranopia[3][3] = {{0.367322, 0.860646, -0.227968},
                                              {0.280085, 0.672501, 0.047413},
                                              {-0.011820, 0.042940, 0.968881}};
    if (vision == Vision::Normal) return linear;
    const glm::dvec3 s = apply(vision == Vision::Protanopia ? protanopia : deuteranopia, linear);
    return glm::clamp(s, glm::dvec3(0.0), glm::dvec3(1.0));
}

double relativeLuminance(glm::dvec3 c) {
    return 0.2126 * c.x + 0.7152 * c.y + 0.0722 * c.z;
}

double contrastRatio(glm::dvec3 a, glm::dvec3 b) {
    const double la = relativeLuminance(a), lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace hv::draw
