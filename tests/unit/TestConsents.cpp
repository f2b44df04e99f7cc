// Consents per purpose: recorded with the text version, the date and the mediator; withdrawn and journaled
// without personal data; withdrawing "documents" deletes the kept copies; the printed form.
#include "FakeClock.h"
#include "PdfText.h"
#include "TempStoreDir.h"
#include "TestStore.h"

#include "domain/AttachmentStore.h"
#include "domain/CitizenRepository.h"
#include "domain/Consents.h"
#include "domain/SubmissionRepository.h"
#include "security/Journal.h"
#include "security/Vault.h"

#include <QBuffer>
#include <QPdfDocument>
#include <QSqlQuery>
#include <QTest>

using namespace relais;
using namespace relais::test;

class TestConsents : public QObject
{
    Q_OBJECT

private:
    QSqlDatabase db() const { return m_vault->database()->connection(); }
    Consents consents() { return Consents(db(), &m_vault->journal(), &m_clock); }
    Citizen makeCitizen(const QString &birthName, const QString &givenNames);
    qint64 count(const QString &sql, qint64 bind) const;
    // A PDF of a few bytes, kept in the store: for a démarche when `submissionId` is set, in the file otherwise.
    qint64 addDocument(qint64 citizenId, qint64 submissionId, const QByteArray &marker);

    std::unique_ptr<TempStoreDir> m_dir;
    FakeClock m_clock;
    std::unique_ptr<Vault> m_vault;
    Account m_admin;
    Citizen m_helene;

private Q_SLOTS:
    void init();
    void cleanup();
    void textsArePlainAndVersioned();
    void giveWithdrawAndHistory();
    void givingTwiceOrWithdrawingNothingIsRefused();
    void journalHasNoPersonalData();
    void withdrawingDocumentsDeletesKeptDocuments();
    void keptDocumentNeedsConsentAndIsReused();
    void volunteerCannotRecordInAnotherFile();
    void printedFormShowsTextsAndPerson();
};

void TestConsents::init()
{
    m_dir = std::make_unique<TempStoreDir>();
    m_clock = FakeClock();
    m_vault = std::make_unique<Vault>(m_dir->path(), &m_clock);
    QVERIFY(openAsAlice(*m_vault, QStringLiteral("MFS de Millau")));
    m_admin = m_vault->account(aliceLogin()).value();
    m_helene = makeCitizen(QStringLiteral("Lefèvre"), QStringLiteral("Hélène"));
    QVERIFY(m_helene.id > 0);
}

void TestConsents::cleanup()
{
    m_vault.reset();
    m_dir.reset();
}

Citizen TestConsents::makeCitizen(const QString &birthName, const QString &givenNames)
{
    CitizenRepository repository(db(), &m_vault->journal(), &m_clock);
    Citizen c;
    c.birthName = birthName;
    c.givenNames = givenNames;
    c.birthDate = QDate(1980, 2, 29);
    c.phone = QStringLiteral("06 12 34 56 78");
    const Result<Citizen> created = repository.create(m_admin, c);
    if (!created) {
        qWarning("%s", qPrintable(created.message()));
        return {};
    }
    return created.value();
}

qint64 TestConsents::count(const QString &sql, qint64 bind) const
{
    QSqlQuery q(db());
    q.prepare(sql);
    q.addBindValue(bind);
    return q.exec() && q.next() ? q.value(0).toLongLong() : -1;
}

qint64 TestConsents::addDocument(qint64 citizenId, qint64 submissionId, const QByteArray &marker)
{
    SubmissionRepository submissions(db(), &m_vault->journal(), &m_clock);
    qint64 owner = submissionId;
    if (owner == 0) // AttachmentStore adds to a démarche; the copy is then moved into the file, as kept documents are
        owner = submissions.createDraft(m_admin, QStringLiteral("caf-changement-adresse"), 1)->id;
    QByteArray bytes = "%PDF-1.4\n" + marker + "\n%%EOF\n";
    QBuffer source(&bytes);
    source.open(QIODevice::ReadOnly);
    const Result<AttachmentInfo> added =
        AttachmentStore(db(), &m_clock)
            .add(m_admin, owner, QStringLiteral("justificatif"), QStringLiteral("doc.pdf"), &source);
    if (!added) {
        qWarning("%s", qPrintable(added.message()));
        return 0;
    }
    QSqlQuery q(db());
    q.prepare(QStringLiteral("UPDATE attachments SET citizen_id = ?, submission_id = ? WHERE id = ?"));
    q.addBindValue(citizenId);
    q.addBindValue(submissionId == 0 ? QVariant() : QVariant(submissionId));
    q.addBindValue(added->id);
    if (!q.exec())
        return 0;
    if (submissionId == 0)
        QSqlQuery(db()).exec(QStringLiteral("DELETE FROM submissions WHERE id = %1").arg(owner));
    return added->id;
}

