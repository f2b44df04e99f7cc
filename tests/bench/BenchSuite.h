#pragma once

#include <QHash>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace relais::bench {

// One benchmark suite: `relais-bench NAME [options]`. It prints its figures with printFigure and returns the
// process exit code (0 = ran, 2 = bad options). A suite is one .cpp file holding one static SuiteRegistration.
using SuiteFunction = int (*)(const QStringList &options);

// What the process must offer a suite: a QCoreApplication, or a QApplication for one that shows widgets (offscreen
// unless QT_QPA_PLATFORM says otherwise, so that no window appears and figures do not depend on the desktop).
enum class SuiteNeeds
{
    Core,
    Widgets,
};

struct Suite
{
    QString name;
    QString summary; // one line, shown in the usage text
    SuiteFunction run = nullptr;
    SuiteNeeds needs = SuiteNeeds::Core;
};

// Every registered suite, sorted by name.
QVector<Suite> suites();
const Suite *findSuite(const QString &name);

struct SuiteRegistration
{
    SuiteRegistration(const char *name, const char *summary, SuiteFunction run, SuiteNeeds needs = SuiteNeeds::Core);
};

// Prints one figure as `name value` on stdout (the machine-readable part); everything else goes to stderr.
void printFigure(const char *name, double value);
// Encrypted time over plain time, the figure DESIGN's targets are written against.
double ratio(double cipherMs, double plainMs);
// Median of the samples, in place.
double median(QVector<double> samples);

// Parses `--name value` pairs into `values` (keys without the dashes), accepting only `allowed` names with
// a positive integer value. Reports on stderr and returns false on anything else.
bool parseIntOptions(const QStringList &options, const QStringList &allowed, QHash<QString, int> &values);

} // namespace relais::bench
