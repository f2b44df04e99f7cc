#include "ValidatorInvariants.h"

#include <limits>

// The first byte picks the bounds (including unbounded, NaN and inverted ranges); the rest is the typed amount.
RELAIS_FUZZ_TARGET(fuzz_validator_amount)
{
    constexpr double inf = std::numeric_limits<double>::infinity();
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    static const double bounds[][2] = {{0, 1e6},     {-1e6, 1e6}, {0, inf},   {-inf, inf}, {nan, nan},
                                       {10.5, 10.5}, {100, 0},    {-0.01, 0}, {0.1, 0.3},  {-1e300, 1e300}};
    constexpr std::size_t count = sizeof(bounds) / sizeof(bounds[0]);
    if (size == 0)
        return;
    const double min = bounds[data[0] % count][0];
    const double max = bounds[data[0] % count][1];
    relais::fuzz::checkValidatorInvariants(
        "fuzz_validator_amount", relais::fuzz::utf8(data + 1, size - 1),
        [min, max](const QString &text) { return relais::catalogue::Validators::amount(text, min, max); });
}
