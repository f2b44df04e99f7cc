#pragma once

#include "catalogue/Demarche.h"
#include "security/Account.h"

#include <QVariant>
#include <QWidget>

class QLabel;

namespace relais {
class AttachmentStore;
class DraftEditor;
class ScanFolder;
} // namespace relais

namespace relais::ui {

// What every field editor of one form shares: the draft, where its files go, the language of the catalogue texts.
struct FormContext
{
    DraftEditor *draft = nullptr;
    AttachmentStore *attachments = nullptr;
    Account account;                  // who fills the form: every document read or stored is theirs to reach (Access)
    ScanFolder *scanFolder = nullptr; // may be null: no scan folder configured
    QString language;
    bool downscalePhotos = true;
};

// The editor of one answer ("field" or "group[i].field"), rendered from its definition: the label (with the
// keyboard mnemonic buddy), the help in plain words, the input, and the error right below it, read out by screen
// readers when it appears (RGAA 11.10). It hands every change to the draft, which saves it; it never validates.
class FieldEditor : public QWidget
{
    Q_OBJECT
public:
    static FieldEditor *create(const catalogue::FieldDefinition &field, const QString &path, FormContext *context,
                               QWidget *parent = nullptr);

    const QString &path() const { return m_path; }
    const catalogue::FieldDefinition &field() const { return m_field; }
    // Shows the answer held by the draft (when the editor is built, or after items of a group moved).
    virtual void load(const QVariant &value) = 0;
    // Shows `message` under the input, or clears it when empty.
    void setError(const QString &message);
    bool hasError() const;
    // Where the keyboard goes when the mediator is sent to this answer.
    virtual QWidget *focusTarget() const { return m_input; }

Q_SIGNALS:
    void edited(const QString &path);
    void left(const QString &path); // focus left the input: time to say what is wrong with it

protected:
    FieldEditor(const catalogue::FieldDefinition &field, const QString &path, FormContext *context, QWidget *parent);
    // Places the input (or the `container` holding it) below the label and the help; the label becomes the input's
    // buddy, and its name what is read out.
    void setInput(QWidget *input, QWidget *container = nullptr);
    void commit(const QVariant &value);
    QString text(const catalogue::LocalizedText &t) const { return t.text(m_context->language); }
    // What a screen reader says for one part of this answer (a radio button, an address line): "Question : part".
    QString partName(const QString &part) const { return QStringLiteral("%1 : %2").arg(text(m_field.label), part); }

    catalogue::FieldDefinition m_field;
    QString m_path;
    FormContext *m_context;
    QLabel *m_label = nullptr;
    QLabel *m_help = nullptr;
    QWidget *m_input = nullptr;
    QLabel *m_error = nullptr;
    bool m_loading = false;
};

} // namespace relais::ui
