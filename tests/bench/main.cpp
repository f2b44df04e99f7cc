// relais-bench SUITE [options]: speed figures measured side by side in one run (DESIGN: a test never
// asserts a duration). Each suite lives in its own file and registers itself; see BenchSuite.h.
#include "BenchSuite.h"

#include <QCoreApplication>
#include <QTextStream>

namespace {

int usage()
{
    QTextStream err(stderr);
    err << "usage: relais-bench SUITE [options]\n"
        << "Prints one figure per line as `name value` on stdout.\n"
        << "suites:\n";
    for (const relais::bench::Suite &suite : relais::bench::suites())
        err << "  " << suite.name << "  " << suite.summary << '\n';
    err.flush();
    return 2;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() < 2)
        return usage();
    const relais::bench::Suite *suite = relais::bench::findSuite(arguments.at(1));
    if (!suite)
        return usage();
    return suite->run(arguments.mid(2));
}
