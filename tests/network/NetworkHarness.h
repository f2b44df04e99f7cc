#pragma once

// The deployment of sync/protocol/README.md on this machine, for tests: relais-platform on loopback, nginx with TLS
// in front of it (scripts/tls-platform, a test CA made at start), squid with basic authentication, and a kiosk
// store driven by the real relais-admin. Every process is stopped by its owner's destructor.
#include "AdminRun.h"
#include "TempStoreDir.h"
#include "TestStore.h"

#include "../platform/PlatformHarness.h"

#include "domain/AttachmentStore.h"
#include "domain/SubmissionRepository.h"
#include "security/Vault.h"

#include <QBuffer>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileDevice>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <csignal>
#include <pwd.h>
#include <unistd.h>

namespace networktest {
inline QByteArray reasonText(const char *text)
{
    return QByteArray(text);
}
inline QByteArray reasonText(const QString &text)
{
    return text.toUtf8();
}
} // namespace networktest

// A machine that cannot run the stack skips with the reason; under CI (variable CI set) that is a failure.
#define NETWORK_REQUIRE(condition, reason)                                                                             \
    do {                                                                                                               \
        if (!(condition)) {                                                                                            \
            const QByteArray networkReason = networktest::reasonText(reason);                                          \
            if (qEnvironmentVariableIsSet("CI"))                                                                       \
                QFAIL(networkReason.constData());                                                                      \
            QSKIP(networkReason.constData());                                                                          \
        }                                                                                                              \
    } while (false)

