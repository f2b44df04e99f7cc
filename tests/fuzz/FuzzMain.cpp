// libFuzzer entry point for a single-target executable (RELAIS_FUZZ=ON): the one registered target gets every input.
#include "FuzzTarget.h"

#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const relais::fuzz::TargetFunction run = [] {
        const QVector<relais::fuzz::Target> all = relais::fuzz::targets();
        if (all.size() != 1) {
            std::fprintf(stderr, "a fuzz executable must hold exactly one target, not %d\n", int(all.size()));
            std::abort();
        }
        return all.first().run;
    }();
    run(data, size);
    return 0;
}
