<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Translations</name>
    <message>
        <location filename="../app/common/Translations.cpp" line="+20"/>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English</source>
        <translation>English</translation>
    </message>
</context>
<context>
    <name>relais</name>
    <message>
        <location filename="../app/common/AtomicFile.cpp" line="+24"/>
        <source>Cannot write in the data folder %1. Check that it exists and that this account may write there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The disk is full: nothing was changed. Free some space and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot write %1: nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/store/KeySlots.cpp" line="+33"/>
        <source>The key file keyslots.json is damaged (%1). The store cannot be opened without it: restore it from a backup, or ask your administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/AdminCli.cpp" line="+197"/>
        <source>No recovery code on standard input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>With the recovery code, only an administrator&apos;s password can be reset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Say which account opens the store: --as LOGIN (or --recovery).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No password on standard input.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::Account</name>
    <message>
        <location filename="../app/security/Account.cpp" line="+35"/>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mediator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Volunteer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::AdminCli</name>
    <message>
        <location filename="../app/cli/AdminCli.cpp" line="-131"/>
        <source>Usage: relais-admin COMMAND [options]
  init --structure NAME --admin LOGIN [--display-name NAME] [--demo] --password-stdin
  user add --login LOGIN --role admin|mediator|volunteer [--display-name NAME]
  user passwd --login LOGIN
  user disable --login LOGIN
  user list
  check
  verify-journal
Options of every command that opens the store:
  --data-dir DIR      data folder (default: RELAIS_DATA_DIR or the user&apos;s data folder)
  --as LOGIN          the account whose password (first line of standard input) opens it
  --recovery          open it with the recovery code (first line) instead
  --password-stdin    read passwords from standard input, one per line
Exit codes: 0 success, 1 failure, 2 usage, 3 authentication, 4 store, 5 disk or files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+48"/>
        <source>The option --%1 needs a value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Passwords are never given as arguments: use --password-stdin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown option --%1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Unknown command %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>init reads the administrator&apos;s password from standard input: add --password-stdin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>init needs --structure and --admin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No password on standard input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Store created for %1 in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recovery code (shown only once: write it down and keep it in a safe place):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+42"/>
        <source>user needs a subcommand: add, passwd, disable or list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unknown subcommand user %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+61"/>
        <location line="+49"/>
        <source>Passwords are read from standard input: add --password-stdin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-107"/>
        <source>user %1 needs --login.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--role must be admin, mediator or volunteer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The recovery code only serves to reset an administrator&apos;s password (user passwd).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Account %1 disabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The new password is missing: put it on the next line of standard input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Account %1 created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Password of %1 changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The recovery code has been used, so it was replaced. New recovery code (shown only once):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Key slots: %1 account(s), recovery code %2, system keychain %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>MISSING</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Account %1 is active but has no key slot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Database integrity: ok.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Database integrity: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Schema version: %1 (this program: %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Journal: chain broken at entry %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The check found problems (see above).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The journal&apos;s chain is broken at entry %1: entries were changed or removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Head: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::Database</name>
    <message>
        <location filename="../app/store/Database.cpp" line="+66"/>
        <source>The disk is full: the last change was not saved. Free some space and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The store is damaged. Restore it from a backup, or ask your administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The store could not complete an operation (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The file relais.db is an unencrypted SQLite database, not a Relais store. It was left untouched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file relais.db cannot be unlocked with this key: it is damaged or belongs to another installation. It was left untouched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+47"/>
        <source>The store is damaged. Restore it from a backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-45"/>
        <source>The store cannot be opened: check that the data folder exists and that this account may write there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The disk is full: the store could not be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The store cannot be opened (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A store already exists in this folder; it was left untouched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>There is no store (relais.db) in the data folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The store file relais.db is truncated (incomplete copy or disk error). Restore it from a backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>This store was made by a newer version of Relais (schema %1; this program knows up to %2). Install the newer version; the store was left untouched.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::KeySlots</name>
    <message>
        <location filename="../app/store/KeySlots.cpp" line="+48"/>
        <source>The key file keyslots.json is missing from the data folder. Without it the store cannot be opened: restore it from a backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The key file keyslots.json cannot be read. Check the folder&apos;s permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>too large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not valid JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not a Relais key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This store was made by a newer version of Relais. Install that version to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>no store identifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>a key slot has no identifier or an unknown type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a password slot has no login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a key slot is truncated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a key slot has invalid key derivation settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>it holds no key slot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+100"/>
        <source>The cryptography library could not start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not enough memory to check the password. Close other programs and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Invalid data key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+6"/>
        <source>Unknown account or wrong password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This store has no recovery code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This recovery code is not the right one. Check each group of characters on the printed sheet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The system keychain is not enabled for this store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The key in the system keychain does not open this store. Sign in with your password instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Invalid keychain key.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::Keychain</name>
    <message>
        <location filename="../app/store/Keychain.cpp" line="+81"/>
        <source>No system keychain is available on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The system keychain is locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The system keychain refused access to Relais.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The system keychain of this computer holds no key for this store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The system keychain did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The system keychain reported an error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sign in with your password instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This computer will keep asking for a password to open the store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The key it holds for this store was not removed; try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+134"/>
        <source>The system keychain cannot be used yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>There is no key to keep in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::Vault</name>
    <message>
        <location filename="../app/security/Vault.cpp" line="+99"/>
        <source>A login is 2 to 32 characters: lower-case letters without accents, digits, dot, dash or underscore, starting with a letter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The password cannot be the login.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The password is too short: use at least 12 characters, or a passphrase of at least 6 words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>There is no store in this data folder yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>This data folder already holds a store; it was left untouched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the name of the structure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The data folder %1 cannot be created or written. Choose another folder or ask your administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+78"/>
        <source>This account&apos;s key slot does not match the open store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+29"/>
        <source>This account is disabled. Ask an administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+75"/>
        <source>The system keychain is not enabled for this store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+36"/>
        <location line="+13"/>
        <location line="+14"/>
        <source>The store is locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-7"/>
        <source>There is no account with this login.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Only an administrator can do this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>An account with this login already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+41"/>
        <source>This account is disabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>To enable an account again, give it a new password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You cannot disable your own account.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
