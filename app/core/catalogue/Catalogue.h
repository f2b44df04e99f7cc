#pragma once

#include "catalogue/Demarche.h"

#include <QCoreApplication>
#include <QDate>
#include <QJsonObject>
#include <QString>
#include <QVector>

namespace relais::catalogue {

// Why part of a catalogue was refused, in words a platform team (or a structure's administrator) can act on.
struct CatalogueError
{
    QString file;     // the file as given to the loader (its name only, never a data-directory path)
    QString demarche; // démarche id, "#n" when it has none, empty for an error about the whole file
    QString field;    // where in the démarche: "section/field", "section/group/field", "documents/id"; may be empty
    QString reason;   // translated, plain words

    QString toString() const; // "file: démarche: field: reason", for logs of the administrator and CLI output
};

// A catalogue document (docs/catalogue.md): the démarches that passed every check, and why the others were refused.
// A malformed démarche is refused alone; a file that is not a catalogue at all gives one file-level error.
class Catalogue
{
    Q_DECLARE_TR_FUNCTIONS(relais::catalogue::Catalogue)

public:
    static constexpr const char *Format = "relais-catalogue";

    // Parses one catalogue document. `fileName` is only used in errors.
    static Catalogue parse(const QByteArray &json, const QString &fileName);
    // Loads a catalogue file, or every *.json catalogue file of a folder (sorted by name) merged into one.
    static Catalogue load(const QString &path);
    // The catalogue shipped inside the executables (resources/catalogue/demarches).
    static QString bundledPath() { return QStringLiteral(":/catalogue/demarches"); }

    // True when the document was a catalogue (JSON, right format, readable header); its démarches may still be refused.
    bool isReadable() const { return m_readable; }
    int version() const { return m_version; }
    QDate published() const { return m_published; }
    const QVector<DemarchePtr> &demarches() const { return m_demarches; }
    DemarchePtr demarche(const QString &id) const;
    const QVector<CatalogueError> &errors() const { return m_errors; }
    // Ids of refused démarches that could be read (to keep their previous version, see CatalogueStore).
    const QStringList &refusedIds() const { return m_refusedIds; }

private:
    friend class CatalogueParser;
    friend class CatalogueStore;
    void merge(const Catalogue &other, const QString &fileName);

    bool m_readable = false;
    int m_version = 0;
    QDate m_published;
    QVector<DemarchePtr> m_demarches;
    QVector<CatalogueError> m_errors;
    QStringList m_refusedIds;
};

// The catalogue in use. load() swaps a new catalogue in only if it is readable and at least one démarche passed; an
// entirely invalid update leaves the previous catalogue in use. A démarche refused by an update keeps its previous
// valid definition when there was one, so a broken edit never removes a démarche from the mediators' list.
class CatalogueStore
{
    Q_DECLARE_TR_FUNCTIONS(relais::catalogue::Catalogue)

public:
    // True when the new catalogue was swapped in (possibly with some démarches refused: see errors()).
    bool load(const QString &path);
    bool loadDocument(const QByteArray &json, const QString &fileName);

    const Catalogue &current() const { return m_current; }
    // Errors of the last load attempt (empty when everything loaded).
    const QVector<CatalogueError> &errors() const { return m_errors; }

private:
    bool install(Catalogue candidate);

    Catalogue m_current;
    QVector<CatalogueError> m_errors;
};

} // namespace relais::catalogue
