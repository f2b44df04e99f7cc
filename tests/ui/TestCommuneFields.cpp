// Postal code and commune, typed from the keyboard alone in the citizen's file (the same helper serves the forms'
// address fields, seen in TestFormWizard): a postal code offers its communes, a name offers the communes that start
// with it and their department, and a postal code that is not the commune's is said under them.
#include "FakeClock.h"
#include "UiFind.h"

#include "citizens/CitizenEditor.h"
#include "common/CommuneAssist.h"
#include "common/Keyboard.h"
#include "common/Translations.h"
#include "theme/Theme.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCompleter>
#include <QLabel>
#include <QLineEdit>
#include <QTest>

using namespace relais;
using namespace relais::test;

class TestCommuneFields : public QObject
{
    Q_OBJECT

private:
    FakeClock m_clock;
    std::unique_ptr<ui::CitizenEditor> m_editor;
    QLineEdit *postal() const { return m_editor->lineEdit(QStringLiteral("postal_code")); }
    QLineEdit *commune() const { return m_editor->lineEdit(QStringLiteral("commune")); }
    QLabel *notice() const { return m_editor->findChild<QLabel *>(QStringLiteral("citizen:communeNotice")); }
    QAbstractItemView *list() const { return commune()->completer()->popup(); }
    QStringList listed() const
    {
        QStringList rows;
        for (int i = 0; i < list()->model()->rowCount(); ++i)
            rows << list()->model()->index(i, 0).data().toString();
        return rows;
    }
    // Down to the row that reads `text`, then Enter, as a person picks in the list.
    void choose(const QString &text)
    {
        const int row = int(listed().indexOf(text));
        QVERIFY2(row >= 0, qPrintable(listed().join(QLatin1String(" | "))));
        for (int i = 0; i <= row; ++i)
            press(Qt::Key_Down);
        QCOMPARE(list()->currentIndex().row(), row);
        press(Qt::Key_Return);
        QVERIFY(!list()->isVisible());
    }
    static QString mismatch(const QString &code, const QString &name, const QString &communes)
    {
        return ui::CommuneAssist::tr("The postal code %1 is not that of %2. It is the code of: %3. Check the address.")
            .arg(code, name, communes);
    }

private Q_SLOTS:
    void initTestCase()
    {
        installTranslations(QStringLiteral("en"));
        ui::Theme::apply(ui::ThemeKind::Standard, 100);
        ui::installKeyboardConventions(qApp);
    }
    void init()
    {
        m_editor = std::make_unique<ui::CitizenEditor>();
        m_editor->setClock(&m_clock);
        m_editor->setCitizen(Citizen());
        m_editor->resize(900, 700);
        m_editor->show();
        QApplication::setActiveWindow(m_editor.get());
        QVERIFY(QTest::qWaitForWindowActive(m_editor.get()));
        postal()->setFocus();
        QCOMPARE(focused(), postal());
    }
    void cleanup()
    {
        m_editor->hide(); // leaves its fields while it still exists
        m_editor.reset();
    }

    void aPostalCodeOffersItsCommunes()
    {
        typeHere(QStringLiteral("20200"));
        QVERIFY(commune()->text().isEmpty()); // four communes: the mediator chooses
        press(Qt::Key_Tab);
        QCOMPARE(focused(), commune());
        QVERIFY(list()->isVisible());
        QCOMPARE(listed(),
                 (QStringList{QStringLiteral("Bastia"), QStringLiteral("San-Martino-di-Lota"),
                              QStringLiteral("Santa-Maria-di-Lota"), QStringLiteral("Ville-di-Pietrabugno")}));
        choose(QStringLiteral("Santa-Maria-di-Lota"));
        QCOMPARE(commune()->text(), QStringLiteral("Santa-Maria-di-Lota"));
        QCOMPARE(m_editor->citizen().commune, QStringLiteral("Santa-Maria-di-Lota"));
        QCOMPARE(m_editor->citizen().postalCode, QStringLiteral("20200"));
        QVERIFY(m_editor->isModified());
        QVERIFY(!notice()->isVisible());
    }

    void aPostalCodeOfOneCommuneFillsIt()
    {
        typeHere(QStringLiteral("20000"));
        QCOMPARE(commune()->text(), QStringLiteral("Ajaccio"));
        QCOMPARE(m_editor->citizen().commune, QStringLiteral("Ajaccio"));
        press(Qt::Key_Tab);
        QVERIFY(!list()->isVisible()); // nothing left to choose
    }

    void aDelegatedCommuneIsOffered()
    {
        typeHere(QStringLiteral("01200"));
        press(Qt::Key_Tab);
        QVERIFY(list()->isVisible());
        choose(ui::CommuneAssist::tr("%1 (now part of %2)")
                   .arg(QStringLiteral("Bellegarde-sur-Valserine"), QStringLiteral("Valserhône")));
        QCOMPARE(commune()->text(), QStringLiteral("Bellegarde-sur-Valserine"));
        press(Qt::Key_Tab);
        QVERIFY(!notice()->isVisible());
    }

