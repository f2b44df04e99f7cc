#include "ValidatorInvariants.h"

#include <cstring>
#include <functional>

namespace {

qint64 readInt64(const std::uint8_t *data)
{
    qint64 value = 0;
    std::memcpy(&value, data, sizeof value);
    return value;
}

// Dates come from the UI as QDate; the normalised form is ISO 8601 and must read back as the same valid date.
void checkDate(const char *target, const QDate &date, const std::function<relais::catalogue::Validation(QDate)> &check)
{
    const QString shown = date.isValid() ? QString::number(date.toJulianDay()) : QStringLiteral("invalid");
    const relais::catalogue::Validation first = check(date);
    if (first.ok) {
        const QDate back = QDate::fromString(first.normalized, Qt::ISODate);
        if (first.normalized.isEmpty() || back != date)
            relais::fuzz::fail(target, "normalised form is not the same ISO date", shown);
        const relais::catalogue::Validation again = check(back);
        if (!again.ok || again.normalized != first.normalized)
            relais::fuzz::fail(target, "normalised date is not stable", shown);
    } else if (first.message.isEmpty()) {
        relais::fuzz::fail(target, "refused without a message", shown);
    }
}

} // namespace

// Three Julian days (date, and today or the two bounds) from 24 bytes; also the bytes as typed ISO text.
RELAIS_FUZZ_TARGET(fuzz_validator_date)
{
    using relais::catalogue::Validators;
    const char *name = "fuzz_validator_date";
    if (size >= 24) {
        const QDate date = QDate::fromJulianDay(readInt64(data));
        const QDate other = QDate::fromJulianDay(readInt64(data + 8));
        const QDate third = QDate::fromJulianDay(readInt64(data + 16));
        checkDate(name, date, [&](QDate d) { return Validators::birthDate(d, other); });
        checkDate(name, date, [&](QDate d) { return Validators::dateInRange(d, other, third); });
        checkDate(name, date, [&](QDate d) { return Validators::dateInRange(d, QDate(), third); });
    }
    const QDate typed = QDate::fromString(relais::fuzz::utf8(data, size), Qt::ISODate);
    const QDate today(2025, 6, 15);
    checkDate(name, typed, [&](QDate d) { return Validators::birthDate(d, today); });
    checkDate(name, typed, [&](QDate d) { return Validators::dateInRange(d, QDate(1900, 1, 1), today); });
}
