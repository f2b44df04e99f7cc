// relais-fuzz-replay [CORPUS_DIR] [TARGET…]: runs every registered fuzz target (or the named ones) over each file of
// CORPUS_DIR/<target>/ — the seed corpus plus any crash reproducer committed there. A broken invariant aborts with
// the input; a target without seeds fails, so a new target cannot be forgotten.
#include "FuzzTarget.h"

#include <QDir>
#include <QFile>
#include <QTextStream>

#include <algorithm>

#ifndef RELAIS_FUZZ_CORPUS_DIR
#define RELAIS_FUZZ_CORPUS_DIR ""
#endif

int main(int argc, char **argv)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QString corpusRoot = QString::fromUtf8(RELAIS_FUZZ_CORPUS_DIR);
    QStringList wanted;
    for (int i = 1; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        if (i == 1 && QFileInfo(arg).isDir())
            corpusRoot = arg;
        else
            wanted << arg;
    }

    const QVector<relais::fuzz::Target> all = relais::fuzz::targets();
    if (all.isEmpty()) {
        err << "no fuzz target registered" << Qt::endl;
        return 1;
    }
    int failures = 0;
    int ran = 0;
    for (const relais::fuzz::Target &target : all) {
        if (!wanted.isEmpty() && !wanted.contains(target.name))
            continue;
        ++ran;
        const QDir dir(corpusRoot + QLatin1Char('/') + target.name);
        const QFileInfoList files = dir.entryInfoList(QDir::Files | QDir::Hidden, QDir::Name);
        if (files.isEmpty()) {
            err << target.name << ": no seed in " << dir.path() << Qt::endl;
            ++failures;
            continue;
        }
        for (const QFileInfo &info : files) {
            QFile file(info.filePath());
            if (!file.open(QIODevice::ReadOnly)) {
                err << target.name << ": cannot read " << info.fileName() << Qt::endl;
                ++failures;
                continue;
            }
            const QByteArray bytes = file.readAll();
            target.run(reinterpret_cast<const std::uint8_t *>(bytes.constData()), std::size_t(bytes.size()));
        }
        out << target.name << ": " << files.size() << " inputs ok" << Qt::endl;
    }
    for (const QString &name : wanted) {
        if (std::none_of(all.begin(), all.end(), [&](const relais::fuzz::Target &t) { return t.name == name; })) {
            err << "unknown fuzz target: " << name << Qt::endl;
            ++failures;
        }
    }
    return failures || ran == 0 ? 1 : 0;
}
