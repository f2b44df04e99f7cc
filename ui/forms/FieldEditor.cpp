#include "FieldEditor.h"

#include "AttachmentFieldEditor.h"
#include "GroupFieldEditor.h"
#include "common/CommuneAssist.h"
#include "common/Ui.h"
#include "domain/Communes.h"
#include "domain/DraftEditor.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDate>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QVBoxLayout>

namespace relais::ui {

using catalogue::FieldDefinition;
using catalogue::FieldType;

FieldEditor::FieldEditor(const FieldDefinition &field, const QString &path, FormContext *context, QWidget *parent)
    : QWidget(parent), m_field(field), m_path(path), m_context(context)
{
    setObjectName(QStringLiteral("field:") + path);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 8);
    layout->setSpacing(4);
    QString label = text(field.label);
    if (field.required && field.holdsValue())
        label = tr("%1 (required)").arg(label);
    m_label = makeLabel(label, field.type == FieldType::Explanation ? "subtitle" : "field");
    layout->addWidget(m_label);
    if (!field.help.isEmpty()) {
        m_help = makeLabel(text(field.help), "hint");
        layout->addWidget(m_help);
    }
    m_error = makeErrorLabel();
    m_error->setObjectName(QStringLiteral("error:") + path);
}

void FieldEditor::setInput(QWidget *input, QWidget *container)
{
    m_input = input;
    auto *layout = static_cast<QVBoxLayout *>(this->layout());
    layout->addWidget(container ? container : input);
    layout->addWidget(m_error);
    m_label->setBuddy(input);
    input->setAccessibleName(text(m_field.label));
    if (m_help)
        input->setAccessibleDescription(m_help->text());
}

void FieldEditor::commit(const QVariant &value)
{
    if (m_loading)
        return;
    m_context->draft->setValue(m_path, value);
    Q_EMIT edited(m_path);
}

void FieldEditor::setError(const QString &message)
{
    if (message == m_error->text() && m_error->isVisible() == !message.isEmpty())
        return;
    QWidget *target = qobject_cast<QLineEdit *>(m_input) ? m_input : nullptr;
    if (message.isEmpty())
        clearError(m_error, target);
    else
        showError(m_error, message, target);
    // The error is part of what a screen reader says about the input, after its help.
    if (m_input && !qobject_cast<QLineEdit *>(m_input))
        m_input->setAccessibleDescription(message.isEmpty() && m_help ? m_help->text() : message);
}

bool FieldEditor::hasError() const
{
    return !m_error->text().isEmpty();
}

namespace {

// Reports when the keyboard leaves an input that has no editingFinished() of its own.
class FocusOutWatcher : public QObject
{
public:
    FocusOutWatcher(QObject *parent, std::function<void()> onLeave) : QObject(parent), m_onLeave(std::move(onLeave)) {}

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::FocusOut)
            m_onLeave();
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<void()> m_onLeave;
};

QString asText(const QVariant &value)
{
    if (value.typeId() == QMetaType::QDate)
        return value.toDate().toString(QStringLiteral("dd/MM/yyyy"));
    return value.toString();
}

// Text, numbers, dates, identifiers: one line, typed as the citizen's papers show it.
class LineFieldEditor : public FieldEditor
{
    // Its own context, as lupdate files its strings: FieldEditor::tr() would look them up in the wrong one.
    Q_DECLARE_TR_FUNCTIONS(relais::ui::LineFieldEditor)

public:
    LineFieldEditor(const FieldDefinition &field, const QString &path, FormContext *context, QWidget *parent)
        : FieldEditor(field, path, context, parent)
    {
        m_edit = new QLineEdit;
        if (field.maxLength > 0)
            m_edit->setMaxLength(field.maxLength + 20); // the engine says "too long": never cut silently
        switch (field.type) {
        case FieldType::Date:
            m_edit->setPlaceholderText(tr("DD/MM/YYYY"));
            m_edit->setInputMethodHints(Qt::ImhDate);
            m_edit->setMaximumWidth(220);
            break;
        case FieldType::PhoneFr:
            m_edit->setPlaceholderText(tr("06 12 34 56 78"));
            m_edit->setInputMethodHints(Qt::ImhDialableCharactersOnly);
            m_edit->setMaximumWidth(320);
            break;
        case FieldType::Email:
            m_edit->setInputMethodHints(Qt::ImhEmailCharactersOnly);
            break;
        case FieldType::Integer:
        case FieldType::Decimal:
        case FieldType::Money:
            m_edit->setInputMethodHints(Qt::ImhFormattedNumbersOnly);
            m_edit->setMaximumWidth(220);
            break;
        case FieldType::Nir:
        case FieldType::Siret:
        case FieldType::Spi:
            m_edit->setMaximumWidth(360);
            m_edit->setInputMethodHints(Qt::ImhNoPredictiveText);
            break;
        case FieldType::Iban:
            m_edit->setPlaceholderText(tr("FR76 …"));
            m_edit->setInputMethodHints(Qt::ImhNoPredictiveText | Qt::ImhPreferUppercase);
            break;
        default:
            break;
        }
        if (field.type == FieldType::Money) {
            auto *row = new QWidget;
            auto *h = new QHBoxLayout(row);
            h->setContentsMargins(0, 0, 0, 0);
            h->addWidget(m_edit);
            h->addWidget(makeLabel(tr("€"), "field"));
            h->addStretch();
            setInput(m_edit, row);
        } else {
            setInput(m_edit);
        }
        connect(m_edit, &QLineEdit::textEdited, this, [this](const QString &t) { commit(t); });
        connect(m_edit, &QLineEdit::editingFinished, this, [this] { Q_EMIT left(this->path()); });
    }

