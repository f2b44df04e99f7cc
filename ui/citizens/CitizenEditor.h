#pragma once

#include "domain/Citizen.h"
#include "domain/CitizenRepository.h"

#include <QHash>
#include <QList>
#include <QWidget>

class QGridLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace relais::ui {

class CommuneAssist;

// The identity, contact and note of a citizen's file, typed as the person's papers show them. The checks are the
// repository's (CitizenRepository::check): each problem appears under its field, in words, and is read out.
class CitizenEditor : public QWidget
{
    Q_OBJECT
public:
    // The fields, by the ids CitizenRepository::check uses.
    static QStringList fieldIds();

    explicit CitizenEditor(QWidget *parent = nullptr);
    // The clock that says what "today" is for a date of birth.
    void setClock(const Clock *clock) { m_clock = clock; }

    void setCitizen(const Citizen &citizen);
    // What is typed now, on top of the file given to setCitizen (id, uuid and dates are kept).
    Citizen citizen() const;
    // Checks everything typed; shows each problem under its field and returns them (empty: all is well).
    QList<FieldProblem> validate(const QDate &today);
    // Shows `problems` (clears the others); puts the keyboard on the first field with a problem.
    void showProblems(const QList<FieldProblem> &problems);
    void clearProblems();
    void focusFirstField();

    QLineEdit *lineEdit(const QString &field) const;
    QPlainTextEdit *noteEdit() const { return m_note; }
    QLabel *errorLabel(const QString &field) const { return m_errors.value(field); }
    QLabel *noteCounter() const { return m_counter; }
    bool isModified() const { return m_modified; }
    void setModified(bool modified) { m_modified = modified; }

Q_SIGNALS:
    void changed();

private:
    QLineEdit *addLine(const QString &field, const QString &label, QGridLayout *grid, int row, int column,
                       int columnSpan = 1);
    void showProblem(const QString &field, const QString &message);
    void fieldLeft(const QString &field);
    void updateCounter();

    const Clock *m_clock = nullptr;
    Citizen m_citizen;
    QHash<QString, QLineEdit *> m_lines;
    QHash<QString, QLabel *> m_errors;
    QPlainTextEdit *m_note;
    QLabel *m_counter;
    CommuneAssist *m_communeAssist;
    bool m_loading = false;
    bool m_modified = false;
};

} // namespace relais::ui
