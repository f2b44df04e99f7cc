#include "CitizenRepository.h"

#include "AttachmentStore.h"
#include "Consents.h"
#include "Mandates.h"
#include "SearchText.h"
#include "SubmissionRepository.h"
#include "catalogue/Validators.h"
#include "security/Journal.h"
#include "store/Database.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <algorithm>

namespace relais {

namespace {

const char *const Columns = "id, uuid, birth_name, usage_name, given_names, birth_date, birth_place, phone, email,"
                            " street, postal_code, commune, nir, note, created_by, created_at, updated_at,"
                            " last_activity_at";

Citizen fromRow(const QSqlQuery &q)
{
    Citizen c;
    c.id = q.value(0).toLongLong();
    c.uuid = q.value(1).toString();
    c.birthName = q.value(2).toString();
    c.usageName = q.value(3).toString();
    c.givenNames = q.value(4).toString();
    c.birthDate = QDate::fromString(q.value(5).toString(), Qt::ISODate);
    c.birthPlace = q.value(6).toString();
    c.phone = q.value(7).toString();
    c.email = q.value(8).toString();
    c.street = q.value(9).toString();
    c.postalCode = q.value(10).toString();
    c.commune = q.value(11).toString();
    c.nir = q.value(12).toString();
    c.note = q.value(13).toString();
    c.createdBy = q.value(14).toLongLong();
    c.createdAt = QDateTime::fromString(q.value(15).toString(), Qt::ISODateWithMs);
    c.updatedAt = QDateTime::fromString(q.value(16).toString(), Qt::ISODateWithMs);
    c.lastActivityAt = QDateTime::fromString(q.value(17).toString(), Qt::ISODateWithMs);
    return c;
}

QString sortKey(const Citizen &c)
{
    const QString name = c.usageName.isEmpty() ? c.birthName : c.usageName;
    return search::words(name).join(QLatin1Char(' ')) + QLatin1Char('\x1f') +
           search::words(c.givenNames).join(QLatin1Char(' ')) + QLatin1Char('\x1f') + c.birthDate.toString(Qt::ISODate);
}

// Everything a person can be found by, as folded tokens.
QStringList searchTokens(const Citizen &c)
{
    QStringList tokens =
        search::nameTokens(c.birthName) + search::nameTokens(c.usageName) + search::nameTokens(c.givenNames);
    // The year alone ("martin 1985"), and the date as typed, read in order (dd/mm/yyyy → ddmmyyyy).
    if (c.birthDate.isValid())
        tokens << c.birthDate.toString(QStringLiteral("yyyy")) << c.birthDate.toString(QStringLiteral("ddMMyyyy"));
    // Phones as they are typed: "06…" for metropolitan France and the overseas departments (+262 639… is dialled
    // 0639…); any number also by its digits after "+".
    if (!c.phone.isEmpty()) {
        tokens << c.phone.mid(c.phone.startsWith(QLatin1Char('+')) ? 1 : 0);
        tokens << catalogue::Validators::nationalPhone(c.phone);
    }
    tokens.removeDuplicates();
    tokens.removeAll(QString());
    return tokens;
}

QString nowText(const Clock *clock)
{
    return clock->now().toUTC().toString(Qt::ISODateWithMs);
}

Status exec(QSqlQuery &q, const char *what)
{
    if (!q.exec())
        return Database::sqlError(QString::fromLatin1(what), q.lastError());
    return {};
}

Error notFound()
{
    return makeError(ErrorCode::InvalidInput, CitizenRepository::tr("This file no longer exists."));
}

Error notYours()
{
    return makeError(ErrorCode::PermissionDenied,
                     CitizenRepository::tr("Volunteers can only open the files they created."));
}

} // namespace

QString Citizen::displayName() const
{
    const QString name = (usageName.isEmpty() ? birthName : usageName).toUpper();
    QString shown = name + QLatin1Char(' ') + givenNames;
    if (!usageName.isEmpty() && usageName.compare(birthName, Qt::CaseInsensitive) != 0)
        shown += QLatin1String(" (") + CitizenRepository::tr("born %1").arg(birthName.toUpper()) + QLatin1Char(')');
    return shown;
}

CitizenRepository::CitizenRepository(QSqlDatabase db, Journal *journal, const Clock *clock)
    : m_db(std::move(db)), m_journal(journal), m_clock(clock)
{}

bool CitizenRepository::canSee(const Account &actor, const Citizen &citizen)
{
    return Access::seesPerson(actor, citizen.createdBy);
}

Status CitizenRepository::checkAccess(QSqlDatabase db, const Account &actor, qint64 citizenId)
{
    if (actor.role != Role::Volunteer)
        return {};
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT created_by FROM citizens WHERE id = ?"));
    q.addBindValue(citizenId);
    if (Status s = exec(q, "check access to a file"); !s)
        return s;
    if (q.next() && !Access::seesPerson(actor, q.value(0).toLongLong()))
        return notYours();
    return {};
}

Result<qint64> CitizenRepository::creatorOf(QSqlDatabase db, qint64 citizenId)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT created_by FROM citizens WHERE id = ?"));
    q.addBindValue(citizenId);
    if (Status s = exec(q, "creator of a file"); !s)
        return s.error();
    return q.next() ? q.value(0).toLongLong() : qint64(0);
}

