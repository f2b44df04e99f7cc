#include "AdminCli.h"

#include "Diagnostics.h"
#include "Enrolment.h"
#include "StoreAccess.h"
#include "SyncEngine.h"
#include "catalogue/Catalogue.h"
#include "common/Logging.h"
#include "domain/DemoData.h"
#include "domain/Retention.h"
#include "domain/Workspace.h"
#include "security/BackupScheduler.h"
#include "security/Journal.h"
#include "security/Vault.h"
#include "store/Backup.h"
#include "store/Migrations.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QHostInfo>
#include <QNetworkAccessManager>

namespace relais {

namespace {

// The platform key pinned at enrolment (empty if never enrolled): what the journal receipt must be signed with.
QByteArray pinnedPlatformKey(const Workspace &workspace)
{
    const auto settings = sync::StoreAccess::store(workspace).settings();
    return settings ? settings->platformKey : QByteArray();
}

// How far the platform's signed receipt vouches for the journal.
QString journalAnchoring(const Journal::Verification &v)
{
    if (v.receiptSeq > 0)
        return AdminCli::tr("Anchored by the platform: entries 1 to %1 match the receipt it signed on %2; %n later "
                            "entries are not anchored yet.",
                            nullptr, static_cast<int>(v.rows - v.receiptSeq))
            .arg(v.receiptSeq)
            .arg(v.receiptAt);
    return AdminCli::tr("Not anchored by the platform yet: no receipt signed by the platform is kept (one comes back "
                        "from each sync once the kiosk is enrolled).");
}

int exitCodeFor(ErrorCode code)
{
    switch (code) {
    case ErrorCode::WrongPassword:
    case ErrorCode::WrongRecoveryCode:
    case ErrorCode::NoSuchAccount:
    case ErrorCode::Throttled:
    case ErrorCode::AccountDisabled:
    case ErrorCode::PermissionDenied:
        return AdminCli::AuthFailed;
    case ErrorCode::NotAStore:
    case ErrorCode::StoreMissing:
    case ErrorCode::StoreExists:
    case ErrorCode::StoreTooNew:
    case ErrorCode::StoreCorrupt:
    case ErrorCode::KeySlotsDamaged:
    case ErrorCode::KeySlotsMissing:
        return AdminCli::StoreProblem;
    case ErrorCode::Io:
    case ErrorCode::DiskFull:
        return AdminCli::IoProblem;
    default:
        return AdminCli::Failed;
    }
}

} // namespace

struct AdminCli::Options
{
    QStringList positional;
    QHash<QString, QString> values;
    QSet<QString> flags;

