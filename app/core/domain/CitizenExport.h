#pragma once

#include "common/Clock.h"
#include "common/Result.h"
#include "security/Account.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

class QPagedPaintDevice;

namespace relais {

class Journal;
namespace catalogue {
class Catalogue;
}

// Right of access (RGPD art. 15): everything held about one person, as JSON (machine-readable, art. 20)
// and as a readable PDF. Journaled as "citizen_exported" with the file's uuid only.
class CitizenExport
{
    Q_DECLARE_TR_FUNCTIONS(relais::CitizenExport)

public:
    // With a catalogue, démarches and answers are named by their titles and questions rather than by ids.
    CitizenExport(QSqlDatabase db, Journal *journal, const Clock *clock,
                  const catalogue::Catalogue *catalogue = nullptr);

    // The file, consents, mandates, démarches (answers, states, receipts) and the list of documents
    // (names, types, sizes, SHA-256; not their bytes) as one JSON document.
    Result<QByteArray> json(const Account &actor, qint64 citizenId) const;
    // Writes both files: `<base>.json` and `<base>.pdf`. Journaled once.
    Status write(const Account &actor, qint64 citizenId, const QString &structureName, const QString &basePath);
    // The readable part sent to a printer, without any file. Journaled like write().
    Status print(const Account &actor, qint64 citizenId, const QString &structureName, QPagedPaintDevice *device);

private:
    QSqlDatabase m_db;
    Journal *m_journal;
    const Clock *m_clock;
    const catalogue::Catalogue *m_catalogue;
};

} // namespace relais