void TestConsents::textsArePlainAndVersioned()
{
    QCOMPARE(Consents::allPurposes().size(), 3);
    QStringList titles;
    for (const ConsentPurpose purpose : Consents::allPurposes()) {
        ConsentPurpose back = ConsentPurpose::Contact;
        QVERIFY(Consents::purposeFromId(Consents::purposeId(purpose), &back));
        QCOMPARE(back, purpose);
        const ConsentText text = Consents::currentText(purpose);
        QCOMPARE(text.purpose, purpose);
        QVERIFY(!text.version.isEmpty());
        QVERIFY(!text.title.isEmpty());
        titles << text.title;
        // 2 to 4 plain sentences, each saying something a person can act on.
        const qsizetype sentences = text.text.count(QLatin1Char('.'));
        QVERIFY2(sentences >= 2 && sentences <= 4, qPrintable(text.text));
        QVERIFY2(text.text.contains(QStringLiteral("withdraw")), qPrintable(text.text));
    }
    titles.removeDuplicates();
    QCOMPARE(titles.size(), 3);
    QVERIFY(Consents::currentText(ConsentPurpose::File).text.contains(QStringLiteral("inactivity")));
    QVERIFY(Consents::currentText(ConsentPurpose::Documents).text.contains(QStringLiteral("deleted")));
    QVERIFY(!Consents::purposeFromId(QStringLiteral("marketing"), nullptr));
}

void TestConsents::giveWithdrawAndHistory()
{
    Consents c = consents();
    QVERIFY(!c.inForce(m_helene.id, ConsentPurpose::File));
    const QDateTime fileAt = m_clock.now();
    QVERIFY(c.give(m_admin, m_helene, ConsentPurpose::File));
    m_clock.advanceSecs(3600);
    const QDateTime contactAt = m_clock.now();
    QVERIFY(c.give(m_admin, m_helene, ConsentPurpose::Contact));
    QVERIFY(c.inForce(m_helene.id, ConsentPurpose::File));
    QVERIFY(c.inForce(m_helene.id, ConsentPurpose::Contact));
    QVERIFY(!c.inForce(m_helene.id, ConsentPurpose::Documents));

    m_clock.advanceSecs(86400);
    const QDateTime withdrawnAt = m_clock.now();
    const Status withdrawn = c.withdraw(m_admin, m_helene, ConsentPurpose::Contact);
    QVERIFY2(withdrawn, qPrintable(withdrawn.message()));
    QVERIFY(!c.inForce(m_helene.id, ConsentPurpose::Contact));
    QVERIFY(c.inForce(m_helene.id, ConsentPurpose::File));

    const Result<QList<Consent>> history = c.history(m_admin, m_helene.id);
    QVERIFY(history);
    QCOMPARE(history->size(), 2);
    const Consent &contact = history->at(0); // most recent first
    QCOMPARE(contact.purpose, ConsentPurpose::Contact);
    QCOMPARE(contact.givenAt, contactAt);
    QCOMPARE(contact.givenBy, m_admin.id);
    QCOMPARE(contact.textVersion, Consents::currentText(ConsentPurpose::Contact).version);
    QCOMPARE(contact.withdrawnAt, withdrawnAt);
    QCOMPARE(contact.withdrawnBy, m_admin.id);
    QVERIFY(!contact.inForce());
    const Consent &file = history->at(1);
    QCOMPARE(file.purpose, ConsentPurpose::File);
    QCOMPARE(file.givenAt, fileAt);
    QCOMPARE(file.textVersion, Consents::currentText(ConsentPurpose::File).version);
    QVERIFY(file.inForce());
    QVERIFY(!file.withdrawnAt.isValid());

    // Agreeing again later is a new consent; the withdrawn one stays in the history.
    m_clock.advanceSecs(60);
    QVERIFY(c.give(m_admin, m_helene, ConsentPurpose::Contact));
    QVERIFY(c.inForce(m_helene.id, ConsentPurpose::Contact));
    const QList<Consent> after = c.history(m_admin, m_helene.id).value();
    QCOMPARE(after.size(), 3);
    QVERIFY(after.at(0).inForce());
    QCOMPARE(after.at(0).purpose, ConsentPurpose::Contact);
    QVERIFY(!after.at(1).inForce());
    // Another person's history is theirs alone.
    const Citizen other = makeCitizen(QStringLiteral("Martin"), QStringLiteral("Paul"));
    QVERIFY(c.history(m_admin, other.id)->isEmpty());
    QVERIFY(!c.inForce(other.id, ConsentPurpose::File));
}

