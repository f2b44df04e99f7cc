#include "PlatformCli.h"

#include "DefaultCatalogue.h"
#include "PlatformServer.h"
#include "PlatformStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTimer>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

namespace relais::platform {

namespace {

int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(signalPipe[1], &byte, 1);
}

void printLine(const QString &line)
{
    std::fputs(line.toLocal8Bit().constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

int fail(const QString &reason)
{
    std::fputs((QStringLiteral("relais-platform: ") + reason).toLocal8Bit().constData(), stderr);
    std::fputc('\n', stderr);
    return 1;
}

QString sha256OfFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return QString::fromLatin1(hash.result().toHex());
}

// --catalogue FILE at start: publish it unless it is already the current one.
Status publishAtStart(PlatformStore &store, const QString &catalogueFile)
{
    if (catalogueFile.isEmpty()) {
        if (store.currentCatalogue())
            return {};
        return store.publishCatalogue(defaultCatalogue(platformNow().date()));
    }
    QFile file(catalogueFile);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, QStringLiteral("cannot read %1").arg(catalogueFile));
    const QByteArray document = file.readAll();
    const std::optional<Catalogue> current = store.currentCatalogue();
    if (current && current->body == document)
        return {};
    return store.publishCatalogue(document);
}

int serve(const QCommandLineParser &parser, PlatformStore &store)
{
    ServerOptions options;
    if (parser.isSet(QStringLiteral("name")))
        options.platformName = parser.value(QStringLiteral("name"));
    if (parser.isSet(QStringLiteral("tus-extensions"))) {
        options.tusExtensions =
            parser.value(QStringLiteral("tus-extensions")).split(QLatin1Char(','), Qt::SkipEmptyParts);
        static const QStringList known = {QStringLiteral("creation"), QStringLiteral("checksum"),
                                          QStringLiteral("termination"), QStringLiteral("expiration")};
        for (const QString &extension : options.tusExtensions) {
            if (!known.contains(extension))
                return fail(QStringLiteral("unknown tus extension %1 (known: %2)")
                                .arg(extension, known.join(QLatin1Char(','))));
        }
        if (!options.tusExtensions.contains(QLatin1String("creation")))
            return fail(QStringLiteral("the tus extension \"creation\" is required"));
    }
    if (parser.isSet(QStringLiteral("upload-expiry-hours"))) {
        bool ok = false;
        options.uploadExpiryHours = parser.value(QStringLiteral("upload-expiry-hours")).toDouble(&ok);
        if (!ok || options.uploadExpiryHours < 0)
            return fail(QStringLiteral("--upload-expiry-hours must be a number >= 0"));
    }
    bool portOk = false;
    const uint port = parser.value(QStringLiteral("port")).toUInt(&portOk);
    if (!parser.isSet(QStringLiteral("port")) || !portOk || port > 65535)
        return fail(QStringLiteral("--port P is required (0 picks a free port)"));
    const QString listenText = parser.value(QStringLiteral("listen"));
    const QHostAddress address(listenText);
    if (address.isNull())
        return fail(QStringLiteral("--listen %1 is not an IP address").arg(listenText));
    if (!address.isLoopback()) {
        if (!parser.isSet(QStringLiteral("allow-remote")))
            return fail(QStringLiteral("refusing to listen on %1: plain HTTP is for loopback only (add --allow-remote "
                                       "behind a TLS proxy)")
                            .arg(listenText));
        std::fputs("relais-platform: listening beyond loopback in plain HTTP: put it behind a TLS proxy\n", stderr);
    }

    if (Status s = publishAtStart(store, parser.value(QStringLiteral("catalogue"))); !s)
        return fail(s.message());
    store.sweepUploads(options.uploadExpiryHours);
    const Result<QString> code = store.newEnrolmentCode();
    if (!code)
        return fail(code.message());

    PlatformServer server(store, options);
    auto *tcp = new QTcpServer(&server);
    if (!tcp->listen(address, quint16(port)))
        return fail(QStringLiteral("cannot listen on %1:%2: %3").arg(listenText).arg(port).arg(tcp->errorString()));
    server.bind(tcp);

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return fail(QStringLiteral("cannot install signal handlers"));
    QSocketNotifier notifier(signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, qApp, [] {
        char byte = 0;
        [[maybe_unused]] const ssize_t got = ::read(signalPipe[0], &byte, 1);
        QCoreApplication::quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);

    QTimer sweeper;
    QObject::connect(&sweeper, &QTimer::timeout, &server,
                     [&store, &options] { store.sweepUploads(options.uploadExpiryHours); });
    sweeper.start(60 * 1000);

    const QString host =
        address.protocol() == QAbstractSocket::IPv6Protocol ? QStringLiteral("[%1]").arg(listenText) : listenText;
    printLine(QStringLiteral("listening on http://%1:%2").arg(host).arg(tcp->serverPort()));
    printLine(QStringLiteral("enrolment code: %1").arg(code.value()));
    const int rc = QCoreApplication::exec();
    printLine(QStringLiteral("stopped"));
    return rc;
}

QJsonObject submissionJson(const StoredSubmission &s)
{
    QJsonArray attachments;
    for (const StoredAttachment &a : s.attachments) {
        attachments.append(QJsonObject{{QStringLiteral("field"), a.field},
                                       {QStringLiteral("filename"), a.filename},
                                       {QStringLiteral("content_type"), a.contentType},
                                       {QStringLiteral("size"), double(QFileInfo(a.path).size())},
                                       {QStringLiteral("sha256"), sha256OfFile(a.path)},
                                       {QStringLiteral("path"), a.path}});
    }
    return {{QStringLiteral("uuid"), s.uuid},
            {QStringLiteral("reference"), s.reference},
            {QStringLiteral("demarche"), s.demarche},
            {QStringLiteral("version"), s.demarcheVersion},
            {QStringLiteral("status"), s.status},
            {QStringLiteral("message"), s.message},
            {QStringLiteral("received_at"), s.receivedAt},
            {QStringLiteral("device_id"), s.deviceId},
            {QStringLiteral("content_digest"), s.contentDigest},
            {QStringLiteral("attachments"), attachments}};
}

} // namespace

int runPlatformCli(const QStringList &arguments)
{
    static const QStringList commands = {QStringLiteral("code"), QStringLiteral("set-status"),
                                         QStringLiteral("publish-catalogue"), QStringLiteral("list"),
                                         QStringLiteral("revoke-device")};
    QStringList args = arguments;
    QString command = QStringLiteral("serve");
    if (args.size() > 1 && commands.contains(args.at(1)))
        command = args.takeAt(1);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Relais reference platform"));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("data-dir"), QStringLiteral("Platform data directory."), QStringLiteral("D")},
        {QStringLiteral("port"), QStringLiteral("TCP port (0: a free one)."), QStringLiteral("P")},
        {QStringLiteral("listen"), QStringLiteral("Address to listen on."), QStringLiteral("ADDRESS"),
         QStringLiteral("127.0.0.1")},
        {QStringLiteral("allow-remote"), QStringLiteral("Allow a non-loopback --listen (behind a TLS proxy).")},
        {QStringLiteral("name"), QStringLiteral("Platform name shown to devices."), QStringLiteral("NAME")},
        {QStringLiteral("tus-extensions"), QStringLiteral("tus extensions to advertise."), QStringLiteral("LIST")},
        {QStringLiteral("upload-expiry-hours"), QStringLiteral("Hours before an unfinished upload expires."),
         QStringLiteral("H")},
        {QStringLiteral("catalogue"), QStringLiteral("Catalogue document to publish at start."),
         QStringLiteral("FILE")},
        {QStringLiteral("submission"), QStringLiteral("Submission UUID (set-status)."), QStringLiteral("UUID")},
        {QStringLiteral("status"), QStringLiteral("New status (set-status)."), QStringLiteral("STATUS")},
        {QStringLiteral("message"), QStringLiteral("Message for the mediator (set-status)."), QStringLiteral("TEXT")},
        {QStringLiteral("file"), QStringLiteral("Catalogue document (publish-catalogue)."), QStringLiteral("F")},
        {QStringLiteral("device"), QStringLiteral("Device id (revoke-device)."), QStringLiteral("ID")},
        {QStringLiteral("json"), QStringLiteral("JSON output (list).")},
    });
    if (!parser.parse(args))
        return fail(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        printLine(parser.helpText());
        printLine(QStringLiteral("Commands: code, set-status, publish-catalogue, list, revoke-device"));
        return 0;
    }
    if (!parser.positionalArguments().isEmpty())
        return fail(QStringLiteral("unknown command %1").arg(parser.positionalArguments().first()));
    const QString dataDir = parser.value(QStringLiteral("data-dir"));
    if (dataDir.isEmpty())
        return fail(QStringLiteral("--data-dir D is required"));

    Result<std::unique_ptr<PlatformStore>> opened = PlatformStore::open(dataDir);
    if (!opened)
        return fail(opened.message());
    PlatformStore &store = *opened.value();

    if (command == QLatin1String("serve"))
        return serve(parser, store);
    if (command == QLatin1String("code")) {
        const Result<QString> code = store.newEnrolmentCode();
        if (!code)
            return fail(code.message());
        printLine(code.value());
        return 0;
    }
    if (command == QLatin1String("set-status")) {
        if (!parser.isSet(QStringLiteral("submission")) || !parser.isSet(QStringLiteral("status")) ||
            !parser.isSet(QStringLiteral("message")))
            return fail(QStringLiteral("set-status needs --submission UUID --status STATUS --message TEXT"));
        const Status s =
            store.setStatus(parser.value(QStringLiteral("submission")).toLower(),
                            parser.value(QStringLiteral("status")), parser.value(QStringLiteral("message")));
        return s ? 0 : fail(s.message());
    }
    if (command == QLatin1String("publish-catalogue")) {
        QFile file(parser.value(QStringLiteral("file")));
        if (!parser.isSet(QStringLiteral("file")) || !file.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("publish-catalogue needs --file F, a readable catalogue document"));
        const Status s = store.publishCatalogue(file.readAll());
        return s ? 0 : fail(s.message());
    }
    if (command == QLatin1String("revoke-device")) {
        if (!parser.isSet(QStringLiteral("device")))
            return fail(QStringLiteral("revoke-device needs --device ID"));
        const Status s = store.revokeDevice(parser.value(QStringLiteral("device")));
        return s ? 0 : fail(s.message());
    }
    // list
    const QList<StoredSubmission> submissions = store.submissions();
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const StoredSubmission &s : submissions)
            array.append(submissionJson(s));
        std::fputs(QJsonDocument(array).toJson(QJsonDocument::Indented).constData(), stdout);
        std::fflush(stdout);
        return 0;
    }
    for (const StoredSubmission &s : submissions)
        printLine(QStringLiteral("%1 %2 %3 v%4 %5 %6")
                      .arg(s.reference, s.uuid, s.demarche)
                      .arg(s.demarcheVersion)
                      .arg(s.status, s.receivedAt));
    return 0;
}

} // namespace relais::platform
