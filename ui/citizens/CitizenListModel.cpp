#include "CitizenListModel.h"

#include <QCoreApplication>

namespace relais::ui {

CitizenListModel::CitizenListModel(QObject *parent) : QAbstractListModel(parent) {}

void CitizenListModel::setCitizens(const QList<Citizen> &citizens)
{
    beginResetModel();
    m_citizens = citizens;
    endResetModel();
}

void CitizenListModel::clear()
{
    setCitizens({});
}

int CitizenListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_citizens.size());
}

QString CitizenListModel::describe(const Citizen &c)
{
    QStringList parts{c.displayName()};
    if (c.birthDate.isValid())
        parts << tr("born on %1").arg(c.birthDate.toString(QStringLiteral("dd/MM/yyyy")));
    if (!c.commune.isEmpty())
        parts << c.commune;
    return parts.join(QStringLiteral(" — "));
}

QVariant CitizenListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_citizens.size())
        return {};
    const Citizen &c = m_citizens.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return describe(c);
    case CitizenIdRole:
        return c.id;
    default:
        return {};
    }
}

} // namespace relais::ui