void TestConsents::givingTwiceOrWithdrawingNothingIsRefused()
{
    Consents c = consents();
    QVERIFY(c.give(m_admin, m_helene, ConsentPurpose::Documents));
    const Status twice = c.give(m_admin, m_helene, ConsentPurpose::Documents);
    QVERIFY(!twice);
    QCOMPARE(twice.code(), ErrorCode::InvalidInput);
    QVERIFY2(twice.message().contains(QStringLiteral("already agreed")), qPrintable(twice.message()));
    QCOMPARE(c.history(m_admin, m_helene.id)->size(), 1);

    const Status nothing = c.withdraw(m_admin, m_helene, ConsentPurpose::Contact);
    QVERIFY(!nothing);
    QCOMPARE(nothing.code(), ErrorCode::InvalidInput);
    QVERIFY2(nothing.message().contains(QStringLiteral("nothing to withdraw")), qPrintable(nothing.message()));
    QVERIFY(c.withdraw(m_admin, m_helene, ConsentPurpose::Documents));
    QVERIFY(!c.withdraw(m_admin, m_helene, ConsentPurpose::Documents)); // already withdrawn
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM consents WHERE citizen_id = ?"), m_helene.id), 1);

    Citizen gone = m_helene;
    gone.id = 999999;
    QVERIFY(!c.give(m_admin, gone, ConsentPurpose::File));
}

void TestConsents::journalHasNoPersonalData()
{
    Consents c = consents();
    QVERIFY(c.give(m_admin, m_helene, ConsentPurpose::File));
    QVERIFY(c.give(m_admin, m_helene, ConsentPurpose::Documents));
    QVERIFY(c.withdraw(m_admin, m_helene, ConsentPurpose::Documents));

    QSqlQuery q(db());
    QVERIFY(q.exec(QStringLiteral("SELECT actor, action, object FROM journal ORDER BY id")));
    QStringList consentRows;
    QString everything;
    while (q.next()) {
        const QString row =
            q.value(0).toString() + QLatin1Char('|') + q.value(1).toString() + QLatin1Char('|') + q.value(2).toString();
        everything += row + QLatin1Char('\n');
        if (q.value(1).toString().startsWith(QLatin1String("consent_")))
            consentRows << row;
    }
    QCOMPARE(consentRows, (QStringList{QStringLiteral("alice|consent_given|%1:file").arg(m_helene.uuid),
                                       QStringLiteral("alice|consent_given|%1:documents").arg(m_helene.uuid),
                                       QStringLiteral("alice|consent_withdrawn|%1:documents").arg(m_helene.uuid)}));
    for (const char *personal :
         {"Lefèvre", "LEFÈVRE", "lefevre", "Hélène", "helene", "1980-02-29", "0612345678", "+33612345678"})
        QVERIFY2(!everything.contains(QString::fromUtf8(personal), Qt::CaseInsensitive), personal);
    QVERIFY(m_vault->journal().verify().intact);
}

