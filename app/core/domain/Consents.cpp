#include "Consents.h"

#include "AttachmentStore.h"
#include "Citizen.h"
#include "CitizenRepository.h"
#include "SubmissionRepository.h"
#include "common/PrintedDocument.h"
#include "security/Journal.h"
#include "store/Database.h"

#include <QSqlError>
#include <QSqlQuery>

namespace relais {

namespace {

// The version of each text: change it whenever the English source of that text changes, so that every
// recorded consent says which words the person agreed to.
const char *const FileTextVersion = "2026-01";
const char *const DocumentsTextVersion = "2026-01";
const char *const ContactTextVersion = "2026-01";

QString stamp(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime fromStamp(const QVariant &value)
{
    if (value.isNull())
        return {};
    QDateTime when = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return when.isValid() ? when.toUTC() : when;
}

Status exec(QSqlQuery &q, const char *what)
{
    if (!q.exec())
        return Database::sqlError(QString::fromLatin1(what), q.lastError());
    return {};
}

} // namespace

Consents::Consents(QSqlDatabase db, Journal *journal, const Clock *clock)
    : m_db(std::move(db)), m_journal(journal), m_clock(clock)
{}

QString Consents::purposeId(ConsentPurpose purpose)
{
    switch (purpose) {
    case ConsentPurpose::File:
        return QStringLiteral("file");
    case ConsentPurpose::Documents:
        return QStringLiteral("documents");
    case ConsentPurpose::Contact:
        return QStringLiteral("contact");
    }
    return QString();
}

bool Consents::purposeFromId(const QString &id, ConsentPurpose *purpose)
{
    for (const ConsentPurpose p : allPurposes()) {
        if (purposeId(p) == id) {
            if (purpose)
                *purpose = p;
            return true;
        }
    }
    return false;
}

QList<ConsentPurpose> Consents::allPurposes()
{
    return {ConsentPurpose::File, ConsentPurpose::Documents, ConsentPurpose::Contact};
}

ConsentText Consents::currentText(ConsentPurpose purpose)
{
    switch (purpose) {
    case ConsentPurpose::File:
        return {purpose, QString::fromLatin1(FileTextVersion), tr("Keep my file"),
                tr("This structure keeps a file about me: my identity, my contact details and the démarches done "
                   "with me. It lets any mediator here help me again without asking everything twice. The file is "
                   "erased when I have not come back for the period of inactivity set by the structure, or sooner "
                   "if I ask. I can withdraw this consent at any time at the counter; no new démarche can then be "
                   "made with my file.")};
    case ConsentPurpose::Documents:
        return {purpose, QString::fromLatin1(DocumentsTextVersion), tr("Keep my documents"),
                tr("This structure keeps, encrypted in my file, copies of the documents I bring (for example a "
                   "proof of address or a payslip), so that I do not have to bring them again for a later "
                   "démarche. They are kept as long as my file. If I withdraw this consent, the kept copies are "
                   "deleted at once; those already sent with a démarche stay with that démarche.")};
    case ConsentPurpose::Contact:
        return {purpose, QString::fromLatin1(ContactTextVersion), tr("Contact me"),
                tr("A mediator of this structure may phone me or write to me by e-mail about my démarches: a "
                   "missing document, an answer from an organisation, an appointment. Only the phone number and "
                   "e-mail address in my file are used, and for nothing else, as long as my file is kept. I can "
                   "withdraw this consent at any time; I will then no longer be contacted.")};
    }
    return {};
}

Status Consents::give(const Account &actor, const Citizen &citizen, ConsentPurpose purpose)
{
    if (!CitizenRepository::canSee(actor, citizen))
        return makeError(ErrorCode::PermissionDenied, tr("Volunteers can only record consents in the files they "
                                                         "created."));
    const ConsentText text = currentText(purpose);
    return Database::inTransaction(m_db, [&]() -> Status {
        const Result<bool> exists = CitizenRepository::exists(m_db, citizen.id);
        if (!exists)
            return exists.error();
        if (!exists.value())
            return makeError(ErrorCode::InvalidInput, tr("This file no longer exists."));
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("SELECT count(*) FROM consents WHERE citizen_id = ? AND purpose = ?"
                                 " AND withdrawn_at IS NULL"));
        q.addBindValue(citizen.id);
        q.addBindValue(purposeId(purpose));
        if (Status s = exec(q, "check consent"); !s)
            return s;
        if (q.next() && q.value(0).toInt() > 0)
            return makeError(
                ErrorCode::InvalidInput,
                tr("The person has already agreed to \"%1\"; nothing was recorded twice.").arg(text.title));
        q.prepare(QStringLiteral("INSERT INTO consents (citizen_id, purpose, text_version, given_at, given_by)"
                                 " VALUES (?, ?, ?, ?, ?)"));
        q.addBindValue(citizen.id);
        q.addBindValue(purposeId(purpose));
        q.addBindValue(text.version);
        q.addBindValue(stamp(m_clock->now()));
        q.addBindValue(actor.id);
        if (Status s = exec(q, "record consent"); !s)
            return s;
        return m_journal->append(actor.login, QStringLiteral("consent_given"),
                                 citizen.uuid + QLatin1Char(':') + purposeId(purpose));
    });
}

Status Consents::keepDocument(const Account &actor, const Citizen &citizen, qint64 attachmentId)
{
    if (!CitizenRepository::canSee(actor, citizen))
        return makeError(ErrorCode::PermissionDenied, tr("Volunteers can only change the files they created."));
    if (!inForce(citizen.id, ConsentPurpose::Documents))
        return makeError(ErrorCode::PermissionDenied,
                         tr("Documents are kept in a file only with the person's consent (\"documents\")."));
    return Database::inTransaction(m_db, [&]() -> Status {
        const Result<QList<qint64>> own = SubmissionRepository::idsForCitizen(m_db, citizen.id);
        if (!own)
            return own.error();
        if (auto kept = AttachmentStore::keepInFile(m_db, attachmentId, citizen.id, own.value(), m_clock->now()); !kept)
            return kept.error();
        return m_journal->append(actor.login, QStringLiteral("document_kept"), citizen.uuid);
    });
}

Status Consents::withdraw(const Account &actor, const Citizen &citizen, ConsentPurpose purpose)
{
    if (!CitizenRepository::canSee(actor, citizen))
        return makeError(ErrorCode::PermissionDenied, tr("Volunteers can only record consents in the files they "
                                                         "created."));
    bool documentsDeleted = false;
    const Status done = Database::inTransaction(m_db, [&]() -> Status {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("UPDATE consents SET withdrawn_at = ?, withdrawn_by = ?"
                                 " WHERE citizen_id = ? AND purpose = ? AND withdrawn_at IS NULL"));
        q.addBindValue(stamp(m_clock->now()));
        q.addBindValue(actor.id);
        q.addBindValue(citizen.id);
        q.addBindValue(purposeId(purpose));
        if (Status s = exec(q, "withdraw consent"); !s)
            return s;
        if (q.numRowsAffected() <= 0)
            return makeError(ErrorCode::InvalidInput, tr("The person has not agreed to \"%1\": there is nothing to "
                                                         "withdraw.")
                                                          .arg(currentText(purpose).title));
        if (purpose == ConsentPurpose::Documents) {
            const Result<bool> deleted = AttachmentStore::dropKeptDocuments(m_db, citizen.id);
            if (!deleted)
                return deleted.error();
            documentsDeleted = deleted.value();
        }
        return m_journal->append(actor.login, QStringLiteral("consent_withdrawn"),
                                 citizen.uuid + QLatin1Char(':') + purposeId(purpose));
    });
    if (done && documentsDeleted)
        CitizenRepository::checkpoint(m_db); // deleted pages must not linger in the write-ahead log
    return done;
}

