#include "Keychain.h"

#include "common/Logging.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusVariant>
#include <QEventLoop>
#include <QStringList>
#include <QTimer>
#include <QVariant>

#include <qt6keychain/keychain.h>

#include <sodium.h>

#include <optional>

namespace relais {

namespace {

const QString SecretServiceName = QStringLiteral("org.freedesktop.secrets");
// Short: the bus daemon itself answers these, so a slow reply means a broken session.
constexpr int BusProbeTimeoutMs = 2000;

enum class Operation
{
    Read,
    Write,
    Remove
};

enum class Outcome
{
    NoService,
    Locked,
    Denied,
    NotFound,
    TimedOut,
    Failed
};

const char *operationName(Operation operation)
{
    switch (operation) {
    case Operation::Read:
        return "read";
    case Operation::Write:
        return "write";
    case Operation::Remove:
        return "remove";
    }
    return "?";
}

const char *outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::NoService:
        return "no-service";
    case Outcome::Locked:
        return "locked";
    case Outcome::Denied:
        return "denied";
    case Outcome::NotFound:
        return "not-found";
    case Outcome::TimedOut:
        return "timed-out";
    case Outcome::Failed:
        return "failed";
    }
    return "?";
}

QString reasonText(Outcome outcome)
{
    switch (outcome) {
    case Outcome::NoService:
        return QCoreApplication::translate("relais::Keychain", "No system keychain is available on this computer.");
    case Outcome::Locked:
        return QCoreApplication::translate("relais::Keychain", "The system keychain is locked.");
    case Outcome::Denied:
        return QCoreApplication::translate("relais::Keychain", "The system keychain refused access to Relais.");
    case Outcome::NotFound:
        return QCoreApplication::translate("relais::Keychain",
                                           "The system keychain of this computer holds no key for this store.");
    case Outcome::TimedOut:
        return QCoreApplication::translate("relais::Keychain", "The system keychain did not answer in time.");
    case Outcome::Failed:
        return QCoreApplication::translate("relais::Keychain", "The system keychain reported an error.");
    }
    return QString();
}

QString adviceText(Operation operation)
{
    switch (operation) {
    case Operation::Read:
        return QCoreApplication::translate("relais::Keychain", "Sign in with your password instead.");
    case Operation::Write:
        return QCoreApplication::translate("relais::Keychain",
                                           "This computer will keep asking for a password to open the store.");
    case Operation::Remove:
        return QCoreApplication::translate("relais::Keychain",
                                           "The key it holds for this store was not removed; try again later.");
    }
    return QString();
}

Error failure(Operation operation, Outcome outcome, int backendCode = 0)
{
    if (outcome == Outcome::NotFound && operation != Operation::Read)
        outcome = Outcome::Failed; // only a read can be missing its entry
    qCInfo(lcStore) << "keychain" << operationName(operation) << "failed:" << outcomeName(outcome) << "backend code"
                    << backendCode;
    // KeySlotsMissing, not NoSuchAccount: the keychain works but has no slot key for this store.
    const ErrorCode code = outcome == Outcome::NotFound ? ErrorCode::KeySlotsMissing : ErrorCode::KeychainUnavailable;
    return makeError(code, reasonText(outcome) + QLatin1Char(' ') + adviceText(operation));
}

QDBusMessage busCall(const QString &service, const QString &path, const QString &interface, const QString &method,
                     const QVariantList &arguments)
{
    QDBusMessage call = QDBusMessage::createMethodCall(service, path, interface, method);
    call.setArguments(arguments);
    return QDBusConnection::sessionBus().call(call, QDBus::Block, BusProbeTimeoutMs);
}

bool nameRegistered(const QString &name)
{
    const QDBusMessage reply = busCall(QStringLiteral("org.freedesktop.DBus"), QStringLiteral("/org/freedesktop/DBus"),
                                       QStringLiteral("org.freedesktop.DBus"), QStringLiteral("NameHasOwner"), {name});
    return reply.type() == QDBusMessage::ReplyMessage && !reply.arguments().isEmpty() &&
           reply.arguments().constFirst().toBool();
}

bool nameActivatable(const QString &name)
{
    const QDBusMessage reply =
        busCall(QStringLiteral("org.freedesktop.DBus"), QStringLiteral("/org/freedesktop/DBus"),
                QStringLiteral("org.freedesktop.DBus"), QStringLiteral("ListActivatableNames"), {});
    return reply.type() == QDBusMessage::ReplyMessage && !reply.arguments().isEmpty() &&
           reply.arguments().constFirst().toStringList().contains(name);
}

// The Secret Service hides locked items instead of failing (a lookup then finds nothing, a clear removes
// nothing), so "locked" must be asked for. QtKeychain writes to the default collection. Unknown if not asked.
std::optional<bool> defaultCollectionLocked()
{
    if (!nameRegistered(SecretServiceName))
        return std::nullopt;
    const QDBusMessage reply = busCall(SecretServiceName, QStringLiteral("/org/freedesktop/secrets/aliases/default"),
                                       QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"),
                                       {QStringLiteral("org.freedesktop.Secret.Collection"), QStringLiteral("Locked")});
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty())
        return std::nullopt;
    const QVariant locked = reply.arguments().constFirst().value<QDBusVariant>().variant();
    if (locked.typeId() != QMetaType::Bool)
        return std::nullopt;
    return locked.toBool();
}

