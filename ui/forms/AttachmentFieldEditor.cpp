#include "AttachmentFieldEditor.h"

#include "AttachmentPreview.h"
#include "common/DataSize.h"
#include "common/Ui.h"
#include "domain/AttachmentStore.h"
#include "domain/DraftEditor.h"
#include "domain/PhotoDownscaler.h"
#include "domain/ScanFolder.h"

#include <QBuffer>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QMimeDatabase>
#include <QPushButton>
#include <QVBoxLayout>

namespace relais::ui {

AttachmentFieldEditor::AttachmentFieldEditor(const catalogue::FieldDefinition &field, const QString &path,
                                             FormContext *context, QWidget *parent)
    : FieldEditor(field, path, context, parent)
{
    auto *box = new QWidget;
    auto *l = new QVBoxLayout(box);
    l->setContentsMargins(0, 0, 0, 0);
    m_state = makeLabel(QString(), "info");
    l->addWidget(m_state);
    m_newScan = new QPushButton;
    m_newScan->setProperty("primary", true);
    m_newScan->hide();
    l->addWidget(m_newScan, 0, Qt::AlignLeft);
    auto *row = new QHBoxLayout;
    m_choose = new QPushButton(tr("Choose a file…"));
    m_scan = new QPushButton(tr("From the scanner…"));
    m_fromFile = new QPushButton(tr("From the person's file…"));
    m_preview = new QPushButton(tr("Preview"));
    m_remove = new QPushButton(tr("Remove the file"));
    for (QPushButton *b : {m_choose, m_scan, m_fromFile, m_preview, m_remove}) {
        b->setAccessibleName(partName(b->text()));
        row->addWidget(b);
    }
    row->addStretch();
    l->addLayout(row);
    setInput(box);
    m_label->setBuddy(m_choose);
    box->setFocusProxy(m_choose);
    m_scan->setVisible(context->scanFolder != nullptr);
    m_fromFile->setVisible(!keptDocuments().isEmpty());

    connect(m_choose, &QPushButton::clicked, this, &AttachmentFieldEditor::chooseFile);
    connect(m_scan, &QPushButton::clicked, this, &AttachmentFieldEditor::chooseScan);
    connect(m_fromFile, &QPushButton::clicked, this, &AttachmentFieldEditor::chooseKept);
    connect(m_preview, &QPushButton::clicked, this, &AttachmentFieldEditor::showPreview);
    connect(m_remove, &QPushButton::clicked, this, &AttachmentFieldEditor::removeFile);
    connect(m_newScan, &QPushButton::clicked, this, [this] {
        if (const QString offered = m_offered; !offered.isEmpty()) // a copy: addFile() clears m_offered
            addFile(offered, true);
    });
    if (context->scanFolder)
        connect(context->scanFolder, &ScanFolder::fileReady, this, &AttachmentFieldEditor::offerScan);
}

void AttachmentFieldEditor::load(const QVariant &value)
{
    m_value = value.toMap();
    showState();
}

void AttachmentFieldEditor::setChooseText(const QString &text)
{
    m_chooseText = text;
    m_choose->setAccessibleName(partName(text));
    showState();
}

void AttachmentFieldEditor::showState()
{
    const bool has = !m_value.value(QStringLiteral("id")).toString().isEmpty();
    if (has) {
        const QString type =
            QMimeDatabase().mimeTypeForName(m_value.value(QStringLiteral("content_type")).toString()).comment();
        m_state->setText(tr("Attached: %1 (%2, %3)")
                             .arg(m_value.value(QStringLiteral("filename")).toString(), type,
                                  DataSize::format(m_value.value(QStringLiteral("size")).toLongLong())));
    } else {
        m_state->setText(tr("No file yet."));
    }
    m_preview->setEnabled(has);
    m_remove->setEnabled(has);
    m_choose->setText(has ? tr("Replace with a file…") : m_chooseText.isEmpty() ? tr("Choose a file…") : m_chooseText);
    m_newScan->setVisible(!m_offered.isEmpty() && !has);
}

void AttachmentFieldEditor::offerScan(const QString &path)
{
    m_offered = path;
    m_newScan->setText(tr("Attach the scan that just arrived (%1)").arg(QFileInfo(path).fileName()));
    m_newScan->setAccessibleName(partName(m_newScan->text()));
    showState();
}

void AttachmentFieldEditor::chooseFile()
{
    // The person's USB key, where their documents come from; the home folder is no place for citizens' papers.
    const QString file = QFileDialog::getOpenFileName(this, tr("Choose the document"), removableMediaFolder(),
                                                      tr("Documents (*.pdf *.jpg *.jpeg *.png)"));
    if (!file.isEmpty())
        addFile(file);
}

void AttachmentFieldEditor::chooseScan()
{
    ScanFolder *scans = m_context->scanFolder;
    QStringList files = scans->pendingFiles();
    if (!m_offered.isEmpty() && QFileInfo::exists(m_offered) && !files.contains(m_offered))
        files.prepend(m_offered);
    if (files.isEmpty()) {
        setError(scans->isWatching() ? tr("The scan folder is empty: scan the document, then try again.")
                                     : scans->errorString());
        return;
    }
    QMenu menu(this);
    for (const QString &file : std::as_const(files)) {
        const QFileInfo info(file);
        menu.addAction(
                tr("%1 — %2").arg(info.fileName(), QLocale().toString(info.lastModified(), QLocale::ShortFormat)))
            ->setData(file);
    }
    if (QAction *chosen = menu.exec(m_scan->mapToGlobal(QPoint(0, m_scan->height()))))
        addFile(chosen->data().toString(), true);
}

QList<AttachmentInfo> AttachmentFieldEditor::keptDocuments() const
{
    const qint64 citizen = m_context->draft ? m_context->draft->submission().citizenId : 0;
    if (citizen <= 0 || !m_context->attachments)
        return {};
    Result<QList<AttachmentInfo>> kept = m_context->attachments->listKept(m_context->account, citizen);
    if (!kept)
        return {};
    const qint64 limit = m_field.maxBytes > 0 ? m_field.maxBytes : AttachmentStore::DefaultMaxBytes;
    const QStringList accept = m_field.accept.isEmpty() ? AttachmentStore::defaultAcceptedTypes() : m_field.accept;
    QList<AttachmentInfo> fitting;
    for (const AttachmentInfo &a : kept.value())
        if (a.size <= limit && accept.contains(a.contentType))
            fitting.append(a);
    return fitting;
}

void AttachmentFieldEditor::chooseKept()
{
    const QList<AttachmentInfo> kept = keptDocuments();
    if (kept.isEmpty()) {
        setError(tr("The person's file keeps no document that fits here any more."));
        m_fromFile->hide();
        return;
    }
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("keptDocumentDialog"));
    dialog.setWindowTitle(tr("A document from the person's file"));
    auto *v = new QVBoxLayout(&dialog);
    QLabel *title = makeLabel(tr("&Documents kept in the file:"), "field");
    auto *list = new QListWidget;
    list->setAccessibleName(tr("Documents kept in the file"));
    title->setBuddy(list);
    for (const AttachmentInfo &a : kept) {
        auto *item = new QListWidgetItem(tr("%1 (%2)").arg(a.filename, DataSize::format(a.size)), list);
        item->setData(Qt::UserRole, a.id);
    }
    list->setCurrentRow(0);
    v->addWidget(title);
    v->addWidget(list);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    QPushButton *attach = buttons->addButton(tr("&Attach a copy"), QDialogButtonBox::AcceptRole);
    attach->setAccessibleName(tr("Attach a copy of the chosen document"));
    attach->setDefault(true);
    v->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(list, &QListWidget::itemActivated, &dialog, &QDialog::accept);
    list->setFocus();
    if (dialog.exec() != QDialog::Accepted || !list->currentItem())
        return;
    attachKept(list->currentItem()->data(Qt::UserRole).toLongLong());
}