namespace networktest {

using namespace relais;
using namespace relais::test;

// What relais-admin says, in English (AdminRun runs it with RELAIS_LANG=en).
inline const char *const UntrustedCertificate =
    "The platform's certificate is not trusted by this kiosk: nothing was sent. Check the platform address, or enrol "
    "again with the platform's CA certificate.";
inline const char *const ProxyRefused =
    "The proxy refused the user name or the password (407): nothing was sent. Check the proxy settings.";
inline const char *const ProxyUnreachable =
    "The proxy cannot be reached or closed the connection: the démarches stay in the outbox. Check the proxy "
    "settings.";

inline QString sourceDir()
{
    return QString::fromLocal8Bit(qgetenv("RELAIS_SOURCE_DIR"));
}

inline QString readText(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

inline bool writeText(const QString &path, const QByteArray &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(text) == text.size();
}

// A port nobody listens on now (the tiny race with another process is acceptable on a test machine).
inline quint16 freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

inline bool waitForPort(quint16 port, QProcess *owner, int ms = 15000,
                        const QHostAddress &address = QHostAddress(QHostAddress::LocalHost))
{
    QDeadlineTimer deadline(ms);
    while (!deadline.hasExpired()) {
        if (owner && owner->state() == QProcess::NotRunning)
            return false;
        QTcpSocket socket;
        socket.connectToHost(address, port);
        if (socket.waitForConnected(300))
            return true;
        QTest::qWait(100);
    }
    return false;
}

inline void terminate(QProcess *process)
{
    if (!process || process->state() == QProcess::NotRunning)
        return;
    ::kill(pid_t(process->processId()), SIGTERM);
    if (!process->waitForFinished(10000)) {
        process->kill();
        process->waitForFinished(3000);
    }
}

inline QString nginxPath()
{
    return QStandardPaths::findExecutable(QStringLiteral("nginx"),
                                          {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")});
}

inline QString squidPath()
{
    return QStandardPaths::findExecutable(QStringLiteral("squid"),
                                          {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")});
}

inline QString squidAuthHelper()
{
    const QString helper = QStringLiteral("/usr/lib/squid/basic_ncsa_auth");
    return QFileInfo(helper).isExecutable() ? helper : QString();
}

// nginx with TLS in front of a platform, started by scripts/tls-platform with the documented configuration. Its
// folder holds the test CA (ca.pem), made the first time; a restart on the same folder keeps the certificates.
class TlsFront
{
public:
    explicit TlsFront(QString dir) : m_dir(std::move(dir)) {}
    ~TlsFront() { stop(); }

    bool start(quint16 upstreamPort, quint16 port, const QString &address = QStringLiteral("127.0.0.1"))
    {
        m_port = port;
        m_process.reset(new QProcess);
        m_process->setProcessChannelMode(QProcess::MergedChannels);
        m_process->start(QStringLiteral("bash"), {sourceDir() + QStringLiteral("/scripts/tls-platform"), m_dir,
                                                  QString::number(upstreamPort), QString::number(port), address});
        return m_process->waitForStarted(5000) && waitForPort(port, m_process.get(), 15000, QHostAddress(address));
    }
    void stop() { terminate(m_process.get()); }
    bool isRunning() const { return m_process && m_process->state() == QProcess::Running; }

    QString caPath() const { return m_dir + QStringLiteral("/ca.pem"); }
    QString accessLog() const { return readText(m_dir + QStringLiteral("/access.log")); }
    QString diagnostics() const
    {
        return (m_process ? QString::fromUtf8(m_process->readAll()) : QString()) +
               readText(m_dir + QStringLiteral("/error.log"));
    }
    QUrl url(const QString &host = QStringLiteral("127.0.0.1")) const
    {
        return QUrl(QStringLiteral("https://%1:%2").arg(host).arg(m_port));
    }

private:
    QString m_dir;
    quint16 m_port = 0;
    std::unique_ptr<QProcess> m_process;
};

// A network namespace made for one test, joined to this one by a veth pair: 10.213.N.1 here, 10.213.N.2 inside.
// Needs root (CAP_NET_ADMIN); isValid() says whether it could be made. Removed (with its veth pair) at the end.
class NetworkNamespace
{
public:
    NetworkNamespace()
    {
        const qint64 pid = QCoreApplication::applicationPid();
        m_name = QStringLiteral("relais-test-%1").arg(pid);
        const QString host = QStringLiteral("rlt%1h").arg(pid % 10000000);
        const QString inside = QStringLiteral("rlt%1n").arg(pid % 10000000);
        const int subnet = int(pid % 250) + 1;
        m_hostAddress = QStringLiteral("10.213.%1.1").arg(subnet);
        m_insideAddress = QStringLiteral("10.213.%1.2").arg(subnet);
        const QList<QStringList> steps = {
            {QStringLiteral("netns"), QStringLiteral("add"), m_name},
            {QStringLiteral("link"), QStringLiteral("add"), host, QStringLiteral("type"), QStringLiteral("veth"),
             QStringLiteral("peer"), QStringLiteral("name"), inside},
            {QStringLiteral("link"), QStringLiteral("set"), inside, QStringLiteral("netns"), m_name},
            {QStringLiteral("addr"), QStringLiteral("add"), m_hostAddress + QStringLiteral("/30"),
             QStringLiteral("dev"), host},
            {QStringLiteral("link"), QStringLiteral("set"), host, QStringLiteral("up")},
            {QStringLiteral("-n"), m_name, QStringLiteral("addr"), QStringLiteral("add"),
             m_insideAddress + QStringLiteral("/30"), QStringLiteral("dev"), inside},
            {QStringLiteral("-n"), m_name, QStringLiteral("link"), QStringLiteral("set"), inside, QStringLiteral("up")},
            {QStringLiteral("-n"), m_name, QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("lo"),
             QStringLiteral("up")},
        };
        m_valid = true;
        for (const QStringList &step : steps) {
            if (!ip(step)) {
                m_valid = false;
                break;
            }
        }
    }
    ~NetworkNamespace() { (void)ip({QStringLiteral("netns"), QStringLiteral("del"), m_name}); }

    bool isValid() const { return m_valid; }
    QString problem() const { return m_problem; }
    QString name() const { return m_name; }
    QString hostAddress() const { return m_hostAddress; }
    QString insideAddress() const { return m_insideAddress; }

private:
    bool ip(const QStringList &arguments)
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral("ip"), arguments);
        if (!p.waitForFinished(10000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
            m_problem = QStringLiteral("ip %1: %2")
                            .arg(arguments.join(QLatin1Char(' ')), QString::fromUtf8(p.readAll()).trimmed());
            return false;
        }
        return true;
    }

    QString m_name;
    QString m_hostAddress;
    QString m_insideAddress;
    QString m_problem;
    bool m_valid = false;
};

// squid with basic authentication (basic_ncsa_auth, an htpasswd file made here), on `listen`, inside `netns` when
// one is given. It resolves platform.relais.test to `platformAddress` from its own hosts file: the kiosk cannot
// resolve that name, so a request to it that succeeds went through squid. CONNECT only towards the TLS front's port.
class Squid
{
public:
    explicit Squid(QString dir) : m_dir(std::move(dir)) {}
    ~Squid() { terminate(m_process.get()); }

    bool start(const QString &listen, quint16 port, const QString &platformAddress, quint16 tlsPort,
               const QString &user, const QString &password, const QString &netns, QString *why)
    {
        m_address = listen;
        m_port = port;
        // squid and its helper run as "proxy" when started by root: they must reach this folder and write in it.
        const auto open = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                          QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther |
                          QFileDevice::ExeOther;
        QFile::setPermissions(QFileInfo(m_dir).path(), open);
        QFile::setPermissions(m_dir, open);
        chownToProxy(m_dir);
        QProcess hash;
        hash.start(QStringLiteral("openssl"), {QStringLiteral("passwd"), QStringLiteral("-apr1"), password});
        if (!hash.waitForFinished(10000) || hash.exitCode() != 0) {
            *why = QStringLiteral("openssl passwd failed");
            return false;
        }
        const QString dir = m_dir;
        writeText(dir + QStringLiteral("/htpasswd"),
                  user.toUtf8() + ':' + hash.readAllStandardOutput().trimmed() + '\n');
        writeText(dir + QStringLiteral("/hosts"), platformAddress.toLatin1() + " platform.relais.test\n");
        const QString conf = QStringLiteral("http_port %5:%1\n"
                                            "pid_filename %2/squid.pid\n"
                                            "access_log stdio:%2/access.log\n"
                                            "cache_log %2/cache.log\n"
                                            "cache_store_log none\n"
                                            "cache deny all\n"
                                            "coredump_dir %2\n"
                                            "hosts_file %2/hosts\n"
                                            "dns_nameservers 127.0.0.1\n"
                                            "auth_param basic program %3 %2/htpasswd\n"
                                            "auth_param basic realm relais-test\n"
                                            "acl authenticated proxy_auth REQUIRED\n"
                                            "acl tls_front port %4\n"
                                            "acl CONNECT method CONNECT\n"
                                            "http_access deny CONNECT !tls_front\n"
                                            "http_access allow authenticated\n"
                                            "http_access deny all\n"
                                            "shutdown_lifetime 0 seconds\n")
                                 .arg(port)
                                 .arg(dir, squidAuthHelper())
                                 .arg(tlsPort)
                                 .arg(listen);
        writeText(dir + QStringLiteral("/squid.conf"), conf.toUtf8());
        for (const char *name : {"htpasswd", "hosts", "squid.conf", "access.log", "cache.log"}) {
            const QString path = dir + QLatin1Char('/') + QLatin1String(name);
            if (!QFile::exists(path))
                writeText(path, {});
            QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup |
                                            QFileDevice::ReadOther);
            chownToProxy(path);
        }
        m_process.reset(new QProcess);
        m_process->setProcessChannelMode(QProcess::MergedChannels);
        const QStringList squid{squidPath(), QStringLiteral("-N"), QStringLiteral("-f"),
                                dir + QStringLiteral("/squid.conf")};
        if (netns.isEmpty())
            m_process->start(squid.first(), squid.mid(1));
        else // ip execs squid: the process is squid itself
            m_process->start(QStringLiteral("ip"),
                             QStringList{QStringLiteral("netns"), QStringLiteral("exec"), netns} + squid);
        if (!m_process->waitForStarted(5000) || !waitForPort(port, m_process.get(), 20000, QHostAddress(listen))) {
            *why = QStringLiteral("squid did not start: ") + QString::fromUtf8(m_process->readAll()) +
                   readText(dir + QStringLiteral("/cache.log")).right(2000);
            return false;
        }
        return true;
    }

    QString accessLog() const { return readText(m_dir + QStringLiteral("/access.log")); }
    QUrl url() const { return QUrl(QStringLiteral("http://%1:%2").arg(m_address).arg(m_port)); }
    // Tunnels squid opened towards `hostPort` for `user` (its access log: TCP_TUNNEL/200 … CONNECT host:port user).
    int tunnels(const QString &hostPort, const QString &user) const
    {
        const QRegularExpression line(QStringLiteral("TCP_TUNNEL/200 \\d+ CONNECT %1 %2 ")
                                          .arg(QRegularExpression::escape(hostPort), QRegularExpression::escape(user)));
        int n = 0;
        for (const QString &l : accessLog().split(QLatin1Char('\n')))
            n += l.contains(line) ? 1 : 0;
        return n;
    }
    int refusals(const QString &hostPort) const
    {
        int n = 0;
        for (const QString &l : accessLog().split(QLatin1Char('\n')))
            n += l.contains(QStringLiteral("TCP_DENIED/407")) && l.contains(QStringLiteral("CONNECT ") + hostPort);
        return n;
    }

private:
    static void chownToProxy(const QString &path)
    {
        if (::geteuid() != 0)
            return;
        if (const passwd *pw = ::getpwnam("proxy"))
            (void)::chown(QFile::encodeName(path).constData(), pw->pw_uid, pw->pw_gid); // a failure shows at start
    }

    QString m_dir;
    QString m_address;
    quint16 m_port = 0;
    std::unique_ptr<QProcess> m_process;
};

// --- the kiosk, through relais-admin ---

inline QString adminPassword()
{
    return QString::fromLatin1(alicePassword()) + QLatin1Char('\n');
}

inline QStringList as(const QString &dir)
{
    return {QStringLiteral("--data-dir"), dir, QStringLiteral("--as"), aliceLogin(),
            QStringLiteral("--password-stdin")};
}

inline bool makeStore(const QString &dir)
{
    Vault vault(dir, SystemClock::instance());
    return bool(vault.initialize(QStringLiteral("MFS Test"), aliceLogin(), QStringLiteral("Alice"),
                                 secret(alicePassword()), false, KdfParams::interactive()));
}

inline Run enrol(const QString &dir, const QUrl &platform, const QString &code, const QString &ca)
{
    QStringList args{QStringLiteral("enrol"),
                     QStringLiteral("--platform"),
                     platform.toString(),
                     QStringLiteral("--code"),
                     code,
                     QStringLiteral("--device-name"),
                     QStringLiteral("Kiosque test")};
    if (!ca.isEmpty())
        args << QStringLiteral("--ca") << ca;
    return runAdmin(args + as(dir), adminPassword());
}

inline Run sync(const QString &dir)
{
    return runAdmin(QStringList{QStringLiteral("sync"), QStringLiteral("--chunk-size"), QStringLiteral("65536")} +
                        as(dir),
                    adminPassword(), 100000);
}

inline Run setProxy(const QString &dir, const QUrl &proxy, const QString &user, const QString &password)
{
    return runAdmin(QStringList{QStringLiteral("proxy"), QStringLiteral("set"), QStringLiteral("--url"),
                                proxy.toString(), QStringLiteral("--user"), user} +
                        as(dir),
                    adminPassword() + password + QLatin1Char('\n'));
}

inline Run clearProxy(const QString &dir)
{
    return runAdmin(QStringList{QStringLiteral("proxy"), QStringLiteral("clear")} + as(dir), adminPassword());
}

// "waiting N" of the sync summary; -1 when absent.
inline int summaryCount(const QString &out, const QString &what)
{
    const auto m =
        QRegularExpression(QStringLiteral("^%1 (\\d+)$").arg(what), QRegularExpression::MultilineOption).match(out);
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

// Queues `count` démarches carrying one or two documents of `minSize`..2·`minSize` bytes (random, so a document
// that arrives is checked byte for byte through its SHA-256).
inline bool queueDemarches(const QString &dir, int count, qint64 minSize)
{
    Vault vault(dir, SystemClock::instance());
    const auto alice = vault.signIn(aliceLogin(), secret(alicePassword()));
    if (!alice)
        return false;
    SubmissionRepository submissions(vault.database()->connection(), &vault.journal(), vault.clock());
    AttachmentStore attachments(vault.database()->connection(), vault.clock());
    QRandomGenerator *random = QRandomGenerator::global();
    for (int i = 0; i < count; ++i) {
        auto draft = submissions.createDraft(alice.value(), QStringLiteral("caf-changement-adresse"), 1);
        if (!draft)
            return false;
        QJsonObject answers{{QStringLiteral("changement_banque"), true}};
        const int files = 1 + int(random->bounded(2));
        for (int f = 0; f < files; ++f) {
            QByteArray bytes = QByteArrayLiteral("%PDF-1.4\n");
            const qsizetype head = bytes.size();
            bytes.resize(minSize + qint64(random->bounded(quint32(minSize))));
            for (qsizetype b = head; b < bytes.size(); ++b)
                bytes[b] = char(random->bounded(256));
            QBuffer source(&bytes);
            source.open(QIODevice::ReadOnly);
            const QString field = f == 0 ? QStringLiteral("rib") : QStringLiteral("justificatif_domicile");
            const auto added = attachments.add(alice.value(), draft->id, field, QStringLiteral("scan.pdf"), &source);
            if (!added)
                return false;
            answers.insert(field, QJsonObject::fromVariantMap(added->fieldValue()));
        }
        if (!submissions.queue(alice.value(), draft->id, answers))
            return false;
    }
    return true;
}

// uuid → the SHA-256 (hex) of its documents, sorted: the démarches of the store in these states.
inline QMap<QString, QStringList> localDocuments(const QString &dir, const QStringList &states)
{
    QMap<QString, QStringList> out;
    Vault vault(dir, SystemClock::instance());
    const auto alice = vault.signIn(aliceLogin(), secret(alicePassword()));
    if (!alice)
        return out;
    QSqlQuery q(vault.database()->connection());
    q.prepare(QStringLiteral("SELECT id, uuid, state FROM submissions ORDER BY id"));
    if (!q.exec())
        return out;
    AttachmentStore attachments(vault.database()->connection(), vault.clock());
    while (q.next()) {
        if (!states.contains(q.value(2).toString()))
            continue;
        QStringList hashes;
        if (const auto list = attachments.list(alice.value(), q.value(0).toLongLong())) {
            for (const AttachmentInfo &info : list.value())
                hashes << QString::fromLatin1(info.sha256.toHex());
        }
        hashes.sort();
        out.insert(q.value(1).toString(), hashes);
    }
    return out;
}

// uuid → the SHA-256 of its documents as the platform recomputes them from the stored bytes; a uuid seen twice
// is reported under "duplicate".
inline QMap<QString, QStringList> platformDocuments(platformtest::Platform &platform)
{
    QMap<QString, QStringList> out;
    for (const QJsonValue &v : platform.list()) {
        const QJsonObject o = v.toObject();
        QStringList hashes;
        for (const QJsonValue &a : o.value(QLatin1String("attachments")).toArray())
            hashes << a.toObject().value(QLatin1String("sha256")).toString();
        hashes.sort();
        const QString uuid = o.value(QLatin1String("uuid")).toString();
        out.insert(out.contains(uuid) ? QStringLiteral("duplicate") : uuid, hashes);
    }
    return out;
}

// The proxy variables of the environment, which relais-admin would follow: a test sets them itself.
inline void clearProxyEnvironment()
{
    for (const char *name :
         {"http_proxy", "https_proxy", "all_proxy", "no_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY"})
        qunsetenv(name);
}

} // namespace networktest
