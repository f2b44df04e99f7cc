#pragma once

#include "FuzzTarget.h"
#include "catalogue/Validators.h"

namespace relais::fuzz {

// The bytes as UTF-8 text (invalid sequences become U+FFFD, as a QLineEdit paste would).
inline QString utf8(const std::uint8_t *data, std::size_t size)
{
    return QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
}

// The input with each ASCII letter and digit shifted by one (a→b, z→a, 9→0): a message that echoes the input also
// echoes this variant, a fixed example in the message text ("06 12 34 56 78") does not.
inline QString shifted(const QString &input)
{
    QString out = input;
    for (QChar &c : out) {
        const char16_t u = c.unicode();
        if (u >= u'0' && u <= u'9')
            c = QChar(u == u'9' ? u'0' : char16_t(u + 1));
        else if (u >= u'a' && u <= u'z')
            c = QChar(u == u'z' ? u'a' : char16_t(u + 1));
        else if (u >= u'A' && u <= u'Z')
            c = QChar(u == u'Z' ? u'A' : char16_t(u + 1));
    }
    return out;
}

// What every validator promises: a verdict always; ok => a non-empty normalised form that is itself valid and
// normalises to itself; not ok => a message, and never the whole input repeated in it.
template <typename Check> void checkValidatorInvariants(const char *target, const QString &input, Check check)
{
    const catalogue::Validation first = check(input);
    if (first.ok) {
        if (first.normalized.isEmpty())
            fail(target, "valid but normalised form is empty", input);
        if (!first.message.isEmpty())
            fail(target, "valid but has a message", input);
        const catalogue::Validation again = check(first.normalized);
        if (!again.ok)
            fail(target, "normalised form is refused", input);
        if (again.normalized != first.normalized)
            fail(target, "normalising twice changes the result", input);
    } else {
        if (first.message.isEmpty())
            fail(target, "refused without a message", input);
        if (!first.normalized.isEmpty())
            fail(target, "refused but has a normalised form", input);
        const QString trimmed = input.trimmed();
        if (trimmed.size() >= 6 && first.message.contains(trimmed)) {
            const QString variant = shifted(trimmed);
            if (variant != trimmed && check(variant).message.contains(variant))
                fail(target, "message repeats the input", input);
        }
    }
}

} // namespace relais::fuzz
