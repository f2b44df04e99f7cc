#include "Journal.h"

#include "store/Database.h"

#include <QCryptographicHash>
#include <QSqlError>
#include <QSqlQuery>

namespace relais {

Journal::Journal(QSqlDatabase db, const Clock *clock) : m_db(std::move(db)), m_clock(clock) {}

QByteArray Journal::canonicalRow(qint64 id, const QString &at, const QString &actor, const QString &action,
                                 const QString &object)
{
    // Each field is length-prefixed, so no content can shift a boundary and make two rows hash alike.
    QByteArray row = QByteArray::number(id);
    for (const QString &field : {at, actor, action, object}) {
        const QByteArray bytes = field.toUtf8();
        row += '|' + QByteArray::number(bytes.size()) + ':' + bytes;
    }
    return row;
}

QByteArray Journal::chain(const QByteArray &previous, const QByteArray &canonical)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(previous);
    hash.addData(canonical);
    return hash.result();
}

Status Journal::append(const QString &actor, const QString &action, const QString &objectId)
{
    const QString object = objectId.isNull() ? QStringLiteral("") : objectId; // the column holds '' for "none"
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT id, hash FROM journal ORDER BY id DESC LIMIT 1")))
        return Database::sqlError(QStringLiteral("journal head"), q.lastError());
    qint64 id = 1;
    QByteArray previous(32, '\0');
    if (q.next()) {
        id = q.value(0).toLongLong() + 1;
        previous = q.value(1).toByteArray();
    }
    q.finish();
    const QString at = m_clock->now().toUTC().toString(Qt::ISODateWithMs);
    q.prepare(QStringLiteral("INSERT INTO journal (id, at, actor, action, object, hash) VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(id);
    q.addBindValue(at);
    q.addBindValue(actor);
    q.addBindValue(action);
    q.addBindValue(object);
    q.addBindValue(chain(previous, canonicalRow(id, at, actor, action, object)));
    if (!q.exec())
        return Database::sqlError(QStringLiteral("journal append"), q.lastError());
    return {};
}

Journal::Verification Journal::verify() const
{
    Verification v;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT id, at, actor, action, object, hash FROM journal ORDER BY id"))) {
        v.intact = false;
        return v;
    }
    QByteArray previous(32, '\0');
    qint64 expectedId = 1;
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        const QByteArray stored = q.value(5).toByteArray();
        const QByteArray computed = chain(previous, canonicalRow(id, q.value(1).toString(), q.value(2).toString(),
                                                                 q.value(3).toString(), q.value(4).toString()));
        ++v.rows;
        if (id != expectedId || stored != computed) {
            v.intact = false;
            v.firstBrokenId = id;
            return v;
        }
        previous = stored;
        ++expectedId;
    }
    v.head = v.rows > 0 ? previous : QByteArray();
    return v;
}

} // namespace relais