QString CitizenRepository::createdBySubquery()
{
    return QStringLiteral("SELECT id FROM citizens WHERE created_by = ?");
}

Result<QList<Citizen>> CitizenRepository::inactiveSince(QSqlDatabase db, const QDateTime &before)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, birth_name, usage_name, given_names, last_activity_at FROM citizens"
                             " WHERE last_activity_at < ? ORDER BY last_activity_at"));
    q.addBindValue(before.toUTC().toString(Qt::ISODateWithMs));
    if (Status s = exec(q, "retention: files"); !s)
        return s.error();
    QList<Citizen> found;
    while (q.next()) {
        Citizen c;
        c.id = q.value(0).toLongLong();
        c.birthName = q.value(1).toString();
        c.usageName = q.value(2).toString();
        c.givenNames = q.value(3).toString();
        c.lastActivityAt = QDateTime::fromString(q.value(4).toString(), Qt::ISODateWithMs);
        found.append(c);
    }
    return found;
}

Result<bool> CitizenRepository::exists(QSqlDatabase db, qint64 citizenId)
{
    const Result<qint64> creator = creatorOf(db, citizenId);
    if (!creator)
        return creator.error();
    return creator.value() != 0;
}

QList<FieldProblem> CitizenRepository::check(Citizen *c, const QDate &today)
{
    using catalogue::Validators;
    QList<FieldProblem> problems;
    for (QString *text : {&c->birthName, &c->usageName, &c->givenNames, &c->birthPlace, &c->phone, &c->email,
                          &c->street, &c->postalCode, &c->commune, &c->nir, &c->note})
        *text = text->trimmed();
    if (c->birthName.isEmpty())
        problems.append({QStringLiteral("birth_name"), tr("Enter the birth name.")});
    if (c->givenNames.isEmpty())
        problems.append({QStringLiteral("given_names"), tr("Enter at least one given name.")});
    if (c->birthDate.isValid()) {
        const auto v = Validators::birthDate(c->birthDate, today);
        if (!v.ok)
            problems.append({QStringLiteral("birth_date"), v.message});
    }
    const auto normalise = [&](QString *value, const char *field, catalogue::Validation (*validate)(const QString &)) {
        if (value->isEmpty())
            return;
        const auto v = validate(*value);
        if (v.ok)
            *value = v.normalized;
        else
            problems.append({QString::fromLatin1(field), v.message});
    };
    normalise(&c->phone, "phone", &Validators::frenchPhone);
    normalise(&c->email, "email", &Validators::email);
    normalise(&c->postalCode, "postal_code", &Validators::postalCode);
    normalise(&c->nir, "nir", &Validators::nir);
    if (c->note.size() > NoteMaxLength)
        problems.append(
            {QStringLiteral("note"), tr("The note is limited to %n characters: keep only what the next mediator needs.",
                                        nullptr, NoteMaxLength)});
    return problems;
}

Status CitizenRepository::reindex(qint64 id, const Citizen &citizen)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM citizen_search WHERE citizen_id = ?"));
    q.addBindValue(id);
    if (Status s = exec(q, "clear search entries"); !s)
        return s;
    q.prepare(QStringLiteral("INSERT INTO citizen_search (token, citizen_id) VALUES (?, ?)"));
    for (const QString &token : searchTokens(citizen)) {
        q.addBindValue(token);
        q.addBindValue(id);
        if (Status s = exec(q, "add search entry"); !s)
            return s;
    }
    return {};
}

