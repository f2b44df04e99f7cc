#pragma once

#include <QCoreApplication>

#include <QStringList>
#include <QTextStream>

#include <functional>

namespace relais {

class Clock;
class Vault;
struct Account;
struct ResealReport;

// relais-admin: administration and scripting (DESIGN §8). Passwords come from standard input, one per
// line, never from arguments. Each command returns 0 on success, otherwise a non-zero code with a
// one-line reason on standard error.
class AdminCli
{
    Q_DECLARE_TR_FUNCTIONS(relais::AdminCli)

public:
    enum ExitCode
    {
        Ok = 0,
        Failed = 1,
        Usage = 2,
        AuthFailed = 3,
        StoreProblem = 4,
        IoProblem = 5,
        Busy = 6 // another program is synchronising this store (sync); run it again later
    };

    AdminCli(const Clock *clock, QTextStream &out, QTextStream &err, std::function<bool(QString *line)> readLine);
    int run(const QStringList &arguments);

private:
    struct Options;
    int init(const Options &o);
    int user(const Options &o);
    int check(const Options &o);
    int supportBundle(const Options &o);
    int verifyJournal(const Options &o);
    int seedDemo(const Options &o);
    int purge(const Options &o);
    int enrol(const Options &o);
    int sync(const Options &o);
    int backup(const Options &o);
    int backupSchedule(const Options &o);
    int restore(const Options &o);
    int proxy(const Options &o);
    // Opens the store as --as LOGIN or with --recovery; returns Ok or the exit code already reported.
    // Opens the store as --as (or with --recovery), passwords from standard input; Ok, or the exit code after
    // saying why. `actor`, when given, receives the account that opened it.
    int openStore(const Options &o, Vault &vault, Account *actor = nullptr);
    // What a re-key could not carry over, said to the administrator (accounts to give a password, a new code).
    void printRekeyReport(const ResealReport &report);
    int usage(const QString &problem = QString());
    int fail(int code, const QString &message);

    const Clock *m_clock;
    QTextStream &m_out;
    QTextStream &m_err;
    std::function<bool(QString *line)> m_readLine;
};

} // namespace relais
