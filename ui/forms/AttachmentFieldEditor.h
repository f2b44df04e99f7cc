#pragma once

#include "FieldEditor.h"

#include <QPushButton>

namespace relais::ui {

// A document for the démarche: from a file, or from the scan folder, where a network scanner drops what the
// mediator just scanned (a new scan is offered in one click). Photos can be scaled down first. The bytes go
// straight from memory into the encrypted store: no copy in clear is ever written, not even a temporary one.
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
    void removeFile();
    void showPreview();

    QPushButton *chooseButton() const { return m_choose; }
    QPushButton *scanButton() const { return m_scan; }
    QPushButton *newScanButton() const { return m_newScan; }
    QPushButton *previewButton() const { return m_preview; }
    QPushButton *removeButton() const { return m_remove; }

private:
    void chooseFile();
    void chooseScan();
    void offerScan(const QString &path);
    void showState();

    QVariantMap m_value;
    QString m_offered; // the scan that has just arrived, offered in one click
    QLabel *m_state;
    QPushButton *m_choose;
    QPushButton *m_scan;
    QPushButton *m_newScan;
    QPushButton *m_preview;
    QPushButton *m_remove;
};

} // namespace relais::ui