// Classifies a failed QtKeychain job; a locked default collection wins over whatever the backend said.
Outcome classify(QKeychain::Error error)
{
    Outcome outcome = Outcome::Failed;
    switch (error) {
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return Outcome::NoService;
    case QKeychain::EntryNotFound:
        outcome = Outcome::NotFound;
        break;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        outcome = Outcome::Denied;
        break;
    case QKeychain::NoError:
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        outcome = Outcome::Failed;
        break;
    }
    if (defaultCollectionLocked().value_or(false))
        return Outcome::Locked;
    return outcome;
}

// Runs one job to completion in a local event loop. On timeout returns nothing and leaves the job to delete
// itself should it ever finish: the backend still holds a pointer to it, so deleting it here would crash later.
std::optional<QKeychain::Error> runJob(QKeychain::Job *job, int timeoutMs)
{
    job->setAutoDelete(false);
    job->setInsecureFallback(false);

    QEventLoop loop;
    bool finished = false;
    QObject::connect(job, &QKeychain::Job::finished, &loop, [&finished, &loop](QKeychain::Job *) {
        finished = true;
        loop.quit();
    });
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    job->start();
    loop.exec(QEventLoop::ExcludeUserInputEvents);

    if (!finished) {
        QObject::disconnect(job, nullptr, &loop, nullptr);
        job->setAutoDelete(true);
        return std::nullopt;
    }
    return job->error();
}

// QtKeychain keeps the secret in its job and hands out arrays sharing that buffer; once the job has finished,
// wiping the shared buffer in place clears the job's copy as well as ours.
void wipeShared(QByteArray &bytes)
{
    if (!bytes.isEmpty())
        sodium_memzero(const_cast<char *>(bytes.constData()), static_cast<size_t>(bytes.size()));
    bytes.clear();
}

bool canRunJobs()
{
    if (QCoreApplication::instance() == nullptr) {
        qCWarning(lcStore) << "keychain used without a QCoreApplication";
        return false;
    }
    return true;
}

Error internalError()
{
    return makeError(ErrorCode::Internal,
                     QCoreApplication::translate("relais::Keychain", "The system keychain cannot be used yet."));
}

Error emptyInput()
{
    return makeError(
        ErrorCode::InvalidInput,
        QCoreApplication::translate("relais::Keychain", "There is no key to keep in the system keychain."));
}

} // namespace

Keychain::Keychain(QString service) : m_service(std::move(service)) {}

void Keychain::setTimeoutMs(int timeoutMs)
{
    m_timeoutMs = timeoutMs > 0 ? timeoutMs : DefaultTimeoutMs;
}

bool Keychain::isAvailable()
{
    if (QCoreApplication::instance() == nullptr || !QDBusConnection::sessionBus().isConnected())
        return false;
    for (const QString &name :
         {SecretServiceName, QStringLiteral("org.kde.kwalletd6"), QStringLiteral("org.kde.kwalletd5")}) {
        if (nameRegistered(name))
            return true;
    }
    return nameActivatable(SecretServiceName);
}

Status Keychain::writeSecret(const QString &key, const SecureBytes &secret)
{
    if (key.isEmpty() || secret.isEmpty())
        return emptyInput();
    if (!canRunJobs())
        return internalError();
    if (!isAvailable())
        return failure(Operation::Write, Outcome::NoService);

    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(key);
    QByteArray payload(secret.constChar(), secret.size());
    job->setBinaryData(payload); // binary, never text: a key is not a string
    const std::optional<QKeychain::Error> error = runJob(job, m_timeoutMs);
    if (!error) {
        payload.clear(); // the abandoned job still reads it; only our reference goes
        return failure(Operation::Write, Outcome::TimedOut);
    }
    wipeShared(payload);
    delete job;
    if (*error != QKeychain::NoError)
        return failure(Operation::Write, classify(*error), *error);
    qCDebug(lcStore) << "keychain write ok";
    return {};
}

Result<SecureBytes> Keychain::readSecret(const QString &key)
{
    if (key.isEmpty())
        return emptyInput();
    if (!canRunJobs())
        return internalError();
    if (!isAvailable())
        return failure(Operation::Read, Outcome::NoService);

    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(key);
    const std::optional<QKeychain::Error> error = runJob(job, m_timeoutMs);
    if (!error)
        return failure(Operation::Read, Outcome::TimedOut);
    if (*error != QKeychain::NoError) {
        delete job;
        return failure(Operation::Read, classify(*error), *error);
    }
    QByteArray data = job->binaryData();
    SecureBytes secret(data.constData(), static_cast<int>(data.size()));
    wipeShared(data);
    delete job;
    if (secret.isEmpty())
        return failure(Operation::Read, Outcome::Failed);
    qCDebug(lcStore) << "keychain read ok";
    return secret;
}

Status Keychain::removeSecret(const QString &key)
{
    if (key.isEmpty())
        return emptyInput();
    if (!canRunJobs())
        return internalError();
    if (!isAvailable())
        return failure(Operation::Remove, Outcome::NoService);
    // A clear in a locked collection silently removes nothing; do not report that as success.
    if (defaultCollectionLocked().value_or(false))
        return failure(Operation::Remove, Outcome::Locked);

    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(key);
    const std::optional<QKeychain::Error> error = runJob(job, m_timeoutMs);
    if (!error)
        return failure(Operation::Remove, Outcome::TimedOut);
    delete job;
    if (*error != QKeychain::NoError && *error != QKeychain::EntryNotFound)
        return failure(Operation::Remove, classify(*error), *error);
    qCDebug(lcStore) << "keychain remove ok";
    return {};
}

} // namespace relais
