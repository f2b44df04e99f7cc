#pragma once

#include "common/Clock.h"
#include "common/PrintedDocument.h"
#include "common/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QImage>
#include <QString>
#include <QStringList>

class QPagedPaintDevice;

namespace relais {

struct AttachmentInfo;
struct Submission;
namespace catalogue {
struct Demarche;
}

// What a récépissé says: handed to the person once their démarche is in the queue, and again once the organisation
// has received it (then with the platform's reference).
struct RecepisseContent
{
    QString structure;
    QString person; // the name on the file; empty for a démarche done without one
    QString demarcheId;
    QString demarcheTitle;
    QString localReference;    // the submission's uuid: how Relais and the platform know it
    QString platformReference; // empty until the platform received it
    QStringList documents;     // the documents given, in words
    QDateTime queuedAt;
    QDateTime deliveredAt; // invalid until delivered
    // How it was done, in words (« with the person », « for the person, mandate of … »); empty when not asked. Not
    // part of the hashed content: papers printed before it was recorded keep their verification code.
    QString howDone;

    bool isDelivered() const { return deliveredAt.isValid() && !platformReference.isEmpty(); }
};

// The récépissé: its canonical content and the SHA-256 of it (in the manner of Aidants Connect's attestation hash,
// so that a paper can be checked against what Relais recorded), a QR code carrying the platform reference and that
// hash, and the printed page (French or English, as the interface).
class Recepisse
{
    Q_DECLARE_TR_FUNCTIONS(relais::Recepisse)

public:
    // The récépissé of a submission sent (queued or delivered, then with the platform's reference): the documents
    // given are the required documents its answers called for, each said attached (one of `attached`, the
    // submission's files, is stored under its DraftEditor::documentPath) or seen and not attached, and the files
    // attached, in `language` ("fr", "en").
    static RecepisseContent contentFor(const Submission &submission, const catalogue::Demarche &demarche,
                                       const QString &personName, const QString &structure, const QString &language,
                                       const Clock *clock, const QList<AttachmentInfo> &attached);

    // Compact JSON with sorted keys: the same content always gives the same bytes.
    static QByteArray canonicalContent(const RecepisseContent &content);
    // Lower-case hex SHA-256 of canonicalContent().
    static QString hash(const RecepisseContent &content);
    // "RELAIS-RECEPISSE:1;ref=<platform reference>;local=<local reference>;sha256=<hash>".
    static QString qrPayload(const RecepisseContent &content);
    // The QR code of `payload` (black modules on white, with its quiet zone), `scale` pixels a module; a null image
    // if libqrencode refuses it.
    static QImage qrCode(const QByteArray &payload, int scale = 8);

    static QString title(const RecepisseContent &content);
    static QString html(const RecepisseContent &content);
    static Status print(QPagedPaintDevice *device, const RecepisseContent &content, const QDateTime &printedAt);
    static Status writePdf(const QString &path, const RecepisseContent &content, const QDateTime &printedAt);
};

} // namespace relais
