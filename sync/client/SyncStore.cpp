#include "SyncStore.h"

#include "domain/SubmissionRepository.h"
#include "security/Journal.h"
#include "store/Database.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace relais::sync {

namespace {

QString iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime parseIso(const QVariant &v)
{
    if (v.isNull())
        return {};
    return QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
}

QString objectOf(qint64 submissionId)
{
    return QStringLiteral("submission:%1").arg(submissionId);
}

} // namespace

bool SyncSettings::isEnrolled() const
{
    return platformUrl.isValid() && !platformUrl.isEmpty() && !deviceId.isEmpty() && !token.isEmpty() &&
           platformKey.size() == 32;
}

SyncStore::SyncStore(QSqlDatabase db, Journal *journal, const Clock *clock)
    : m_db(std::move(db)), m_journal(journal), m_clock(clock)
{}

QString SyncStore::value(const QString &key) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT value FROM settings WHERE key = ?"));
    q.addBindValue(key);
    if (q.exec() && q.next())
        return q.value(0).toString();
    return {};
}

Status SyncStore::writeValue(const QString &key, const QString &value)
{
    QSqlQuery q(m_db);
    if (value.isNull()) {
        q.prepare(QStringLiteral("DELETE FROM settings WHERE key = ?"));
        q.addBindValue(key);
    } else {
        q.prepare(QStringLiteral("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)"));
        q.addBindValue(key);
        q.addBindValue(value);
    }
    if (!q.exec())
        return Database::sqlError(QStringLiteral("sync setting"), q.lastError());
    return {};
}

Status SyncStore::setValue(const QString &key, const QString &value)
{
    return Database::inTransaction(m_db, [&] { return writeValue(key, value); });
}

Status SyncStore::saveCatalogue(const QString &etag, const QString &document)
{
    return Database::inTransaction(m_db, [&]() -> Status {
        QJsonObject highest = QJsonDocument::fromJson(value(QLatin1String(CatalogueVersionsKey)).toUtf8()).object();
        const QJsonObject catalogue = QJsonDocument::fromJson(document.toUtf8()).object();
        QList<QPair<QString, qint64>> versions;
        // Whole numbers only: a version written otherwise cannot be ordered, so it neither counts nor blocks.
        const auto whole = [](const QJsonValue &v) {
            return v.isDouble() && v.toDouble() == double(v.toInteger());
        };
        if (whole(catalogue.value(QLatin1String("version"))))
            versions.append({QString(), catalogue.value(QLatin1String("version")).toInteger()});
        for (const QJsonValue &d : catalogue.value(QLatin1String("demarches")).toArray()) {
            const QJsonObject demarche = d.toObject();
            const QString id = demarche.value(QLatin1String("id")).toString();
            if (!id.isEmpty() && whole(demarche.value(QLatin1String("version"))))
                versions.append({id, demarche.value(QLatin1String("version")).toInteger()});
        }
        for (const auto &[id, version] : versions) {
            const QJsonValue known = highest.value(id);
            if (known.isDouble() && version < known.toInteger()) {
                if (id.isEmpty())
                    return makeError(ErrorCode::InvalidInput,
                                     tr("The catalogue sent by the platform is older (version %1) than one already "
                                        "accepted (version %2): it was refused and the current one is kept.")
                                         .arg(version)
                                         .arg(known.toInteger()));
                return makeError(ErrorCode::InvalidInput,
                                 tr("The catalogue sent by the platform brings the démarche “%1” back to version %2 "
                                    "after version %3: it was refused and the current one is kept.")
                                     .arg(id)
                                     .arg(version)
                                     .arg(known.toInteger()));
            }
            if (!known.isDouble() || version > known.toInteger())
                highest.insert(id, version);
        }
        if (Status s = writeValue(QLatin1String(CatalogueVersionsKey),
                                  QString::fromUtf8(QJsonDocument(highest).toJson(QJsonDocument::Compact)));
            !s)
            return s;
        if (Status s = writeValue(QLatin1String(CatalogueKey), document); !s)
            return s;
        return writeValue(QLatin1String(CatalogueEtagKey), etag);
    });
}

