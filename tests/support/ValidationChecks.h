#pragma once

#include "catalogue/Validators.h"

#include <QTest>

// The two checks every validator test makes, in one place. Macros, so that a failure reports the
// test's own line and stops the test function.

// Accepted, with exactly this normalised form and no message.
#define RELAIS_VERIFY_ACCEPTED(result, expectedNormalized)                                                             \
    do {                                                                                                               \
        const relais::catalogue::Validation &r_ = (result);                                                            \
        QVERIFY2(r_.ok, qPrintable(r_.message));                                                                       \
        QCOMPARE(r_.normalized, (expectedNormalized));                                                                 \
        QVERIFY(r_.message.isEmpty());                                                                                 \
    } while (false)

// Refused, with nothing normalised and a message that says `expectedPart`.
#define RELAIS_VERIFY_REFUSED(result, expectedPart)                                                                    \
    do {                                                                                                               \
        const relais::catalogue::Validation &r_ = (result);                                                            \
        QVERIFY(!r_.ok);                                                                                               \
        QVERIFY(r_.normalized.isEmpty());                                                                              \
        QVERIFY2(r_.message.contains(expectedPart), qPrintable(r_.message));                                           \
    } while (false)