    void load(const QVariant &value) override
    {
        m_loading = true;
        m_edit->setText(asText(value));
        m_loading = false;
    }

private:
    QLineEdit *m_edit;
};

class MultilineFieldEditor : public FieldEditor
{
public:
    MultilineFieldEditor(const FieldDefinition &field, const QString &path, FormContext *context, QWidget *parent)
        : FieldEditor(field, path, context, parent)
    {
        m_edit = new QPlainTextEdit;
        m_edit->setTabChangesFocus(true); // Tab moves on, as everywhere else in the form
        m_edit->setMinimumHeight(96);
        m_edit->setMaximumHeight(180);
        setInput(m_edit);
        connect(m_edit, &QPlainTextEdit::textChanged, this, [this] { commit(m_edit->toPlainText()); });
        m_edit->installEventFilter(new FocusOutWatcher(this, [this] { Q_EMIT left(this->path()); }));
    }

    void load(const QVariant &value) override
    {
        m_loading = true;
        m_edit->setPlainText(value.toString());
        m_loading = false;
    }

private:
    QPlainTextEdit *m_edit;
};

// Radio buttons (yes/no, and choices short enough to read at a glance): arrows move, Space chooses.
class RadioFieldEditor : public FieldEditor
{
    // Its own context, as lupdate files its strings: FieldEditor::tr() would look them up in the wrong one.
    Q_DECLARE_TR_FUNCTIONS(relais::ui::RadioFieldEditor)

public:
    RadioFieldEditor(const FieldDefinition &field, const QString &path, FormContext *context, QWidget *parent)
        : FieldEditor(field, path, context, parent)
    {
        auto *box = new QWidget;
        auto *l = field.type == FieldType::YesNo ? static_cast<QBoxLayout *>(new QHBoxLayout(box))
                                                 : static_cast<QBoxLayout *>(new QVBoxLayout(box));
        l->setContentsMargins(0, 0, 0, 0);
        m_group = new QButtonGroup(this);
        if (field.type == FieldType::YesNo) {
            m_values = {QVariant(true), QVariant(false)};
            addButton(l, tr("Yes"));
            addButton(l, tr("No"));
        } else {
            for (const catalogue::Choice &c : field.choices) {
                m_values << QVariant(c.value);
                addButton(l, text(c.label));
            }
        }
        l->addStretch();
        setInput(box);
        box->setFocusProxy(m_group->button(0));
        connect(m_group, &QButtonGroup::idClicked, this, [this](int id) { commit(m_values.value(id)); });
    }

    void load(const QVariant &value) override
    {
        m_loading = true;
        m_group->setExclusive(false);
        for (QAbstractButton *b : m_group->buttons())
            b->setChecked(false);
        m_group->setExclusive(true);
        for (int i = 0; i < m_values.size(); ++i) {
            const bool same = m_field.type == FieldType::YesNo
                                  ? value.isValid() && value.toBool() == m_values[i].toBool()
                                  : value.toString() == m_values[i].toString();
            if (same)
                m_group->button(i)->setChecked(true);
        }
        m_loading = false;
    }