Result<SyncSettings> SyncStore::settings() const
{
    SyncSettings s;
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT key, value FROM settings WHERE key LIKE 'sync\\_%' ESCAPE '\\'")))
        return Database::sqlError(QStringLiteral("sync settings"), q.lastError());
    QHash<QString, QString> values;
    while (q.next())
        values.insert(q.value(0).toString(), q.value(1).toString());
    s.platformUrl = QUrl(values.value(QLatin1String(PlatformUrlKey)));
    s.deviceId = values.value(QLatin1String(DeviceIdKey));
    s.token = values.value(QLatin1String(TokenKey)).toUtf8();
    s.platformKey = QByteArray::fromBase64(values.value(QLatin1String(PlatformKeyKey)).toLatin1());
    s.platformName = values.value(QLatin1String(PlatformNameKey));
    s.platformCa = values.value(QLatin1String(PlatformCaKey)).toLatin1();
    s.proxy.url = QUrl(values.value(QLatin1String(ProxyUrlKey)));
    s.proxy.user = values.value(QLatin1String(ProxyUserKey));
    s.proxy.password = values.value(QLatin1String(ProxyPasswordKey));
    return s;
}

Status SyncStore::saveEnrolment(const SyncSettings &s, const QString &actorLogin)
{
    if (!s.isEnrolled())
        return makeError(ErrorCode::InvalidInput, tr("The platform's answer to the enrolment is incomplete."));
    return Database::inTransaction(m_db, [&]() -> Status {
        const QString key = QString::fromLatin1(s.platformKey.toBase64());
        const QString previousKey = value(QLatin1String(PlatformKeyKey));
        if (!previousKey.isEmpty() && previousKey != key) {
            // Another platform: its receipts and catalogue versions start afresh; the old receipt, signed by a key
            // no longer pinned, would otherwise read as forged.
            if (Status f = m_journal->forgetReceipt(); !f)
                return f;
            if (Status w = writeValue(QLatin1String(CatalogueVersionsKey), QString()); !w)
                return w;
        }
        const QList<QPair<QString, QString>> values = {
            {QLatin1String(PlatformUrlKey), s.platformUrl.toString()},
            {QLatin1String(DeviceIdKey), s.deviceId},
            {QLatin1String(TokenKey), QString::fromUtf8(s.token)},
            {QLatin1String(PlatformKeyKey), key},
            {QLatin1String(PlatformNameKey), s.platformName},
            // Re-enrolling without a CA goes back to the system's CAs.
            {QLatin1String(PlatformCaKey), QString::fromLatin1(s.platformCa)},
            // A new identity: the stop is lifted, the status feed starts over, the catalogue is fetched again
            // and checked with the new key, and the journal head is sent again.
            {QLatin1String(StoppedReasonKey), QString()},
            {QLatin1String(StatusCursorKey), QString()},
            {QLatin1String(CatalogueEtagKey), QString()},
            {QLatin1String(JournalHeadSentKey), QString()},
        };
        for (const auto &v : values)
            if (Status w = writeValue(v.first, v.second); !w)
                return w;
        return m_journal->append(actorLogin, QStringLiteral("device_enrolled"),
                                 QStringLiteral("device:%1").arg(s.deviceId));
    });
}

Status SyncStore::saveProxy(const ProxySettings &proxy, const QString &actorLogin)
{
    return Database::inTransaction(m_db, [&]() -> Status {
        const bool set = proxy.isSet();
        const QList<QPair<QString, QString>> values = {
            {QLatin1String(ProxyUrlKey), set ? proxy.url.toString() : QString()},
            {QLatin1String(ProxyUserKey), set ? proxy.user : QString()},
            {QLatin1String(ProxyPasswordKey), set ? proxy.password : QString()},
        };
        for (const auto &v : values)
            if (Status w = writeValue(v.first, v.second); !w)
                return w;
        return m_journal->append(actorLogin, QStringLiteral("proxy_changed"),
                                 set ? QStringLiteral("proxy:set") : QStringLiteral("proxy:cleared"));
    });
}

