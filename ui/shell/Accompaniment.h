#pragma once

#include <QObject>
#include <QString>

namespace relais::ui {

// The person the mediator is helping now (DESIGN §7), or a démarche done "without a file". Owned by the shell,
// which shows the name on every page until the mediator ends it; pages read it and follow changed(): while it
// lasts they show nothing about other citizens.
class Accompaniment : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    bool isActive() const { return m_active; }
    bool isWithoutFile() const { return m_active && m_citizenId == 0; }
    qint64 citizenId() const { return m_citizenId; }
    // The name on the file (empty without a file).
    const QString &personName() const { return m_name; }

    // Starts (or switches to) the accompaniment of a person.
    void start(qint64 citizenId, const QString &personName);
    void startWithoutFile();
    void end();

Q_SIGNALS:
    void changed();

private:
    bool m_active = false;
    qint64 m_citizenId = 0;
    QString m_name;
};

} // namespace relais::ui
