#pragma once

#include "FieldEditor.h"
#include "domain/AttachmentStore.h"

#include <QPushButton>

namespace relais::ui {

// A document for the démarche: from a file, from the scan folder, where a network scanner drops what the
// mediator just scanned (a new scan is offered in one click), or a copy of a document kept in the person's file. Photos
// can be scaled down first. The bytes go straight from memory into the encrypted store: no copy in clear is ever
// written, not even a temporary one.
class AttachmentFieldEditor : public FieldEditor
{
    Q_OBJECT
public:
    AttachmentFieldEditor(const catalogue::FieldDefinition &field, const QString &path, FormContext *context,
                          QWidget *parent);

    void load(const QVariant &value) override;
    QWidget *focusTarget() const override { return m_choose; }

    // Stores the file at `filePath` as this answer (what "Choose a file…" does once a file is picked).
    bool addFile(const QString &filePath, bool fromScanFolder = false);
    // Attaches a copy of `keptId`, a document kept in the person's file (what "From the person's file…" does once
    // one is picked). The kept document stays in the file.
    bool attachKept(qint64 keptId);
    void removeFile();
    void showPreview();

    QPushButton *chooseButton() const { return m_choose; }
    // What the file button says while nothing is attached ("Choose a file…"; "Attach a file…" for a document).
    void setChooseText(const QString &text);
    QPushButton *scanButton() const { return m_scan; }
    // Shown only when the draft is for a person whose file keeps documents this answer accepts.
    QPushButton *fromFileButton() const { return m_fromFile; }
    QPushButton *newScanButton() const { return m_newScan; }
    QPushButton *previewButton() const { return m_preview; }
    QPushButton *removeButton() const { return m_remove; }

private:
    void chooseFile();
    void chooseScan();
    void chooseKept();
    // The documents kept in the person's file that this answer accepts (type and size); none without a person.
    QList<AttachmentInfo> keptDocuments() const;
    void offerScan(const QString &path);
    void showState();

    QVariantMap m_value;
    QString m_offered; // the scan that has just arrived, offered in one click
    QString m_chooseText;
    QLabel *m_state;
    QPushButton *m_choose;
    QPushButton *m_scan;
    QPushButton *m_fromFile;
    QPushButton *m_newScan;
    QPushButton *m_preview;
    QPushButton *m_remove;
};

} // namespace relais::ui