Result<QList<OutboxItem>> SyncStore::query(const QString &where, const QVariantList &binds) const
{
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("SELECT s.id, s.uuid, s.demarche_id, s.demarche_version, s.state, s.queued_at, s.receipt,"
                       " s.delivered_at, i.quarantine_reason, i.last_error, i.next_attempt_at, COALESCE(i.attempts, 0),"
                       " (SELECT COALESCE(SUM(a.size), 0) FROM attachments a WHERE a.submission_id = s.id),"
                       " (SELECT COALESCE(SUM(u.\"offset\"), 0) FROM uploads u WHERE u.submission_id = s.id)"
                       " FROM submissions s LEFT JOIN sync_items i ON i.submission_id = s.id WHERE %1"
                       " ORDER BY s.queued_at DESC, s.id DESC")
            .arg(where));
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec())
        return Database::sqlError(QStringLiteral("outbox"), q.lastError());
    QList<OutboxItem> items;
    QHash<qint64, int> index;
    static const QStringList later = {QStringLiteral("delivered"), QStringLiteral("in_review"),
                                      QStringLiteral("accepted"), QStringLiteral("rejected_by_operator"),
                                      QStringLiteral("incomplete")};
    while (q.next()) {
        OutboxItem it;
        it.submissionId = q.value(0).toLongLong();
        it.uuid = q.value(1).toString();
        it.demarcheId = q.value(2).toString();
        it.demarcheVersion = q.value(3).toInt();
        it.state = q.value(4).toString();
        it.queuedAt = parseIso(q.value(5));
        const QJsonObject receipt = QJsonDocument::fromJson(q.value(6).toString().toUtf8()).object();
        it.reference = receipt.value(QLatin1String("reference")).toString();
        it.deliveredAt = QDateTime::fromString(receipt.value(QLatin1String("received_at")).toString(), Qt::ISODate);
        if (!it.deliveredAt.isValid())
            it.deliveredAt = parseIso(q.value(7));
        it.quarantineReason = q.value(8).toString();
        it.lastError = q.value(9).toString();
        it.nextAttemptAt = parseIso(q.value(10));
        it.attempts = q.value(11).toInt();
        it.bytesTotal = q.value(12).toLongLong();
        it.bytesSent = later.contains(it.state) ? it.bytesTotal : q.value(13).toLongLong();
        index.insert(it.submissionId, int(items.size()));
        items.append(it);
    }
    if (items.isEmpty())
        return items;
    QStringList ids;
    for (const OutboxItem &it : items)
        ids.append(QString::number(it.submissionId));
    QSqlQuery u(m_db);
    if (!u.exec(QStringLiteral("SELECT submission_id, status, message, at FROM status_updates WHERE submission_id IN"
                               " (%1) ORDER BY at, id")
                    .arg(ids.join(QLatin1Char(',')))))
        return Database::sqlError(QStringLiteral("status updates"), u.lastError());
    while (u.next()) {
        const int i = index.value(u.value(0).toLongLong(), -1);
        if (i >= 0)
            items[i].updates.append({u.value(1).toString(), u.value(2).toString(), parseIso(u.value(3))});
    }
    return items;
}

Result<QList<OutboxItem>> SyncStore::outbox(const Account &actor) const
{
    QVariantList binds{iso(m_clock->now().addDays(-30))};
    const QString visible = Access::demarcheCondition(actor, QStringLiteral("s"), &binds);
    return query(QStringLiteral("(s.state IN ('queued', 'sending', 'quarantined') OR (s.state IN ('delivered',"
                                " 'in_review', 'accepted', 'rejected_by_operator', 'incomplete') AND"
                                " s.delivered_at >= ?)) AND %1")
                     .arg(visible),
                 binds);
}

