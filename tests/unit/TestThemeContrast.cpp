// RGAA 3.2: text contrast of at least 4.5:1 in every shipped theme. Reads the style sheets as shipped
// and checks each rule that sets a text colour against the background it is drawn on.
#include <QColor>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

namespace {

struct Rule
{
    QStringList selectors;
    QString color;
    QString background;
};

QList<Rule> parse(const QString &sheet)
{
    QString text = sheet;
    text.remove(QRegularExpression(QStringLiteral("/\\*.*?\\*/"), QRegularExpression::DotMatchesEverythingOption));
    QList<Rule> rules;
    const QRegularExpression block(QStringLiteral("([^{}]+)\\{([^}]*)\\}"));
    const QRegularExpression color(QStringLiteral("(?:^|;)\\s*color\\s*:\\s*([^;]+)"));
    const QRegularExpression background(QStringLiteral("(?:^|;)\\s*background(?:-color)?\\s*:\\s*([^;]+)"));
    for (auto it = block.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        Rule r;
        for (const QString &s : m.captured(1).split(QLatin1Char(',')))
            r.selectors.append(s.simplified());
        const QString body = m.captured(2);
        if (const auto c = color.match(body); c.hasMatch())
            r.color = c.captured(1).trimmed();
        if (const auto b = background.match(body); b.hasMatch())
            r.background = b.captured(1).trimmed();
        rules.append(r);
    }
    return rules;
}

double luminance(const QColor &c)
{
    const auto channel = [](double v) {
        v /= 255.0;
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// The background a selector's text is drawn on: its own, else its ancestor selector's, else the page's.
QString backgroundFor(const QString &selector, const QString &own, const QList<Rule> &rules, const QString &page)
{
    if (!own.isEmpty() && own != QLatin1String("transparent"))
        return own;
    QString ancestor = selector;
    while (ancestor.contains(QLatin1Char(' '))) {
        ancestor = ancestor.left(ancestor.lastIndexOf(QLatin1Char(' '))).trimmed();
        for (const Rule &r : rules) {
            if (r.selectors.contains(ancestor) && !r.background.isEmpty() &&
                r.background != QLatin1String("transparent"))
                return r.background;
        }
    }
    return page;
}

} // namespace

class TestThemeContrast : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyTextColourIsReadable_data();
    void everyTextColourIsReadable();
};

void TestThemeContrast::everyTextColourIsReadable_data()
{
    QTest::addColumn<QString>("theme");
    QTest::addColumn<QString>("page");
    QTest::newRow("standard") << QStringLiteral("relais.qss") << QStringLiteral("#f6f7f9");
    QTest::newRow("high-contrast") << QStringLiteral("high-contrast.qss") << QStringLiteral("#000000");
}

void TestThemeContrast::everyTextColourIsReadable()
{
    QFETCH(QString, theme);
    QFETCH(QString, page);
    QFile file(qEnvironmentVariable("RELAIS_SOURCE_DIR") + QStringLiteral("/resources/themes/") + theme);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    const QList<Rule> rules = parse(QString::fromUtf8(file.readAll()));
    QVERIFY(rules.size() > 10);
    int checked = 0;
    QStringList failures;
    const double required = theme.startsWith(QLatin1String("high")) ? 7.0 : 4.5; // AAA for the contrast theme
    for (const Rule &r : rules) {
        if (r.color.isEmpty())
            continue;
        for (const QString &selector : r.selectors) {
            const QString bg = backgroundFor(selector, r.background, rules, page);
            const QColor fg(r.color), back(bg);
            QVERIFY2(fg.isValid() && back.isValid(), qPrintable(selector + QLatin1Char(' ') + r.color + bg));
            const double ratio = contrast(fg, back);
            ++checked;
            // Disabled controls are exempt (RGAA 3.2 note), but we still keep them at 3:1.
            const double min = selector.contains(QLatin1String(":disabled")) ? 3.0 : required;
            if (ratio < min)
                failures.append(QStringLiteral("%1: %2 on %3 = %4:1").arg(selector, r.color, bg).arg(ratio, 0, 'f', 2));
        }
    }
    QVERIFY(checked > 10);
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestThemeContrast)
#include "TestThemeContrast.moc"
