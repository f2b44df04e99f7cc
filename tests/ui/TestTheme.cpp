// The theme as a person sees it: boxes to tick that grow with the text, destructive buttons apart from the others.
// Screenshots of a sample form at 100 % and 200 % go to $RELAIS_SCREENSHOT_DIR.
#include "UiFind.h"

#include "common/Ui.h"
#include "theme/Theme.h"

#include <QApplication>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QStyleOptionButton>
#include <QTest>
#include <QVBoxLayout>

#include <cmath>

using namespace relais;

namespace {

struct Sample
{
    QWidget window;
    QCheckBox *check;
    QRadioButton *radio;
    QPushButton *plain;
    QPushButton *danger;
};

void build(Sample &s)
{
    auto *l = new QVBoxLayout(&s.window);
    l->addWidget(ui::makeLabel(QStringLiteral("Demande de logement"), "subtitle"));
    s.check = new QCheckBox(QStringLiteral("Justificatif de domicile vu"));
    s.check->setChecked(true);
    s.radio = new QRadioButton(QStringLiteral("Locataire"));
    s.radio->setChecked(true);
    l->addWidget(s.check);
    l->addWidget(new QCheckBox(QStringLiteral("Avis d'imposition vu")));
    l->addWidget(s.radio);
    l->addWidget(new QRadioButton(QStringLiteral("Propriétaire")));
    auto *buttons = new QHBoxLayout;
    s.plain = new QPushButton(QStringLiteral("Garder"));
    s.danger = new QPushButton(QStringLiteral("Effacer le dossier"));
    ui::markDestructive(s.danger);
    buttons->addWidget(s.plain);
    buttons->addWidget(s.danger);
    l->addLayout(buttons);
}

int indicatorSize(QAbstractButton *button, QStyle::SubElement element)
{
    QStyleOptionButton option;
    option.initFrom(button);
    return button->style()->subElementRect(element, &option, button).height();
}

// The colour most of a widget's face has (its text is a small part of it).
QColor face(QWidget *button)
{
    const QImage image = button->grab().toImage();
    QHash<QRgb, int> counts;
    for (int y = image.height() / 4; y < image.height() * 3 / 4; ++y)
        for (int x = image.width() / 8; x < image.width() * 7 / 8; ++x)
            ++counts[image.pixel(x, y)];
    QRgb best = 0;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        if (it.value() > counts.value(best))
            best = it.key();
    return QColor(best);
}

} // namespace

class TestTheme : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void boxesToTickGrowWithTheText_data();
    void boxesToTickGrowWithTheText();
    void destructiveButtonsStandApart_data();
    void destructiveButtonsStandApart();
    void demoBannerStandsApart_data();
    void demoBannerStandsApart();
};

void TestTheme::boxesToTickGrowWithTheText_data()
{
    QTest::addColumn<int>("kind");
    QTest::newRow("standard") << int(ui::ThemeKind::Standard);
    QTest::newRow("high contrast") << int(ui::ThemeKind::HighContrast);
}

void TestTheme::boxesToTickGrowWithTheText()
{
    QFETCH(int, kind);
    const auto theme = ui::ThemeKind(kind);
    int check[2] = {0, 0};
    int radio[2] = {0, 0};
    int i = 0;
    for (int scale : {100, 200}) {
        ui::Theme::apply(theme, scale);
        Sample s;
        build(s);
        s.window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&s.window));
        s.plain->setFocus();
        check[i] = indicatorSize(s.check, QStyle::SE_CheckBoxIndicator);
        radio[i] = indicatorSize(s.radio, QStyle::SE_RadioButtonIndicator);
        const QString name = QStringLiteral("theme-%1-%2").arg(ui::Theme::id(theme)).arg(scale);
        test::saveScreenshot(&s.window, name);
        ++i;
    }
    ui::Theme::apply(ui::ThemeKind::Standard, 100);
    // Twice the text, (nearly) twice the box: never the same little square beside large letters.
    QVERIFY2(check[1] >= check[0] * 17 / 10, qPrintable(QStringLiteral("%1 -> %2").arg(check[0]).arg(check[1])));
    QVERIFY2(radio[1] >= radio[0] * 17 / 10, qPrintable(QStringLiteral("%1 -> %2").arg(radio[0]).arg(radio[1])));
    QVERIFY(check[0] >= 14);
}

