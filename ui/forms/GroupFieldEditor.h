#pragma once

#include "FieldEditor.h"

#include <QPushButton>
class QVBoxLayout;

namespace relais::ui {

// A repeated group ("people living with you"): one framed entry per item, each with its own fields and a button
// that removes it, and a button that adds one. Entries are rebuilt from the draft after an add or a removal, so
// the paths ("group[i].field") always match what the draft holds.
class GroupFieldEditor : public FieldEditor
{
    Q_OBJECT
public:
    GroupFieldEditor(const catalogue::FieldDefinition &field, const QString &path, FormContext *context,
                     QWidget *parent);
    ~GroupFieldEditor() override;

    void load(const QVariant &value) override;
    QWidget *focusTarget() const override;
    QPushButton *addButton() const { return m_add; }

Q_SIGNALS:
    // Entries were added or removed: the editors inside changed.
    void itemsChanged();

private:
    void rebuild();
    void addItem();
    void removeItem(int item);

    QWidget *m_items;
    QVBoxLayout *m_itemsLayout;
    QPushButton *m_add;
};

} // namespace relais::ui
