// Citizens' files: search as the mediator types, volunteers' restriction, rectification, merge, erasure.
#include "FakeClock.h"
#include "StoreInspect.h"
#include "TempStoreDir.h"
#include "TestStore.h"

#include "domain/AttachmentStore.h"
#include "domain/CitizenRepository.h"
#include "domain/SearchText.h"
#include "domain/SubmissionRepository.h"
#include "security/Journal.h"
#include "security/Vault.h"

#include <QBuffer>
#include <QFileInfo>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTest>

using namespace relais;
using namespace relais::test;

class TestCitizenRepository : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TempStoreDir> m_dir;
    FakeClock m_clock;
    std::unique_ptr<Vault> m_vault;
    Account m_admin;

    CitizenRepository repo() { return {m_vault->database()->connection(), &m_vault->journal(), &m_clock}; }
    SubmissionRepository submissions() { return {m_vault->database()->connection(), &m_vault->journal(), &m_clock}; }
    qint64 add(const Account &actor, const QString &birth, const QString &given, const QString &usage = QString(),
               const QDate &born = QDate(), const QString &phone = QString());
    QStringList namesFound(const Account &actor, const QString &typed);
    Account addAccount(const QString &login, Role role);

private Q_SLOTS:
    void init();
    void cleanup()
    {
        m_vault.reset();
        m_dir.reset();
    }
    void foldingAndQueries();
    void searchIgnoresAccentsAndCase();
    void searchFindsCompoundAndUsageNames();
    void searchByBirthDateAndPhone();
    void manyMatchesGiveTheFirstPageInNameOrder();
    void volunteersOnlyFindTheirOwnFiles();
    void checkExplainsEachField();
    void rectificationReindexes();
    void mergeKeepsEveryDemarche();
    void erasureLeavesNoTraceOfTheName();
    void erasureCanLeaveQueuedDemarchesForDelivery();
    void journalHoldsNoPersonalData();
};

void TestCitizenRepository::init()
{
    m_dir = std::make_unique<TempStoreDir>(); // a fresh store for every test
    m_vault = std::make_unique<Vault>(m_dir->path(), &m_clock);
    QVERIFY(openAsAlice(*m_vault, QStringLiteral("MFS")));
    m_admin = m_vault->account(aliceLogin()).value();
}

Account TestCitizenRepository::addAccount(const QString &login, Role role)
{
    if (auto existing = m_vault->account(login))
        return existing.value();
    const Status s = m_vault->addAccount(m_admin, login, login, role, secret("a long enough password here"));
    if (!s)
        qFatal("cannot add account");
    return m_vault->account(login).value();
}

qint64 TestCitizenRepository::add(const Account &actor, const QString &birth, const QString &given,
                                  const QString &usage, const QDate &born, const QString &phone)
{
    Citizen c;
    c.birthName = birth;
    c.givenNames = given;
    c.usageName = usage;
    c.birthDate = born;
    c.phone = phone;
    const Result<Citizen> created = repo().create(actor, c);
    if (!created)
        qFatal("cannot create a citizen");
    return created->id;
}

QStringList TestCitizenRepository::namesFound(const Account &actor, const QString &typed)
{
    QStringList names;
    const auto found = repo().search(actor, typed);
    if (!found)
        return {QStringLiteral("<error>")};
    for (const Citizen &c : found.value())
        names << c.givenNames + QLatin1Char(' ') + (c.usageName.isEmpty() ? c.birthName : c.usageName);
    names.sort();
    return names;
}

