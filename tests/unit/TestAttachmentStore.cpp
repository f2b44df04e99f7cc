// Attachments inside the encrypted store: byte-identical round trip, limits with a message and nothing
// kept, never in clear anywhere in the data folder, damage detected.
#include "FakeClock.h"
#include "StoreInspect.h"
#include "TempStoreDir.h"

#include "domain/AttachmentStore.h"
#include "domain/CitizenRepository.h"
#include "domain/SubmissionRepository.h"
#include "security/Vault.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTest>

using namespace relais;
using namespace relais::test;

namespace {
const QByteArray AdminPassword = "correct horse battery staple";
SecureBytes secret(const QByteArray &t)
{
    return SecureBytes(t.constData(), int(t.size()));
}

// A PDF-looking document carrying a marker that must never be found in clear on disk.
QByteArray fakePdf(int size, const QByteArray &marker)
{
    QByteArray bytes = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
    while (bytes.size() < size) {
        bytes += marker;
        QByteArray noise(512, '\0');
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(noise.data()), noise.size() / 4);
        bytes += noise;
    }
    bytes.truncate(size);
    return bytes;
}

// A source that hands out at most `step` bytes per read, as a pipe or a scanner driver may: the store's chunks
// then have uneven lengths.
class TrickleDevice final : public QIODevice
{
public:
    TrickleDevice(QByteArray bytes, qint64 step) : m_bytes(std::move(bytes)), m_step(step) { open(ReadOnly); }

protected:
    qint64 readData(char *data, qint64 max) override
    {
        const qint64 n = qMin(qMin(max, m_step), qint64(m_bytes.size()) - m_at);
        if (n <= 0)
            return -1;
        memcpy(data, m_bytes.constData() + m_at, size_t(n));
        m_at += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_bytes;
    qint64 m_step;
    qint64 m_at = 0;
};

int count(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    return q.exec(sql) && q.next() ? q.value(0).toInt() : -1;
}
} // namespace

class TestAttachmentStore : public QObject
{
    Q_OBJECT

private:
    TempStoreDir m_dir;
    FakeClock m_clock;
    std::unique_ptr<Vault> m_vault;
    qint64 m_submission = 0;
    Account m_admin;
    QSqlDatabase db() const { return m_vault->database()->connection(); }

private Q_SLOTS:
    void init();
    void cleanup() { m_vault.reset(); }
    void roundTripIsByteIdentical();
    void neverInClearInTheDataFolder();
    void tooLargeIsRefusedAndNothingKept();
    void wrongTypeIsRefusedWhateverItsName();
    void damagedChunkIsDetected();
    void rangesAreTheFileBytesWhateverTheChunks();
    void removingDeletesTheChunks();
    void volunteerReachesOnlyTheDocumentsOfTheirOwn();
};

void TestAttachmentStore::init()
{
    m_vault = std::make_unique<Vault>(m_dir.path(), &m_clock);
    if (!m_vault->storeExists())
        QVERIFY(m_vault->initialize(QStringLiteral("MFS"), QStringLiteral("alice"), QStringLiteral("Alice"),
                                    secret(AdminPassword), false, KdfParams::interactive()));
    else
        QVERIFY(m_vault->signIn(QStringLiteral("alice"), secret(AdminPassword)));
    m_admin = m_vault->account(QStringLiteral("alice")).value();
    SubmissionRepository repo(db(), &m_vault->journal(), &m_clock);
    m_submission = repo.createDraft(m_admin, QStringLiteral("c2s"), 1)->id;
}

