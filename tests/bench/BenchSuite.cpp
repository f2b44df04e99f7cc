#include "BenchSuite.h"

#include <QHash>
#include <QTextStream>

#include <algorithm>
#include <cstdio>

namespace relais::bench {

namespace {

QVector<Suite> &registry()
{
    static QVector<Suite> all;
    return all;
}

} // namespace

SuiteRegistration::SuiteRegistration(const char *name, const char *summary, SuiteFunction run, SuiteNeeds needs)
{
    registry().append(Suite{QString::fromLatin1(name), QString::fromLatin1(summary), run, needs});
}

QVector<Suite> suites()
{
    QVector<Suite> sorted = registry();
    std::sort(sorted.begin(), sorted.end(), [](const Suite &a, const Suite &b) { return a.name < b.name; });
    return sorted;
}

const Suite *findSuite(const QString &name)
{
    for (const Suite &suite : registry()) {
        if (suite.name == name)
            return &suite;
    }
    return nullptr;
}

void printFigure(const char *name, double value)
{
    std::printf("%s %.3f\n", name, value);
    std::fflush(stdout);
}

double ratio(double cipherMs, double plainMs)
{
    return plainMs > 0 ? cipherMs / plainMs : 0.0;
}

double median(QVector<double> samples)
{
    if (samples.isEmpty())
        return 0.0;
    std::sort(samples.begin(), samples.end());
    const qsizetype mid = samples.size() / 2;
    return samples.size() % 2 ? samples.at(mid) : (samples.at(mid - 1) + samples.at(mid)) / 2.0;
}

bool parseIntOptions(const QStringList &options, const QStringList &allowed, QHash<QString, int> &values)
{
    QTextStream err(stderr);
    for (qsizetype i = 0; i < options.size(); ++i) {
        const QString &option = options.at(i);
        const QString name = option.startsWith(QLatin1String("--")) ? option.mid(2) : QString();
        if (name.isEmpty() || !allowed.contains(name)) {
            err << "unknown option: " << option << Qt::endl;
            return false;
        }
        bool ok = false;
        const int value = i + 1 < options.size() ? options.at(i + 1).toInt(&ok) : 0;
        if (!ok || value <= 0) {
            err << "option --" << name << " needs a positive integer" << Qt::endl;
            return false;
        }
        values.insert(name, value);
        ++i;
    }
    return true;
}

} // namespace relais::bench
