#include "Accompaniment.h"

namespace relais::ui {

void Accompaniment::start(qint64 citizenId, const QString &personName)
{
    Q_ASSERT(citizenId > 0);
    if (m_active && m_citizenId == citizenId && m_name == personName)
        return;
    m_active = true;
    m_citizenId = citizenId;
    m_name = personName;
    Q_EMIT changed();
}

void Accompaniment::startWithoutFile()
{
    if (isWithoutFile())
        return;
    m_active = true;
    m_citizenId = 0;
    m_name.clear();
    Q_EMIT changed();
}

void Accompaniment::end()
{
    if (!m_active)
        return;
    m_active = false;
    m_citizenId = 0;
    m_name.clear();
    Q_EMIT changed();
}

} // namespace relais::ui
