// The récépissé handed to a person after sending: its content hash is stable and follows every item of the content,
// the printed page says what a person needs (reference, documents, what next) and its QR code, read back from the
// printed PDF as a phone would, carries the platform reference and that hash.
#include "PaperCheck.h"

#include "common/Translations.h"
#include "domain/Recepisse.h"

#include <QGuiApplication>
#include <QTemporaryDir>
#include <QTest>

using namespace relais;
using namespace relais::test;

namespace {

RecepisseContent sample()
{
    RecepisseContent c;
    c.structure = QStringLiteral("France Services Test");
    c.person = QStringLiteral("LEFÈVRE Hélène");
    c.demarcheId = QStringLiteral("caf-changement-adresse");
    c.demarcheTitle = QStringLiteral("Report a change of address to the CAF");
    c.localReference = QStringLiteral("0b6f1c2e-5d7a-4e31-9a0c-2f4b8d6e1a37");
    c.documents = {QStringLiteral("Signed lease or rental agreement")};
    c.queuedAt = QDateTime(QDate(2026, 11, 23), QTime(9, 30), Qt::UTC);
    return c;
}

} // namespace

class TestRecepisse : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { installTranslations(QStringLiteral("en")); }
    void hashIsStableAndFollowsTheContent();
    void queuedReceiptPrintedWithItsQrCode();
    void deliveredReceiptCarriesThePlatformReference();
};

void TestRecepisse::hashIsStableAndFollowsTheContent()
{
    const RecepisseContent c = sample();
    QCOMPARE(Recepisse::hash(c), Recepisse::hash(sample()));
    QCOMPARE(Recepisse::hash(c).size(), 64);
    QVERIFY(
        Recepisse::canonicalContent(c).startsWith("{\"delivered_at\":\"\",\"demarche\":\"caf-changement-adresse\""));
    // Any item of the paper changed, another hash: a paper altered by hand does not match what Relais recorded.
    RecepisseContent other = sample();
    other.person = QStringLiteral("LEFEVRE Helene");
    QVERIFY(Recepisse::hash(other) != Recepisse::hash(c));
    other = sample();
    other.documents.clear();
    QVERIFY(Recepisse::hash(other) != Recepisse::hash(c));
    other = sample();
    other.platformReference = QStringLiteral("RLS-2026-000042");
    QVERIFY(Recepisse::hash(other) != Recepisse::hash(c));
    QCOMPARE(Recepisse::qrPayload(c),
             QStringLiteral("RELAIS-RECEPISSE:1;ref=;local=%1;sha256=%2").arg(c.localReference, Recepisse::hash(c)));
}

void TestRecepisse::queuedReceiptPrintedWithItsQrCode()
{
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("recepisse.pdf"));
    const RecepisseContent c = sample();
    QVERIFY(Recepisse::writePdf(pdf, c, QDateTime(QDate(2026, 11, 23), QTime(9, 31), Qt::UTC)));
    const QString text = pdfText(pdf).simplified();
    QVERIFY2(!text.isEmpty(), "pdftotext (poppler-utils) read nothing");
    for (const QString &expected :
         {QStringLiteral("Receipt: démarche handed over for sending"), QStringLiteral("France Services Test"),
          QStringLiteral("LEFÈVRE Hélène"), QStringLiteral("Report a change of address to the CAF"), c.localReference,
          QStringLiteral("Not known yet: the organisation gives it on receipt"),
          QStringLiteral("Signed lease or rental agreement"), QStringLiteral("What happens next"),
          QStringLiteral("How to follow up"), Recepisse::hash(c).left(16)})
        QVERIFY2(text.contains(expected), qPrintable(expected));
    QCOMPARE(pdfQrCode(pdf), Recepisse::qrPayload(c));
}

void TestRecepisse::deliveredReceiptCarriesThePlatformReference()
{
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("recepisse.pdf"));
    RecepisseContent c = sample();
    c.platformReference = QStringLiteral("RLS-2026-000042");
    c.deliveredAt = QDateTime(QDate(2026, 11, 23), QTime(10, 0, 3), Qt::UTC);
    QVERIFY(Recepisse::writePdf(pdf, c, c.deliveredAt));
    const QString text = pdfText(pdf).simplified();
    QVERIFY2(text.contains(QStringLiteral("Receipt: démarche received by the organisation")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("RLS-2026-000042")));
    const QString qr = pdfQrCode(pdf);
    QCOMPARE(qr, Recepisse::qrPayload(c));
    QVERIFY(qr.contains(QStringLiteral("ref=RLS-2026-000042;")));
    QVERIFY(qr.endsWith(QStringLiteral("sha256=") + Recepisse::hash(c)));
}

QTEST_MAIN(TestRecepisse)
#include "TestRecepisse.moc"
