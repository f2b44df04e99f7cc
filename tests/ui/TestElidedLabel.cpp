// The structure's name in the top bar at 200 % text on a small screen: one line, cut with "…" when the room is short,
// whole again when there is room; a screen reader and the tooltip always have the whole name.
#include "common/ElidedLabel.h"

#include <QFont>
#include <QHBoxLayout>
#include <QPushButton>
#include <QTest>

using namespace relais::ui;

namespace {
const QString Name = QStringLiteral("France Services de Saint-Affrique (démo)");
}

class TestElidedLabel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cutWhenShortWholeWhenRoom();
};

void TestElidedLabel::cutWhenShortWholeWhenRoom()
{
    QWidget bar;
    auto *layout = new QHBoxLayout(&bar);
    auto *label = new ElidedLabel("subtitle");
    label->setFullText(Name);
    layout->addWidget(label, 1);
    layout->addWidget(new QPushButton(QStringLiteral("Change user")));
    QFont big = bar.font();
    big.setPointSizeF(big.pointSizeF() * 2); // 200 %
    bar.setFont(big);
    const int whole = label->fontMetrics().horizontalAdvance(Name);

    bar.resize(whole * 3, 80);
    bar.show();
    QVERIFY(QTest::qWaitForWindowExposed(&bar));
    QTRY_COMPARE(label->text(), Name);

    // Short of room: the beginning of the name and "…", never wider than the label, on one line.
    bar.resize(whole / 2, 80);
    QTRY_VERIFY(label->text() != Name);
    QVERIFY2(label->text().endsWith(QStringLiteral("…")), qPrintable(label->text()));
    QVERIFY(Name.startsWith(label->text().chopped(1)));
    QVERIFY(label->fontMetrics().horizontalAdvance(label->text()) <= label->contentsRect().width());
    QVERIFY(!label->wordWrap());
    QVERIFY(label->sizeHint().height() < 2 * label->fontMetrics().lineSpacing()); // asks for one line
    QCOMPARE(label->accessibleName(), Name);
    QCOMPARE(label->toolTip(), Name);

    // Room again (the window made wider, or the text size back to 100 %): the whole name.
    bar.resize(whole * 3, 80);
    QTRY_COMPARE(label->text(), Name);
    label->setFullText(QStringLiteral("MFS"));
    QCOMPARE(label->text(), QStringLiteral("MFS"));
    QCOMPARE(label->accessibleName(), QStringLiteral("MFS"));
}

QTEST_MAIN(TestElidedLabel)
#include "TestElidedLabel.moc"
