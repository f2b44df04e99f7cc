#include "Mandates.h"

#include "Citizen.h"
#include "CitizenRepository.h"
#include "catalogue/Demarche.h"
#include "common/PrintedDocument.h"
#include "security/Journal.h"
#include "store/Database.h"

#include <QCryptographicHash>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <algorithm>

namespace relais {

namespace {

QString stamp(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime fromStamp(const QVariant &value)
{
    if (value.isNull())
        return {};
    const QDateTime when = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return when.isValid() ? when.toUTC() : when;
}

Status exec(QSqlQuery &q, const char *what)
{
    if (!q.exec())
        return Database::sqlError(QString::fromLatin1(what), q.lastError());
    return {};
}

// One "key: value" line of the attestation's canonical content; a value cannot break out of its line.
QString canonicalLine(const char *key, QString value)
{
    value.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    value.replace(QLatin1Char('\n'), QLatin1String("\\n"));
    value.replace(QLatin1Char('\r'), QLatin1String("\\r"));
    return QLatin1String(key) + QLatin1String(": ") + value + QLatin1Char('\n');
}

QString hashHex(const QByteArray &content)
{
    return QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
}

// Scopes in the order of Mandates::allScopes(), so that the order they were ticked in does not matter.
void sortScopes(QList<MandateScope> &scopes)
{
    const QStringList order = Mandates::allScopes();
    std::sort(scopes.begin(), scopes.end(),
              [&](const MandateScope &a, const MandateScope &b) { return order.indexOf(a.id) < order.indexOf(b.id); });
}

Error mandateGone()
{
    return makeError(ErrorCode::InvalidInput, Mandates::tr("This mandate no longer exists."));
}

Error unknownScope(const QString &scope)
{
    return makeError(ErrorCode::InvalidInput,
                     Mandates::tr("\"%1\" is not one of the areas a mandate can cover.").arg(scope));
}

} // namespace

QStringList Mandate::scopesInForce() const
{
    QStringList list;
    for (const MandateScope &scope : scopes) {
        if (!scope.revokedAt.isValid())
            list << scope.id;
    }
    return list;
}

Mandates::Mandates(QSqlDatabase db, Journal *journal, const Clock *clock)
    : m_db(std::move(db)), m_journal(journal), m_clock(clock)
{}

QStringList Mandates::allScopes()
{
    return catalogue::mandateScopes();
}

QString Mandates::scopeLabel(const QString &scope)
{
    if (scope == QLatin1String("social_health"))
        return tr("Social benefits and health");
    if (scope == QLatin1String("work"))
        return tr("Work and unemployment");
    if (scope == QLatin1String("family"))
        return tr("Family");
    if (scope == QLatin1String("housing"))
        return tr("Housing");
    if (scope == QLatin1String("transport"))
        return tr("Transport, vehicles and driving licence");
    if (scope == QLatin1String("money_taxes"))
        return tr("Money, taxes and consumer matters");
    if (scope == QLatin1String("papers_citizenship"))
        return tr("Identity papers and citizenship");
    if (scope == QLatin1String("foreigners"))
        return tr("Foreign nationals (residence, nationality)");
    if (scope == QLatin1String("leisure"))
        return tr("Leisure, sport and culture");
    if (scope == QLatin1String("justice"))
        return tr("Justice");
    return scope;
}

QString Mandates::durationId(MandateDuration duration)
{
    switch (duration) {
    case MandateDuration::OneDay:
        return QStringLiteral("day");
    case MandateDuration::OneMonth:
        return QStringLiteral("month");
    case MandateDuration::SixMonths:
        return QStringLiteral("six_months");
    case MandateDuration::OneYear:
        return QStringLiteral("year");
    }
    return QString();
}

bool Mandates::durationFromId(const QString &id, MandateDuration *duration)
{
    for (const MandateDuration d :
         {MandateDuration::OneDay, MandateDuration::OneMonth, MandateDuration::SixMonths, MandateDuration::OneYear}) {
        if (durationId(d) == id) {
            if (duration)
                *duration = d;
            return true;
        }
    }
    return false;
}

QString Mandates::durationLabel(MandateDuration duration)
{
    switch (duration) {
    case MandateDuration::OneDay:
        return tr("1 day");
    case MandateDuration::OneMonth:
        return tr("1 month");
    case MandateDuration::SixMonths:
        return tr("6 months");
    case MandateDuration::OneYear:
        return tr("1 year");
    }
    return QString();
}

QDateTime Mandates::endOf(const QDateTime &start, MandateDuration duration)
{
    switch (duration) {
    case MandateDuration::OneDay:
        return start.addDays(1);
    case MandateDuration::OneMonth:
        return start.addMonths(1);
    case MandateDuration::SixMonths:
        return start.addMonths(6);
    case MandateDuration::OneYear:
        return start.addYears(1);
    }
    return start;
}

Result<Mandate> Mandates::create(const Account &actor, const Citizen &citizen, const QStringList &scopes,
                                 MandateDuration duration, const QString &structureName, const QString &mediatorName)
{
    // Acting for someone is a legal commitment (Aidants Connect): not for occasional volunteers.
    if (actor.role == Role::Volunteer)
        return makeError(ErrorCode::PermissionDenied,
                         tr("Only a mediator or an administrator can make a mandate. Ask a colleague."));
    if (scopes.isEmpty())
        return makeError(ErrorCode::InvalidInput, tr("Choose at least one area the mandate covers."));
    Mandate mandate;
    for (const QString &scope : scopes) {
        if (!allScopes().contains(scope))
            return unknownScope(scope);
        if (!mandate.scopesInForce().contains(scope))
            mandate.scopes.append(MandateScope{scope, QDateTime(), 0});
    }
    sortScopes(mandate.scopes);
    mandate.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    mandate.citizenId = citizen.id;
    mandate.duration = duration;
    // Whole seconds: the printed dates and the hashed ones are then the same to the second.
    const QDateTime now = m_clock->now().toUTC();
    mandate.startsAt =
        QDateTime(now.date(), QTime(now.time().hour(), now.time().minute(), now.time().second()), Qt::UTC);
    mandate.endsAt = endOf(mandate.startsAt, duration);
    mandate.createdBy = actor.id;
    mandate.attestationSha256 = hashHex(attestationContent(mandate, citizen, structureName, mediatorName));

    const Status done = Database::inTransaction(m_db, [&]() -> Status {
        const Result<bool> exists = CitizenRepository::exists(m_db, citizen.id);
        if (!exists)
            return exists.error();
        if (!exists.value())
            return makeError(ErrorCode::InvalidInput, tr("This file no longer exists."));
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("INSERT INTO mandates (uuid, citizen_id, duration, starts_at, ends_at, created_by,"
                                 " attestation_sha256) VALUES (?, ?, ?, ?, ?, ?, ?)"));
        q.addBindValue(mandate.uuid);
        q.addBindValue(mandate.citizenId);
        q.addBindValue(durationId(duration));
        q.addBindValue(stamp(mandate.startsAt));
        q.addBindValue(stamp(mandate.endsAt));
        q.addBindValue(actor.id);
        q.addBindValue(mandate.attestationSha256);
        if (Status s = exec(q, "create mandate"); !s)
            return s;
        mandate.id = q.lastInsertId().toLongLong();
        q.prepare(QStringLiteral("INSERT INTO mandate_scopes (mandate_id, scope) VALUES (?, ?)"));
        for (const MandateScope &scope : std::as_const(mandate.scopes)) {
            q.addBindValue(mandate.id);
            q.addBindValue(scope.id);
            if (Status s = exec(q, "add mandate scope"); !s)
                return s;
        }
        return m_journal->append(actor.login, QStringLiteral("mandate_created"), mandate.uuid);
    });
    if (!done)
        return done.error();
    return mandate;
}

Status Mandates::revokeScope(const Account &actor, qint64 mandateId, const QString &scope)
{
    if (!allScopes().contains(scope))
        return unknownScope(scope);
    return Database::inTransaction(m_db, [&]() -> Status {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("SELECT uuid, citizen_id FROM mandates WHERE id = ?"));
        q.addBindValue(mandateId);
        if (Status s = exec(q, "find mandate"); !s)
            return s;
        if (!q.next())
            return mandateGone();
        const QString uuid = q.value(0).toString();
        const Result<qint64> creator = CitizenRepository::creatorOf(m_db, q.value(1).toLongLong());
        if (!creator)
            return creator.error();
        if (creator.value() == 0)
            return mandateGone();
        if (actor.role == Role::Volunteer && creator.value() != actor.id)
            return makeError(ErrorCode::PermissionDenied,
                             tr("Volunteers can only change the mandates of the files they created."));
        q.prepare(QStringLiteral("SELECT revoked_at FROM mandate_scopes WHERE mandate_id = ? AND scope = ?"));
        q.addBindValue(mandateId);
        q.addBindValue(scope);
        if (Status s = exec(q, "find mandate scope"); !s)
            return s;
        if (!q.next())
            return makeError(
                ErrorCode::InvalidInput,
                tr("This mandate does not cover \"%1\": there is nothing to revoke.").arg(scopeLabel(scope)));
        if (!q.value(0).isNull())
            return makeError(ErrorCode::InvalidInput,
                             tr("\"%1\" was already revoked from this mandate.").arg(scopeLabel(scope)));
        q.prepare(QStringLiteral("UPDATE mandate_scopes SET revoked_at = ?, revoked_by = ?"
                                 " WHERE mandate_id = ? AND scope = ? AND revoked_at IS NULL"));
        q.addBindValue(stamp(m_clock->now()));
        q.addBindValue(actor.id);
        q.addBindValue(mandateId);
        q.addBindValue(scope);
        if (Status s = exec(q, "revoke mandate scope"); !s)
            return s;
        return m_journal->append(actor.login, QStringLiteral("mandate_scope_revoked"), uuid + QLatin1Char(':') + scope);
    });
}