void TestCitizenRepository::foldingAndQueries()
{
    QCOMPARE(search::fold(QStringLiteral("Hélène LEFÈVRE Œuvre Straße")),
             QStringLiteral("helene lefevre oeuvre strasse"));
    QCOMPARE(search::nameTokens(QStringLiteral("Le Gall-N'Diaye")),
             (QStringList{QStringLiteral("le"), QStringLiteral("gall"), QStringLiteral("n"), QStringLiteral("diaye"),
                          QStringLiteral("legallndiaye")}));
    const auto date = search::parseQuery(QStringLiteral("12/03/19"));
    QVERIFY(date.prefixes.isEmpty()); // read in order, never as three separate numbers
    QCOMPARE(date.joinedDigits, QStringLiteral("120319"));
    QCOMPARE(search::parseQuery(QStringLiteral("2/3/1985")).joinedDigits, QStringLiteral("02031985"));
    QCOMPARE(search::parseQuery(QStringLiteral("1985")).prefixes, QStringList{QStringLiteral("1985")});
    QCOMPARE(search::parseQuery(QStringLiteral("1985")).joinedDigits, QStringLiteral("1985"));
    QCOMPARE(search::parseQuery(QStringLiteral("+33 6 12")).joinedDigits, QStringLiteral("0612"));
    QVERIFY(search::parseQuery(QStringLiteral("martin 06")).joinedDigits.isEmpty());
    QVERIFY(search::parseQuery(QStringLiteral("  - ")).isEmpty());
    QVERIFY(search::prefixUpperBound(QStringLiteral("mar")) > QStringLiteral("marzzzz"));
    QVERIFY(search::prefixUpperBound(QStringLiteral("mar")) <= QStringLiteral("mas"));
}

void TestCitizenRepository::searchIgnoresAccentsAndCase()
{
    add(m_admin, QStringLiteral("Lefèvre"), QStringLiteral("Hélène"));
    add(m_admin, QStringLiteral("Lefebvre"), QStringLiteral("Jérôme"));
    add(m_admin, QStringLiteral("Martin"), QStringLiteral("Chloé"));
    QCOMPARE(namesFound(m_admin, QStringLiteral("lefev")), QStringList{QStringLiteral("Hélène Lefèvre")});
    QCOMPARE(namesFound(m_admin, QStringLiteral("LEF")),
             (QStringList{QStringLiteral("Hélène Lefèvre"), QStringLiteral("Jérôme Lefebvre")}));
    QCOMPARE(namesFound(m_admin, QStringLiteral("helene")), QStringList{QStringLiteral("Hélène Lefèvre")});
    QCOMPARE(namesFound(m_admin, QStringLiteral("hélè lefè")), QStringList{QStringLiteral("Hélène Lefèvre")});
    QCOMPARE(namesFound(m_admin, QStringLiteral("jerome")), QStringList{QStringLiteral("Jérôme Lefebvre")});
    QCOMPARE(namesFound(m_admin, QStringLiteral("chloe mart")), QStringList{QStringLiteral("Chloé Martin")});
    QCOMPARE(namesFound(m_admin, QStringLiteral("chloe lef")), QStringList{});
    QCOMPARE(namesFound(m_admin, QString()), QStringList{});
}

void TestCitizenRepository::searchFindsCompoundAndUsageNames()
{
    add(m_admin, QStringLiteral("Le Gall"), QStringLiteral("Jean-Pierre"));
    add(m_admin, QStringLiteral("N'Diaye"), QStringLiteral("Awa"), QStringLiteral("Martin-Dubois"));
    add(m_admin, QStringLiteral("Dubois"), QStringLiteral("Marie-Hélène"));
    QCOMPARE(namesFound(m_admin, QStringLiteral("legall")), QStringList{QStringLiteral("Jean-Pierre Le Gall")});
    QCOMPARE(namesFound(m_admin, QStringLiteral("le gall")), QStringList{QStringLiteral("Jean-Pierre Le Gall")});
    QCOMPARE(namesFound(m_admin, QStringLiteral("jean-pi")), QStringList{QStringLiteral("Jean-Pierre Le Gall")});
    QCOMPARE(namesFound(m_admin, QStringLiteral("pierre")), QStringList{QStringLiteral("Jean-Pierre Le Gall")});
    QCOMPARE(namesFound(m_admin, QStringLiteral("ndiaye")), QStringList{QStringLiteral("Awa Martin-Dubois")});
    // Found by the birth name and by each part of the usage name.
    QCOMPARE(namesFound(m_admin, QStringLiteral("n'diaye awa")), QStringList{QStringLiteral("Awa Martin-Dubois")});
    QCOMPARE(namesFound(m_admin, QStringLiteral("dubois")),
             (QStringList{QStringLiteral("Awa Martin-Dubois"), QStringLiteral("Marie-Hélène Dubois")}));
    QCOMPARE(namesFound(m_admin, QStringLiteral("marie helene")), QStringList{QStringLiteral("Marie-Hélène Dubois")});
    // Sorted by the name in use, then given names.
    const auto found = repo().search(m_admin, QStringLiteral("dub"));
    QVERIFY(found);
    QCOMPARE(found->size(), 2);
    QCOMPARE(found->at(0).givenNames, QStringLiteral("Marie-Hélène"));
    QCOMPARE(found->at(0).displayName(), QStringLiteral("DUBOIS Marie-Hélène"));
    QVERIFY(found->at(1).displayName().startsWith(QStringLiteral("MARTIN-DUBOIS Awa (")));
}