void TestConsents::withdrawingDocumentsDeletesKeptDocuments()
{
    Consents c = consents();
    QVERIFY(c.give(m_admin, m_helene, ConsentPurpose::Documents));
    const Citizen other = makeCitizen(QStringLiteral("Martin"), QStringLiteral("Paul"));
    QVERIFY(c.give(m_admin, other, ConsentPurpose::Documents));
    SubmissionRepository submissions(db(), &m_vault->journal(), &m_clock);
    const qint64 demarche = submissions.createDraft(m_admin, QStringLiteral("caf-rsa"), 1, m_helene.id)->id;

    const qint64 kept1 = addDocument(m_helene.id, 0, "kept proof of address");
    const qint64 kept2 = addDocument(m_helene.id, 0, "kept payslip");
    const qint64 sent = addDocument(m_helene.id, demarche, "sent with the RSA");
    const qint64 othersKept = addDocument(other.id, 0, "Paul's own document");
    for (const qint64 id : {kept1, kept2, sent, othersKept})
        QVERIFY(id > 0);
    const QString chunks = QStringLiteral("SELECT count(*) FROM attachment_chunks WHERE attachment_id = ?");
    for (const qint64 id : {kept1, kept2, sent, othersKept})
        QVERIFY(count(chunks, id) > 0);

    const qint64 othersChunks = count(chunks, othersKept);
    QVERIFY(c.withdraw(m_admin, m_helene, ConsentPurpose::Documents));
    // The kept copies and their bytes are gone.
    for (const qint64 id : {kept1, kept2}) {
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM attachments WHERE id = ?"), id), 0);
        QCOMPARE(count(chunks, id), 0);
    }
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM attachments WHERE citizen_id = ?"), m_helene.id), 0);
    // The copy sent with the démarche stays with it, readable, no longer part of the file.
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM attachments WHERE id = ? AND citizen_id IS NULL"
                                  " AND submission_id IS NOT NULL"),
                   sent),
             1);
    const Result<QByteArray> bytes = AttachmentStore(db(), &m_clock).readAll(m_admin, sent);
    QVERIFY(bytes);
    QVERIFY(bytes->contains("sent with the RSA"));
    // Someone else's documents are untouched.
    QCOMPARE(count(chunks, othersKept), othersChunks);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM attachments WHERE citizen_id = ?"), other.id), 1);
    QVERIFY(c.inForce(other.id, ConsentPurpose::Documents));
}

void TestConsents::keptDocumentNeedsConsentAndIsReused()
{
    Consents c = consents();
    SubmissionRepository submissions(db(), &m_vault->journal(), &m_clock);
    const qint64 first = submissions.createDraft(m_admin, QStringLiteral("caf-rsa"), 1, m_helene.id)->id;
    AttachmentStore store(db(), &m_clock);
    QByteArray pdf("%PDF-1.4\nquittance de loyer\n%%EOF\n");
    QBuffer buffer(&pdf);
    buffer.open(QIODevice::ReadOnly);
    const AttachmentInfo proof =
        store.add(m_admin, first, QStringLiteral("justificatif"), QStringLiteral("quittance.pdf"), &buffer).value();
    // Without the "documents" consent, nothing is kept.
    QCOMPARE(c.keepDocument(m_admin, m_helene, proof.id).code(), ErrorCode::PermissionDenied);
    QCOMPARE(store.listKept(m_admin, m_helene.id)->size(), 0);
    QVERIFY(c.give(m_admin, m_helene, ConsentPurpose::Documents));
    // Only a document of the person's own démarches.
    const Citizen other = makeCitizen(QStringLiteral("Martin"), QStringLiteral("Paul"));
    QVERIFY(c.give(m_admin, other, ConsentPurpose::Documents));
    QCOMPARE(c.keepDocument(m_admin, other, proof.id).code(), ErrorCode::InvalidInput);
    QVERIFY(c.keepDocument(m_admin, m_helene, proof.id));
    QCOMPARE(store.listKept(m_admin, m_helene.id)->size(), 1);
    // The file keeps its own copy: removing the document from the first draft does not take it away.
    const AttachmentInfo keptCopy = store.listKept(m_admin, m_helene.id)->first();
    QVERIFY(keptCopy.id != proof.id);
    QVERIFY(store.remove(m_admin, proof.id));
    QCOMPARE(store.readAll(m_admin, keptCopy.id).value(), pdf);
    // A later démarche reuses it: a copy with the same bytes, its own row.
    const qint64 second = submissions.createDraft(m_admin, QStringLiteral("caf-prime-activite"), 1, m_helene.id)->id;
    const Result<AttachmentInfo> copy = store.copyTo(m_admin, keptCopy.id, second, QStringLiteral("domicile"));
    QVERIFY2(copy, qPrintable(copy.message()));
    QVERIFY(copy->id != keptCopy.id);
    QCOMPARE(copy->sha256, proof.sha256);
    QCOMPARE(store.readAll(m_admin, copy->id).value(), pdf);
    QCOMPARE(store.list(m_admin, second)->size(), 1);
    // Withdrawing the consent: the file no longer keeps it; the démarches keep their own copies.
    QVERIFY(c.withdraw(m_admin, m_helene, ConsentPurpose::Documents));
    QCOMPARE(store.listKept(m_admin, m_helene.id)->size(), 0);
    QCOMPARE(store.readAll(m_admin, copy->id).value(), pdf);
}