Result<QList<Mandate>> Mandates::forCitizen(const Account &actor, qint64 citizenId) const
{
    if (Status allowed = CitizenRepository::checkAccess(m_db, actor, citizenId); !allowed)
        return allowed.error();
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT id, uuid, citizen_id, duration, starts_at, ends_at, created_by,"
                       " attestation_sha256 FROM mandates WHERE citizen_id = ? ORDER BY starts_at DESC, id DESC"));
    q.addBindValue(citizenId);
    if (Status s = exec(q, "list mandates"); !s)
        return s.error();
    QList<Mandate> list;
    QHash<qint64, int> byId;
    while (q.next()) {
        Mandate m;
        m.id = q.value(0).toLongLong();
        m.uuid = q.value(1).toString();
        m.citizenId = q.value(2).toLongLong();
        durationFromId(q.value(3).toString(), &m.duration);
        m.startsAt = fromStamp(q.value(4));
        m.endsAt = fromStamp(q.value(5));
        m.createdBy = q.value(6).toLongLong();
        m.attestationSha256 = q.value(7).toString();
        byId.insert(m.id, int(list.size()));
        list.append(m);
    }
    q.finish();
    q.prepare(QStringLiteral("SELECT s.mandate_id, s.scope, s.revoked_at, s.revoked_by FROM mandate_scopes s"
                             " JOIN mandates m ON m.id = s.mandate_id WHERE m.citizen_id = ?"));
    q.addBindValue(citizenId);
    if (Status s = exec(q, "list mandate scopes"); !s)
        return s.error();
    while (q.next()) {
        const auto it = byId.constFind(q.value(0).toLongLong());
        if (it == byId.constEnd())
            continue;
        list[*it].scopes.append(MandateScope{q.value(1).toString(), fromStamp(q.value(2)), q.value(3).toLongLong()});
    }
    for (Mandate &m : list)
        sortScopes(m.scopes);
    return list;
}