bool Consents::inForce(qint64 citizenId, ConsentPurpose purpose) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT 1 FROM consents WHERE citizen_id = ? AND purpose = ? AND withdrawn_at IS NULL"
                             " LIMIT 1"));
    q.addBindValue(citizenId);
    q.addBindValue(purposeId(purpose));
    return q.exec() && q.next();
}

Result<QList<Consent>> Consents::history(const Account &actor, qint64 citizenId) const
{
    if (Status allowed = CitizenRepository::checkAccess(m_db, actor, citizenId); !allowed)
        return allowed.error();
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, citizen_id, purpose, text_version, given_at, given_by, withdrawn_at,"
                             " withdrawn_by FROM consents WHERE citizen_id = ? ORDER BY given_at DESC, id DESC"));
    q.addBindValue(citizenId);
    if (Status s = exec(q, "consent history"); !s)
        return s.error();
    QList<Consent> list;
    while (q.next()) {
        Consent c;
        c.id = q.value(0).toLongLong();
        c.citizenId = q.value(1).toLongLong();
        if (!purposeFromId(q.value(2).toString(), &c.purpose))
            continue; // a purpose of a newer program: not ours to show
        c.textVersion = q.value(3).toString();
        c.givenAt = fromStamp(q.value(4));
        c.givenBy = q.value(5).toLongLong();
        c.withdrawnAt = fromStamp(q.value(6));
        c.withdrawnBy = q.value(7).toLongLong();
        list.append(c);
    }
    return list;
}

