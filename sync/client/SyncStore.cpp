#include "SyncStore.h"

#include "SyncSchema.h"

#include "domain/AttachmentStore.h"
#include "domain/SubmissionRepository.h"
#include "security/Journal.h"
#include "security/Vault.h"
#include "store/Database.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace relais::sync {

namespace {

// Every program that links the sync module opens stores with its tables (SyncSchema).
[[maybe_unused]] const bool SchemaRegistered = (SyncSchema::registerWithStore(), true);

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
    return Vault::readSetting(m_db, key);
}

Status SyncStore::writeValue(const QString &key, const QString &value)
{
    return Vault::writeSetting(m_db, key, value);
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
    const Result<QHash<QString, QString>> found = Vault::settingsWithPrefix(m_db, QStringLiteral("sync_"));
    if (!found)
        return found.error();
    const QHash<QString, QString> &values = found.value();
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

Result<QList<OutboxItem>> SyncStore::withBookkeeping(const QList<Submission> &rows) const
{
    QList<OutboxItem> items;
    if (rows.isEmpty())
        return items;
    QList<qint64> idList;
    QStringList ids;
    for (const Submission &r : rows) {
        idList.append(r.id);
        ids.append(QString::number(r.id));
    }
    const QString in = ids.join(QLatin1Char(','));
    const Result<QHash<qint64, qint64>> sizes = AttachmentStore::totalSizes(m_db, idList);
    if (!sizes)
        return sizes.error();
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT submission_id, quarantine_reason, last_error, next_attempt_at, attempts FROM"
                               " sync_items WHERE submission_id IN (%1)")
                    .arg(in)))
        return Database::sqlError(QStringLiteral("outbox"), q.lastError());
    struct Book
    {
        QString quarantineReason, lastError;
        QDateTime nextAttemptAt;
        int attempts = 0;
    };
    QHash<qint64, Book> books;
    while (q.next())
        books.insert(q.value(0).toLongLong(),
                     {q.value(1).toString(), q.value(2).toString(), parseIso(q.value(3)), q.value(4).toInt()});
    if (!q.exec(QStringLiteral("SELECT submission_id, COALESCE(SUM(\"offset\"), 0) FROM uploads WHERE submission_id IN"
                               " (%1) GROUP BY submission_id")
                    .arg(in)))
        return Database::sqlError(QStringLiteral("outbox"), q.lastError());
    QHash<qint64, qint64> sent;
    while (q.next())
        sent.insert(q.value(0).toLongLong(), q.value(1).toLongLong());
    QHash<qint64, int> index;
    for (const Submission &r : rows) {
        OutboxItem it;
        it.submissionId = r.id;
        it.uuid = r.uuid;
        it.demarcheId = r.demarcheId;
        it.demarcheVersion = r.demarcheVersion;
        it.state = r.state;
        it.queuedAt = r.queuedAt;
        it.reference = r.receipt.value(QLatin1String("reference")).toString();
        it.deliveredAt = QDateTime::fromString(r.receipt.value(QLatin1String("received_at")).toString(), Qt::ISODate);
        if (!it.deliveredAt.isValid())
            it.deliveredAt = r.deliveredAt;
        const Book book = books.value(r.id);
        it.quarantineReason = book.quarantineReason;
        it.lastError = book.lastError;
        it.nextAttemptAt = book.nextAttemptAt;
        it.attempts = book.attempts;
        it.bytesTotal = sizes->value(r.id);
        it.bytesSent = SubmissionLifecycle::isPastDelivery(it.state) ? it.bytesTotal : sent.value(r.id);
        index.insert(it.submissionId, int(items.size()));
        items.append(it);
    }
    QSqlQuery u(m_db);
    if (!u.exec(QStringLiteral("SELECT submission_id, status, message, at FROM status_updates WHERE submission_id IN"
                               " (%1) ORDER BY at, id")
                    .arg(in)))
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
    const auto rows = SubmissionRepository::outboxRows(m_db, actor, m_clock->now().addDays(-30));
    if (!rows)
        return rows.error();
    return withBookkeeping(rows.value());
}

Result<OutboxItem> SyncStore::item(const Account &actor, qint64 submissionId) const
{
    if (Status allowed = SubmissionRepository::checkAccess(m_db, actor, submissionId); !allowed)
        return allowed.error();
    const auto rows = SubmissionRepository::outboxRows(m_db, actor, QDateTime(), submissionId);
    if (!rows)
        return rows.error();
    auto items = withBookkeeping(rows.value());
    if (!items)
        return items.error();
    if (items->isEmpty())
        return makeError(ErrorCode::InvalidInput, tr("This démarche no longer exists."));
    return items->first();
}

Result<int> SyncStore::waitingCount() const
{
    const Result<QList<qint64>> waiting = SubmissionRepository::waitingIds(m_db);
    if (!waiting)
        return waiting.error();
    return int(waiting->size());
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
    return lifecycle().reopenForCorrection(actor.login, submissionId, [&]() -> Status {
        QSqlQuery q(m_db);
        for (const char *sql :
             {"DELETE FROM sync_items WHERE submission_id = ?", "DELETE FROM uploads WHERE submission_id = ?"}) {
            q.prepare(QLatin1String(sql));
            q.addBindValue(submissionId);
            if (!q.exec())
                return Database::sqlError(QStringLiteral("reopen"), q.lastError());
        }
        return {};
    });
}