Result<Mandate> Mandates::activeFor(const Account &actor, qint64 citizenId, const QString &scope) const
{
    if (Status allowed = CitizenRepository::checkAccess(m_db, actor, citizenId); !allowed)
        return allowed.error();
    const QString now = stamp(m_clock->now());
    QSqlQuery q(m_db);
    // Stamps are all UTC with milliseconds, so text order is time order.
    q.prepare(QStringLiteral("SELECT m.id FROM mandates m JOIN mandate_scopes s ON s.mandate_id = m.id"
                             " WHERE m.citizen_id = ? AND s.scope = ? AND s.revoked_at IS NULL"
                             " AND m.starts_at <= ? AND m.ends_at > ? ORDER BY m.ends_at DESC, m.id DESC LIMIT 1"));
    q.addBindValue(citizenId);
    q.addBindValue(scope);
    q.addBindValue(now);
    q.addBindValue(now);
    if (Status s = exec(q, "find active mandate"); !s)
        return s.error();
    if (!q.next())
        return Mandate{};
    const qint64 id = q.value(0).toLongLong();
    q.finish();
    Result<QList<Mandate>> all = forCitizen(actor, citizenId);
    if (!all)
        return all.error();
    for (const Mandate &m : all.value()) {
        if (m.id == id)
            return m;
    }
    return Mandate{};
}

