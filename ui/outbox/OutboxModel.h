#pragma once

#include "SyncStore.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace relais::catalogue {
class CatalogueStore;
}

namespace relais::ui {

// The submissions on their way to the platform and back (DESIGN §6), one row each: the démarche, the person it is for,
// when it was queued, its state in words, the progress of its upload, the platform's reference, the last news.
class OutboxModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        DemarcheColumn,
        PersonColumn,
        QueuedColumn,
        StateColumn,
        ProgressColumn,
        ReferenceColumn,
        NewsColumn,
        ColumnCount
    };
    static constexpr int SubmissionIdRole = Qt::UserRole;
    static constexpr int CitizenIdRole = Qt::UserRole + 1;

    // Whose démarche a row is: the file's id (0: none) and the name shown for it, read by the page through the
    // Workspace's repositories (the sync store's rows do not carry it).
    struct Person
    {
        qint64 citizenId = 0;
        QString name; // empty: no file
    };

    explicit OutboxModel(const catalogue::CatalogueStore *catalogue, QObject *parent = nullptr);

    // `people` by submission id; a row missing from it is shown « without a file ».
    void setItems(const QList<sync::OutboxItem> &items, const QHash<qint64, Person> &people = {});
    Person personAt(int row) const;
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
    QHash<qint64, Person> m_people;
};

} // namespace relais::ui
