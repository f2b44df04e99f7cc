#include "Backup.h"

#include "Database.h"
#include "KeySlots.h"
#include "common/AtomicFile.h"
#include "common/Logging.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace relais {

namespace {

const QByteArray Magic = "RELAIS-BACKUP 1\n";
const QString AnchorName = QStringLiteral("journal.anchor");
constexpr qint64 ChunkSize = 1024 * 1024;
constexpr qint64 MaxHeader = 64 * 1024;

Error damaged()
{
    qCWarning(lcStore) << "backup file refused";
    return makeError(ErrorCode::StoreCorrupt,
                     Backup::tr("This file is not a complete Relais backup (damaged, cut short, or another kind "
                                "of file). Nothing was restored."));
}

Error cannotWrite(const QString &path, bool full)
{
    if (full)
        return makeError(ErrorCode::DiskFull, Backup::tr("The disk is full: the backup was not written. Free some "
                                                         "space, or choose another folder."));
    return makeError(ErrorCode::Io, Backup::tr("The backup cannot be written in %1. Check that the folder exists "
                                               "and that this account may write there.")
                                        .arg(QDir::toNativeSeparators(QFileInfo(path).absolutePath())));
}

} // namespace

QStringList Backup::partNames()
{
    return {KeySlots::fileName(), AnchorName, Database::fileName()};
}

Status Backup::write(const QString &out, const QByteArray &keySlots, const QByteArray &anchor,
                     const QString &databaseCopy, const Progress &progress)
{
    QFile db(databaseCopy);
    if (!db.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, Backup::tr("The copy of the store cannot be read."));
    // The database's digest first: the header names every part's size and hash before the parts.
    QCryptographicHash dbHash(QCryptographicHash::Sha256);
    if (!dbHash.addData(&db))
        return makeError(ErrorCode::Io, Backup::tr("The copy of the store cannot be read."));
    const auto part = [](const QString &name, qint64 size, const QByteArray &sha) {
        return QJsonObject{{QStringLiteral("name"), name},
                           {QStringLiteral("size"), static_cast<double>(size)},
                           {QStringLiteral("sha256"), QString::fromLatin1(sha.toHex())}};
    };
    const QJsonObject header{
        {QStringLiteral("parts"),
         QJsonArray{part(KeySlots::fileName(), keySlots.size(),
                         QCryptographicHash::hash(keySlots, QCryptographicHash::Sha256)),
                    part(AnchorName, anchor.size(), QCryptographicHash::hash(anchor, QCryptographicHash::Sha256)),
                    part(Database::fileName(), db.size(), dbHash.result())}}};

    QSaveFile file(out);
    if (!file.open(QIODevice::WriteOnly))
        return cannotWrite(out, false);
    bool ok = file.write(Magic) == Magic.size();
    const QByteArray headerLine = QJsonDocument(header).toJson(QJsonDocument::Compact) + '\n';
    ok = ok && file.write(headerLine) == headerLine.size() && file.write(keySlots) == keySlots.size() &&
         file.write(anchor) == anchor.size();
    db.seek(0);
    const qint64 total = std::max<qint64>(db.size(), 1);
    qint64 done = 0;
    while (ok && !db.atEnd()) {
        const QByteArray chunk = db.read(ChunkSize);
        ok = !chunk.isEmpty() && file.write(chunk) == chunk.size();
        done += chunk.size();
        if (progress)
            progress(static_cast<int>(done * 100 / total));
    }
    const bool full = file.error() == QFileDevice::ResourceError;
    ok = ok && file.flush() && file.commit();
    if (!ok) {
        file.cancelWriting();
        return cannotWrite(out, full || file.error() == QFileDevice::ResourceError);
    }
    // The new name reaches the disk too (QSaveFile flushes the data, not the directory).
    (void)syncFileToDisk(QFileInfo(out).absolutePath());
    return {};
}

Result<QStringList> Backup::restore(const QString &in, const QString &dataDir)
{
    QFile file(in);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, Backup::tr("The backup file cannot be read."));
    if (file.read(Magic.size()) != Magic)
        return damaged();
    const QByteArray headerLine = file.readLine(MaxHeader);
    const QJsonArray parts = QJsonDocument::fromJson(headerLine).object().value(QStringLiteral("parts")).toArray();
    if (parts.size() != partNames().size())
        return damaged();
    if (!QDir().mkpath(dataDir))
        return makeError(ErrorCode::Io,
                         Backup::tr("The data folder %1 cannot be created.").arg(QDir::toNativeSeparators(dataDir)));
    QFile::setPermissions(dataDir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

    QStringList written;
    const auto abandon = [&](const Error &e) -> Error {
        for (const QString &name : std::as_const(written))
            QFile::remove(QDir(dataDir).filePath(name));
        return e;
    };
    for (int i = 0; i < parts.size(); ++i) {
        const QJsonObject part = parts.at(i).toObject();
        const QString name = part.value(QStringLiteral("name")).toString();
        const qint64 size = static_cast<qint64>(part.value(QStringLiteral("size")).toDouble(-1));
        if (name != partNames().at(i) || size < 0)
            return abandon(damaged());
        // Each part is written under its final name only once whole and checked.
        const QString target = QDir(dataDir).filePath(name);
        QSaveFile out(target);
        if (!out.open(QIODevice::WriteOnly))
            return abandon(cannotWrite(target, false));
        QCryptographicHash hash(QCryptographicHash::Sha256);
        qint64 left = size;
        while (left > 0) {
            const QByteArray chunk = file.read(std::min(left, ChunkSize));
            if (chunk.isEmpty()) {
                out.cancelWriting();
                return abandon(damaged());
            }
            hash.addData(chunk);
            if (out.write(chunk) != chunk.size()) {
                const bool full = out.error() == QFileDevice::ResourceError;
                out.cancelWriting();
                return abandon(cannotWrite(target, full));
            }
            left -= chunk.size();
        }
        if (hash.result().toHex() != part.value(QStringLiteral("sha256")).toString().toLatin1()) {
            out.cancelWriting();
            return abandon(damaged());
        }
        if (!out.commit())
            return abandon(cannotWrite(target, out.error() == QFileDevice::ResourceError));
        QFile::setPermissions(target, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        written.append(name);
    }
    if (!file.atEnd())
        return abandon(damaged());
    return written;
}

} // namespace relais