    QString value(const char *name) const { return values.value(QLatin1String(name)); }
    bool has(const char *name) const
    {
        return flags.contains(QLatin1String(name)) || values.contains(QLatin1String(name));
    }
    QString dataDir() const
    {
        const QString dir = value("data-dir");
        return dir.isEmpty() ? Vault::defaultDataDir() : dir;
    }
};

AdminCli::AdminCli(const Clock *clock, QTextStream &out, QTextStream &err, std::function<bool(QString *line)> readLine)
    : m_clock(clock), m_out(out), m_err(err), m_readLine(std::move(readLine))
{}

int AdminCli::fail(int code, const QString &message)
{
    m_err << "relais-admin: " << message << Qt::endl;
    return code;
}

int AdminCli::usage(const QString &problem)
{
    if (!problem.isEmpty())
        m_err << "relais-admin: " << problem << Qt::endl;
    m_err << AdminCli::tr(
                 "Usage: relais-admin COMMAND [options]\n"
                 "  init --structure NAME --admin LOGIN [--display-name NAME] [--demo] --password-stdin\n"
                 "  user add --login LOGIN --role admin|mediator|volunteer [--display-name NAME]\n"
                 "  user passwd --login LOGIN\n"
                 "  user disable --login LOGIN   (re-keys the store)\n"
                 "  user role --login LOGIN --role admin|mediator|volunteer   (a lower role re-keys the store)\n"
                 "  user list\n"
                 "  check\n"
                 "  support-bundle --out FILE   an archive for support, without personal data\n"
                 "  verify-journal [--reset-anchor]\n"
                 "  seed-demo --citizens N   (demo stores only: synthetic people, consents, démarches)\n"
                 "  purge [--dry-run]   apply the retention rules now (--dry-run: list what is due)\n"
                 "  enrol --platform URL --code CODE [--device-name NAME] [--ca FILE]   connect to the platform\n"
                 "      (--ca: the platform's CA certificate, PEM; then trusted alone for the platform)\n"
                 "  sync [--chunk-size BYTES] [--wait SECONDS]   one synchronisation round now, with a summary;\n"
                 "      if another program is synchronising this store, waits for it up to SECONDS (default 60)\n"
                 "  backup --out FILE   an encrypted backup of the store, taken while it is in use\n"
                 "  backup schedule --folder DIR --keep N   a daily backup by the kiosk into DIR, keeping the N most\n"
                 "      recent; backup schedule --off: none; backup schedule: what is set\n"
                 "  restore --in FILE   into an empty --data-dir, opened with --as LOGIN or --recovery\n"
                 "  proxy set --url http://HOST:PORT [--user USER]   the proxy towards the platform (with --user,\n"
                 "      its password is the next line of standard input); proxy clear: the system's settings\n"
                 "Options of every command that opens the store:\n"
                 "  --data-dir DIR      data folder (default: RELAIS_DATA_DIR or the user's data folder)\n"
                 "  --as LOGIN          the account whose password (first line of standard input) opens it\n"
                 "  --recovery          open it with the recovery code (first line) instead\n"
                 "  --password-stdin    read passwords from standard input, one per line\n"
                 "Exit codes: 0 success, 1 failure, 2 usage, 3 authentication, 4 store, 5 disk or files,\n"
                 "  6 another program was synchronising this store (sync: run it again later).")
          << Qt::endl;
    return Usage;
}

int AdminCli::run(const QStringList &arguments)
{
    static const QSet<QString> valued = {
        QStringLiteral("data-dir"),   QStringLiteral("as"),           QStringLiteral("structure"),
        QStringLiteral("admin"),      QStringLiteral("display-name"), QStringLiteral("login"),
        QStringLiteral("role"),       QStringLiteral("lang"),         QStringLiteral("citizens"),
        QStringLiteral("platform"),   QStringLiteral("code"),         QStringLiteral("device-name"),
        QStringLiteral("chunk-size"), QStringLiteral("ca"),           QStringLiteral("url"),
        QStringLiteral("user"),       QStringLiteral("out"),          QStringLiteral("in"),
        QStringLiteral("wait"),       QStringLiteral("folder"),       QStringLiteral("keep")};
    static const QSet<QString> boolean = {QStringLiteral("password-stdin"), QStringLiteral("reset-anchor"),
                                          QStringLiteral("dry-run"),        QStringLiteral("recovery"),
                                          QStringLiteral("demo"),           QStringLiteral("help"),
                                          QStringLiteral("version"),        QStringLiteral("off")};
    Options o;
    for (int i = 1; i < arguments.size(); ++i) {
        const QString arg = arguments.at(i);
        if (!arg.startsWith(QLatin1String("--"))) {
            o.positional.append(arg);
            continue;
        }
        QString name = arg.mid(2);
        QString inlineValue;
        const int eq = name.indexOf(QLatin1Char('='));
        if (eq >= 0) {
            inlineValue = name.mid(eq + 1);
            name = name.left(eq);
        }
        if (boolean.contains(name)) {
            o.flags.insert(name);
        } else if (valued.contains(name)) {
            if (eq >= 0) {
                o.values.insert(name, inlineValue);
            } else if (i + 1 < arguments.size()) {
                o.values.insert(name, arguments.at(++i));
            } else {
                return usage(AdminCli::tr("The option --%1 needs a value.").arg(name));
            }
        } else if (name == QLatin1String("password")) {
            return usage(AdminCli::tr("Passwords are never given as arguments: use --password-stdin."));
        } else {
            return usage(AdminCli::tr("Unknown option --%1.").arg(name));
        }
    }
    // What a packager, a support call or `relais-admin check` on another PC first needs to know.
    if (o.has("version")) {
        m_out << "relais-admin " << RELAIS_VERSION << Qt::endl;
        return Ok;
    }
    if (o.has("help") || o.positional.isEmpty())
        return usage();
    const QString command = o.positional.first();
    if (command == QLatin1String("init"))
        return init(o);
    if (command == QLatin1String("user"))
        return user(o);
    if (command == QLatin1String("check"))
        return check(o);
    if (command == QLatin1String("support-bundle"))
        return supportBundle(o);
    if (command == QLatin1String("verify-journal"))
        return verifyJournal(o);
    if (command == QLatin1String("seed-demo"))
        return seedDemo(o);
    if (command == QLatin1String("purge"))
        return purge(o);
    if (command == QLatin1String("enrol"))
        return enrol(o);
    if (command == QLatin1String("sync"))
        return sync(o);
    if (command == QLatin1String("backup"))
        return backup(o);
    if (command == QLatin1String("restore"))
        return restore(o);
    if (command == QLatin1String("proxy"))
        return proxy(o);
    return usage(AdminCli::tr("Unknown command %1.").arg(command));
}

namespace {

// Reads one secret line from standard input straight into wiped memory.
bool readSecret(const std::function<bool(QString *)> &readLine, SecureBytes *secret)
{
    QString line;
    if (!readLine(&line))
        return false;
    *secret = SecureBytes::fromQString(line);
    return !secret->isEmpty();
}

} // namespace

int AdminCli::init(const Options &o)
{
    if (!o.has("password-stdin"))
        return usage(
            AdminCli::tr("init reads the administrator's password from standard input: add --password-stdin."));
    if (o.value("structure").isEmpty() || o.value("admin").isEmpty())
        return usage(AdminCli::tr("init needs --structure and --admin."));
    SecureBytes password;
    if (!readSecret(m_readLine, &password))
        return fail(Usage, AdminCli::tr("No password on standard input."));
    Vault vault(o.dataDir(), m_clock);
    auto result =
        vault.initialize(o.value("structure"), o.value("admin"), o.value("display-name"), password, o.has("demo"));
    if (!result)
        return fail(exitCodeFor(result.code()), result.message());
    m_out << AdminCli::tr("Store created for %1 in %2.").arg(o.value("structure"), o.dataDir()) << '\n'
          << AdminCli::tr("Recovery code (shown only once: write it down and keep it in a safe place):") << '\n'
          << "    " << result->recoveryCode << Qt::endl;
    return Ok;
}

namespace {

// Opens the store as --as LOGIN (password on the first line) or with --recovery (code on the first line).
Result<Account> openAs(Vault &vault, const QStringList &, const std::function<bool(QString *)> &readLine, bool recovery,
                       const QString &login, const QString &recoveryTarget = QString())
{
    if (Status s = vault.loadSlots(); !s)
        return s.error();
    if (recovery) {
        QString code;
        if (!readLine(&code))
            return makeError(ErrorCode::InvalidInput, AdminCli::tr("No recovery code on standard input."));
        auto admins = vault.recover(code);
        wipe(code);
        if (!admins)
            return admins.error();
        for (const Account &a : admins.value()) {
            if (!a.disabled && (recoveryTarget.isEmpty() || a.login == recoveryTarget))
                return a;
        }
        return makeError(ErrorCode::NoSuchAccount,
                         AdminCli::tr("With the recovery code, only an administrator's password can "
                                      "be reset."));
    }
    if (login.isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         AdminCli::tr("Say which account opens the store: --as LOGIN (or --recovery)."));
    SecureBytes password;
    if (!readSecret(readLine, &password))
        return makeError(ErrorCode::InvalidInput, AdminCli::tr("No password on standard input."));
    return vault.signIn(login, password);
}

} // namespace

int AdminCli::user(const Options &o)
{
    const QString sub = o.positional.value(1);
    if (sub.isEmpty())
        return usage(AdminCli::tr("user needs a subcommand: add, passwd, disable, role or list."));
    if (sub != QLatin1String("add") && sub != QLatin1String("passwd") && sub != QLatin1String("disable") &&
        sub != QLatin1String("role") && sub != QLatin1String("list"))
        return usage(AdminCli::tr("Unknown subcommand user %1.").arg(sub));
    if (!o.has("password-stdin"))
        return usage(AdminCli::tr("Passwords are read from standard input: add --password-stdin."));
    const QString login = o.value("login");
    if (sub != QLatin1String("list") && login.isEmpty())
        return usage(AdminCli::tr("user %1 needs --login.").arg(sub));
    Role role = Role::Mediator;
    if ((sub == QLatin1String("add") || sub == QLatin1String("role")) && !roleFromId(o.value("role"), &role))
        return usage(AdminCli::tr("--role must be admin, mediator or volunteer."));

    Vault vault(o.dataDir(), m_clock);
    const bool recovery = o.has("recovery");
    if (recovery && sub != QLatin1String("passwd"))
        return usage(AdminCli::tr("The recovery code only serves to reset an administrator's password (user passwd)."));
    auto actor = openAs(vault, o.positional, m_readLine, recovery, o.value("as"), recovery ? login : QString());
    if (!actor)
        return fail(exitCodeFor(actor.code()), actor.message());
    printRekeyReport(vault.takeRekeyReport()); // a re-key finished at this unlock

    if (sub == QLatin1String("list")) {
        auto list = vault.accounts();
        if (!list)
            return fail(exitCodeFor(list.code()), list.message());
        for (const Account &a : list.value()) {
            m_out << a.login << '\t' << roleId(a.role) << '\t' << (a.disabled ? "disabled" : "active") << '\t'
                  << a.displayName << '\n';
        }
        m_out.flush();
        return Ok;
    }
    if (sub == QLatin1String("disable") || sub == QLatin1String("role")) {
        const Status s = sub == QLatin1String("disable") ? vault.setDisabled(actor.value(), login, true)
                                                         : vault.setRole(actor.value(), login, role);
        if (!s)
            return fail(exitCodeFor(s.code()), s.message());
        m_out << (sub == QLatin1String("disable") ? AdminCli::tr("Account %1 disabled.").arg(login)
                                                  : AdminCli::tr("Account %1 is now %2.").arg(login, roleId(role)))
              << '\n';
        printRekeyReport(vault.takeRekeyReport());
        m_out.flush();
        return Ok;
    }
    SecureBytes password;
    if (!readSecret(m_readLine, &password))
        return fail(Usage, AdminCli::tr("The new password is missing: put it on the next line of standard input."));
    if (sub == QLatin1String("add")) {
        if (Status s = vault.addAccount(actor.value(), login, o.value("display-name"), role, password); !s)
            return fail(exitCodeFor(s.code()), s.message());
        m_out << AdminCli::tr("Account %1 created.").arg(login) << Qt::endl;
        return Ok;
    }
    if (Status s = vault.changePassword(actor.value(), login, password); !s)
        return fail(exitCodeFor(s.code()), s.message());
    m_out << AdminCli::tr("Password of %1 changed.").arg(login) << Qt::endl;
    if (recovery) {
        auto code = vault.renewRecoveryCode(actor.value());
        if (!code)
            return fail(exitCodeFor(code.code()), code.message());
        m_out << AdminCli::tr(
                     "The recovery code has been used, so it was replaced. New recovery code (shown only once):")
              << '\n'
              << "    " << code.value() << Qt::endl;
    }
    return Ok;
}

void AdminCli::printRekeyReport(const ResealReport &report)
{
    if (!report.loginsWithoutSlot.isEmpty())
        m_out << AdminCli::tr("The store has a new key. These accounts were made by an older Relais and need a new "
                              "password from an administrator (user passwd): %1")
                     .arg(report.loginsWithoutSlot.join(QStringLiteral(", ")))
              << '\n';
    if (!report.newRecoveryCode.isEmpty())
        m_out << AdminCli::tr("The store has a new key and a new recovery code (shown only once: write it down and "
                              "keep it in a safe place):")
              << '\n'
              << "    " << report.newRecoveryCode << '\n';
}

int AdminCli::openStore(const Options &o, Vault &vault, Account *actor)
{
    if (!o.has("password-stdin") && !o.has("recovery"))
        return usage(AdminCli::tr("Passwords are read from standard input: add --password-stdin."));
    auto opened = openAs(vault, o.positional, m_readLine, o.has("recovery"), o.value("as"));
    if (!opened)
        return fail(exitCodeFor(opened.code()), opened.message());
    printRekeyReport(vault.takeRekeyReport());
    if (actor)
        *actor = opened.value();
    return Ok;
}

int AdminCli::check(const Options &o)
{
    Vault vault(o.dataDir(), m_clock);
    Account actor;
    if (const int code = openStore(o, vault, &actor); code != Ok)
        return code;
    const Workspace workspace(&vault, actor);
    // Warnings are printed but keep exit code 0: scripts act on errors only.
    if (Diagnostics::writeCheckReport(workspace, o.dataDir(), m_out) == Diagnostics::Severity::Error)
        return fail(Failed, AdminCli::tr("The check found problems (see above)."));
    return Ok;
}

int AdminCli::supportBundle(const Options &o)
{
    if (o.value("out").isEmpty())
        return usage(AdminCli::tr("support-bundle needs --out FILE."));
    Vault vault(o.dataDir(), m_clock);
    Account actor;
    if (const int code = openStore(o, vault, &actor); code != Ok)
        return code;
    const Workspace workspace(&vault, actor);
    if (Status s = Diagnostics::writeSupportBundle(workspace, o.dataDir(), o.value("out")); !s)
        return fail(exitCodeFor(s.code()), s.message());
    qCInfo(lcCli) << "support bundle written";
    m_out << AdminCli::tr("Support bundle written to %1 (no personal data in it).").arg(o.value("out")) << Qt::endl;
    return Ok;
}

int AdminCli::verifyJournal(const Options &o)
{
    Vault vault(o.dataDir(), m_clock);
    Account actor;
    if (const int code = openStore(o, vault, &actor); code != Ok)
        return code;
    if (o.has("reset-anchor")) {
        if (!actor.isAdmin())
            return fail(AuthFailed, AdminCli::tr("Only an administrator can reset the journal's anchor."));
        if (Status s = vault.journal().resetAnchor(actor.login); !s)
            return fail(exitCodeFor(s.code()), s.message());
        m_out << AdminCli::tr("The journal's anchor now records its current end.") << '\n';
    }
    const QByteArray platformKey = pinnedPlatformKey(Workspace(&vault, actor));
    const Journal::Verification v = vault.journal().verify(platformKey);
    if (!v.intact) {
        m_out << AdminCli::tr("Journal: %n entries.", nullptr, static_cast<int>(v.rows)) << '\n';
        if (v.firstBrokenId > 0)
            m_out << AdminCli::tr("First broken entry: %1").arg(v.firstBrokenId) << Qt::endl;
        return fail(Failed, Journal::describe(v));
    }
    m_out << AdminCli::tr("Journal intact: %n entries.", nullptr, static_cast<int>(v.rows)) << '\n'
          << AdminCli::tr("Head: %1").arg(QString::fromLatin1(v.head.toHex())) << '\n'
          << journalAnchoring(v) << '\n';
    if (v.receiptSeq > 0)
        // To compare with the key the platform publishes: the receipt proves nothing against a key swapped here.
        m_out << AdminCli::tr("Platform key: %1").arg(QString::fromLatin1(platformKey.toBase64())) << '\n';
    m_out.flush();
    return Ok;
}

int AdminCli::purge(const Options &o)
{
    Vault vault(o.dataDir(), m_clock);
    Account actor;
    if (const int code = openStore(o, vault, &actor); code != Ok)
        return code;
    if (!actor.isAdmin())
        return fail(AuthFailed, AdminCli::tr("Only an administrator can apply the retention rules."));
    const catalogue::Catalogue catalogue = catalogue::Catalogue::load(catalogue::Catalogue::bundledPath());
    const Workspace workspace(&vault, actor);
    Retention retention = workspace.retention(&catalogue);
    if (o.has("dry-run")) {
        // Counts per rule only: the names stay in the store.
        const auto plan = retention.plan(0);
        if (!plan)
            return fail(exitCodeFor(plan.code()), plan.message());
        QMap<int, int> perKind;
        for (const RetentionItem &item : plan.value())
            ++perKind[int(item.kind)];
        for (auto it = perKind.cbegin(); it != perKind.cend(); ++it)
            m_out << Retention::kindLabel(RetentionItem::Kind(it.key())) << ": " << it.value() << '\n';
        m_out << AdminCli::tr("Due now: %1.").arg(plan->size()) << Qt::endl;
        const Result<int> waiting = retention.waitingOfErasedFiles(plan.value());
        if (!waiting)
            return fail(exitCodeFor(waiting.code()), waiting.message());
        if (waiting.value() > 0)
            m_out << Retention::waitingNotice(waiting.value(), true) << Qt::endl;
        return Ok;
    }
    const auto report = retention.purge(actor.login);
    if (!report)
        return fail(exitCodeFor(report.code()), report.message());
    m_out << Retention::describe(report.value()) << Qt::endl;
    if (report->waitingKept > 0)
        m_out << Retention::waitingNotice(report->waitingKept, false) << Qt::endl;
    return Ok;
}

int AdminCli::seedDemo(const Options &o)
{
    bool numeric = false;
    const int count = o.value("citizens").toInt(&numeric);
    if (!numeric || count <= 0 || count > 1000000)
        return usage(AdminCli::tr("seed-demo needs --citizens N, a number of people between 1 and 1000000."));
    if (!o.has("password-stdin"))
        return usage(AdminCli::tr("Passwords are read from standard input: add --password-stdin."));
    Vault vault(o.dataDir(), m_clock);
    auto actor = openAs(vault, o.positional, m_readLine, false, o.value("as"));
    if (!actor)
        return fail(exitCodeFor(actor.code()), actor.message());
    const auto counts = DemoData::seed(vault, actor.value(), count);
    if (!counts)
        return fail(exitCodeFor(counts.code()), counts.message());
    m_out << AdminCli::tr("Demo data added: %1 people, %2 consents, %3 mandates, %4 drafts, %5 démarches waiting to be "
                          "sent.")
                 .arg(counts->citizens)
                 .arg(counts->consents)
                 .arg(counts->mandates)
                 .arg(counts->drafts)
                 .arg(counts->queued)
          << Qt::endl;
    return Ok;
}

} // namespace relais