Status CitizenRepository::insert(const Account &actor, Citizen *citizen, const QString &now)
{
    citizen->uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO citizens (uuid, birth_name, usage_name, given_names, birth_date,"
                             " birth_place, phone, email, street, postal_code, commune, nir, note, sort_key,"
                             " created_by, created_at, updated_at, last_activity_at)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const QString &v : {citizen->uuid, citizen->birthName, citizen->usageName, citizen->givenNames,
                             citizen->birthDate.isValid() ? citizen->birthDate.toString(Qt::ISODate) : QString(),
                             citizen->birthPlace, citizen->phone, citizen->email, citizen->street, citizen->postalCode,
                             citizen->commune, citizen->nir, citizen->note, sortKey(*citizen)})
        q.addBindValue(v.isNull() ? QStringLiteral("") : v);
    q.addBindValue(actor.id);
    q.addBindValue(now);
    q.addBindValue(now);
    q.addBindValue(now);
    if (Status s = exec(q, "create citizen"); !s)
        return s;
    citizen->id = q.lastInsertId().toLongLong();
    if (Status s = reindex(citizen->id, *citizen); !s)
        return s;
    return m_journal->append(actor.login, QStringLiteral("citizen_created"), citizen->uuid);
}

Result<Citizen> CitizenRepository::create(const Account &actor, Citizen citizen)
{
    const QList<FieldProblem> problems = check(&citizen, m_clock->now().date());
    if (!problems.isEmpty())
        return makeError(ErrorCode::InvalidInput, problems.first().message);
    const QString now = nowText(m_clock);
    const Status done = Database::inTransaction(m_db, [&]() -> Status { return insert(actor, &citizen, now); });
    if (!done)
        return done.error();
    return load(actor, citizen.id);
}

Result<QList<Citizen>> CitizenRepository::createMany(const Account &actor, QList<Citizen> citizens)
{
    const QDate today = m_clock->now().date();
    for (qsizetype i = 0; i < citizens.size(); ++i) {
        const QList<FieldProblem> problems = check(&citizens[i], today);
        if (!problems.isEmpty())
            return makeError(ErrorCode::InvalidInput,
                             tr("File %1 of %2: %3").arg(i + 1).arg(citizens.size()).arg(problems.first().message));
    }
    const QString now = nowText(m_clock);
    const Status done = Database::inTransaction(m_db, [&]() -> Status {
        for (Citizen &citizen : citizens) {
            if (Status s = insert(actor, &citizen, now); !s)
                return s;
        }
        return {};
    });
    if (!done)
        return done.error();
    for (Citizen &citizen : citizens) {
        citizen.createdBy = actor.id;
        citizen.createdAt = citizen.updatedAt = citizen.lastActivityAt = QDateTime::fromString(now, Qt::ISODateWithMs);
    }
    return citizens;
}

Status CitizenRepository::write(const Citizen &citizen)
{
    const QString now = nowText(m_clock);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE citizens SET birth_name = ?, usage_name = ?, given_names = ?, birth_date = ?,"
                             " birth_place = ?, phone = ?, email = ?, street = ?, postal_code = ?, commune = ?,"
                             " nir = ?, note = ?, sort_key = ?, updated_at = ?, last_activity_at = ? WHERE id = ?"));
    for (const QString &v : {citizen.birthName, citizen.usageName, citizen.givenNames,
                             citizen.birthDate.isValid() ? citizen.birthDate.toString(Qt::ISODate) : QString(),
                             citizen.birthPlace, citizen.phone, citizen.email, citizen.street, citizen.postalCode,
                             citizen.commune, citizen.nir, citizen.note, sortKey(citizen), now, now})
        q.addBindValue(v.isNull() ? QStringLiteral("") : v);
    q.addBindValue(citizen.id);
    if (Status s = exec(q, "update citizen"); !s)
        return s;
    return reindex(citizen.id, citizen);
}

