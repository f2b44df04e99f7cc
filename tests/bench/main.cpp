// relais-bench SUITE [options]: speed figures measured side by side in one run (DESIGN: a test never
// asserts a duration). Each suite lives in its own file and registers itself; see BenchSuite.h.
#include "BenchSuite.h"

#include <QApplication>
#include <QTextStream>

#include <memory>

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
    // The suite is known before the application is made: only the suites that show widgets get a QApplication.
    const relais::bench::Suite *suite = argc < 2 ? nullptr : relais::bench::findSuite(QString::fromLocal8Bit(argv[1]));
    std::unique_ptr<QCoreApplication> app;
    if (suite && suite->needs == relais::bench::SuiteNeeds::Widgets) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    if (!suite)
        return usage();
    return suite->run(QCoreApplication::arguments().mid(2));
}