Result<OutboxItem> SyncStore::item(const Account &actor, qint64 submissionId) const
{
    if (Status allowed = SubmissionRepository::checkAccess(m_db, actor, submissionId); !allowed)
        return allowed.error();
    auto items = query(QStringLiteral("s.id = ?"), {submissionId});
    if (!items)
        return items.error();
    if (items->isEmpty())
        return makeError(ErrorCode::InvalidInput, tr("This démarche no longer exists."));
    return items->first();
}

Result<int> SyncStore::waitingCount() const
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT count(*) FROM submissions WHERE state IN ('queued', 'sending')")) || !q.next())
        return Database::sqlError(QStringLiteral("waiting count"), q.lastError());
    return q.value(0).toInt();
}

QDateTime SyncStore::lastSuccess() const
{
    const QString v = value(QLatin1String(LastSuccessKey));
    return v.isEmpty() ? QDateTime() : QDateTime::fromString(v, Qt::ISODate);
}

QString SyncStore::stoppedReason() const
{
    return value(QLatin1String(StoppedReasonKey));
}

Status SyncStore::setStopped(const QString &reason)
{
    return setValue(QLatin1String(StoppedReasonKey), reason);
}

Status SyncStore::reopenForCorrection(const Account &actor, qint64 submissionId)
{
    if (Status allowed = SubmissionRepository::checkAccess(m_db, actor, submissionId); !allowed)
        return allowed;
    return Database::inTransaction(m_db, [&]() -> Status {
        QSqlQuery q(m_db);
        const QString now = iso(m_clock->now());
        q.prepare(QStringLiteral("UPDATE submissions SET state = 'draft', uuid = ?, queued_at = NULL, updated_at = ?"
                                 " WHERE id = ? AND state = 'quarantined'"));
        q.addBindValue(QUuid::createUuid().toString(QUuid::WithoutBraces));
        q.addBindValue(now);
        q.addBindValue(submissionId);
        if (!q.exec())
            return Database::sqlError(QStringLiteral("reopen"), q.lastError());
        if (q.numRowsAffected() != 1)
            return makeError(ErrorCode::InvalidInput,
                             tr("Only a démarche returned by the platform can be corrected and sent again."));
        for (const char *sql :
             {"DELETE FROM sync_items WHERE submission_id = ?", "DELETE FROM uploads WHERE submission_id = ?"}) {
            q.prepare(QLatin1String(sql));
            q.addBindValue(submissionId);
            if (!q.exec())
                return Database::sqlError(QStringLiteral("reopen"), q.lastError());
        }
        return m_journal->append(actor.login, QStringLiteral("submission_reopened"), objectOf(submissionId));
    });
}

Result<QList<qint64>> SyncStore::dueItems(bool ignoreBackoff) const
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT s.id, i.next_attempt_at FROM submissions s LEFT JOIN sync_items i ON"
                               " i.submission_id = s.id WHERE s.state IN ('queued', 'sending')"
                               " ORDER BY s.queued_at, s.id")))
        return Database::sqlError(QStringLiteral("due items"), q.lastError());
    const QDateTime now = m_clock->now();
    QList<qint64> ids;
    while (q.next()) {
        const QDateTime next = parseIso(q.value(1));
        if (ignoreBackoff || !next.isValid() || next <= now)
            ids.append(q.value(0).toLongLong());
    }
    return ids;
}

Status SyncStore::markSending(qint64 submissionId)
{
    return Database::inTransaction(m_db, [&]() -> Status {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("UPDATE submissions SET state = 'sending', updated_at = ? WHERE id = ? AND state IN"
                                 " ('queued', 'sending')"));
        q.addBindValue(iso(m_clock->now()));
        q.addBindValue(submissionId);
        if (!q.exec())
            return Database::sqlError(QStringLiteral("mark sending"), q.lastError());
        if (q.numRowsAffected() != 1)
            return makeError(ErrorCode::InvalidInput, tr("This démarche is no longer waiting to be sent."));
        q.prepare(QStringLiteral("INSERT OR IGNORE INTO sync_items (submission_id) VALUES (?)"));
        q.addBindValue(submissionId);
        if (!q.exec())
            return Database::sqlError(QStringLiteral("mark sending"), q.lastError());
        return {};
    });
}

