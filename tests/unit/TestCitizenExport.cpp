// Right of access: everything held about one person, as JSON and as a readable PDF, journaled by uuid only.
#include "FakeClock.h"
#include "PdfText.h"
#include "TempStoreDir.h"
#include "TestStore.h"

#include "catalogue/Catalogue.h"
#include "domain/AttachmentStore.h"
#include "domain/CitizenExport.h"
#include "domain/CitizenRepository.h"
#include "domain/Consents.h"
#include "domain/Mandates.h"
#include "domain/SubmissionRepository.h"
#include "security/Journal.h"
#include "security/Vault.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace relais;
using namespace relais::test;

class TestCitizenExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exportHoldsEverythingAndIsJournaled();
};

void TestCitizenExport::exportHoldsEverythingAndIsJournaled()
{
    TempStoreDir dir;
    FakeClock clock;
    Vault vault(dir.path(), &clock);
    QVERIFY(openAsAlice(vault));
    const Account admin = vault.account(aliceLogin()).value();
    QSqlDatabase db = vault.database()->connection();
    CitizenRepository citizens(db, &vault.journal(), &clock);
    Citizen c;
    c.birthName = QStringLiteral("Lemaître");
    c.usageName = QStringLiteral("Vidal");
    c.givenNames = QStringLiteral("Gaëlle");
    c.birthDate = QDate(1979, 4, 30);
    c.phone = QStringLiteral("06 11 22 33 44");
    c.commune = QStringLiteral("Millau");
    c.note = QStringLiteral("Préfère être appelée le matin");
    const Citizen person = citizens.create(admin, c).value();
    Consents consents(db, &vault.journal(), &clock);
    QVERIFY(consents.give(admin, person, ConsentPurpose::File));
    Mandates mandates(db, &vault.journal(), &clock);
    const auto mandate = mandates.create(admin, person, {QStringLiteral("housing")}, MandateDuration::OneMonth,
                                         QStringLiteral("MFS Test"), QStringLiteral("Alice"));
    QVERIFY2(mandate, qPrintable(mandate.message()));
    SubmissionRepository submissions(db, &vault.journal(), &clock);
    auto draft = submissions.createDraft(admin, QStringLiteral("caf-changement-adresse"), 2, person.id);
    QVERIFY(draft);
    QVERIFY(submissions.queue(admin, draft->id,
                              QJsonObject{{QStringLiteral("telephone"), QStringLiteral("+33565000000")},
                                          {QStringLiteral("loyer"), QStringLiteral("650.00")}}));
    AttachmentStore attachments(db, &clock);
    QByteArray pdf("%PDF-1.4\nbail\n%%EOF\n");
    QBuffer buffer(&pdf);
    buffer.open(QIODevice::ReadOnly);
    QVERIFY(attachments.add(admin, draft->id, QStringLiteral("bail"), QStringLiteral("bail.pdf"), &buffer));

    catalogue::CatalogueStore catalogue;
    QVERIFY(catalogue.load(catalogue::Catalogue::bundledPath()));
    CitizenExport exporter(db, &vault.journal(), &clock, &catalogue.current());
    const QByteArray json = exporter.json(admin, person.id).value();
    const QJsonObject root = QJsonDocument::fromJson(json).object();
    QCOMPARE(root.value(QStringLiteral("format")).toString(), QStringLiteral("relais-citizen-export/1"));
    const QJsonObject p = root.value(QStringLiteral("person")).toObject();
    QCOMPARE(p.value(QStringLiteral("birth_name")).toString(), QStringLiteral("Lemaître"));
    QCOMPARE(p.value(QStringLiteral("usage_name")).toString(), QStringLiteral("Vidal"));
    QCOMPARE(p.value(QStringLiteral("birth_date")).toString(), QStringLiteral("1979-04-30"));
    QCOMPARE(p.value(QStringLiteral("phone")).toString(), QStringLiteral("+33611223344"));
    QCOMPARE(p.value(QStringLiteral("note")).toString(), c.note);
    const QJsonArray k = root.value(QStringLiteral("consents")).toArray();
    QCOMPARE(k.size(), 1);
    QCOMPARE(k.at(0).toObject().value(QStringLiteral("purpose")).toString(), QStringLiteral("file"));
    QVERIFY(!k.at(0).toObject().value(QStringLiteral("text_version")).toString().isEmpty());
    const QJsonArray m = root.value(QStringLiteral("mandates")).toArray();
    QCOMPARE(m.size(), 1);
    QCOMPARE(m.at(0).toObject().value(QStringLiteral("attestation_sha256")).toString(), mandate->attestationSha256);
    const QJsonArray d = root.value(QStringLiteral("demarches")).toArray();
    QCOMPARE(d.size(), 1);
    QCOMPARE(d.at(0).toObject().value(QStringLiteral("state")).toString(), QStringLiteral("queued"));
    QCOMPARE(d.at(0).toObject().value(QStringLiteral("answers")).toObject().value(QStringLiteral("loyer")),
             QJsonValue(QStringLiteral("650.00")));
    const QJsonArray docs = root.value(QStringLiteral("documents")).toArray();
    QCOMPARE(docs.size(), 1);
    QCOMPARE(docs.at(0).toObject().value(QStringLiteral("sha256")).toString(),
             QString::fromLatin1(QCryptographicHash::hash(pdf, QCryptographicHash::Sha256).toHex()));

    QTemporaryDir out;
    const QString base = out.filePath(QStringLiteral("acces-usager"));
    QVERIFY(exporter.write(admin, person.id, QStringLiteral("MFS Test"), base));
    QFile file(base + QStringLiteral(".json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("person")), QJsonValue(p));
    if (const QString shots = qEnvironmentVariable("RELAIS_SCREENSHOT_DIR"); !shots.isEmpty()) // to look at it
        QFile::copy(base + QStringLiteral(".pdf"), shots + QStringLiteral("/citizen-export.pdf"));
    const PdfText text = readPdf(base + QStringLiteral(".pdf"));
    QCOMPARE(text.error, QPdfDocument::Error::None);
    QVERIFY(text.pages >= 1);
    for (const QString &expected : {QStringLiteral("Lemaître"), QStringLiteral("Gaëlle"), QStringLiteral("650.00"),
                                    QStringLiteral("bail.pdf"), QStringLiteral("MFS Test"),
                                    // named by their titles and questions, in the interface language
                                    QStringLiteral("Téléphone"), QStringLiteral("Loyer mensuel"),
                                    SubmissionRepository::stateLabel(QStringLiteral("queued"))})
        QVERIFY2(text.flat().contains(expected), "the printed export misses a piece of the file");

    // Journaled once, by the file's uuid.
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("SELECT object FROM journal WHERE action = 'citizen_exported'")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), person.uuid);
    QVERIFY(!q.next());

    // A volunteer cannot export a file someone else created; a folder that cannot be written is said so.
    QVERIFY(vault.addAccount(admin, QStringLiteral("vera"), QStringLiteral("Vera"), Role::Volunteer,
                             secret("a long enough password here")));
    QCOMPARE(exporter.json(vault.account(QStringLiteral("vera")).value(), person.id).code(),
             ErrorCode::PermissionDenied);
    QVERIFY(!exporter.write(admin, person.id, QStringLiteral("MFS Test"), QStringLiteral("/proc/no-such-place/acces")));
}

QTEST_MAIN(TestCitizenExport)
#include "TestCitizenExport.moc"
