// Secrets held in memory (the store's data key, passwords on their way to Argon2id) are locked there: never written
// to swap, and left out of core dumps. Released, they are wiped and unlocked; a refused lock still keeps them usable.
#include "common/SecureBytes.h"

#include <QFile>
#include <QTest>

#include <sodium.h>
#include <sys/resource.h>

using namespace relais;

namespace {

// Locked memory of this process in kB (/proc/self/status, VmLck).
// AddressSanitizer intercepts mlock/munlock and turns them into no-ops (its shadow memory cannot be locked), so the
// kernel's VmLck cannot show a lock under the asan preset. The ci build runs these checks for real.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool MlockIsANoOp = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool MlockIsANoOp = true;
#else
constexpr bool MlockIsANoOp = false;
#endif
#else
constexpr bool MlockIsANoOp = false;
#endif

qint64 lockedKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmLck:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    return -1;
}

} // namespace

class TestSecureBytes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(sodium_init() >= 0); }
    void heldSecretsAreLockedAndReleasedOnes();
    void aSharedPageStaysLockedForTheSecretStillHeld();
    void copiesAndMovesKeepTheLock();
    void refusedLockKeepsTheSecretUsable();
};

void TestSecureBytes::heldSecretsAreLockedAndReleasedOnes()
{
    if (MlockIsANoOp)
        QSKIP("AddressSanitizer makes mlock a no-op: the lock is checked in the ci build");
    const qint64 before = lockedKb();
    QVERIFY(before >= 0);
    {
        // Larger than a page, so that VmLck moves whatever else shares its pages.
        const SecureBytes key = SecureBytes::random(64 * 1024);
        QVERIFY(key.isLocked());
        QVERIFY(lockedKb() >= before + 64);
    }
    QCOMPARE(lockedKb(), before);
    SecureBytes empty;
    QVERIFY(!empty.isLocked());
}

void TestSecureBytes::aSharedPageStaysLockedForTheSecretStillHeld()
{
    if (MlockIsANoOp)
        QSKIP("AddressSanitizer makes mlock a no-op: the lock is checked in the ci build");
    const qint64 before = lockedKb();
    SecureBytes kept = SecureBytes::random(32);
    {
        // Small secrets share heap pages: releasing this one must not unlock the page of the one kept.
        SecureBytes passing[16];
        for (SecureBytes &p : passing)
            p = SecureBytes::random(32);
    }
    QVERIFY(kept.isLocked());
    QVERIFY2(lockedKb() > before, "the page of the secret still held was unlocked");
    kept.clear();
    QCOMPARE(lockedKb(), before);
}

void TestSecureBytes::copiesAndMovesKeepTheLock()
{
    SecureBytes original("correct horse battery staple", 28);
    QVERIFY(original.isLocked());
    const SecureBytes copy = original;
    QVERIFY(copy.isLocked());
    QVERIFY(copy == original);
    SecureBytes moved = std::move(original);
    QVERIFY(moved.isLocked());
    QVERIFY(moved == copy);
    const SecureBytes hex = moved.toHex();
    QCOMPARE(hex.size(), 56);
    QVERIFY(hex.isLocked());
    moved.clear();
    QVERIFY(!moved.isLocked());
    QVERIFY(moved.isEmpty());
}

void TestSecureBytes::refusedLockKeepsTheSecretUsable()
{
    // An account whose locked-memory allowance is spent: the secret is still held, compared and wiped.
    rlimit saved{};
    QCOMPARE(::getrlimit(RLIMIT_MEMLOCK, &saved), 0);
    const rlimit none{0, saved.rlim_max};
    QCOMPARE(::setrlimit(RLIMIT_MEMLOCK, &none), 0);
    {
        const SecureBytes a("a secret of the test", 20);
        const SecureBytes b = a;
        QCOMPARE(a.size(), 20);
        QVERIFY(a == b);
        QCOMPARE(QByteArray(a.constChar(), a.size()), QByteArray("a secret of the test"));
    }
    QCOMPARE(::setrlimit(RLIMIT_MEMLOCK, &saved), 0);
}

QTEST_GUILESS_MAIN(TestSecureBytes)
#include "TestSecureBytes.moc"