void TestCitizenRepository::searchByBirthDateAndPhone()
{
    add(m_admin, QStringLiteral("Roux"), QStringLiteral("Anaïs"), QString(), QDate(1985, 3, 12),
        QStringLiteral("06 12 34 56 78"));
    add(m_admin, QStringLiteral("Petit"), QStringLiteral("Loïc"), QString(), QDate(1985, 12, 3),
        QStringLiteral("0145678900"));
    QCOMPARE(namesFound(m_admin, QStringLiteral("12/03/1985")), QStringList{QStringLiteral("Anaïs Roux")});
    QCOMPARE(namesFound(m_admin, QStringLiteral("12031985")), QStringList{QStringLiteral("Anaïs Roux")});
    QCOMPARE(namesFound(m_admin, QStringLiteral("1985")),
             (QStringList{QStringLiteral("Anaïs Roux"), QStringLiteral("Loïc Petit")}));
    QCOMPARE(namesFound(m_admin, QStringLiteral("03/12")), QStringList{QStringLiteral("Loïc Petit")});
    QCOMPARE(namesFound(m_admin, QStringLiteral("3/12/85")), QStringList{});
    QCOMPARE(namesFound(m_admin, QStringLiteral("3/12/19")), QStringList{QStringLiteral("Loïc Petit")});
    // Born on the 12th: Anaïs; Loïc's 12 is his month.
    QCOMPARE(namesFound(m_admin, QStringLiteral("12")), QStringList{QStringLiteral("Anaïs Roux")});
    QCOMPARE(namesFound(m_admin, QStringLiteral("06 12 34")), QStringList{QStringLiteral("Anaïs Roux")});
    QCOMPARE(namesFound(m_admin, QStringLiteral("+33 6 12 34 56")), QStringList{QStringLiteral("Anaïs Roux")});
    QCOMPARE(namesFound(m_admin, QStringLiteral("01.45.67")), QStringList{QStringLiteral("Loïc Petit")});
    QCOMPARE(namesFound(m_admin, QStringLiteral("roux 1985")), QStringList{QStringLiteral("Anaïs Roux")});
    // Overseas numbers are found as they are dialled (0692… for +262 692…).
    add(m_admin, QStringLiteral("Payet"), QStringLiteral("Noé"), QString(), QDate(), QStringLiteral("0692 12 34 56"));
    QCOMPARE(namesFound(m_admin, QStringLiteral("0692 12")), QStringList{QStringLiteral("Noé Payet")});
    // The phone is stored as validated (E.164).
    QCOMPARE(repo().search(m_admin, QStringLiteral("anais"))->first().phone, QStringLiteral("+33612345678"));
}