    void aNameOffersCommunesWithTheirDepartment()
    {
        press(Qt::Key_Tab);
        QCOMPARE(focused(), commune());
        typeHere(QStringLiteral("st pierre"));
        QVERIFY(list()->isVisible());
        const QString reunion =
            ui::CommuneAssist::tr("%1 — %2 (%3)")
                .arg(QStringLiteral("Saint-Pierre"), QStringLiteral("La Réunion"), QStringLiteral("974"));
        QVERIFY(listed().contains(
            ui::CommuneAssist::tr("%1 — %2 (%3)")
                .arg(QStringLiteral("Saint-Pierre"), QStringLiteral("Martinique"), QStringLiteral("972"))));
        // Martinique's Saint-Pierre has one postal code: choosing it writes it.
        choose(ui::CommuneAssist::tr("%1 — %2 (%3)")
                   .arg(QStringLiteral("Saint-Pierre"), QStringLiteral("Martinique"), QStringLiteral("972")));
        QCOMPARE(commune()->text(), QStringLiteral("Saint-Pierre"));
        QCOMPARE(postal()->text(), QStringLiteral("97250"));
        QCOMPARE(m_editor->citizen().postalCode, QStringLiteral("97250"));
        // La Réunion's has two: the postal code typed is kept when it is one of them, else left for the mediator.
        press(Qt::Key_A, Qt::ControlModifier);
        typeHere(QStringLiteral("saint-pier"));
        QVERIFY(listed().contains(reunion));
        choose(reunion);
        QVERIFY(postal()->text().isEmpty()); // 97250 is Martinique's
        QVERIFY(notice()->isVisible());
        QCOMPARE(notice()->text(), ui::CommuneAssist::tr("%1 has several postal codes (%2): type the citizen's.")
                                       .arg(QStringLiteral("Saint-Pierre"), QStringLiteral("97410, 97432")));
        press(Qt::Key_Backtab);
        QCOMPARE(focused(), postal());
        typeHere(QStringLiteral("97432"));
        QVERIFY(!notice()->isVisible());
        QCOMPARE(m_editor->citizen().postalCode, QStringLiteral("97432"));
    }

    void aPostalCodeThatIsNotTheCommunesIsSaid()
    {
        typeHere(QStringLiteral("75011"));
        press(Qt::Key_Tab);
        QCOMPARE(commune()->text(), QStringLiteral("Paris")); // filled: Paris is the one commune of 75011
        press(Qt::Key_A, Qt::ControlModifier);
        typeHere(QStringLiteral("Lyon"));
        press(Qt::Key_Escape); // closes the list of communes, keeps what was typed
        QVERIFY(!list()->isVisible());
        QCOMPARE(commune()->text(), QStringLiteral("Lyon"));
        press(Qt::Key_Tab);
        QVERIFY(notice()->isVisible());
        QCOMPARE(notice()->text(), mismatch(QStringLiteral("75011"), QStringLiteral("Lyon"), QStringLiteral("Paris")));
        QCOMPARE(commune()->accessibleDescription(), notice()->text()); // read out with the field
        // Saved all the same: a CEDEX code or a new commune may be missing from the list.
        QCOMPARE(m_editor->citizen().commune, QStringLiteral("Lyon"));
        // Corrected: the notice goes as the right code is typed.
        press(Qt::Key_Backtab);
        QCOMPARE(focused(), commune());
        press(Qt::Key_Backtab);
        QCOMPARE(focused(), postal());
        typeHere(QStringLiteral("69003"));
        QVERIFY(!notice()->isVisible());
        QVERIFY(commune()->accessibleDescription().isEmpty());
        // A CEDEX code is not in the list: never flagged.
        press(Qt::Key_A, Qt::ControlModifier);
        typeHere(QStringLiteral("69401"));
        press(Qt::Key_Tab);
        QVERIFY(!notice()->isVisible());
    }

    void aFileOpenedWithAMismatchSaysIt()
    {
        Citizen c;
        c.postalCode = QStringLiteral("13008");
        c.commune = QStringLiteral("Lyon");
        m_editor->setCitizen(c);
        QVERIFY(notice()->isVisible());
        QCOMPARE(notice()->text(),
                 mismatch(QStringLiteral("13008"), QStringLiteral("Lyon"), QStringLiteral("Marseille")));
        c.commune = QStringLiteral("Marseille 8e Arrondissement");
        m_editor->setCitizen(c);
        QVERIFY(!notice()->isVisible());
    }
};

QTEST_MAIN(TestCommuneFields)
#include "TestCommuneFields.moc"