bool AttachmentFieldEditor::attachKept(qint64 keptId)
{
    if (keptId == m_value.value(QStringLiteral("id")).toLongLong())
        return true; // already this answer: replacing it by its copy would delete the kept document
    const qint64 submission = m_context->draft->submission().id;
    Result<AttachmentInfo> copied = m_context->attachments->copyTo(m_context->account, keptId, submission, path());
    if (!copied) {
        setError(copied.error().message);
        return false;
    }
    const qint64 previous = m_value.value(QStringLiteral("id")).toLongLong();
    if (previous > 0)
        (void)m_context->attachments->remove(m_context->account,
                                             previous); // replaced: the old one is of no use any more
    m_value = copied.value().fieldValue();
    setError(QString());
    showState();
    commit(m_value);
    return true;
}

bool AttachmentFieldEditor::addFile(const QString &filePath, bool fromScanFolder)
{
    const qint64 limit = m_field.maxBytes > 0 ? m_field.maxBytes : AttachmentStore::DefaultMaxBytes;
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly)) {
        setError(tr("This file cannot be opened. Check that it is still there, then try again."));
        return false;
    }
    // Read once into memory: a photo may be scaled down before it is stored, and nothing goes through a temporary
    // file. Photos of any size are read (they usually shrink); other files are held to the field's limit.
    QByteArray bytes = file.read(PhotoDownscaler::DefaultMaxInputBytes + 1);
    file.close();
    if (bytes.size() > PhotoDownscaler::DefaultMaxInputBytes) {
        setError(tr("The file is too large: at most %1 here.").arg(DataSize::format(limit)));
        return false;
    }
    QString filename = QFileInfo(filePath).fileName();
    if (m_context->downscalePhotos) {
        Result<DownscaledPhoto> photo = PhotoDownscaler().process(bytes);
        if (photo && photo.value().changed) {
            bytes = std::move(photo).value().bytes;
            filename = QFileInfo(filename).completeBaseName() + QStringLiteral(".jpg");
        }
        // A file that is not a photo goes on as it is: the store says what it accepts.
    }
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    const qint64 submission = m_context->draft->submission().id;
    const QStringList accept = m_field.accept.isEmpty() ? AttachmentStore::defaultAcceptedTypes() : m_field.accept;
    Result<AttachmentInfo> stored =
        m_context->attachments->add(m_context->account, submission, path(), filename, &buffer, limit, accept);
    bytes.fill('\0');
    if (!stored) {
        setError(stored.error().message);
        return false;
    }
    const qint64 previous = m_value.value(QStringLiteral("id")).toLongLong();
    if (previous > 0)
        (void)m_context->attachments->remove(m_context->account,
                                             previous); // replaced: the old one is of no use any more
    m_value = stored.value().fieldValue();
    setError(QString()); // stored: an earlier problem is over
    if (fromScanFolder && filePath == m_offered)
        m_offered.clear();
    showState();
    commit(m_value);
    // After the answer is recorded, so that a failed clean-up stays on screen.
    if (fromScanFolder) {
        if (Status gone = m_context->scanFolder->consume(filePath); !gone)
            setError(gone.error().message);
    }
    return true;
}

void AttachmentFieldEditor::removeFile()
{
    const qint64 id = m_value.value(QStringLiteral("id")).toLongLong();
    if (id > 0) {
        if (Status s = m_context->attachments->remove(m_context->account, id); !s) {
            setError(s.error().message);
            return;
        }
    }
    m_value.clear();
    showState();
    commit(QVariant());
    m_choose->setFocus(Qt::TabFocusReason);
}

void AttachmentFieldEditor::showPreview()
{
    const qint64 id = m_value.value(QStringLiteral("id")).toLongLong();
    Result<QByteArray> bytes = m_context->attachments->readAll(m_context->account, id);
    if (!bytes) {
        setError(bytes.error().message);
        return;
    }
    AttachmentPreview preview(std::move(bytes).value(), m_value.value(QStringLiteral("content_type")).toString(),
                              m_value.value(QStringLiteral("filename")).toString(), this);
    preview.exec();
}

} // namespace relais::ui