namespace relais {

int AdminCli::enrol(const Options &o)
{
    const QString platform = o.value("platform");
    const QString code = o.value("code");
    if (platform.isEmpty() || code.isEmpty())
        return usage(AdminCli::tr("enrol needs --platform URL and --code CODE."));
    Vault vault(o.dataDir(), m_clock);
    Account actor;
    if (const int c = openStore(o, vault, &actor); c != Ok)
        return c;
    if (!actor.isAdmin())
        return fail(AuthFailed, AdminCli::tr("Only an administrator can enrol this kiosk."));
    const QString deviceName = o.value("device-name").isEmpty() ? QHostInfo::localHostName() : o.value("device-name");
    QByteArray ca;
    if (!o.value("ca").isEmpty()) {
        QFile file(o.value("ca"));
        if (!file.open(QIODevice::ReadOnly))
            return fail(IoProblem, AdminCli::tr("Cannot read the CA certificate %1.").arg(o.value("ca")));
        ca = file.readAll();
    }
    const Workspace workspace(&vault, actor);
    sync::SyncStore store = sync::StoreAccess::store(workspace);
    const auto current = store.settings();
    if (!current)
        return fail(exitCodeFor(current.code()), current.message());
    QNetworkAccessManager nam;
    sync::Enrolment enrolment(&nam);
    enrolment.setPlatformCa(ca);
    enrolment.setProxy(current->proxy);
    QEventLoop loop;
    Result<sync::SyncSettings> outcome = makeError(ErrorCode::Io, QString());
    enrolment.enrol(QUrl::fromUserInput(platform), code, deviceName, [&](Result<sync::SyncSettings> r) {
        outcome = std::move(r);
        loop.quit();
    });
    loop.exec();
    if (!outcome)
        return fail(Failed, outcome.message());
    if (const Status saved = store.saveEnrolment(outcome.value(), actor.login); !saved)
        return fail(exitCodeFor(saved.code()), saved.message());
    m_out << AdminCli::tr("Enrolled with %1 as device %2.").arg(outcome->platformName, outcome->deviceId) << Qt::endl;
    return Ok;
}

int AdminCli::backup(const Options &o)
{
    if (o.positional.value(1) == QLatin1String("schedule"))
        return backupSchedule(o);
    if (o.value("out").isEmpty())
        return usage(AdminCli::tr("backup needs --out FILE."));
    Vault vault(o.dataDir(), m_clock);
    Account actor;
    if (const int c = openStore(o, vault, &actor); c != Ok)
        return c;
    if (Status s = vault.backup(actor, o.value("out")); !s)
        return fail(exitCodeFor(s.code()), s.message());
    m_out << AdminCli::tr("Backup written to %1. It is encrypted like the store: keep it away from this PC, and "
                          "keep an administrator's password or the recovery code to restore it.")
                 .arg(QDir::toNativeSeparators(o.value("out")))
          << Qt::endl;
    return Ok;
}

int AdminCli::backupSchedule(const Options &o)
{
    const bool off = o.has("off");
    const bool set = o.has("folder") || o.has("keep");
    if (off && set)
        return usage(AdminCli::tr("backup schedule takes either --folder and --keep, or --off."));
    if (set && (!o.has("folder") || !o.has("keep")))
        return usage(AdminCli::tr("backup schedule needs both --folder DIR and --keep N."));
    bool keepIsNumber = true;
    const int keep = set ? o.value("keep").toInt(&keepIsNumber) : 0;
    if (!keepIsNumber)
        return usage(AdminCli::tr("--keep needs a number of backups."));
    Vault vault(o.dataDir(), m_clock);
    Account actor;
    if (const int c = openStore(o, vault, &actor); c != Ok)
        return c;
    if (off) {
        if (Status s = BackupScheduler::turnOff(vault, actor); !s)
            return fail(exitCodeFor(s.code()), s.message());
    } else if (set) {
        if (Status s = BackupScheduler::configure(
                vault, actor, QDir::cleanPath(QDir::current().absoluteFilePath(o.value("folder"))), keep);
            !s)
            return fail(exitCodeFor(s.code()), s.message());
    }
    const BackupScheduler::Schedule now = BackupScheduler::schedule(vault);
    if (!now.isOn()) {
        m_out << AdminCli::tr("No daily backup is scheduled.") << Qt::endl;
        return Ok;
    }
    m_out << AdminCli::tr("Every day, the kiosk backs up the store into %1 and keeps the %n most recent backup(s).",
                          nullptr, now.keep)
                 .arg(QDir::toNativeSeparators(now.folder))
          << Qt::endl;
    if (!QFileInfo(now.folder).isDir())
        m_out << AdminCli::tr("The folder %1 cannot be found now: the backups wait until it can.")
                     .arg(QDir::toNativeSeparators(now.folder))
              << Qt::endl;
    return Ok;
}

int AdminCli::restore(const Options &o)
{
    if (o.value("in").isEmpty())
        return usage(AdminCli::tr("restore needs --in FILE and the empty --data-dir to restore into."));
    if (Vault(o.dataDir(), m_clock).storeExists())
        return fail(StoreProblem, AdminCli::tr("The data folder %1 already holds a store: nothing was restored over "
                                               "it. Restore into an empty folder.")
                                      .arg(QDir::toNativeSeparators(o.dataDir())));
    auto restored = Backup::restore(o.value("in"), o.dataDir());
    if (!restored)
        return fail(exitCodeFor(restored.code()), restored.message());
    const auto undo = [&]() {
        for (const QString &name : Backup::partNames())
            QFile::remove(QDir(o.dataDir()).filePath(name));
    };
    Vault vault(o.dataDir(), m_clock);
    Account actor;
    if (const int c = openStore(o, vault, &actor); c != Ok) {
        vault.close();
        undo(); // a backup that nobody here can open is not left behind as a store
        return c;
    }
    bool ok = true;
    if (Status s = vault.database()->integrityCheck(); !s) {
        m_out << AdminCli::tr("Database integrity: %1").arg(s.message()) << '\n';
        ok = false;
    }
    const Journal::Verification v = vault.journal().verify();
    m_out << AdminCli::tr("Journal: %1").arg(Journal::describe(v)) << '\n';
    ok = ok && v.intact;
    vault.record(actor.login, QStringLiteral("store_restored"));
    m_out << AdminCli::tr("Store restored in %1.").arg(QDir::toNativeSeparators(o.dataDir())) << Qt::endl;
    return ok ? Ok : fail(Failed, AdminCli::tr("The restored store has problems (see above)."));
}

int AdminCli::sync(const Options &o)
{
    Vault vault(o.dataDir(), m_clock);
    Account actor;
    if (const int c = openStore(o, vault, &actor); c != Ok)
        return c;
    const Workspace workspace(&vault, actor);
    sync::SyncEngine engine(workspace);
    if (!o.value("chunk-size").isEmpty()) {
        bool ok = false;
        const qint64 bytes = o.value("chunk-size").toLongLong(&ok);
        if (!ok || bytes < 1024)
            return usage(AdminCli::tr("--chunk-size needs a number of bytes, at least 1024."));
        engine.setChunkSize(bytes);
    }
    // A kiosk and a scheduled sync on one PC is a normal set-up: the later one waits its turn, for a while.
    int waitSecs = 60;
    if (o.has("wait")) {
        bool ok = false;
        waitSecs = o.value("wait").toInt(&ok);
        if (!ok || waitSecs < 0)
            return usage(AdminCli::tr("--wait needs a number of seconds (0: do not wait)."));
    }
    engine.setLockWaitMs(waitSecs * 1000);
    const auto settings = sync::StoreAccess::store(workspace).settings();
    if (!settings)
        return fail(exitCodeFor(settings.code()), settings.message());
    if (!settings->isEnrolled())
        return fail(Failed, AdminCli::tr("This kiosk is not enrolled: run relais-admin enrol first."));
    QEventLoop loop;
    sync::RoundSummary summary;
    QObject::connect(&engine, &sync::SyncEngine::finished, &loop, [&](const sync::RoundSummary &s) {
        summary = s;
        loop.quit();
    });
    engine.start(true);
    if (engine.isRunning())
        loop.exec();
    // Counts only: nothing about the people or the démarches' content.
    m_out << AdminCli::tr("delivered %1").arg(summary.delivered) << '\n'
          << AdminCli::tr("quarantined %1").arg(summary.quarantined) << '\n'
          << AdminCli::tr("retrying %1").arg(summary.retrying) << '\n'
          << AdminCli::tr("waiting %1").arg(summary.waiting) << '\n'
          << AdminCli::tr("status updates %1").arg(summary.statusUpdates) << Qt::endl;
    if (!summary.catalogueError.isEmpty())
        m_err << "relais-admin: " << summary.catalogueError << Qt::endl;
    if (summary.busyElsewhere)
        return fail(Busy, summary.error);
    if (summary.stopped)
        return fail(AuthFailed, summary.stoppedReason);
    if (!summary.online || !summary.error.isEmpty())
        return fail(Failed, summary.error.isEmpty() ? AdminCli::tr("The platform cannot be reached.") : summary.error);
    return Ok;
}

int AdminCli::proxy(const Options &o)
{
    const QString sub = o.positional.value(1);
    if (sub != QLatin1String("set") && sub != QLatin1String("clear"))
        return usage(AdminCli::tr("proxy needs a subcommand: set or clear."));
    sync::ProxySettings proxy;
    if (sub == QLatin1String("set")) {
        const auto url = sync::access::parseProxyUrl(o.value("url"));
        if (!url)
            return usage(url.message());
        proxy.url = url.value();
        proxy.user = o.value("user");
    }
    Vault vault(o.dataDir(), m_clock);
    Account actor;
    if (const int c = openStore(o, vault, &actor); c != Ok)
        return c;
    if (!actor.isAdmin())
        return fail(AuthFailed, AdminCli::tr("Only an administrator can change the proxy."));
    if (!proxy.user.isEmpty()) {
        // Kept in the encrypted store as text: the proxy needs it back at every connection.
        if (!m_readLine(&proxy.password) || proxy.password.isEmpty())
            return usage(AdminCli::tr("Give the proxy's password on the next line of standard input."));
    }
    const Workspace workspace(&vault, actor);
    sync::SyncStore store = sync::StoreAccess::store(workspace);
    if (const Status saved = store.saveProxy(proxy, actor.login); !saved)
        return fail(exitCodeFor(saved.code()), saved.message());
    // The address and the user only: the password is never printed.
    if (proxy.isSet())
        m_out << AdminCli::tr("The platform is now reached through the proxy %1.").arg(proxy.url.toString())
              << Qt::endl;
    else
        m_out << AdminCli::tr("No proxy set: the system's proxy settings apply.") << Qt::endl;
    return Ok;
}

} // namespace relais
