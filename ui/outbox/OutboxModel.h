#pragma once

#include "SyncStore.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace relais::catalogue {
class CatalogueStore;
}

namespace relais::ui {

// The submissions on their way to the platform and back (DESIGN §6), one row each: the démarche, when it was
// queued, its state in words, the progress of its upload, the platform's reference, the last news.
class OutboxModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        DemarcheColumn,
        QueuedColumn,
        StateColumn,
        ProgressColumn,
        ReferenceColumn,
        NewsColumn,
        ColumnCount
    };
    static constexpr int SubmissionIdRole = Qt::UserRole;

    explicit OutboxModel(const catalogue::CatalogueStore *catalogue, QObject *parent = nullptr);

    void setItems(const QList<sync::OutboxItem> &items);
    const QList<sync::OutboxItem> &items() const { return m_items; }
    sync::OutboxItem itemAt(int row) const { return m_items.value(row); }
    int rowOf(qint64 submissionId) const;
    // Live progress of the upload under way (not stored: the uploads table keeps the confirmed offset only).
    void setProgress(qint64 submissionId, qint64 sent, qint64 total);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    // A cell with nothing in it (no reference yet) cannot be selected, so it never takes the focus unnamed.
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    QString demarcheTitle(const sync::OutboxItem &item) const;
    // "Waiting to be sent — next try at 14:05", "Refused by the platform"…: what the state means for the mediator.
    static QString stateText(const sync::OutboxItem &item);
    static QString progressText(const sync::OutboxItem &item);
    static QString newsText(const sync::OutboxItem &item);

private:
    const catalogue::CatalogueStore *m_catalogue;
    QList<sync::OutboxItem> m_items;
};

} // namespace relais::ui
