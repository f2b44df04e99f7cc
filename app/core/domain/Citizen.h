#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

namespace relais {

// A person helped at the counter: identity and contact, kept only as long as retention allows (DESIGN §1, §4).
struct Citizen
{
    qint64 id = 0;
    QString uuid; // the only reference to a person that may appear in the journal
    QString birthName;
    QString usageName; // nom d'usage (e.g. a spouse's name); empty if none
    QString givenNames;
    QDate birthDate;
    QString birthPlace;
    QString phone; // E.164 once validated
    QString email;
    QString street;
    QString postalCode;
    QString commune;
    QString nir;  // optional; 15 characters once validated
    QString note; // short, minimised: see CitizenRepository::NoteMaxLength
    qint64 createdBy = 0;
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime lastActivityAt;

    // "LEFÈVRE Hélène", or with a usage name "MARTIN Hélène (née LEFÈVRE)" in the UI's words.
    QString displayName() const;
};

} // namespace relais
