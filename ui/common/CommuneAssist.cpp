#include "CommuneAssist.h"

#include "common/Ui.h"
#include "domain/Communes.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QStandardItemModel>

namespace relais::ui {

namespace {

constexpr int NameRole = Qt::UserRole + 1;        // what is typed into the commune field
constexpr int PostalCodesRole = Qt::UserRole + 2; // the commune's postal codes

bool isFullPostalCode(const QString &text)
{
    QString digits;
    for (const QChar c : text)
        if (c.isDigit())
            digits += c;
        else if (!c.isSpace())
            return false;
    return digits.size() == 5;
}

} // namespace

CommuneAssist::CommuneAssist(QLineEdit *postalCode, QLineEdit *commune, QLabel *notice, const Communes &communes,
                             QObject *parent)
    : QObject(parent ? parent : commune), m_postalCode(postalCode), m_commune(commune), m_notice(notice),
      m_communes(communes)
{
    m_model = new QStandardItemModel(this);
    m_completer = new QCompleter(m_model, this);
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setCompletionRole(NameRole);
    m_completer->setMaxVisibleItems(8);
    m_completer->popup()->setObjectName(QStringLiteral("communeList"));
    m_completer->popup()->setAccessibleName(tr("Communes"));
    commune->setCompleter(m_completer);
    commune->installEventFilter(this);
    connect(m_completer, qOverload<const QModelIndex &>(&QCompleter::activated), this,
            [this](const QModelIndex &index) { chosen(index.row()); });
    connect(postalCode, &QLineEdit::textEdited, this, &CommuneAssist::postalCodeEdited);
    connect(commune, &QLineEdit::textEdited, this, &CommuneAssist::communeEdited);
    // The notice is said when the mediator is done with a field, not at every key.
    connect(postalCode, &QLineEdit::editingFinished, this, &CommuneAssist::check);
    connect(commune, &QLineEdit::editingFinished, this, [this] {
        if (!m_completer->popup()->isVisible())
            check();
    });
}

void CommuneAssist::postalCodeEdited()
{
    if (m_typing)
        return;
    offerForPostalCode();
    if (m_commune->text().trimmed().isEmpty() && isFullPostalCode(m_postalCode->text())) {
        // One commune for this code: it is the one. The delegated communes and arrondissements after it are only
        // other names for it.
        const QList<Commune> found = m_communes.forPostalCode(m_postalCode->text());
        int current = 0;
        for (const Commune &c : found)
            current += c.kind == Commune::Kind::Current ? 1 : 0;
        if (current == 1)
            type(m_commune, found.first().name);
    }
    // A notice goes as soon as what is typed is right; it never appears while typing.
    if (m_notice && m_notice->isVisible())
        check();
}

void CommuneAssist::offerForPostalCode()
{
    m_model->clear();
    if (!isFullPostalCode(m_postalCode->text()))
        return;
    for (const Commune &c : m_communes.forPostalCode(m_postalCode->text())) {
        QString shown = c.name;
        if (c.kind == Commune::Kind::Delegated || c.kind == Commune::Kind::Associated)
            shown = tr("%1 (now part of %2)").arg(c.name, c.parentName);
        auto *item = new QStandardItem(shown);
        item->setData(c.name, NameRole);
        item->setData(QStringList{m_postalCode->text().simplified().remove(QLatin1Char(' '))}, PostalCodesRole);
        m_model->appendRow(item);
    }
}

void CommuneAssist::communeEdited(const QString &typed)
{
    if (m_typing)
        return;
    if (typed.trimmed().isEmpty()) {
        offerForPostalCode();
    } else {
        m_model->clear();
        // The communes of the postal code typed come first when the name fits one of them.
        const QString key = Communes::nameKey(typed);
        QList<Commune> found;
        if (isFullPostalCode(m_postalCode->text()))
            for (const Commune &c : m_communes.forPostalCode(m_postalCode->text()))
                if (Communes::nameKey(c.name).startsWith(key))
                    found.append(c);
        for (const Commune &c : m_communes.matching(typed, 20)) {
            bool seen = false;
            for (const Commune &f : std::as_const(found))
                seen = seen || (f.insee == c.insee && f.name == c.name);
            if (!seen)
                found.append(c);
        }
        for (const Commune &c : std::as_const(found)) {
            //: A commune offered while its name is typed: "Saint-Pierre — La Réunion (974)".
            auto *item = new QStandardItem(tr("%1 — %2 (%3)").arg(c.name, c.departmentName, c.department));
            item->setData(c.name, NameRole);
            item->setData(c.postalCodes, PostalCodesRole);
            m_model->appendRow(item);
        }
    }
    if (m_notice && m_notice->isVisible())
        check();
}

void CommuneAssist::chosen(int row)
{
    const QStandardItem *item = m_model->item(row);
    if (!item)
        return;
    type(m_commune, item->data(NameRole).toString());
    // A commune with one postal code gives it; with several, the mediator types the citizen's.
    const QString name = item->data(NameRole).toString();
    const QStringList codes = item->data(PostalCodesRole).toStringList();
    const QString typedCode = m_postalCode->text().simplified().remove(QLatin1Char(' '));
    if (codes.contains(typedCode))
        return check();
    if (codes.size() == 1) {
        type(m_postalCode, codes.first());
    } else if (!codes.isEmpty()) {
        type(m_postalCode, QString());
        say(tr("%1 has several postal codes (%2): type the citizen's.").arg(name, codes.join(QLatin1String(", "))));
        return;
    }
    check();
}

void CommuneAssist::type(QLineEdit *edit, const QString &text)
{
    if (edit->text() == text)
        return;
    // As if typed: the owner (the form's draft, the citizen's file) takes it the way it takes the keyboard's.
    m_typing = true;
    edit->setText(text);
    Q_EMIT edit->textEdited(text);
    m_typing = false;
}

void CommuneAssist::check()
{
    const QString code = m_postalCode->text().simplified().remove(QLatin1Char(' '));
    const QString name = m_commune->text().trimmed();
    if (code.isEmpty() || name.isEmpty() || !isFullPostalCode(code) || m_communes.postalCodeMatches(code, name)) {
        say(QString());
        return;
    }
    QStringList names;
    for (const Commune &c : m_communes.forPostalCode(code))
        if (c.kind == Commune::Kind::Current && !names.contains(c.name))
            names << c.name;
    QString list = names.mid(0, 3).join(QLatin1String(", "));
    if (names.size() > 3)
        list += QStringLiteral("…");
    say(tr("The postal code %1 is not that of %2. It is the code of: %3. Check the address.").arg(code, name, list));
}

void CommuneAssist::say(const QString &message)
{
    if (!m_notice)
        return;
    if (message.isEmpty()) {
        if (m_notice->isVisible() || !m_notice->text().isEmpty())
            clearError(m_notice);
        m_commune->setAccessibleDescription(QString());
        return;
    }
    if (m_notice->text() == message && m_notice->isVisible())
        return;
    showError(m_notice, message);
    m_commune->setAccessibleDescription(message);
}

bool CommuneAssist::eventFilter(QObject *watched, QEvent *event)
{
    // The list of the postal code's communes opens as the keyboard comes into an empty commune, or with Down.
    if (watched == m_commune && m_model->rowCount() > 0 && !m_completer->popup()->isVisible()) {
        const bool down = event->type() == QEvent::KeyPress && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Down &&
                          static_cast<QKeyEvent *>(event)->modifiers() == Qt::NoModifier;
        const bool enteredEmpty =
            event->type() == QEvent::FocusIn && m_commune->text().trimmed().isEmpty() && !m_commune->isReadOnly();
        if (down || enteredEmpty) {
            if (enteredEmpty)
                offerForPostalCode();
            if (m_model->rowCount() > 0)
                m_completer->complete();
            return down;
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace relais::ui
