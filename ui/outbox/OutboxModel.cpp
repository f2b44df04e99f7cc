#include "OutboxModel.h"

#include "catalogue/Catalogue.h"
#include "catalogue/Demarche.h"
#include "common/DataSize.h"
#include "common/Ui.h"
#include "domain/SubmissionRepository.h"

#include <QLocale>

namespace relais::ui {

OutboxModel::OutboxModel(const catalogue::CatalogueStore *catalogue, QObject *parent)
    : QAbstractTableModel(parent), m_catalogue(catalogue)
{}

void OutboxModel::setItems(const QList<sync::OutboxItem> &items, const QHash<qint64, Person> &people)
{
    beginResetModel();
    m_items = items;
    m_people = people;
    endResetModel();
}

OutboxModel::Person OutboxModel::personAt(int row) const
{
    return m_people.value(m_items.value(row).submissionId);
}

int OutboxModel::rowOf(qint64 submissionId) const
{
    for (int row = 0; row < m_items.size(); ++row) {
        if (m_items.at(row).submissionId == submissionId)
            return row;
    }
    return -1;
}

void OutboxModel::setProgress(qint64 submissionId, qint64 sent, qint64 total)
{
    const int row = rowOf(submissionId);
    if (row < 0)
        return;
    m_items[row].bytesSent = sent;
    m_items[row].bytesTotal = total;
    Q_EMIT dataChanged(index(row, ProgressColumn), index(row, ProgressColumn));
}

int OutboxModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int OutboxModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString OutboxModel::demarcheTitle(const sync::OutboxItem &item) const
{
    if (m_catalogue) {
        if (const catalogue::DemarchePtr d = m_catalogue->current().demarche(item.demarcheId))
            return d->title.text(catalogueLanguage());
    }
    return item.demarcheId;
}

QString OutboxModel::stateText(const sync::OutboxItem &item)
{
    const QString state = SubmissionRepository::stateLabel(item.state);
    if (SubmissionLifecycle::isWaiting(item.state) && item.nextAttemptAt.isValid() && item.attempts > 0)
        return tr("%1 — next try at %2")
            .arg(state, QLocale().toString(item.nextAttemptAt.toLocalTime().time(), QLocale::ShortFormat));
    return state;
}

QString OutboxModel::progressText(const sync::OutboxItem &item)
{
    if (item.bytesTotal <= 0)
        return item.state == SubmissionState::Sending ? tr("Sending") : QString();
    if (item.bytesSent >= item.bytesTotal)
        return tr("Documents sent (%1)").arg(DataSize::format(item.bytesTotal));
    return tr("%1 % of %2").arg(int(100 * item.bytesSent / item.bytesTotal)).arg(DataSize::format(item.bytesTotal));
}

QString OutboxModel::newsText(const sync::OutboxItem &item)
{
    if (item.state == SubmissionState::Quarantined)
        return item.quarantineReason;
    if (!item.updates.isEmpty()) {
        const sync::StatusUpdate &last = item.updates.last();
        const QString when = QLocale().toString(last.at.toLocalTime(), QLocale::ShortFormat);
        return last.message.isEmpty() ? tr("%1: %2").arg(when, SubmissionRepository::stateLabel(last.status))
                                      : tr("%1: %2").arg(when, last.message);
    }
    if (!item.lastError.isEmpty() && SubmissionLifecycle::isWaiting(item.state))
        return item.lastError;
    return QString();
}

Qt::ItemFlags OutboxModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && data(index, Qt::DisplayRole).toString().trimmed().isEmpty())
        flags &= ~Qt::ItemIsSelectable;
    return flags;
}

QVariant OutboxModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_items.size())
        return {};
    const sync::OutboxItem &item = m_items.at(index.row());
    if (role == SubmissionIdRole)
        return item.submissionId;
    if (role == CitizenIdRole)
        return m_people.value(item.submissionId).citizenId;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != Qt::AccessibleTextRole)
        return {};
    switch (index.column()) {
    case DemarcheColumn:
        return demarcheTitle(item);
    case PersonColumn: {
        const QString name = m_people.value(item.submissionId).name;
        return name.isEmpty() ? tr("without a file") : name;
    }
    case QueuedColumn:
        return item.queuedAt.isValid() ? QLocale().toString(item.queuedAt.toLocalTime(), QLocale::ShortFormat)
                                       : QString();
    case StateColumn:
        return stateText(item);
    case ProgressColumn:
        return progressText(item);
    case ReferenceColumn:
        return item.reference;
    case NewsColumn:
        return newsText(item);
    default:
        return {};
    }
}

QVariant OutboxModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case DemarcheColumn:
        return tr("Démarche");
    case PersonColumn:
        return tr("Person");
    case QueuedColumn:
        return tr("Queued on");
    case StateColumn:
        return tr("State");
    case ProgressColumn:
        return tr("Documents");
    case ReferenceColumn:
        return tr("Platform reference");
    case NewsColumn:
        return tr("News");
    default:
        return {};
    }
}

} // namespace relais::ui