    QWidget *focusTarget() const override
    {
        QAbstractButton *checked = m_group->checkedButton();
        return checked ? checked : m_group->button(0);
    }

protected:
    // An arrow chooses the next answer, as in every radio group (WAI-ARIA): Qt only moves the focus while none is
    // chosen yet, which leaves the answer empty although the mediator saw it move.
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::KeyPress)
            return FieldEditor::eventFilter(watched, event);
        const auto *key = static_cast<QKeyEvent *>(event);
        int step = 0;
        if (key->key() == Qt::Key_Down || key->key() == Qt::Key_Right)
            step = 1;
        else if (key->key() == Qt::Key_Up || key->key() == Qt::Key_Left)
            step = -1;
        const int current = m_group->id(qobject_cast<QAbstractButton *>(watched));
        if (step == 0 || current < 0 || key->modifiers() != Qt::NoModifier)
            return FieldEditor::eventFilter(watched, event);
        const int count = int(m_group->buttons().size());
        QAbstractButton *target = m_group->button((current + step + count) % count);
        target->setFocus(Qt::TabFocusReason);
        if (!target->isChecked())
            target->click();
        return true;
    }

private:
    void addButton(QBoxLayout *l, const QString &label)
    {
        auto *b = new QRadioButton(label);
        b->setAccessibleName(partName(label));
        b->installEventFilter(this);
        m_group->addButton(b, int(m_group->buttons().size()));
        l->addWidget(b);
    }

    QButtonGroup *m_group;
    QVariantList m_values;
};

// A long list of choices: one drop-down, typed to jump.
class ComboFieldEditor : public FieldEditor
{
    // Its own context, as lupdate files its strings: FieldEditor::tr() would look them up in the wrong one.
    Q_DECLARE_TR_FUNCTIONS(relais::ui::ComboFieldEditor)

public:
    ComboFieldEditor(const FieldDefinition &field, const QString &path, FormContext *context, QWidget *parent)
        : FieldEditor(field, path, context, parent)
    {
        m_combo = new QComboBox;
        m_combo->addItem(tr("— Choose —"), QString());
        for (const catalogue::Choice &c : field.choices)
            m_combo->addItem(text(c.label), c.value);
        m_combo->setMaximumWidth(480);
        setInput(m_combo);
        connect(m_combo, qOverload<int>(&QComboBox::activated), this,
                [this](int index) { commit(index > 0 ? m_combo->itemData(index) : QVariant()); });
    }

    void load(const QVariant &value) override
    {
        m_loading = true;
        const int index = m_combo->findData(value.toString());
        m_combo->setCurrentIndex(index > 0 ? index : 0);
        m_loading = false;
    }

private:
    QComboBox *m_combo;
};

class MultipleChoiceFieldEditor : public FieldEditor
{
public:
    MultipleChoiceFieldEditor(const FieldDefinition &field, const QString &path, FormContext *context, QWidget *parent)
        : FieldEditor(field, path, context, parent)
    {
        auto *box = new QWidget;
        auto *l = new QVBoxLayout(box);
        l->setContentsMargins(0, 0, 0, 0);
        for (const catalogue::Choice &c : field.choices) {
            auto *check = new QCheckBox(text(c.label));
            check->setProperty("value", c.value);
            check->setAccessibleName(partName(text(c.label)));
            l->addWidget(check);
            m_checks << check;
            connect(check, &QCheckBox::toggled, this, [this] {
                QStringList values;
                for (QCheckBox *ticked : std::as_const(m_checks))
                    if (ticked->isChecked())
                        values << ticked->property("value").toString();
                commit(values);
            });
        }
        setInput(box);
        if (!m_checks.isEmpty())
            box->setFocusProxy(m_checks.first());
    }

    void load(const QVariant &value) override
    {
        m_loading = true;
        const QStringList values = value.toStringList();
        for (QCheckBox *c : std::as_const(m_checks))
            c->setChecked(values.contains(c->property("value").toString()));
        m_loading = false;
    }

private:
    QList<QCheckBox *> m_checks;
};

