#include "FuzzTarget.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace relais::fuzz {

namespace {

QVector<Target> &registry()
{
    static QVector<Target> all;
    return all;
}

} // namespace

TargetRegistration::TargetRegistration(const char *name, TargetFunction run)
{
    registry().append(Target{QString::fromLatin1(name), run});
}

QVector<Target> targets()
{
    QVector<Target> sorted = registry();
    std::sort(sorted.begin(), sorted.end(), [](const Target &a, const Target &b) { return a.name < b.name; });
    return sorted;
}

void fail(const char *target, const char *what, const QString &input)
{
    QString escaped;
    for (const QChar c : input) {
        if (c.unicode() >= 0x20 && c.unicode() < 0x7f)
            escaped += c;
        else
            escaped += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
    }
    std::fprintf(stderr, "%s: invariant broken: %s\n  input: \"%s\"\n", target, what, escaped.toUtf8().constData());
    std::fflush(stderr);
    std::abort();
}

} // namespace relais::fuzz