Status CitizenRepository::update(const Account &actor, Citizen citizen)
{
    const Result<Citizen> existing = load(actor, citizen.id);
    if (!existing)
        return existing.error();
    const QList<FieldProblem> problems = check(&citizen, m_clock->now().date());
    if (!problems.isEmpty())
        return makeError(ErrorCode::InvalidInput, problems.first().message);
    return Database::inTransaction(m_db, [&]() -> Status {
        if (Status s = write(citizen); !s)
            return s;
        return m_journal->append(actor.login, QStringLiteral("citizen_changed"), existing->uuid);
    });
}

Result<Citizen> CitizenRepository::load(const Account &actor, qint64 id) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM citizens WHERE id = ?").arg(QLatin1String(Columns)));
    q.addBindValue(id);
    if (Status s = exec(q, "load citizen"); !s)
        return s.error();
    if (!q.next())
        return notFound();
    Citizen c = fromRow(q);
    if (!canSee(actor, c))
        return notYours();
    return c;
}

Result<Citizen> CitizenRepository::open(const Account &actor, qint64 id)
{
    Result<Citizen> c = load(actor, id);
    if (c)
        if (Status s = m_journal->append(actor.login, QStringLiteral("citizen_opened"), c->uuid); !s)
            return s.error();
    return c;
}

Result<Citizen> CitizenRepository::findByUuid(const Account &actor, const QString &uuid) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id FROM citizens WHERE uuid = ?"));
    q.addBindValue(uuid);
    if (Status s = exec(q, "find citizen"); !s)
        return s.error();
    if (!q.next())
        return notFound();
    return load(actor, q.value(0).toLongLong());
}

qint64 CitizenRepository::count() const
{
    QSqlQuery q(m_db);
    return q.exec(QStringLiteral("SELECT count(*) FROM citizens")) && q.next() ? q.value(0).toLongLong() : 0;
}