Result<QList<qint64>> SyncStore::dueItems(bool ignoreBackoff) const
{
    const Result<QList<qint64>> waiting = SubmissionRepository::waitingIds(m_db);
    if (!waiting)
        return waiting.error();
    if (ignoreBackoff || waiting->isEmpty())
        return waiting;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT submission_id, next_attempt_at FROM sync_items WHERE next_attempt_at IS NOT"
                               " NULL")))
        return Database::sqlError(QStringLiteral("due items"), q.lastError());
    QHash<qint64, QDateTime> next;
    while (q.next())
        next.insert(q.value(0).toLongLong(), parseIso(q.value(1)));
    const QDateTime now = m_clock->now();
    QList<qint64> ids;
    for (const qint64 id : waiting.value()) {
        const QDateTime at = next.value(id);
        if (!at.isValid() || at <= now)
            ids.append(id);
    }
    return ids;
}

Status SyncStore::markSending(qint64 submissionId)
{
    return lifecycle().claimForSending(submissionId, [&]() -> Status {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("INSERT OR IGNORE INTO sync_items (submission_id) VALUES (?)"));
        q.addBindValue(submissionId);
        if (!q.exec())
            return Database::sqlError(QStringLiteral("mark sending"), q.lastError());
        return {};
    });
}

Status SyncStore::scheduleRetry(qint64 submissionId, const QString &error, const QDateTime &nextAttemptAt)
{
    return lifecycle().recordProgress(submissionId, [&]() -> Status {
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
    return lifecycle().quarantine(submissionId, reason, [&]() -> Status {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("INSERT OR IGNORE INTO sync_items (submission_id) VALUES (?)"));
        q.addBindValue(submissionId);
        if (!q.exec())
            return Database::sqlError(QStringLiteral("quarantine"), q.lastError());
        q.prepare(QStringLiteral("UPDATE sync_items SET quarantine_reason = ?, quarantined_at = ?, next_attempt_at ="
                                 " NULL WHERE submission_id = ?"));
        q.addBindValue(reason);
        q.addBindValue(iso(m_clock->now()));
        q.addBindValue(submissionId);
        if (!q.exec())
            return Database::sqlError(QStringLiteral("quarantine"), q.lastError());
        q.prepare(QStringLiteral("DELETE FROM uploads WHERE submission_id = ?"));
        q.addBindValue(submissionId);
        if (!q.exec())
            return Database::sqlError(QStringLiteral("quarantine"), q.lastError());
        return {};
    });
}

Status SyncStore::recordDelivery(qint64 submissionId, const QJsonObject &receipt)
{
    return lifecycle().deliver(submissionId, receipt, [&]() -> Status {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("DELETE FROM uploads WHERE submission_id = ?"));
        q.addBindValue(submissionId);
        if (!q.exec())
            return Database::sqlError(QStringLiteral("record delivery"), q.lastError());
        // Upload rows left by a kill between a delivery and this bookkeeping in an earlier version, or of démarches
        // no longer waiting: swept here.
        const Result<QList<qint64>> waiting = SubmissionRepository::waitingIds(m_db);
        if (!waiting)
            return waiting.error();
        QStringList ids;
        for (const qint64 id : waiting.value())
            if (id != submissionId)
                ids.append(QString::number(id));
        if (!q.exec(
                QStringLiteral("DELETE FROM uploads WHERE submission_id NOT IN (%1)").arg(ids.join(QLatin1Char(',')))))
            return Database::sqlError(QStringLiteral("record delivery"), q.lastError());
        q.prepare(QStringLiteral("UPDATE sync_items SET next_attempt_at = NULL, last_error = NULL WHERE"
                                 " submission_id = ?"));
        q.addBindValue(submissionId);
        if (!q.exec())
            return Database::sqlError(QStringLiteral("record delivery"), q.lastError());
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
    // Progress of a démarche no longer being sent (discarded, delivered by another program) is not recorded.
    return lifecycle().recordProgress(upload.submissionId, [&]() -> Status {
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
        SubmissionLifecycle submissions = lifecycle();
        const QString now = iso(m_clock->now());
        for (const StatusChange &c : changes) {
            const Result<qint64> found = SubmissionRepository::idForUuid(m_db, c.uuid);
            if (!found)
                return found.error();
            if (found.value() == 0)
                continue; // not ours any more (erased)
            const qint64 id = found.value();
            QSqlQuery q(m_db);
            q.prepare(QStringLiteral("INSERT INTO status_updates (submission_id, status, message, at, received_at)"
                                     " VALUES (?, ?, ?, ?, ?)"));
            q.addBindValue(id);
            q.addBindValue(c.update.status);
            q.addBindValue(c.update.message);
            q.addBindValue(iso(c.update.at.isValid() ? c.update.at : m_clock->now()));
            q.addBindValue(now);
            if (!q.exec())
                return Database::sqlError(QStringLiteral("status"), q.lastError());
            // Kept in the history even when the state cannot follow (an unknown status, a démarche reopened for
            // correction): the mediator reads it. The state moves only where the lifecycle allows.
            if (const auto status = SubmissionLifecycle::fromName(c.update.status);
                status && SubmissionLifecycle::isPlatformStatus(*status))
                (void)submissions.apply(id, SubmissionTransition::ApplyPlatformStatus, *status);
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
    const auto last = m_journal->lastRow();
    if (!last)
        return last.error();
    JournalHead head;
    head.seq = last->first;
    head.hash = last->second.toHex();
    return head;
}

SubmissionLifecycle SyncStore::lifecycle() const
{
    return SubmissionLifecycle(m_db, m_journal, m_clock);
}

} // namespace relais::sync
