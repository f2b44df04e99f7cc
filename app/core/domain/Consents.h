#pragma once

#include "common/Clock.h"
#include "common/Result.h"
#include "security/Account.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

class QPagedPaintDevice;

namespace relais {

class Journal;
struct Citizen;

// Why a citizen's data is kept, each agreed to separately (RGPD art. 6-7; CNIL: one purpose, one consent).
enum class ConsentPurpose
{
    File,      // "file": keep my file to help me with my démarches (required before any démarche)
    Documents, // "documents": keep my documents in my file to reuse them in later démarches
    Contact,   // "contact": contact me by phone or e-mail about my démarches
};

struct ConsentText
{
    ConsentPurpose purpose;
    QString version; // e.g. "2026-11"; recorded with each consent
    QString title;   // translated
    QString text;    // translated, the words read to / by the citizen
};

struct Consent
{
    qint64 id = 0;
    qint64 citizenId = 0;
    ConsentPurpose purpose = ConsentPurpose::File;
    QString textVersion;
    QDateTime givenAt;
    qint64 givenBy = 0;
    QDateTime withdrawnAt; // invalid while in force
    qint64 withdrawnBy = 0;

    bool inForce() const { return !withdrawnAt.isValid(); }
};

// Consents per citizen and purpose: recorded with the version of the text shown, the date and the
// mediator; withdrawn (journaled); a printable form. Withdrawing "documents" deletes the kept documents;
// withdrawing "file" stops any new démarche for the person.
class Consents
{
    Q_DECLARE_TR_FUNCTIONS(relais::Consents)

public:
    Consents(QSqlDatabase db, Journal *journal, const Clock *clock);

    static QString purposeId(ConsentPurpose purpose); // "file", "documents", "contact"
    static bool purposeFromId(const QString &id, ConsentPurpose *purpose);
    static QList<ConsentPurpose> allPurposes();
    // The current text of a purpose, in the interface language.
    static ConsentText currentText(ConsentPurpose purpose);

    Status give(const Account &actor, const Citizen &citizen, ConsentPurpose purpose);
    Status withdraw(const Account &actor, const Citizen &citizen, ConsentPurpose purpose);
    bool inForce(qint64 citizenId, ConsentPurpose purpose) const;
    // Keeps an attachment of one of the person's démarches in their file for later démarches; refused unless
    // the "documents" consent is in force. Journaled "document_kept" (file uuid only).
    Status keepDocument(const Account &actor, const Citizen &citizen, qint64 attachmentId);
    // Every consent ever recorded for the person (in force and withdrawn), most recent first.
    Result<QList<Consent>> history(const Account &actor, qint64 citizenId) const;

    // A one-page PDF the citizen signs: the structure, the person's name, each purpose's text with a box
    // ticked or not, the text versions, the date and the mediator. Written to `pdfPath`.
    Status printForm(const Citizen &citizen, const QString &structureName, const QString &mediatorName,
                     const QString &pdfPath) const;
    // The same form sent to a printer: no file of it anywhere.
    Status printForm(const Citizen &citizen, const QString &structureName, const QString &mediatorName,
                     QPagedPaintDevice *device) const;

    // Inside the caller's transaction: two files merged, the consents of `fromCitizenId` now belong to `toCitizenId`.
    static Status moveToCitizen(QSqlDatabase db, qint64 fromCitizenId, qint64 toCitizenId);

private:
    QString formHtml(const Citizen &citizen, const QString &structureName, const QString &mediatorName,
                     const QDateTime &now) const;

    QSqlDatabase m_db;
    Journal *m_journal;
    const Clock *m_clock;
};

} // namespace relais