QByteArray Mandates::attestationContent(const Mandate &mandate, const Citizen &citizen, const QString &structureName,
                                        const QString &mediatorName)
{
    QList<MandateScope> scopes = mandate.scopes;
    sortScopes(scopes);
    QStringList granted;
    for (const MandateScope &scope : std::as_const(scopes))
        granted << scope.id; // revoked ones too: the attestation is what was signed
    const auto utc = [](const QDateTime &when) {
        return when.toUTC().toString(Qt::ISODate);
    };
    QString content = QStringLiteral("relais-mandate-attestation 1\n");
    content += canonicalLine("mandate", mandate.uuid);
    content += canonicalLine("structure", structureName);
    content += canonicalLine("mediator", mediatorName);
    content += canonicalLine("citizen", citizen.uuid);
    content += canonicalLine("birth_name", citizen.birthName);
    content += canonicalLine("usage_name", citizen.usageName);
    content += canonicalLine("given_names", citizen.givenNames);
    content +=
        canonicalLine("birth_date", citizen.birthDate.isValid() ? citizen.birthDate.toString(Qt::ISODate) : QString());
    content += canonicalLine("birth_place", citizen.birthPlace);
    content += canonicalLine("duration", durationId(mandate.duration));
    content += canonicalLine("starts_at", utc(mandate.startsAt));
    content += canonicalLine("ends_at", utc(mandate.endsAt));
    content += canonicalLine("scopes", granted.join(QLatin1Char(',')));
    return content.toUtf8();
}

Status Mandates::printAttestation(const Mandate &mandate, const Citizen &citizen, const QString &structureName,
                                  const QString &mediatorName, const QString &pdfPath) const
{
    const Result<QString> html = attestationHtml(mandate, citizen, structureName, mediatorName);
    if (!html)
        return html.error();
    return PrintedDocument::writePdf(pdfPath, tr("Mandate attestation"), structureName, html.value(), m_clock->now());
}

Status Mandates::printAttestation(const Mandate &mandate, const Citizen &citizen, const QString &structureName,
                                  const QString &mediatorName, QPagedPaintDevice *device) const
{
    const Result<QString> html = attestationHtml(mandate, citizen, structureName, mediatorName);
    if (!html)
        return html.error();
    return PrintedDocument::print(device, tr("Mandate attestation"), structureName, html.value(), m_clock->now());
}

