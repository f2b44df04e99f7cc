#include "GroupFieldEditor.h"

#include "common/Ui.h"
#include "domain/DraftEditor.h"

#include <QFrame>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace relais::ui {

GroupFieldEditor::GroupFieldEditor(const catalogue::FieldDefinition &field, const QString &path, FormContext *context,
                                   QWidget *parent)
    : FieldEditor(field, path, context, parent)
{
    auto *box = new QWidget;
    auto *l = new QVBoxLayout(box);
    l->setContentsMargins(0, 0, 0, 0);
    m_items = new QWidget;
    m_itemsLayout = new QVBoxLayout(m_items);
    m_itemsLayout->setContentsMargins(0, 0, 0, 0);
    l->addWidget(m_items);
    m_add = new QPushButton(tr("Add an entry: %1").arg(text(field.label)));
    m_add->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
    l->addWidget(m_add);
    setInput(box);
    m_label->setBuddy(m_add);
    m_add->setAccessibleName(m_add->text());
    connect(m_add, &QPushButton::clicked, this, &GroupFieldEditor::addItem);
}

GroupFieldEditor::~GroupFieldEditor()
{
    // The entries' editors outlive this destructor for a moment: they must not forward anything through it.
    const QList<FieldEditor *> editors = findChildren<FieldEditor *>();
    for (FieldEditor *editor : editors)
        disconnect(editor, nullptr, this, nullptr);
}

void GroupFieldEditor::load(const QVariant &)
{
    rebuild();
}

QWidget *GroupFieldEditor::focusTarget() const
{
    return m_add;
}

void GroupFieldEditor::rebuild()
{
    // Later, not now: the button that asked for this may be inside one of these entries.
    while (QLayoutItem *item = m_itemsLayout->takeAt(0)) {
        QWidget *old = item->widget();
        old->hide();
        old->setParent(nullptr);
        old->deleteLater();
        delete item;
    }
    const catalogue::FormEngine &engine = m_context->draft->engine();
    const catalogue::Demarche &demarche = engine.demarche();
    const int count = engine.itemCount(m_field.id);
    for (int i = 0; i < count; ++i) {
        auto *frame = new QFrame;
        frame->setObjectName(QStringLiteral("groupItem"));
        frame->setFrameShape(QFrame::StyledPanel);
        auto *fl = new QVBoxLayout(frame);
        fl->addWidget(makeLabel(tr("%1 — entry %2").arg(text(m_field.label)).arg(i + 1), "subtitle"));
        for (int child : m_field.children) {
            const catalogue::FieldDefinition &def = demarche.fields.at(child);
            const QString childPath = QStringLiteral("%1[%2].%3").arg(m_field.id).arg(i).arg(def.id);
            FieldEditor *editor = FieldEditor::create(def, childPath, m_context, frame);
            connect(editor, &FieldEditor::edited, this, &FieldEditor::edited);
            connect(editor, &FieldEditor::left, this, &FieldEditor::left);
            fl->addWidget(editor);
        }
        auto *remove = new QPushButton(tr("Remove entry %1").arg(i + 1));
        remove->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
        connect(remove, &QPushButton::clicked, this, [this, i] { removeItem(i); });
        fl->addWidget(remove);
        m_itemsLayout->addWidget(frame);
        frame->show(); // now, not at the next event loop turn: the keyboard goes into it right away
    }
    const int max = m_field.maxItems > 0 ? m_field.maxItems : 20;
    m_add->setEnabled(count < max);
}

void GroupFieldEditor::addItem()
{
    const int item = m_context->draft->addItem(m_field.id);
    if (item < 0)
        return;
    rebuild();
    Q_EMIT itemsChanged();
    Q_EMIT edited(path());
    // Straight to the first answer of the new entry.
    if (QLayoutItem *last = m_itemsLayout->itemAt(item)) {
        const QList<FieldEditor *> editors = last->widget()->findChildren<FieldEditor *>();
        for (FieldEditor *e : editors) {
            if (QWidget *target = e->focusTarget(); target && e->isVisibleTo(this)) {
                target->setFocus(Qt::TabFocusReason);
                break;
            }
        }
    }
}

void GroupFieldEditor::removeItem(int item)
{
    if (!m_context->draft->removeItem(m_field.id, item))
        return;
    rebuild();
    Q_EMIT itemsChanged();
    Q_EMIT edited(path());
    m_add->setFocus(Qt::TabFocusReason);
}

} // namespace relais::ui