Status Consents::printForm(const Citizen &citizen, const QString &structureName, const QString &mediatorName,
                           const QString &pdfPath) const
{
    const QDateTime now = m_clock->now();
    return PrintedDocument::writePdf(pdfPath, tr("Consent to the keeping of personal data"), structureName,
                                     formHtml(citizen, structureName, mediatorName, now), now);
}

Status Consents::printForm(const Citizen &citizen, const QString &structureName, const QString &mediatorName,
                           QPagedPaintDevice *device) const
{
    const QDateTime now = m_clock->now();
    return PrintedDocument::print(device, tr("Consent to the keeping of personal data"), structureName,
                                  formHtml(citizen, structureName, mediatorName, now), now);
}

QString Consents::formHtml(const Citizen &citizen, const QString &structureName, const QString &mediatorName,
                           const QDateTime &now) const
{
    const QString title = tr("Consent to the keeping of personal data");
    QString html;
    html += QStringLiteral("<h2>%1</h2>").arg(title.toHtmlEscaped());
    html += QStringLiteral("<p>%1<br>%2</p>")
                .arg(tr("Structure: %1").toHtmlEscaped().arg(PrintedDocument::escape(structureName)),
                     tr("Mediator: %1").toHtmlEscaped().arg(PrintedDocument::escape(mediatorName)));
    QString person = tr("Person: %1")
                         .toHtmlEscaped()
                         .arg(QStringLiteral("<b>%1</b>").arg(PrintedDocument::escape(citizen.displayName())));
    if (citizen.birthDate.isValid())
        person += QStringLiteral("<br>") +
                  tr("Born on %1").arg(PrintedDocument::formatDate(citizen.birthDate)).toHtmlEscaped();
    html += QStringLiteral("<p>%1</p>").arg(person);
    html += QStringLiteral("<p>%1</p>")
                .arg(tr("Each purpose below is agreed to separately. Refusing one does not stop the others, nor "
                        "the help you receive today.")
                         .toHtmlEscaped());
    for (const ConsentPurpose purpose : allPurposes()) {
        const ConsentText text = currentText(purpose);
        const bool agreed = inForce(citizen.id, purpose);
        // U+2612 / U+2610: a ticked or empty box, drawn by the document font.
        const QString box = agreed ? QStringLiteral("\u2612") : QStringLiteral("\u2610");
        html += QStringLiteral("<h3>%1&nbsp;%2</h3>").arg(box, text.title.toHtmlEscaped());
        html += QStringLiteral("<p>%1</p>").arg(text.text.toHtmlEscaped());
        html += QStringLiteral("<p><i>%1 &#8212; %2</i></p>")
                    .arg((agreed ? tr("Agreed") : tr("Not agreed")).toHtmlEscaped(),
                         tr("text version %1").arg(text.version).toHtmlEscaped());
    }
    html += QStringLiteral("<p>%1</p>")
                .arg(tr("Date: %1").arg(PrintedDocument::formatDate(now.toLocalTime().date())).toHtmlEscaped());
    html += PrintedDocument::signatureBoxes({tr("Signature of the person"), tr("Signature of the mediator")});
    return html;
}

Status Consents::moveToCitizen(QSqlDatabase db, qint64 fromCitizenId, qint64 toCitizenId)
{
    return Database::exec(db, QStringLiteral("UPDATE consents SET citizen_id = ? WHERE citizen_id = ?"),
                          {toCitizenId, fromCitizenId}, QStringLiteral("merge citizens"));
}

} // namespace relais