// Beyond DenseMatches matches (a common name, a phone prefix) the search walks the files in name order: the page
// shown must still hold only matches, sorted, and a rare match elsewhere must still be found once typed.
void TestCitizenRepository::manyMatchesGiveTheFirstPageInNameOrder()
{
    QList<Citizen> people;
    for (int i = 0; i < CitizenRepository::DenseMatches + 100; ++i) {
        Citizen c;
        c.birthName = i % 2 ? QStringLiteral("Pellet") : QStringLiteral("Pelletier");
        c.givenNames = QStringLiteral("Anne");
        c.birthDate = QDate(1950, 1, 1).addDays(i);
        c.phone = QStringLiteral("0639980%1").arg(i, 3, 10, QLatin1Char('0')).left(10);
        people << c;
    }
    for (const char *name : {"Abadie", "Zola"}) {
        Citizen c;
        c.birthName = QString::fromLatin1(name);
        c.givenNames = QStringLiteral("Pellegrin");
        c.birthDate = QDate(1980, 5, 5);
        people << c;
    }
    QVERIFY(repo().createMany(m_admin, people));

    const auto page = repo().search(m_admin, QStringLiteral("pel"));
    QVERIFY(page);
    QCOMPARE(page->size(), CitizenRepository::DefaultSearchLimit);
    for (qsizetype i = 0; i < page->size(); ++i) {
        QVERIFY(page->at(i).birthName.startsWith(QLatin1String("Pellet")));
        if (i > 0)
            QVERIFY(page->at(i - 1).birthName + page->at(i - 1).birthDate.toString(Qt::ISODate) <=
                    page->at(i).birthName + page->at(i).birthDate.toString(Qt::ISODate));
    }
    // Typed further, the rare matches elsewhere in the name order come back.
    QCOMPARE(namesFound(m_admin, QStringLiteral("pellegr")),
             (QStringList{QStringLiteral("Pellegrin Abadie"), QStringLiteral("Pellegrin Zola")}));

    const auto phones = repo().search(m_admin, QStringLiteral("06 39 98"));
    QVERIFY(phones);
    QCOMPARE(phones->size(), CitizenRepository::DefaultSearchLimit);
    for (const Citizen &c : phones.value())
        QVERIFY(c.phone.contains(QLatin1String("639980"))); // 0639 numbers are read as Mayotte (+262 639)
}

void TestCitizenRepository::volunteersOnlyFindTheirOwnFiles()
{
    const Account vera = addAccount(QStringLiteral("vera"), Role::Volunteer);
    const Account marc = addAccount(QStringLiteral("marc"), Role::Mediator);
    const qint64 mine = add(vera, QStringLiteral("Bernard"), QStringLiteral("Zoé"));
    const qint64 theirs = add(marc, QStringLiteral("Bernard"), QStringLiteral("Noémie"));
    QCOMPARE(namesFound(vera, QStringLiteral("bernard")), QStringList{QStringLiteral("Zoé Bernard")});
    QCOMPARE(namesFound(marc, QStringLiteral("bernard")),
             (QStringList{QStringLiteral("Noémie Bernard"), QStringLiteral("Zoé Bernard")}));
    QVERIFY(repo().open(vera, mine));
    const auto refused = repo().open(vera, theirs);
    QCOMPARE(refused.code(), ErrorCode::PermissionDenied);
    QVERIFY(!refused.message().contains(QStringLiteral("Noémie")));
    QCOMPARE(repo().submissions(vera, theirs).code(), ErrorCode::PermissionDenied);
    // Volunteers cannot merge or erase, even their own files.
    QCOMPARE(repo().erase(vera, mine, CitizenRepository::QueuedOnErasure::Discard).code(), ErrorCode::PermissionDenied);
    QVERIFY(repo().load(vera, mine));
}

void TestCitizenRepository::checkExplainsEachField()
{
    Citizen c;
    c.birthName = QStringLiteral("  ");
    c.givenNames = QStringLiteral("Zoé");
    c.phone = QStringLiteral("12 34");
    c.nir = QStringLiteral("1 85 03 75 056 123 00");
    c.birthDate = QDate(2030, 1, 1);
    c.note = QString(CitizenRepository::NoteMaxLength + 1, QLatin1Char('x'));
    const QList<FieldProblem> problems = CitizenRepository::check(&c, QDate(2026, 11, 23));
    QStringList fields;
    for (const FieldProblem &p : problems) {
        fields << p.field;
        QVERIFY(!p.message.isEmpty());
    }
    QCOMPARE(fields, (QStringList{QStringLiteral("birth_name"), QStringLiteral("birth_date"), QStringLiteral("phone"),
                                  QStringLiteral("nir"), QStringLiteral("note")}));
    // Nothing is stored when the check fails.
    QCOMPARE(repo().create(m_admin, c).code(), ErrorCode::InvalidInput);
    QCOMPARE(repo().count(), 0);
}

void TestCitizenRepository::rectificationReindexes()
{
    const qint64 id = add(m_admin, QStringLiteral("Garcia"), QStringLiteral("Inès"));
    Citizen c = repo().load(m_admin, id).value();
    c.birthName = QStringLiteral("Garcìa-Lopez");
    c.usageName = QStringLiteral("Moreau");
    QVERIFY(repo().update(m_admin, c));
    QCOMPARE(namesFound(m_admin, QStringLiteral("lopez")), QStringList{QStringLiteral("Inès Moreau")});
    QCOMPARE(namesFound(m_admin, QStringLiteral("moreau ines")), QStringList{QStringLiteral("Inès Moreau")});
    QCOMPARE(repo().load(m_admin, id)->birthName, QStringLiteral("Garcìa-Lopez"));
}