void TestAttachmentStore::roundTripIsByteIdentical()
{
    AttachmentStore store(db(), &m_clock);
    const QByteArray pdf = fakePdf(3 * int(AttachmentStore::ChunkSize) + 1234, "MARKER");
    QBuffer source;
    source.setData(pdf);
    source.open(QIODevice::ReadOnly);
    auto info = store.add(m_admin, m_submission, QStringLiteral("justificatif_domicile"),
                          QStringLiteral("/scans/facture.pdf"), &source);
    QVERIFY2(info, qPrintable(info.message()));
    QCOMPARE(info->size, qint64(pdf.size()));
    QCOMPARE(info->contentType, QStringLiteral("application/pdf"));
    QCOMPARE(info->filename, QStringLiteral("facture.pdf")); // no folder of the mediator's PC kept
    QCOMPARE(info->sha256, QCryptographicHash::hash(pdf, QCryptographicHash::Sha256));
    QCOMPARE(
        count(db(), QStringLiteral("SELECT count(*) FROM attachment_chunks WHERE attachment_id = %1").arg(info->id)),
        4);
    // After a restart too.
    m_vault.reset();
    init();
    AttachmentStore reopened(db(), &m_clock);
    auto back = reopened.readAll(m_admin, info->id);
    QVERIFY(back);
    QCOMPARE(back.value(), pdf);
    const auto listed = reopened.list(m_admin, info->submissionId).value();
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.first().sha256, info->sha256);
}

void TestAttachmentStore::neverInClearInTheDataFolder()
{
    const QByteArray marker = "CLEARTEXT-ATTACHMENT-MARKER-7f3a";
    AttachmentStore store(db(), &m_clock);
    QBuffer source;
    source.setData(fakePdf(600 * 1024, marker));
    source.open(QIODevice::ReadOnly);
    QVERIFY(store.add(m_admin, m_submission, QStringLiteral("piece"), QStringLiteral("scan.pdf"), &source));
    // While the store is open (database, write-ahead log, anything else) and after it is closed.
    for (int pass = 0; pass < 2; ++pass) {
        const QStringList files = QDir(m_dir.path()).entryList(QDir::Files);
        QVERIFY(files.contains(QStringLiteral("relais.db")));
        for (const QString &name : files) {
            QFile f(QDir(m_dir.path()).filePath(name));
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray bytes = f.readAll();
            QVERIFY2(!bytes.contains(marker), qPrintable(name));
            QVERIFY2(!bytes.contains("%PDF-1.4"), qPrintable(name));
        }
        m_vault.reset();
    }
}

void TestAttachmentStore::tooLargeIsRefusedAndNothingKept()
{
    AttachmentStore store(db(), &m_clock);
    const int before = count(db(), QStringLiteral("SELECT count(*) FROM attachment_chunks"));
    QBuffer source;
    source.setData(fakePdf(2 * 1024 * 1024, "X"));
    source.open(QIODevice::ReadOnly);
    auto result =
        store.add(m_admin, m_submission, QStringLiteral("piece"), QStringLiteral("big.pdf"), &source, 1024 * 1024);
    QCOMPARE(result.code(), ErrorCode::InvalidInput);
    QVERIFY(result.message().contains(QStringLiteral("too large")));
    QCOMPARE(count(db(), QStringLiteral("SELECT count(*) FROM attachment_chunks")), before);
    QCOMPARE(count(db(), QStringLiteral("SELECT count(*) FROM attachments WHERE filename = 'big.pdf'")), 0);

    QBuffer empty;
    empty.open(QIODevice::ReadOnly);
    QCOMPARE(store.add(m_admin, m_submission, QStringLiteral("piece"), QStringLiteral("empty.pdf"), &empty).code(),
             ErrorCode::InvalidInput);
}

void TestAttachmentStore::wrongTypeIsRefusedWhateverItsName()
{
    AttachmentStore store(db(), &m_clock);
    QBuffer source;
    source.setData(QByteArray("#!/bin/sh\necho this is a script, not a scan\n").repeated(20));
    source.open(QIODevice::ReadOnly);
    auto result =
        store.add(m_admin, m_submission, QStringLiteral("piece"), QStringLiteral("renamed-script.pdf"), &source);
    QCOMPARE(result.code(), ErrorCode::InvalidInput);
    QVERIFY(result.message().contains(QStringLiteral("PDF")));
    QCOMPARE(count(db(), QStringLiteral("SELECT count(*) FROM attachments WHERE filename = 'renamed-script.pdf'")), 0);
    // A real JPEG named .txt is accepted: the content decides.
    QBuffer jpeg;
    jpeg.setData(QByteArray("\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00", 20) +
                 QByteArray(4000, '\x11'));
    jpeg.open(QIODevice::ReadOnly);
    auto photo = store.add(m_admin, m_submission, QStringLiteral("photo"), QStringLiteral("photo.txt"), &jpeg);
    QVERIFY2(photo, qPrintable(photo.message()));
    QCOMPARE(photo->contentType, QStringLiteral("image/jpeg"));
}

