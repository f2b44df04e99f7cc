#pragma once

#include <QObject>
#include <QPointer>

class QCompleter;
class QLabel;
class QLineEdit;
class QStandardItemModel;

namespace relais {
class Communes;
}

namespace relais::ui {

// Helps type a postal code and its commune, as on an envelope (address fields of forms, the citizen's file):
// - a postal code offers its communes in a list under the commune (filled at once when there is only one);
// - a name offers the communes that start with it, each with its department; choosing one whose postal code is
//   the only one fills the postal code;
// - a postal code that is not the commune's is said under them, in words, and read out; it never blocks: a CEDEX
//   code or a new commune may not be in the list.
// Changes it makes are typed into the line edits (textEdited is emitted), so their owners save them as usual.
class CommuneAssist : public QObject
{
    Q_OBJECT
public:
    CommuneAssist(QLineEdit *postalCode, QLineEdit *commune, QLabel *notice, const Communes &communes,
                  QObject *parent = nullptr);

    QCompleter *completer() const { return m_completer; }
    // Says now whether the two agree (after a draft or a file is loaded).
    void check();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void postalCodeEdited();
    void communeEdited(const QString &typed);
    void offerForPostalCode();
    void chosen(int row);
    void type(QLineEdit *edit, const QString &text);
    void say(const QString &message);

    QPointer<QLineEdit> m_postalCode;
    QPointer<QLineEdit> m_commune;
    QPointer<QLabel> m_notice;
    const Communes &m_communes;
    QStandardItemModel *m_model;
    QCompleter *m_completer;
    bool m_typing = false; // the assist itself fills a field
};

} // namespace relais::ui
