#include "Recepisse.h"

#include "catalogue/FormEngine.h"
#include "domain/AttachmentStore.h"
#include "domain/DraftEditor.h"
#include "domain/SubmissionRepository.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>

#include <qrencode.h>

#include <memory>

namespace relais {

namespace {

const QString QrName = QStringLiteral("relais-recepisse-qr.png");

QString isoUtc(const QDateTime &when)
{
    return when.isValid() ? when.toUTC().toString(Qt::ISODate) : QString();
}

} // namespace

RecepisseContent Recepisse::contentFor(const Submission &submission, const catalogue::Demarche &demarche,
                                       const QString &personName, const QString &structure, const QString &language,
                                       const Clock *clock, const QList<AttachmentInfo> &attached)
{
    RecepisseContent c;
    c.structure = structure;
    c.person = personName;
    c.demarcheId = demarche.id;
    c.demarcheTitle = demarche.title.text(language);
    c.localReference = submission.uuid;
    c.platformReference = submission.receipt.value(QLatin1String("reference")).toString();
    c.queuedAt = submission.queuedAt;
    c.deliveredAt = submission.deliveredAt;
    if (submission.how.mode == HowDone::WithThePerson)
        c.howDone = tr("Démarche done with the person");
    else if (submission.how.mode == HowDone::UnderMandate)
        c.howDone = tr("Démarche done for the person, under the mandate of %1")
                        .arg(PrintedDocument::formatDate(submission.how.mandateSince));
    // The engine reads the answers again to know which documents they called for (answers dropped after the
    // decision: none can be listed any more).
    catalogue::FormEngine engine(std::make_shared<const catalogue::Demarche>(demarche), clock);
    // The canonical answers in the shape of a draft; fields a newer version removed do not matter here.
    (void)engine.restoreDraft(QJsonObject{{QStringLiteral("values"), submission.answers}});
    // Each required document was attached or ticked as seen before the démarche could go: the paper says which, so
    // that nobody believes the organisation holds a copy it was never sent.
    QStringList attachedFields;
    for (const AttachmentInfo &file : attached)
        attachedFields << file.field;
    for (const catalogue::RequiredDocument &d : engine.requiredDocuments())
        c.documents << (attachedFields.contains(DraftEditor::documentPath(d.id))
                            ? tr("%1 (file attached)").arg(d.label.text(language))
                            : tr("%1 (seen, not attached)").arg(d.label.text(language)));
    const QJsonObject answers = engine.answers();
    for (const catalogue::FieldDefinition &f : demarche.fields)
        if (f.type == catalogue::FieldType::Attachment && !f.isGroupChild() && answers.contains(f.id))
            c.documents << tr("%1 (file attached)").arg(f.label.text(language));
    return c;
}

QByteArray Recepisse::canonicalContent(const RecepisseContent &c)
{
    const QJsonObject object{
        {QStringLiteral("format"), QStringLiteral("relais-recepisse/1")},
        {QStringLiteral("structure"), c.structure},
        {QStringLiteral("person"), c.person},
        {QStringLiteral("demarche"), c.demarcheId},
        {QStringLiteral("local_reference"), c.localReference},
        {QStringLiteral("platform_reference"), c.platformReference},
        {QStringLiteral("documents"), QJsonArray::fromStringList(c.documents)},
        {QStringLiteral("queued_at"), isoUtc(c.queuedAt)},
        {QStringLiteral("delivered_at"), isoUtc(c.deliveredAt)},
    };
    return QJsonDocument(object).toJson(QJsonDocument::Compact); // QJsonObject keeps its keys sorted
}

QString Recepisse::hash(const RecepisseContent &content)
{
    return QString::fromLatin1(QCryptographicHash::hash(canonicalContent(content), QCryptographicHash::Sha256).toHex());
}

QString Recepisse::qrPayload(const RecepisseContent &content)
{
    return QStringLiteral("RELAIS-RECEPISSE:1;ref=%1;local=%2;sha256=%3")
        .arg(content.platformReference, content.localReference, hash(content));
}

QImage Recepisse::qrCode(const QByteArray &payload, int scale)
{
    // Level M: a printed paper may be creased or smudged a little.
    const std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeData(int(payload.size()), reinterpret_cast<const unsigned char *>(payload.constData()), 0,
                          QR_ECLEVEL_M),
        &QRcode_free);
    if (!code)
        return QImage();
    constexpr int QuietZone = 4; // modules of white around, which readers need
    const int modules = code->width + 2 * QuietZone;
    QImage image(modules * scale, modules * scale, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    for (int y = 0; y < code->width; ++y)
        for (int x = 0; x < code->width; ++x)
            if (code->data[y * code->width + x] & 1)
                painter.fillRect((x + QuietZone) * scale, (y + QuietZone) * scale, scale, scale, Qt::black);
    return image;
}

QString Recepisse::title(const RecepisseContent &content)
{
    return content.isDelivered() ? tr("Receipt: démarche received by the organisation")
                                 : tr("Receipt: démarche handed over for sending");
}

QString Recepisse::html(const RecepisseContent &c)
{
    auto row = [](const QString &label, const QString &value) {
        return QStringLiteral("<tr><td width=\"32%\" valign=\"top\"><b>%1</b></td><td valign=\"top\">%2</td></tr>")
            .arg(PrintedDocument::escape(label), value);
    };
    QString documents;
    for (const QString &d : c.documents)
        documents += QStringLiteral("<li>%1</li>").arg(PrintedDocument::escape(d));
    documents = c.documents.isEmpty() ? PrintedDocument::escape(tr("None"))
                                      : QStringLiteral("<ul style=\"margin: 0;\">%1</ul>").arg(documents);
    const QString when =
        c.isDelivered() ? PrintedDocument::formatDateTime(c.deliveredAt) : PrintedDocument::formatDateTime(c.queuedAt);
    // References and the verification code in a monospaced font: each character stands alone, never joined into a
    // ligature (« ff » in a uuid or a hash became one glyph, which a reader copying it — or pdftotext — got as one
    // character), and 0 and O, 1 and l differ when read out.
    const auto code = [](const QString &text) {
        return QStringLiteral("<span style=\"font-family: 'DejaVu Sans Mono', monospace;\">%1</span>")
            .arg(PrintedDocument::escape(text));
    };
    QString table;
    table += row(tr("Structure"), PrintedDocument::escape(c.structure));
    table += row(c.isDelivered() ? tr("Received on") : tr("Handed over on"), PrintedDocument::escape(when));
    table += row(tr("Person"), PrintedDocument::escape(c.person.isEmpty() ? tr("Without a file") : c.person));
    table += row(tr("Démarche"), PrintedDocument::escape(c.demarcheTitle));
    if (!c.howDone.isEmpty())
        table += row(tr("How"), PrintedDocument::escape(c.howDone));
    table += row(tr("Local reference"), code(c.localReference));
    table += row(tr("Platform reference"), c.platformReference.isEmpty()
                                               ? PrintedDocument::escape(tr("Not known yet: the organisation gives it "
                                                                            "on receipt"))
                                               : code(c.platformReference));
    table += row(tr("Documents given"), documents);

    const QString next =
        c.isDelivered()
            ? tr("The organisation received the démarche and examines it. Its answer comes back to %1, which "
                 "tells you; it may also write to you directly.")
                  .arg(c.structure)
            : tr("The démarche waits in Relais and is sent to the organisation at the next connection, usually "
                 "within the day. Once it is received, %1 can give you this receipt again with the organisation's "
                 "reference.")
                  .arg(c.structure);
    const QString followUp = tr("Keep this paper. To follow your démarche, come back to %1 or contact it, and give "
                                "the reference above (the platform reference once known, otherwise the local one).")
                                 .arg(c.structure);
    const QString digest = hash(c);
    QStringList groups;
    for (int i = 0; i < digest.size(); i += 16)
        groups << digest.mid(i, 16);

    QString html;
    html += QStringLiteral("<h2>%1</h2>").arg(PrintedDocument::escape(title(c)));
    html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"4\">%1</table>").arg(table);
    html += QStringLiteral("<h3>%1</h3><p>%2</p>")
                .arg(PrintedDocument::escape(tr("What happens next")), PrintedDocument::escape(next));
    html += QStringLiteral("<h3>%1</h3><p>%2</p>")
                .arg(PrintedDocument::escape(tr("How to follow up")), PrintedDocument::escape(followUp));
    html += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"4\"><tr><td valign=\"top\"><img src=\"%1\" "
                           "width=\"170\" height=\"170\"></td><td valign=\"top\"><p>%2</p><p><b>%3</b><br>%4</p>"
                           "</td></tr></table>")
                .arg(QrName,
                     PrintedDocument::escape(tr("The QR code carries the platform reference and the verification "
                                                "code of this receipt.")),
                     PrintedDocument::escape(tr("Verification code (SHA-256)")), code(groups.join(QLatin1Char(' '))));
    return html;
}

Status Recepisse::print(QPagedPaintDevice *device, const RecepisseContent &content, const QDateTime &printedAt)
{
    const QImage qr = qrCode(qrPayload(content).toUtf8());
    if (qr.isNull())
        return makeError(ErrorCode::Internal, tr("The receipt's QR code could not be made."));
    return PrintedDocument::print(device, title(content), content.structure, html(content), printedAt, {{QrName, qr}});
}

Status Recepisse::writePdf(const QString &path, const RecepisseContent &content, const QDateTime &printedAt)
{
    const QImage qr = qrCode(qrPayload(content).toUtf8());
    if (qr.isNull())
        return makeError(ErrorCode::Internal, tr("The receipt's QR code could not be made."));
    return PrintedDocument::writePdf(path, title(content), content.structure, html(content), printedAt, {{QrName, qr}});
}

} // namespace relais