void TestTheme::destructiveButtonsStandApart_data()
{
    boxesToTickGrowWithTheText_data();
}

void TestTheme::destructiveButtonsStandApart()
{
    QFETCH(int, kind);
    ui::Theme::apply(ui::ThemeKind(kind), 100);
    Sample s;
    build(s);
    s.window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&s.window));
    s.window.setFocus(); // no button focused: the focus ring would change the colours compared
    const QColor plain = face(s.plain);
    const QColor danger = face(s.danger);
    const QImage image = s.danger->grab().toImage();
    ui::Theme::apply(ui::ThemeKind::Standard, 100);
    if (ui::ThemeKind(kind) == ui::ThemeKind::Standard) {
        QVERIFY2(danger.red() > 120 && danger.green() < 60 && danger.blue() < 60, qPrintable(danger.name()));
        QVERIFY(plain != danger);
    } else {
        // High contrast keeps black faces; the danger is in its yellow dashed border and text.
        int yellow = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x) {
                const QColor c(image.pixel(x, y));
                yellow += c.red() > 200 && c.green() > 170 && c.blue() < 80 ? 1 : 0;
            }
        QVERIFY2(yellow > image.width(), qPrintable(QString::number(yellow)));
        QCOMPARE(plain, QColor(Qt::black));
    }
}

void TestTheme::demoBannerStandsApart_data()
{
    boxesToTickGrowWithTheText_data();
}

// The banner that says "demo, fictitious data" is seen at a glance in both themes: its own colour, not the top bar's
// nor the page's, and its text readable on it.
void TestTheme::demoBannerStandsApart()
{
    QFETCH(int, kind);
    ui::Theme::apply(ui::ThemeKind(kind), 100);
    QWidget window;
    auto *l = new QVBoxLayout(&window);
    const auto bar = [&](const char *name) {
        auto *w = new QWidget;
        w->setObjectName(QLatin1String(name));
        w->setAttribute(Qt::WA_StyledBackground);
        auto *h = new QHBoxLayout(w);
        h->addWidget(ui::makeLabel(QStringLiteral("DÉMO"), "info"));
        h->addStretch();
        w->setMinimumSize(400, 60);
        l->addWidget(w);
        return w;
    };
    QWidget *top = bar("topBar");
    QWidget *demo = bar("demoBanner");
    auto *page = new QWidget;
    page->setMinimumSize(400, 60);
    l->addWidget(page);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    test::saveScreenshot(&window, QStringLiteral("theme-demo-banner-%1").arg(ui::Theme::id(ui::ThemeKind(kind))));
    const QColor banner = face(demo);
    QVERIFY2(banner != face(top), qPrintable(banner.name()));
    QVERIFY2(banner != face(page), qPrintable(banner.name()));
    // WCAG contrast of the text on the banner: at least 4.5:1.
    const QColor text = demo->findChild<QLabel *>()->palette().color(QPalette::WindowText);
    const auto luminance = [](const QColor &c) {
        const auto channel = [](double v) {
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
    };
    const double a = luminance(banner) + 0.05;
    const double b = luminance(text) + 0.05;
    QVERIFY2(qMax(a, b) / qMin(a, b) >= 4.5, qPrintable(text.name() + QStringLiteral(" on ") + banner.name()));
    ui::Theme::apply(ui::ThemeKind::Standard, 100);
}

QTEST_MAIN(TestTheme)
#include "TestTheme.moc"