void TestAttachmentStore::damagedChunkIsDetected()
{
    AttachmentStore store(db(), &m_clock);
    QBuffer source;
    source.setData(fakePdf(300 * 1024, "Y"));
    source.open(QIODevice::ReadOnly);
    auto info = store.add(m_admin, m_submission, QStringLiteral("piece"), QStringLiteral("a.pdf"), &source);
    QVERIFY(info);
    QSqlQuery q(db());
    QVERIFY(q.exec(QStringLiteral("UPDATE attachment_chunks SET data = x'00' || substr(data, 2) WHERE attachment_id = "
                                  "%1 AND seq = 1")
                       .arg(info->id)));
    auto back = store.readAll(m_admin, info->id);
    QCOMPARE(back.code(), ErrorCode::StoreCorrupt);
    QVERIFY(!back.message().isEmpty());
}

// The sync engine sends a file slice by slice from these ranges: any slice must be exactly the file's bytes, also
// when the chunks in the store have uneven lengths, and whole-file damage is still caught by verify().
void TestAttachmentStore::rangesAreTheFileBytesWhateverTheChunks()
{
    AttachmentStore store(db(), &m_clock);
    const QByteArray pdf = fakePdf(5 * int(AttachmentStore::ChunkSize) + 777, "R");
    TrickleDevice source(pdf, 100'000);
    auto info = store.add(m_admin, m_submission, QStringLiteral("piece"), QStringLiteral("r.pdf"), &source);
    QVERIFY2(info, qPrintable(info.message()));
    QVERIFY(count(db(), QStringLiteral("SELECT count(DISTINCT length(data)) FROM attachment_chunks"
                                       " WHERE attachment_id = %1")
                            .arg(info->id)) > 1);
    const qint64 size = pdf.size();
    const QList<QPair<qint64, qint64>> ranges = {
        {0, 1},          {0, 100'000}, {99'999, 2}, {123'456, 1'000'000}, {size - 10, 10},
        {size - 10, 50}, {size, 100},  {0, size},   {262'144, 262'144},   {1, size - 2},
    };
    for (const auto &[offset, length] : ranges) {
        const auto bytes = store.readRange(m_admin, info->id, offset, length);
        QVERIFY2(bytes, qPrintable(bytes.message()));
        QCOMPARE(bytes.value(), pdf.mid(offset, length));
    }
    QCOMPARE(store.readRange(m_admin, info->id, size + 1, 10).code(), ErrorCode::InvalidInput);
    QCOMPARE(store.readRange(m_admin, info->id + 1000, 0, 10).code(), ErrorCode::InvalidInput);
    QVERIFY(store.verify(m_admin, info->id));

    QSqlQuery q(db());
    QVERIFY(q.exec(QStringLiteral("UPDATE attachment_chunks SET data = x'00' || substr(data, 2) WHERE attachment_id = "
                                  "%1 AND seq = 2")
                       .arg(info->id)));
    QCOMPARE(store.verify(m_admin, info->id).code(), ErrorCode::StoreCorrupt);
}

void TestAttachmentStore::removingDeletesTheChunks()
{
    AttachmentStore store(db(), &m_clock);
    QBuffer source;
    source.setData(fakePdf(700 * 1024, "Z"));
    source.open(QIODevice::ReadOnly);
    auto info = store.add(m_admin, m_submission, QStringLiteral("piece"), QStringLiteral("b.pdf"), &source);
    QVERIFY(info);
    QVERIFY(store.remove(m_admin, info->id));
    QCOMPARE(
        count(db(), QStringLiteral("SELECT count(*) FROM attachment_chunks WHERE attachment_id = %1").arg(info->id)),
        0);
    QCOMPARE(store.readAll(m_admin, info->id).code(), ErrorCode::InvalidInput);
}

QTEST_GUILESS_MAIN(TestAttachmentStore)
void TestAttachmentStore::volunteerReachesOnlyTheDocumentsOfTheirOwn()
{
    if (!m_vault->account(QStringLiteral("vera")))
        QVERIFY(m_vault->addAccount(m_admin, QStringLiteral("vera"), QStringLiteral("Vera"), Role::Volunteer,
                                    secret("a long enough password here")));
    const Account vera = m_vault->account(QStringLiteral("vera")).value();
    AttachmentStore store(db(), &m_clock);
    const QByteArray pdf = fakePdf(int(AttachmentStore::ChunkSize) + 10, "NOT-HERS");
    QBuffer source;
    source.setData(pdf);
    source.open(QIODevice::ReadOnly);
    // A document of the administrator's démarche (m_submission), and one kept in the file of a person she created.
    const qint64 theirs =
        store.add(m_admin, m_submission, QStringLiteral("piece"), QStringLiteral("a.pdf"), &source)->id;
    Citizen person;
    person.birthName = QStringLiteral("Autre");
    person.givenNames = QStringLiteral("Personne");
    const qint64 personId = CitizenRepository(db(), &m_vault->journal(), &m_clock).create(m_admin, person)->id;
    source.seek(0);
    const qint64 kept = store.add(m_admin, m_submission, QStringLiteral("piece"), QStringLiteral("b.pdf"), &source)->id;
    QCOMPARE(execSql(db(), QStringLiteral("UPDATE attachments SET citizen_id = %1, submission_id = NULL WHERE id = %2")
                               .arg(personId)
                               .arg(kept)),
             QString());

    const QString refused = Access::tr("Volunteers can only open the démarches they started or those of the people "
                                       "whose file they created.");
    const Result<QByteArray> bytes = store.readAll(vera, theirs);
    QCOMPARE(bytes.code(), ErrorCode::PermissionDenied);
    QCOMPARE(bytes.message(), refused);
    QBuffer sink;
    sink.open(QIODevice::WriteOnly);
    QCOMPARE(store.read(vera, theirs, &sink).code(), ErrorCode::PermissionDenied);
    QVERIFY(sink.data().isEmpty()); // not one byte written before the refusal
    QCOMPARE(store.readRange(vera, theirs, 0, 10).code(), ErrorCode::PermissionDenied);
    QCOMPARE(store.verify(vera, theirs).code(), ErrorCode::PermissionDenied);
    QCOMPARE(store.list(vera, m_submission).code(), ErrorCode::PermissionDenied);
    QCOMPARE(store.readAll(vera, kept).code(), ErrorCode::PermissionDenied);
    QCOMPARE(store.listKept(vera, personId).code(), ErrorCode::PermissionDenied);
    source.seek(0);
    QCOMPARE(store.add(vera, m_submission, QStringLiteral("piece"), QStringLiteral("c.pdf"), &source).code(),
             ErrorCode::PermissionDenied);
    QCOMPARE(store.remove(vera, theirs).code(), ErrorCode::PermissionDenied);
    QCOMPARE(store.readAll(m_admin, theirs).value(), pdf); // still there, whole

    // Her own démarche: she adds, reads and removes its documents; she cannot copy another's into it.
    const qint64 mine =
        SubmissionRepository(db(), &m_vault->journal(), &m_clock).createDraft(vera, QStringLiteral("c2s"), 1)->id;
    source.seek(0);
    const Result<AttachmentInfo> added =
        store.add(vera, mine, QStringLiteral("piece"), QStringLiteral("mine.pdf"), &source);
    QVERIFY2(added, qPrintable(added.message()));
    QCOMPARE(store.readAll(vera, added->id).value(), pdf);
    QCOMPARE(store.list(vera, mine)->size(), 1);
    QCOMPARE(store.copyTo(vera, kept, mine, QStringLiteral("piece2")).code(), ErrorCode::PermissionDenied);
    QVERIFY(store.remove(vera, added->id));
    // An administrator reaches every document of the structure.
    QCOMPARE(store.readAll(m_admin, kept).value(), pdf);
}

#include "TestAttachmentStore.moc"