void TestCitizenRepository::mergeKeepsEveryDemarche()
{
    const qint64 keep =
        add(m_admin, QStringLiteral("Fournier"), QStringLiteral("Benoît"), QString(), QDate(1970, 5, 2));
    const qint64 dup = add(m_admin, QStringLiteral("Fournier"), QStringLiteral("Benoit"), QString(), QDate(),
                           QStringLiteral("0712345678"));
    auto subs = submissions();
    QVERIFY(subs.createDraft(m_admin, QStringLiteral("caf-a"), 1, keep));
    auto second = subs.createDraft(m_admin, QStringLiteral("cpam-b"), 1, dup);
    QVERIFY(second);
    QVERIFY(subs.queue(m_admin, second->id, QJsonObject{{QStringLiteral("x"), 1}}));
    QVERIFY(subs.createDraft(m_admin, QStringLiteral("msa-c"), 1, dup));

    QCOMPARE(repo().merge(m_admin, keep, keep).code(), ErrorCode::InvalidInput);
    QVERIFY(repo().merge(m_admin, keep, dup));
    QCOMPARE(repo().count(), 1);
    QCOMPARE(repo().load(m_admin, dup).code(), ErrorCode::InvalidInput);
    const Citizen merged = repo().load(m_admin, keep).value();
    QCOMPARE(merged.birthDate, QDate(1970, 5, 2));          // kept
    QCOMPARE(merged.phone, QStringLiteral("+33712345678")); // filled from the duplicate
    QStringList demarches;
    for (const Submission &s : repo().submissions(m_admin, keep).value())
        demarches << s.demarcheId + QLatin1Char(':') + relais::SubmissionLifecycle::name(s.state);
    demarches.sort();
    QCOMPARE(demarches, (QStringList{QStringLiteral("caf-a:draft"), QStringLiteral("cpam-b:queued"),
                                     QStringLiteral("msa-c:draft")}));
    // The merged file is found by the duplicate's phone, once.
    QCOMPARE(namesFound(m_admin, QStringLiteral("07 12 34")), QStringList{QStringLiteral("Benoît Fournier")});
}