void TestConsents::volunteerCannotRecordInAnotherFile()
{
    QVERIFY(m_vault->addAccount(m_admin, QStringLiteral("vera"), QStringLiteral("Vera"), Role::Volunteer,
                                secret("volunteer password 42")));
    const Account vera = m_vault->account(QStringLiteral("vera")).value();
    Consents c = consents();
    const Status refused = c.give(vera, m_helene, ConsentPurpose::File);
    QVERIFY(!refused);
    QCOMPARE(refused.code(), ErrorCode::PermissionDenied);
    QVERIFY(!c.inForce(m_helene.id, ConsentPurpose::File));
    QVERIFY(c.give(m_admin, m_helene, ConsentPurpose::File));
    QCOMPARE(c.withdraw(vera, m_helene, ConsentPurpose::File).code(), ErrorCode::PermissionDenied);
    QVERIFY(c.inForce(m_helene.id, ConsentPurpose::File));
    // Nor read what the person agreed to.
    const Result<QList<Consent>> history = c.history(vera, m_helene.id);
    QCOMPARE(history.code(), ErrorCode::PermissionDenied);
    QCOMPARE(history.message(), CitizenRepository::tr("Volunteers can only open the files they created."));
    QCOMPARE(c.history(m_admin, m_helene.id)->size(), 1);
}

void TestConsents::printedFormShowsTextsAndPerson()
{
    Consents c = consents();
    QVERIFY(c.give(m_admin, m_helene, ConsentPurpose::File));
    QVERIFY(c.give(m_admin, m_helene, ConsentPurpose::Documents));
    const QString path = m_dir->file(QStringLiteral("consent.pdf"));
    const Status printed = c.printForm(m_helene, QStringLiteral("MFS de Millau"), QStringLiteral("Alice Durand"), path);
    QVERIFY2(printed, qPrintable(printed.message()));

    const PdfText pdf = readPdf(path);
    QCOMPARE(pdf.error, QPdfDocument::Error::None);
    QCOMPARE(pdf.pages, 1); // one sheet to sign
    const QString text = pdf.flat();
    QVERIFY2(text.contains(QStringLiteral("LEFÈVRE Hélène")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("MFS de Millau")));
    QVERIFY(text.contains(QStringLiteral("Alice Durand")));
    for (const ConsentPurpose purpose : Consents::allPurposes()) {
        const ConsentText consent = Consents::currentText(purpose);
        QVERIFY2(text.contains(consent.title), qPrintable(consent.title));
        // The words the person agrees to, whole (the layout only decides where lines break).
        QVERIFY2(text.contains(consent.text.simplified()), qPrintable(consent.title));
    }
    QVERIFY(text.contains(QStringLiteral("text version %1").arg(Consents::currentText(ConsentPurpose::File).version)));
    // Two purposes agreed to, one not: the form says which.
    QCOMPARE(text.count(QStringLiteral("Not agreed")), 1);
    QCOMPARE(text.count(QStringLiteral("Agreed")), 2);
    QCOMPARE(text.count(QStringLiteral("\u2612")), 2);
    QCOMPARE(text.count(QStringLiteral("\u2610")), 1);
    QVERIFY(text.contains(QStringLiteral("Signature of the person")));
    QVERIFY(text.contains(QStringLiteral("Signature of the mediator")));
}

QTEST_MAIN(TestConsents)
#include "TestConsents.moc"
