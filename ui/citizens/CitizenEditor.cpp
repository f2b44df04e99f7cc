#include "CitizenEditor.h"

#include "catalogue/Validators.h"
#include "common/CommuneAssist.h"
#include "common/Ui.h"
#include "domain/Communes.h"

#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStyle>
#include <QVBoxLayout>

namespace relais::ui {

namespace {

// Dates as French papers write them: 12/03/1985, 12.03.1985, 12-03-1985, 1/3/1985 or 12031985.
QDate parseDate(const QString &typed)
{
    const QString text = typed.trimmed();
    for (const char *format : {"dd/MM/yyyy", "d/M/yyyy", "dd.MM.yyyy", "d.M.yyyy", "dd-MM-yyyy", "ddMMyyyy"}) {
        const QDate date = QDate::fromString(text, QString::fromLatin1(format));
        if (date.isValid())
            return date;
    }
    return {};
}

} // namespace

QStringList CitizenEditor::fieldIds()
{
    return {QStringLiteral("birth_name"), QStringLiteral("usage_name"),  QStringLiteral("given_names"),
            QStringLiteral("birth_date"), QStringLiteral("birth_place"), QStringLiteral("phone"),
            QStringLiteral("email"),      QStringLiteral("street"),      QStringLiteral("postal_code"),
            QStringLiteral("commune"),    QStringLiteral("nir"),         QStringLiteral("note")};
}

CitizenEditor::CitizenEditor(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(24);
    grid->setVerticalSpacing(4);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    // Created in reading order, which is also the Tab order.
    addLine(QStringLiteral("birth_name"), tr("B&irth name (required)"), grid, 0, 0);
    addLine(QStringLiteral("usage_name"), tr("Usage name (if different)"), grid, 0, 1);
    addLine(QStringLiteral("given_names"), tr("Given names (required)"), grid, 1, 0);
    QLineEdit *date = addLine(QStringLiteral("birth_date"), tr("Date of birth"), grid, 1, 1);
    date->setPlaceholderText(tr("DD/MM/YYYY"));
    date->setInputMethodHints(Qt::ImhDate);
    addLine(QStringLiteral("birth_place"), tr("Place of birth"), grid, 2, 0);
    QLineEdit *nir = addLine(QStringLiteral("nir"), tr("Social security number (optional)"), grid, 2, 1);
    nir->setPlaceholderText(tr("15 digits (Carte Vitale)"));
    QLineEdit *phone = addLine(QStringLiteral("phone"), tr("Phone"), grid, 3, 0);
    phone->setPlaceholderText(tr("06 12 34 56 78"));
    phone->setInputMethodHints(Qt::ImhDialableCharactersOnly);
    QLineEdit *email = addLine(QStringLiteral("email"), tr("E-mail"), grid, 3, 1);
    email->setInputMethodHints(Qt::ImhEmailCharactersOnly);
    addLine(QStringLiteral("street"), tr("Number and street"), grid, 4, 0, 2);
    QLineEdit *postal = addLine(QStringLiteral("postal_code"), tr("Postal code"), grid, 5, 0);
    postal->setInputMethodHints(Qt::ImhDigitsOnly);
    QLineEdit *commune = addLine(QStringLiteral("commune"), tr("Commune"), grid, 5, 1);
    // A postal code that is not the commune's is said under both; the file is still saved (CEDEX codes exist).
    auto *notice = makeErrorLabel();
    notice->setObjectName(QStringLiteral("citizen:communeNotice"));
    grid->addWidget(notice, 6, 0, 1, 2);
    m_communeAssist = new CommuneAssist(postal, commune, notice, Communes::bundled(), this);
    layout->addLayout(grid);

    auto *noteLabel = makeLabel(tr("&Note for the next mediator"), "field");
    auto *reminder = makeLabel(
        tr("Write only what the next mediator needs for the démarche. No health details, no opinions."), "hint");
    reminder->setObjectName(QStringLiteral("noteReminder"));
    m_note = new QPlainTextEdit;
    m_note->setTabChangesFocus(true);
    m_note->setAccessibleName(tr("Note for the next mediator"));
    m_note->setAccessibleDescription(reminder->text());
    m_note->setFixedHeight(m_note->fontMetrics().lineSpacing() * 4 + 16);
    noteLabel->setBuddy(m_note);
    m_counter = makeLabel(QString(), "hint");
    m_counter->setObjectName(QStringLiteral("noteCounter"));
    auto *noteError = makeErrorLabel();
    noteError->setObjectName(QStringLiteral("error:note"));
    m_errors.insert(QStringLiteral("note"), noteError);
    layout->addSpacing(8);
    layout->addWidget(noteLabel);
    layout->addWidget(reminder);
    layout->addWidget(m_note);
    layout->addWidget(m_counter);
    layout->addWidget(noteError);
    connect(m_note, &QPlainTextEdit::textChanged, this, [this] {
        updateCounter();
        if (m_loading)
            return;
        m_modified = true;
        Q_EMIT changed();
    });
    updateCounter();
}

QLineEdit *CitizenEditor::addLine(const QString &field, const QString &label, QGridLayout *grid, int row, int column,
                                  int columnSpan)
{
    auto *cell = new QWidget;
    auto *box = new QVBoxLayout(cell);
    box->setContentsMargins(0, 4, 0, 4);
    box->setSpacing(4);
    QLabel *title = makeLabel(label, "field");
    auto *edit = new QLineEdit;
    edit->setObjectName(QStringLiteral("citizen:") + field);
    QString name = label;
    name.remove(QLatin1Char('&'));
    edit->setAccessibleName(name);
    title->setBuddy(edit);
    QLabel *error = makeErrorLabel();
    error->setObjectName(QStringLiteral("error:") + field);
    box->addWidget(title);
    box->addWidget(edit);
    box->addWidget(error);
    box->addStretch();
    grid->addWidget(cell, row, column, 1, columnSpan);
    m_lines.insert(field, edit);
    m_errors.insert(field, error);
    connect(edit, &QLineEdit::textEdited, this, [this, field] {
        m_modified = true;
        // An error goes away as soon as what is typed is right; it never appears while typing.
        if (m_errors.value(field)->isVisible())
            fieldLeft(field);
        Q_EMIT changed();
    });
    connect(edit, &QLineEdit::editingFinished, this, [this, field] { fieldLeft(field); });
    return edit;
}

QLineEdit *CitizenEditor::lineEdit(const QString &field) const
{
    return m_lines.value(field);
}

void CitizenEditor::setCitizen(const Citizen &citizen)
{
    m_loading = true;
    m_citizen = citizen;
    m_lines.value(QStringLiteral("birth_name"))->setText(citizen.birthName);
    m_lines.value(QStringLiteral("usage_name"))->setText(citizen.usageName);
    m_lines.value(QStringLiteral("given_names"))->setText(citizen.givenNames);
    m_lines.value(QStringLiteral("birth_date"))
        ->setText(citizen.birthDate.isValid() ? citizen.birthDate.toString(QStringLiteral("dd/MM/yyyy")) : QString());
    m_lines.value(QStringLiteral("birth_place"))->setText(citizen.birthPlace);
    m_lines.value(QStringLiteral("phone"))->setText(catalogue::Validators::phoneForDisplay(citizen.phone));
    m_lines.value(QStringLiteral("email"))->setText(citizen.email);
    m_lines.value(QStringLiteral("street"))->setText(citizen.street);
    m_lines.value(QStringLiteral("postal_code"))->setText(citizen.postalCode);
    m_lines.value(QStringLiteral("commune"))->setText(citizen.commune);
    m_lines.value(QStringLiteral("nir"))->setText(citizen.nir);
    m_note->setPlainText(citizen.note);
    clearProblems();
    m_communeAssist->check();
    m_modified = false;
    m_loading = false;
}

Citizen CitizenEditor::citizen() const
{
    Citizen c = m_citizen;
    c.birthName = m_lines.value(QStringLiteral("birth_name"))->text();
    c.usageName = m_lines.value(QStringLiteral("usage_name"))->text();
    c.givenNames = m_lines.value(QStringLiteral("given_names"))->text();
    c.birthDate = parseDate(m_lines.value(QStringLiteral("birth_date"))->text());
    c.birthPlace = m_lines.value(QStringLiteral("birth_place"))->text();
    c.phone = m_lines.value(QStringLiteral("phone"))->text();
    c.email = m_lines.value(QStringLiteral("email"))->text();
    c.street = m_lines.value(QStringLiteral("street"))->text();
    c.postalCode = m_lines.value(QStringLiteral("postal_code"))->text();
    c.commune = m_lines.value(QStringLiteral("commune"))->text();
    c.nir = m_lines.value(QStringLiteral("nir"))->text();
    c.note = m_note->toPlainText();
    return c;
}

QList<FieldProblem> CitizenEditor::validate(const QDate &today)
{
    Citizen c = citizen();
    QList<FieldProblem> problems = CitizenRepository::check(&c, today);
    // A date that cannot be read is the editor's own problem: the repository only sees a missing date.
    if (!c.birthDate.isValid() && !m_lines.value(QStringLiteral("birth_date"))->text().trimmed().isEmpty())
        problems.append({QStringLiteral("birth_date"), tr("Type the date as day/month/year, for example 12/03/1985.")});
    showProblems(problems);
    return problems;
}

void CitizenEditor::showProblems(const QList<FieldProblem> &problems)
{
    QWidget *first = nullptr;
    for (const QString &field : fieldIds()) {
        QString message;
        for (const FieldProblem &p : problems)
            if (p.field == field && message.isEmpty())
                message = p.message;
        showProblem(field, message);
        if (!message.isEmpty() && !first)
            first = field == QLatin1String("note") ? static_cast<QWidget *>(m_note) : m_lines.value(field);
    }
    if (first)
        first->setFocus(Qt::OtherFocusReason);
}

void CitizenEditor::clearProblems()
{
    for (const QString &field : fieldIds())
        showProblem(field, QString());
}

void CitizenEditor::showProblem(const QString &field, const QString &message)
{
    QLabel *label = m_errors.value(field);
    if (!label || (label->text() == message && label->isVisible() == !message.isEmpty()))
        return;
    QWidget *input = m_lines.value(field);
    if (message.isEmpty()) {
        clearError(label, input);
    } else {
        showError(label, message, input);
    }
    if (field == QLatin1String("note"))
        m_note->setAccessibleDescription(message.isEmpty() ? tr("Write only what the next mediator needs for the "
                                                                "démarche. No health details, no opinions.")
                                                           : message);
}

void CitizenEditor::fieldLeft(const QString &field)
{
    if (m_loading)
        return;
    Citizen c = citizen();
    QString message;
    for (const FieldProblem &p : CitizenRepository::check(&c, m_clock->now().date()))
        if (p.field == field && message.isEmpty())
            message = p.message;
    if (field == QLatin1String("birth_date") && !c.birthDate.isValid() &&
        !m_lines.value(field)->text().trimmed().isEmpty())
        message = tr("Type the date as day/month/year, for example 12/03/1985.");
    // A required field left empty says so only when the file is saved: Tab through it is not a mistake.
    if (m_lines.value(field)->text().trimmed().isEmpty() && !m_errors.value(field)->isVisible())
        message.clear();
    showProblem(field, message);
}

void CitizenEditor::updateCounter()
{
    const int left = CitizenRepository::NoteMaxLength - int(m_note->toPlainText().size());
    m_counter->setProperty("role", left < 0 ? QStringLiteral("error") : QStringLiteral("hint"));
    m_counter->setText(left >= 0 ? tr("Characters left: %1").arg(left)
                                 : tr("Characters over the limit: %1").arg(-left));
    m_counter->style()->unpolish(m_counter);
    m_counter->style()->polish(m_counter);
}

void CitizenEditor::focusFirstField()
{
    m_lines.value(QStringLiteral("birth_name"))->setFocus(Qt::OtherFocusReason);
}

} // namespace relais::ui