void TestCitizenRepository::erasureLeavesNoTraceOfTheName()
{
    // A name no other data could contain by chance.
    const QString birth = QStringLiteral("Quizzbéryl");
    const QString given = QStringLiteral("Xanthippe");
    const qint64 other = add(m_admin, QStringLiteral("Simon"), QStringLiteral("Léa"));
    const qint64 id =
        add(m_admin, birth, given, QStringLiteral("Zorglubette"), QDate(1961, 7, 14), QStringLiteral("0698765432"));
    Citizen c = repo().load(m_admin, id).value();
    c.note = QStringLiteral("Rappeler Xanthippe lundi");
    c.nir = QStringLiteral("2 61 07 75 056 123 ");
    // A valid NIR for 1961-07, Paris: key computed, not typed by hand.
    {
        const QString digits = QStringLiteral("2610775056123");
        const int key = 97 - int(digits.toLongLong() % 97);
        c.nir = digits + QStringLiteral("%1").arg(key, 2, 10, QLatin1Char('0'));
    }
    QVERIFY(repo().update(m_admin, c));
    QVERIFY(repo().open(m_admin, id));
    auto subs = submissions();
    auto draft = subs.createDraft(m_admin, QStringLiteral("caf-a"), 1, id);
    QVERIFY(draft);
    QVERIFY(subs.saveDraft(m_admin, draft->id, QJsonObject{{QStringLiteral("nom"), birth}}, QStringLiteral("s")));
    auto queued = subs.createDraft(m_admin, QStringLiteral("caf-b"), 1, id);
    QVERIFY(subs.queue(m_admin, queued->id, QJsonObject{{QStringLiteral("nom"), birth}}));
    AttachmentStore attachments(m_vault->database()->connection(), &m_clock);
    QByteArray pdf = "%PDF-1.4\n" + given.toUtf8() + "\n%%EOF\n";
    QBuffer buffer(&pdf);
    buffer.open(QIODevice::ReadOnly);
    QVERIFY(attachments.add(m_admin, draft->id, QStringLiteral("piece"), birth + QStringLiteral(".pdf"), &buffer));

    QSqlDatabase db = m_vault->database()->connection();
    const QString before = dumpTables(db);
    QVERIFY(before.contains(birth));
    QVERIFY(before.contains(given));

    QVERIFY(repo().erase(m_admin, id, CitizenRepository::QueuedOnErasure::Discard));

    const QString after = dumpTables(db);
    for (const QString &trace :
         {birth, given, QStringLiteral("Zorglubette"), QStringLiteral("quizzberyl"), QStringLiteral("xanthippe"),
          QStringLiteral("zorglubette"), QStringLiteral("0698765432"), QStringLiteral("+33698765432"),
          QStringLiteral("1961-07-14"), c.nir, QString::fromLatin1(given.toUtf8().toHex())})
        QVERIFY2(!after.contains(trace, Qt::CaseInsensitive), "a trace of the erased person remains");
    QVERIFY(after.contains(QStringLiteral("simon"))); // the other file is untouched
    QVERIFY(repo().load(m_admin, other));
    QCOMPARE(namesFound(m_admin, QStringLiteral("xanth")), QStringList{});
    QCOMPARE(repo().count(), 1);
    // Deleted pages are overwritten, and the write-ahead log no longer holds the old ones.
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("PRAGMA secure_delete")) && q.next());
    QCOMPARE(q.value(0).toInt(), 1);
    QCOMPARE(QFileInfo(m_vault->database()->path() + QStringLiteral("-wal")).size(), 0);
    QVERIFY(m_vault->journal().verify().intact);
}

void TestCitizenRepository::erasureCanLeaveQueuedDemarchesForDelivery()
{
    const qint64 id = add(m_admin, QStringLiteral("Blanc"), QStringLiteral("Maëlys"));
    auto subs = submissions();
    auto draft = subs.createDraft(m_admin, QStringLiteral("caf-a"), 1, id);
    auto queued = subs.createDraft(m_admin, QStringLiteral("caf-b"), 1, id);
    QVERIFY(subs.queue(m_admin, queued->id, QJsonObject{{QStringLiteral("nom"), QStringLiteral("Blanc")}}));
    QVERIFY(repo().erase(m_admin, id, CitizenRepository::QueuedOnErasure::DeliverFirst));
    QCOMPARE(subs.load(m_admin, draft->id).code(), ErrorCode::InvalidInput); // the draft went with the file
    const Submission kept = subs.load(m_admin, queued->id).value();
    QCOMPARE(kept.state, relais::SubmissionState::Queued);
    QCOMPARE(kept.citizenId, 0);
    QSqlQuery q(m_vault->database()->connection());
    QVERIFY(q.exec(QStringLiteral("SELECT erase_after_delivery FROM submissions WHERE id = %1").arg(queued->id)));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 1);
}

void TestCitizenRepository::journalHoldsNoPersonalData()
{
    const qint64 id = add(m_admin, QStringLiteral("Quizzmarc"), QStringLiteral("Ysolde"));
    Citizen c = repo().open(m_admin, id).value();
    c.givenNames = QStringLiteral("Ysolde Anne");
    QVERIFY(repo().update(m_admin, c));
    QVERIFY(repo().erase(m_admin, id, CitizenRepository::QueuedOnErasure::Discard));
    QSqlQuery q(m_vault->database()->connection());
    QVERIFY(q.exec(QStringLiteral("SELECT action, object FROM journal WHERE action LIKE 'citizen_%' ORDER BY id")));
    QStringList actions;
    while (q.next()) {
        actions << q.value(0).toString();
        QCOMPARE(q.value(1).toString(), c.uuid);
    }
    QCOMPARE(actions, (QStringList{QStringLiteral("citizen_created"), QStringLiteral("citizen_opened"),
                                   QStringLiteral("citizen_changed"), QStringLiteral("citizen_erased")}));
}

QTEST_GUILESS_MAIN(TestCitizenRepository)
#include "TestCitizenRepository.moc"