Result<QString> Mandates::attestationHtml(const Mandate &mandate, const Citizen &citizen, const QString &structureName,
                                          const QString &mediatorName)
{
    // The fingerprint printed must be the one recorded: a file rectified since, or another structure or mediator
    // name, would print words that the recorded fingerprint does not match.
    const QString hash = hashHex(attestationContent(mandate, citizen, structureName, mediatorName));
    if (mandate.attestationSha256.isEmpty() || hash != mandate.attestationSha256)
        return makeError(ErrorCode::InvalidInput,
                         tr("This attestation can no longer be printed as it was signed: the person's file, the "
                            "structure or the mediator's name changed since. Make a new mandate if needed."));
    const auto esc = [](const QString &text) {
        return PrintedDocument::escape(text);
    };
    const QString title = tr("Mandate attestation");
    QString html = QStringLiteral("<h2>%1</h2>").arg(esc(title));
    html += QStringLiteral("<p>%1<br>%2<br>%3</p>")
                .arg(tr("Structure: %1").toHtmlEscaped().arg(esc(structureName)),
                     tr("Mediator: %1").toHtmlEscaped().arg(esc(mediatorName)),
                     tr("Mandate reference: %1").toHtmlEscaped().arg(esc(mandate.uuid)));

    QString person = tr("Person: %1").toHtmlEscaped().arg(QStringLiteral("<b>%1</b>").arg(esc(citizen.displayName())));
    if (citizen.birthDate.isValid()) {
        const QString born =
            citizen.birthPlace.isEmpty()
                ? tr("Born on %1").arg(PrintedDocument::formatDate(citizen.birthDate))
                : tr("Born on %1 in %2").arg(PrintedDocument::formatDate(citizen.birthDate), citizen.birthPlace);
        person += QStringLiteral("<br>") + esc(born);
    }
    html += QStringLiteral("<p>%1</p>").arg(person);

    html += QStringLiteral("<p>%1</p>")
                .arg(esc(tr("I allow the mediators of this structure to do démarches on my behalf, in the areas "
                            "below, for %1: from %2 until %3.")
                             .arg(durationLabel(mandate.duration), PrintedDocument::formatDateTime(mandate.startsAt),
                                  PrintedDocument::formatDateTime(mandate.endsAt))));
    html += QStringLiteral("<h3>%1</h3><ul>").arg(esc(tr("Areas covered")));
    for (const MandateScope &scope : mandate.scopes) {
        QString line = esc(scopeLabel(scope.id));
        if (scope.revokedAt.isValid())
            line += QStringLiteral(" <i>(%1)</i>")
                        .arg(esc(tr("revoked on %1").arg(PrintedDocument::formatDateTime(scope.revokedAt))));
        html += QStringLiteral("<li>%1</li>").arg(line);
    }
    html += QStringLiteral("</ul>");

    html += QStringLiteral("<h3>%1</h3><ul>").arg(esc(tr("What the mediator may do")));
    for (const QString &may :
         {tr("Fill in and send, with you or for you, the forms of the démarches in these areas."),
          tr("Read the answers of the organisations about these démarches and tell you about them."),
          tr("Use the documents you have given for these démarches.")})
        html += QStringLiteral("<li>%1</li>").arg(esc(may));
    html += QStringLiteral("</ul><h3>%1</h3><ul>").arg(esc(tr("What the mediator may not do")));
    for (const QString &mayNot : {tr("Act in any other area, or after the end date."),
                                  tr("Make a démarche you have not agreed to, or sign a commitment in your name."),
                                  tr("Ask for your passwords or keep them."),
                                  tr("Receive money for you, or use your information for anything else.")})
        html += QStringLiteral("<li>%1</li>").arg(esc(mayNot));
    html += QStringLiteral("</ul>");
    html += QStringLiteral("<p>%1</p>")
                .arg(esc(tr("You can end this mandate, wholly or for one area only, at any time: ask at the counter "
                            "of the structure.")));

    html += PrintedDocument::signatureBoxes({tr("Signature of the person"), tr("Signature of the mediator")});
    html += QStringLiteral("<p style=\"font-size: 9pt;\">%1</p>")
                .arg(tr("Document fingerprint (SHA-256): %1")
                         .toHtmlEscaped()
                         .arg(QStringLiteral("<span style=\"font-family: 'DejaVu Sans Mono';\">%1</span>")
                                  .arg(mandate.attestationSha256)));
    return html;
}

Status Mandates::moveToCitizen(QSqlDatabase db, qint64 fromCitizenId, qint64 toCitizenId)
{
    return Database::exec(db, QStringLiteral("UPDATE mandates SET citizen_id = ? WHERE citizen_id = ?"),
                          {toCitizenId, fromCitizenId}, QStringLiteral("merge citizens"));
}

} // namespace relais