Status SyncStore::scheduleRetry(qint64 submissionId, const QString &error, const QDateTime &nextAttemptAt)
{
    return Database::inTransaction(m_db, [&]() -> Status {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("INSERT OR IGNORE INTO sync_items (submission_id) VALUES (?)"));
        q.addBindValue(submissionId);
        if (!q.exec())
            return Database::sqlError(QStringLiteral("retry"), q.lastError());
        q.prepare(QStringLiteral("UPDATE sync_items SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?"
                                 " WHERE submission_id = ?"));
        q.addBindValue(iso(nextAttemptAt));
        q.addBindValue(error);
        q.addBindValue(submissionId);
        if (!q.exec())
            return Database::sqlError(QStringLiteral("retry"), q.lastError());
        return {};
    });
}

int SyncStore::attempts(qint64 submissionId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT attempts FROM sync_items WHERE submission_id = ?"));
    q.addBindValue(submissionId);
    if (q.exec() && q.next())
        return q.value(0).toInt();
    return 0;
}

Status SyncStore::quarantine(qint64 submissionId, const QString &reason)
{
    return Database::inTransaction(m_db, [&]() -> Status {
        QSqlQuery q(m_db);
        const QString now = iso(m_clock->now());
        q.prepare(QStringLiteral("UPDATE submissions SET state = 'quarantined', updated_at = ? WHERE id = ? AND state"
                                 " IN ('queued', 'sending')"));
        q.addBindValue(now);
        q.addBindValue(submissionId);
        if (!q.exec())
            return Database::sqlError(QStringLiteral("quarantine"), q.lastError());
        if (q.numRowsAffected() != 1)
            return makeError(ErrorCode::InvalidInput, tr("This démarche is no longer waiting to be sent."));
        q.prepare(QStringLiteral("INSERT OR IGNORE INTO sync_items (submission_id) VALUES (?)"));
        q.addBindValue(submissionId);
        if (!q.exec())
            return Database::sqlError(QStringLiteral("quarantine"), q.lastError());
        q.prepare(QStringLiteral("UPDATE sync_items SET quarantine_reason = ?, quarantined_at = ?, next_attempt_at ="
                                 " NULL WHERE submission_id = ?"));
        q.addBindValue(reason);
        q.addBindValue(now);
        q.addBindValue(submissionId);
        if (!q.exec())
            return Database::sqlError(QStringLiteral("quarantine"), q.lastError());
        q.prepare(QStringLiteral("DELETE FROM uploads WHERE submission_id = ?"));
        q.addBindValue(submissionId);
        if (!q.exec())
            return Database::sqlError(QStringLiteral("quarantine"), q.lastError());
        return m_journal->append(QStringLiteral("sync"), QStringLiteral("submission_quarantined"),
                                 objectOf(submissionId));
    });
}

Status SyncStore::recordDelivery(qint64 submissionId, const QJsonObject &receipt)
{
    SubmissionRepository submissions(m_db, m_journal, m_clock);
    if (Status s = submissions.markDelivered(SystemAccess(), submissionId, receipt); !s)
        return s;
    // Bookkeeping only: a kill before this lands leaves upload rows of a delivered démarche; they are swept here
    // at the next delivery, with those of every démarche no longer waiting.
    return Database::inTransaction(m_db, [&]() -> Status {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("DELETE FROM uploads WHERE submission_id = ? OR submission_id IN (SELECT id FROM"
                                 " submissions WHERE state NOT IN ('queued', 'sending'))"));
        q.addBindValue(submissionId);
        if (!q.exec())
            return Database::sqlError(QStringLiteral("delivered"), q.lastError());
        q.prepare(QStringLiteral("UPDATE sync_items SET next_attempt_at = NULL, last_error = NULL WHERE"
                                 " submission_id = ?"));
        q.addBindValue(submissionId);
        if (!q.exec())
            return Database::sqlError(QStringLiteral("delivered"), q.lastError());
        return {};
    });
}