Result<QList<Citizen>> CitizenRepository::search(const Account &actor, const QString &typed, int limit) const
{
    const search::Query query = search::parseQuery(typed);
    QList<Citizen> found;
    if (query.isEmpty())
        return found;
    // Matches: driven by the longest prefix (the most selective range), each other prefix checked for that
    // person through the citizen_id index — far cheaper than intersecting the ranges of short prefixes.
    QVariantList candidateBinds;
    QStringList prefixes = query.prefixes;
    std::stable_sort(prefixes.begin(), prefixes.end(),
                     [](const QString &a, const QString &b) { return a.size() > b.size(); });
    const auto tokenExists = [](const char *person) {
        return QStringLiteral("EXISTS (SELECT 1 FROM citizen_search t WHERE t.citizen_id = %1"
                              " AND t.token >= ? AND t.token < ?)")
            .arg(QLatin1String(person));
    };
    QString candidates;
    QStringList allPrefixes; // the same conditions, for walking the files in name order
    QVariantList walkBinds;
    if (!prefixes.isEmpty()) {
        candidates = QStringLiteral("SELECT s.citizen_id FROM citizen_search s WHERE s.token >= ? AND s.token < ?");
        candidateBinds << prefixes.first() << search::prefixUpperBound(prefixes.first());
        for (int i = 0; i < prefixes.size(); ++i) {
            if (i > 0) {
                candidates += QStringLiteral(" AND ") + tokenExists("s.citizen_id");
                candidateBinds << prefixes.at(i) << search::prefixUpperBound(prefixes.at(i));
            }
            allPrefixes << tokenExists("c.id");
            walkBinds << prefixes.at(i) << search::prefixUpperBound(prefixes.at(i));
        }
    }
    QString walk =
        allPrefixes.isEmpty() ? QString() : QStringLiteral("(%1)").arg(allPrefixes.join(QLatin1String(" AND ")));
    if (!query.joinedDigits.isEmpty() && !(prefixes.size() == 1 && prefixes.first() == query.joinedDigits)) {
        candidates += (candidates.isEmpty() ? QString() : QStringLiteral(" UNION "));
        candidates += QStringLiteral("SELECT citizen_id FROM citizen_search WHERE token >= ? AND token < ?");
        candidateBinds << query.joinedDigits << search::prefixUpperBound(query.joinedDigits);
        walk += (walk.isEmpty() ? QString() : QStringLiteral(" OR ")) + tokenExists("c.id");
        walkBinds << query.joinedDigits << search::prefixUpperBound(query.joinedDigits);
    }
    const auto bindAll = [](QSqlQuery &q, const QVariantList &binds) {
        for (const QVariant &b : binds)
            q.addBindValue(b);
    };
    // How many match, counted only up to DenseMatches (an index range, no row read).
    bool dense = false;
    if (actor.role != Role::Volunteer) {
        QSqlQuery count(m_db);
        count.setForwardOnly(true);
        count.prepare(QStringLiteral("SELECT count(*) FROM (%1 LIMIT %2)").arg(candidates).arg(DenseMatches));
        bindAll(count, candidateBinds);
        if (Status s = exec(count, "count citizen matches"); !s)
            return s.error();
        dense = count.next() && count.value(0).toInt() >= DenseMatches;
    }
    const auto run = [&](const QString &sql, QVariantList binds, int pageSize, QList<qint64> &ids) -> Status {
        QString statement = sql;
        if (actor.role == Role::Volunteer) {
            statement += QStringLiteral(" AND c.created_by = ?");
            binds << actor.id;
        }
        statement += QStringLiteral(" ORDER BY c.sort_key LIMIT ?");
        binds << pageSize;
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        q.prepare(statement);
        bindAll(q, binds);
        if (Status s = exec(q, "search citizens"); !s)
            return s;
        while (q.next())
            ids.append(q.value(0).toLongLong());
        return {};
    };
    QList<qint64> ids;
    const QString walkSql = QStringLiteral("SELECT c.id FROM citizens c INDEXED BY citizens_sort WHERE (%1)").arg(walk);
    const bool byName = dense && !prefixes.isEmpty() && !prefixes.first().at(0).isDigit();
    if (byName) {
        // Many match and a name is typed: the files whose name starts with it are one stretch of the name order,
        // read from where it begins. Only when that stretch holds less than a page are the matches before it
        // (a given name, a birth name under a usage name) looked for — then they are spread, and come quickly.
        const QString from = prefixes.first();
        if (Status s =
                run(walkSql + QStringLiteral(" AND c.sort_key >= ?"), walkBinds + QVariantList{from}, limit, ids);
            !s)
            return s.error();
        if (ids.size() < limit) {
            QList<qint64> before;
            if (Status s = run(walkSql + QStringLiteral(" AND c.sort_key < ?"), walkBinds + QVariantList{from},
                               limit - int(ids.size()), before);
                !s)
                return s.error();
            ids = before + ids;
        }
    } else if (dense) {
        // Many match (digits of a date or a phone, spread over the name order): walking the files in name order
        // meets the first page of matches after a few rows.
        if (Status s = run(walkSql, walkBinds, limit, ids); !s)
            return s.error();
    } else {
        // Sorted within the covering index (id, sort_key, created_by): no encrypted row is read until the page of
        // results is known.
        if (Status s = run(QStringLiteral("SELECT c.id FROM citizens c INDEXED BY citizens_search_order"
                                          " WHERE c.id IN (%1)")
                               .arg(candidates),
                           candidateBinds, limit, ids);
            !s)
            return s.error();
    }
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (ids.isEmpty())
        return found;
    QStringList idList;
    for (const qint64 id : ids)
        idList << QString::number(id);
    if (!q.exec(QStringLiteral("SELECT %1 FROM citizens WHERE id IN (%2)")
                    .arg(QLatin1String(Columns), idList.join(QLatin1Char(',')))))
        return Database::sqlError(QStringLiteral("load found citizens"), q.lastError());
    QHash<qint64, Citizen> rows;
    while (q.next()) {
        Citizen c = fromRow(q);
        rows.insert(c.id, c);
    }
    for (const qint64 id : ids)
        found.append(rows.value(id));
    return found;
}

Result<QList<Submission>> CitizenRepository::submissions(const Account &actor, qint64 citizenId) const
{
    if (const Result<Citizen> c = load(actor, citizenId); !c)
        return c.error();
    return SubmissionRepository(m_db, m_journal, m_clock).forCitizen(actor, citizenId);
}

Status CitizenRepository::touch(qint64 citizenId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE citizens SET last_activity_at = ? WHERE id = ?"));
    q.addBindValue(nowText(m_clock));
    q.addBindValue(citizenId);
    return exec(q, "touch citizen");
}

