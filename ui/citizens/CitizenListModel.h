#pragma once

#include "domain/Citizen.h"

#include <QAbstractListModel>
#include <QList>

namespace relais::ui {

// Citizens' files found by a search, one row each: the name as the mediator says it, the date of birth and the
// commune, enough to tell two namesakes apart without opening either file.
class CitizenListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    static constexpr int CitizenIdRole = Qt::UserRole;

    explicit CitizenListModel(QObject *parent = nullptr);

    void setCitizens(const QList<Citizen> &citizens);
    void clear();
    const QList<Citizen> &citizens() const { return m_citizens; }
    Citizen citizenAt(int row) const { return m_citizens.value(row); }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    // "LEFÈVRE Hélène — born on 12/03/1985 — Rouen": what a row shows and what a screen reader says.
    static QString describe(const Citizen &citizen);

private:
    QList<Citizen> m_citizens;
};

} // namespace relais::ui