std::optional<UploadState> SyncStore::upload(qint64 attachmentId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT submission_id, url, \"offset\", length FROM uploads WHERE attachment_id = ?"));
    q.addBindValue(attachmentId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    UploadState u;
    u.attachmentId = attachmentId;
    u.submissionId = q.value(0).toLongLong();
    u.url = QUrl(q.value(1).toString());
    u.offset = q.value(2).toLongLong();
    u.length = q.value(3).toLongLong();
    return u;
}

Status SyncStore::saveUpload(const UploadState &upload)
{
    return Database::inTransaction(m_db, [&]() -> Status {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("INSERT OR REPLACE INTO uploads (attachment_id, submission_id, url, \"offset\","
                                 " length, updated_at) VALUES (?, ?, ?, ?, ?, ?)"));
        q.addBindValue(upload.attachmentId);
        q.addBindValue(upload.submissionId);
        q.addBindValue(upload.url.toString());
        q.addBindValue(upload.offset);
        q.addBindValue(upload.length);
        q.addBindValue(iso(m_clock->now()));
        if (!q.exec())
            return Database::sqlError(QStringLiteral("save upload"), q.lastError());
        return {};
    });
}

Status SyncStore::forgetUpload(qint64 attachmentId)
{
    return Database::inTransaction(m_db, [&]() -> Status {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("DELETE FROM uploads WHERE attachment_id = ?"));
        q.addBindValue(attachmentId);
        if (!q.exec())
            return Database::sqlError(QStringLiteral("forget upload"), q.lastError());
        return {};
    });
}

Result<QList<qint64>> SyncStore::applyStatusChanges(const QList<StatusChange> &changes, const QString &cursor)
{
    QList<qint64> touched;
    const Status s = Database::inTransaction(m_db, [&]() -> Status {
        SubmissionRepository submissions(m_db, m_journal, m_clock);
        const QString now = iso(m_clock->now());
        for (const StatusChange &c : changes) {
            QSqlQuery q(m_db);
            q.prepare(QStringLiteral("SELECT id FROM submissions WHERE uuid = ?"));
            q.addBindValue(c.uuid);
            if (!q.exec())
                return Database::sqlError(QStringLiteral("status"), q.lastError());
            if (!q.next())
                continue; // not ours any more (reopened under a new uuid, or erased)
            const qint64 id = q.value(0).toLongLong();
            q.prepare(QStringLiteral("INSERT INTO status_updates (submission_id, status, message, at, received_at)"
                                     " VALUES (?, ?, ?, ?, ?)"));
            q.addBindValue(id);
            q.addBindValue(c.update.status);
            q.addBindValue(c.update.message);
            q.addBindValue(iso(c.update.at.isValid() ? c.update.at : m_clock->now()));
            q.addBindValue(now);
            if (!q.exec())
                return Database::sqlError(QStringLiteral("status"), q.lastError());
            // Kept in the history even when the state cannot follow (e.g. an unknown status): the mediator reads it.
            (void)submissions.recordStatus(SystemAccess(), id, c.update.status);
            if (!touched.contains(id))
                touched.append(id);
        }
        return writeValue(QLatin1String(StatusCursorKey), cursor);
    });
    if (!s)
        return s.error();
    return touched;
}

Result<JournalHead> SyncStore::journalHead() const
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT id, hash FROM journal ORDER BY id DESC LIMIT 1")))
        return Database::sqlError(QStringLiteral("journal head"), q.lastError());
    JournalHead head;
    if (q.next()) {
        head.seq = q.value(0).toLongLong();
        head.hash = q.value(1).toByteArray().toHex();
    }
    return head;
}

} // namespace relais::sync
