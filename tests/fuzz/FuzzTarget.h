#pragma once

#include <QString>
#include <QVector>

#include <cstddef>
#include <cstdint>

namespace relais::fuzz {

// One fuzz target: a function over arbitrary bytes that returns normally or aborts (a failed invariant, a crash).
// A target is one fuzz_*.cpp file holding one RELAIS_FUZZ_TARGET; built with RELAIS_FUZZ=ON it becomes its own
// libFuzzer executable, and relais-fuzz-replay always runs it over tests/fuzz/corpus/<name>/.
using TargetFunction = void (*)(const std::uint8_t *data, std::size_t size);

struct Target
{
    QString name; // e.g. fuzz_validator_nir: the executable and the corpus folder
    TargetFunction run = nullptr;
};

QVector<Target> targets(); // sorted by name

struct TargetRegistration
{
    TargetRegistration(const char *name, TargetFunction run);
};

// Reports a broken invariant on stderr (with the offending input, escaped) and aborts, so that libFuzzer saves it.
[[noreturn]] void fail(const char *target, const char *what, const QString &input);

} // namespace relais::fuzz

#define RELAIS_FUZZ_TARGET(name)                                                                                       \
    static void name(const std::uint8_t *data, std::size_t size);                                                      \
    static const relais::fuzz::TargetRegistration name##_registration(#name, &name);                                   \
    static void name(const std::uint8_t *data, std::size_t size)