// Postal code + commune, and a full address: one input per part, as on an envelope.
class PlaceFieldEditor : public FieldEditor
{
    // Its own context, as lupdate files its strings: FieldEditor::tr() would look them up in the wrong one.
    Q_DECLARE_TR_FUNCTIONS(relais::ui::PlaceFieldEditor)

public:
    PlaceFieldEditor(const FieldDefinition &field, const QString &path, FormContext *context, QWidget *parent)
        : FieldEditor(field, path, context, parent)
    {
        auto *box = new QWidget;
        auto *form = new QFormLayout(box);
        form->setContentsMargins(0, 0, 0, 0);
        auto part = [&](const QString &key, const QString &label, int width) {
            auto *edit = new QLineEdit;
            edit->setAccessibleName(partName(label));
            if (width > 0)
                edit->setMaximumWidth(width);
            form->addRow(label, edit);
            m_parts.insert(key, edit);
            connect(edit, &QLineEdit::textEdited, this, [this] { commit(current()); });
            connect(edit, &QLineEdit::editingFinished, this, [this] {
                if (!focusInside())
                    Q_EMIT left(this->path());
            });
        };
        if (field.type == FieldType::Address) {
            part(QStringLiteral("street"), tr("Number and street"), 0);
            part(QStringLiteral("complement"), tr("Building, floor (optional)"), 0);
        }
        part(QStringLiteral("postal_code"), tr("Postal code"), 140);
        part(QStringLiteral("commune"), tr("Commune"), 420);
        m_parts.value(QStringLiteral("postal_code"))->setInputMethodHints(Qt::ImhDigitsOnly);
        // A postal code that is not the commune's is said here; it does not stop the form (CEDEX codes exist).
        m_notice = makeErrorLabel();
        m_notice->setObjectName(QStringLiteral("communeNotice:") + path);
        form->addRow(m_notice);
        m_assist = new CommuneAssist(m_parts.value(QStringLiteral("postal_code")),
                                     m_parts.value(QStringLiteral("commune")), m_notice, Communes::bundled(), this);
        setInput(box);
        box->setFocusProxy(
            m_parts.value(field.type == FieldType::Address ? QStringLiteral("street") : QStringLiteral("postal_code")));
    }

    void load(const QVariant &value) override
    {
        m_loading = true;
        const QVariantMap map = value.toMap();
        for (auto it = m_parts.begin(); it != m_parts.end(); ++it)
            it.value()->setText(map.value(it.key()).toString());
        m_assist->check();
        m_loading = false;
    }

private:
    QVariantMap current() const
    {
        QVariantMap map;
        for (auto it = m_parts.begin(); it != m_parts.end(); ++it)
            if (!it.value()->text().isEmpty())
                map.insert(it.key(), it.value()->text());
        return map;
    }
    bool focusInside() const
    {
        const QWidget *f = focusWidget();
        return f && m_input->isAncestorOf(f);
    }

    QMap<QString, QLineEdit *> m_parts;
    QLabel *m_notice = nullptr;
    CommuneAssist *m_assist = nullptr;
};

// A paragraph of the form that asks nothing.
class ExplanationEditor : public FieldEditor
{
public:
    ExplanationEditor(const FieldDefinition &field, const QString &path, FormContext *context, QWidget *parent)
        : FieldEditor(field, path, context, parent)
    {
        m_label->setProperty("role", QStringLiteral("subtitle"));
        static_cast<QVBoxLayout *>(layout())->addWidget(m_error);
    }
    void load(const QVariant &) override {}
    QWidget *focusTarget() const override { return nullptr; }
};

} // namespace

FieldEditor *FieldEditor::create(const FieldDefinition &field, const QString &path, FormContext *context,
                                 QWidget *parent)
{
    FieldEditor *editor = nullptr;
    switch (field.type) {
    case FieldType::Multiline:
        editor = new MultilineFieldEditor(field, path, context, parent);
        break;
    case FieldType::YesNo:
        editor = new RadioFieldEditor(field, path, context, parent);
        break;
    case FieldType::SingleChoice:
        if (field.choices.size() <= 6)
            editor = new RadioFieldEditor(field, path, context, parent);
        else
            editor = new ComboFieldEditor(field, path, context, parent);
        break;
    case FieldType::MultipleChoice:
        editor = new MultipleChoiceFieldEditor(field, path, context, parent);
        break;
    case FieldType::PostalCodeCommune:
    case FieldType::Address:
        editor = new PlaceFieldEditor(field, path, context, parent);
        break;
    case FieldType::Attachment:
        editor = new AttachmentFieldEditor(field, path, context, parent);
        break;
    case FieldType::Explanation:
        editor = new ExplanationEditor(field, path, context, parent);
        break;
    case FieldType::RepeatedGroup:
        editor = new GroupFieldEditor(field, path, context, parent);
        break;
    default:
        editor = new LineFieldEditor(field, path, context, parent);
        break;
    }
    editor->load(context->draft->engine().value(path));
    return editor;
}

} // namespace relais::ui
