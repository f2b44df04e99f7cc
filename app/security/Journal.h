#pragma once

#include "common/Clock.h"
#include "common/Result.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>

namespace relais {

// Tamper-evident journal (DESIGN §4): who, what, which object id, when — never personal data.
// Each row's hash is SHA-256(previous row's hash || canonical row); the first row chains to 32 zeros.
class Journal
{
public:
    struct Verification
    {
        bool intact = true;
        qint64 rows = 0;
        qint64 firstBrokenId = 0; // 0 when intact
        QByteArray head;          // hash of the last row
    };

    Journal(QSqlDatabase db, const Clock *clock);

    // Call inside the transaction of the change it records, so both land or neither does.
    Status append(const QString &actor, const QString &action, const QString &object = QString());
    Verification verify() const;

    static QByteArray canonicalRow(qint64 id, const QString &at, const QString &actor, const QString &action,
                                   const QString &object);
    static QByteArray chain(const QByteArray &previous, const QByteArray &canonical);

private:
    QSqlDatabase m_db;
    const Clock *m_clock;
};

} // namespace relais