Status CitizenRepository::merge(const Account &actor, qint64 keepId, qint64 duplicateId)
{
    if (actor.role == Role::Volunteer)
        return makeError(ErrorCode::PermissionDenied, tr("Only a mediator or an administrator can merge files."));
    if (keepId == duplicateId)
        return makeError(ErrorCode::InvalidInput, tr("Choose two different files to merge."));
    Result<Citizen> keep = load(actor, keepId);
    if (!keep)
        return keep.error();
    const Result<Citizen> duplicate = load(actor, duplicateId);
    if (!duplicate)
        return duplicate.error();
    Citizen merged = keep.value();
    const Citizen &d = duplicate.value();
    const auto fill = [](QString &mine, const QString &theirs) {
        if (mine.isEmpty())
            mine = theirs;
    };
    fill(merged.usageName, d.usageName);
    fill(merged.birthPlace, d.birthPlace);
    fill(merged.phone, d.phone);
    fill(merged.email, d.email);
    if (merged.street.isEmpty() && merged.postalCode.isEmpty() && merged.commune.isEmpty()) {
        merged.street = d.street;
        merged.postalCode = d.postalCode;
        merged.commune = d.commune;
    }
    fill(merged.nir, d.nir);
    if (!merged.birthDate.isValid())
        merged.birthDate = d.birthDate;
    if (!d.note.isEmpty() && !merged.note.contains(d.note))
        merged.note = merged.note.isEmpty() ? d.note : merged.note + QLatin1Char('\n') + d.note;
    merged.note.truncate(NoteMaxLength);
    return Database::inTransaction(m_db, [&]() -> Status {
        for (const auto move : {&SubmissionRepository::moveToCitizen, &Consents::moveToCitizen,
                                &Mandates::moveToCitizen, &AttachmentStore::moveToCitizen})
            if (Status s = move(m_db, duplicateId, keepId); !s)
                return s;
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("DELETE FROM citizens WHERE id = ?"));
        q.addBindValue(duplicateId);
        if (Status s = exec(q, "delete merged duplicate"); !s)
            return s;
        if (Status s = write(merged); !s)
            return s;
        return m_journal->append(actor.login, QStringLiteral("citizen_merged"),
                                 merged.uuid + QLatin1String(" <- ") + d.uuid);
    });
}

Status CitizenRepository::deleteFile(QSqlDatabase db, qint64 id, bool discardQueued, int *discarded)
{
    int waiting = 0;
    if (Status s = SubmissionRepository::leaveErasedFile(db, id, discardQueued, &waiting); !s)
        return s;
    if (discarded)
        *discarded = discardQueued ? waiting : 0;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM citizens WHERE id = ?"));
    q.addBindValue(id);
    if (Status s = exec(q, "erase citizen"); !s)
        return s;
    return {};
}

QString CitizenRepository::waitingOnErasureNotice(int waiting)
{
    return tr("%n démarche(s) of this person are still waiting to be sent; their answers and documents stay "
              "encrypted on this PC until delivery, then are removed at once.",
              nullptr, waiting);
}

void CitizenRepository::checkpoint(QSqlDatabase db)
{
    QSqlQuery q(db);
    q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
}

Status CitizenRepository::erase(const Account &actor, qint64 id, QueuedOnErasure queued)
{
    if (actor.role == Role::Volunteer)
        return makeError(ErrorCode::PermissionDenied,
                         tr("Only a mediator or an administrator can erase a file. Ask a colleague."));
    const Result<Citizen> citizen = load(actor, id);
    if (!citizen)
        return citizen.error();
    int discarded = 0;
    const Status done = Database::inTransaction(m_db, [&]() -> Status {
        if (Status s = deleteFile(m_db, id, queued == QueuedOnErasure::Discard, &discarded); !s)
            return s;
        if (discarded > 0)
            if (Status s = m_journal->append(actor.login, QStringLiteral("submissions_discarded"),
                                             citizen->uuid + QStringLiteral(" x%1").arg(discarded));
                !s)
                return s;
        return m_journal->append(actor.login, QStringLiteral("citizen_erased"), citizen->uuid);
    });
    if (done)
        checkpoint(m_db);
    return done;
}

} // namespace relais
