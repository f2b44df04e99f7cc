<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>relais::AdminCli</name>
    <message numerus="yes">
        <location filename="../app/admin/AdminCli.cpp" line="+42"/>
        <source>Anchored by the platform: entries 1 to %1 match the receipt it signed on %2; %n later entries are not anchored yet.</source>
        <translation>
            <numerusform>Anchored by the platform: entries 1 to %1 match the receipt it signed on %2; %n later entry is not anchored yet.</numerusform>
            <numerusform>Anchored by the platform: entries 1 to %1 match the receipt it signed on %2; %n later entries are not anchored yet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/admin/Diagnostics.cpp" line="+118"/>
        <source>Journal: %n entries, chain intact.</source>
        <translation>
            <numerusform>Journal: %n entry, chain intact.</numerusform>
            <numerusform>Journal: %n entries, chain intact.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Last platform receipt: entries 1 to %1, signed on %2; %n later entries are not anchored yet.</source>
        <translation>
            <numerusform>Last platform receipt: entries 1 to %1, signed on %2; %n later entry is not anchored yet.</numerusform>
            <numerusform>Last platform receipt: entries 1 to %1, signed on %2; %n later entries are not anchored yet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/admin/AdminCli.cpp" line="+397"/>
        <source>Journal: %n entries.</source>
        <translation>
            <numerusform>Journal: %n entry.</numerusform>
            <numerusform>Journal: %n entries.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Journal intact: %n entries.</source>
        <translation>
            <numerusform>Journal intact: %n entry.</numerusform>
            <numerusform>Journal intact: %n entries.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+171"/>
        <source>Every day, the kiosk backs up the store into %1 and keeps the %n most recent backup(s).</source>
        <translation>
            <numerusform>Every day, the kiosk backs up the store into %1 and keeps the most recent backup.</numerusform>
            <numerusform>Every day, the kiosk backs up the store into %1 and keeps the %n most recent backups.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>relais::CitizenRepository</name>
    <message numerus="yes">
        <location filename="../app/core/domain/CitizenRepository.cpp" line="+210"/>
        <source>The note is limited to %n characters: keep only what the next mediator needs.</source>
        <translation>
            <numerusform>The note is limited to %n character: keep only what the next mediator needs.</numerusform>
            <numerusform>The note is limited to %n characters: keep only what the next mediator needs.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+372"/>
        <source>%n démarche(s) of this person are still waiting to be sent; their answers and documents stay encrypted on this PC until delivery, then are removed at once.</source>
        <translation>
            <numerusform>%n démarche of this person is still waiting to be sent; its answers and documents stay encrypted on this PC until delivery, then are removed at once.</numerusform>
            <numerusform>%n démarches of this person are still waiting to be sent; their answers and documents stay encrypted on this PC until delivery, then are removed at once.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>relais::Database</name>
    <message numerus="yes">
        <location filename="../app/core/store/Database.cpp" line="+460"/>
        <source>The store&apos;s integrity check found %n problem(s).</source>
        <translation>
            <numerusform>The store&apos;s integrity check found %n problem.</numerusform>
            <numerusform>The store&apos;s integrity check found %n problems.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>relais::Journal</name>
    <message numerus="yes">
        <location filename="../app/core/security/Journal.cpp" line="+604"/>
        <source>The journal is intact: %n entries, none changed or removed.</source>
        <translation>
            <numerusform>The journal is intact: %n entry, not changed or removed.</numerusform>
            <numerusform>The journal is intact: %n entries, none changed or removed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+42"/>
        <source>The journal&apos;s chain is intact (%n entries), but its anchor file journal.anchor is missing, so removed last entries cannot be detected. This is expected after a restore from a backup: an administrator can then reset the anchor. Otherwise the file was deleted.</source>
        <translation>
            <numerusform>The journal&apos;s chain is intact (%n entry), but its anchor file journal.anchor is missing, so removed last entries cannot be detected. This is expected after a restore from a backup: an administrator can then reset the anchor. Otherwise the file was deleted.</numerusform>
            <numerusform>The journal&apos;s chain is intact (%n entries), but its anchor file journal.anchor is missing, so removed last entries cannot be detected. This is expected after a restore from a backup: an administrator can then reset the anchor. Otherwise the file was deleted.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>relais::Retention</name>
    <message numerus="yes">
        <location filename="../app/core/domain/Retention.cpp" line="+48"/>
        <source>%n démarche(s) of the files due for erasure are still waiting to be sent; their answers and documents will stay encrypted on this PC until delivery, then be removed at once.</source>
        <translation>
            <numerusform>%n démarche of the files due for erasure is still waiting to be sent; its answers and documents will stay encrypted on this PC until delivery, then be removed at once.</numerusform>
            <numerusform>%n démarches of the files due for erasure are still waiting to be sent; their answers and documents will stay encrypted on this PC until delivery, then be removed at once.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n démarche(s) of erased people are still waiting to be sent; their answers and documents stay encrypted on this PC until delivery, then are removed at once.</source>
        <translation>
            <numerusform>%n démarche of erased people is still waiting to be sent; its answers and documents stay encrypted on this PC until delivery, then are removed at once.</numerusform>
            <numerusform>%n démarches of erased people are still waiting to be sent; their answers and documents stay encrypted on this PC until delivery, then are removed at once.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>relais::Vault</name>
    <message numerus="yes">
        <location filename="../app/core/security/Vault.cpp" line="+264"/>
        <source>Too many failed attempts. Try again in %n second(s).</source>
        <translation>
            <numerusform>Too many failed attempts. Try again in %n second.</numerusform>
            <numerusform>Too many failed attempts. Try again in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>relais::catalogue::FormEngine</name>
    <message numerus="yes">
        <location filename="../app/core/catalogue/FormEngine.cpp" line="+179"/>
        <source>This answer is too long: at most %n characters.</source>
        <translation>
            <numerusform>This answer is too long: at most %n character.</numerusform>
            <numerusform>This answer is too long: at most %n characters.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+476"/>
        <source>Add at least %n entries.</source>
        <translation>
            <numerusform>Add at least %n entry.</numerusform>
            <numerusform>Add at least %n entries.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>At most %n entries can be given.</source>
        <translation>
            <numerusform>At most %n entry can be given.</numerusform>
            <numerusform>At most %n entries can be given.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>relais::catalogue::Validators</name>
    <message numerus="yes">
        <location filename="../app/core/catalogue/Validators.cpp" line="+174"/>
        <source>The social security number has 15 digits; this one has %n.</source>
        <translation>
            <numerusform>The social security number has 15 digits; this one has %n.</numerusform>
            <numerusform>The social security number has 15 digits; this one has %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+60"/>
        <source>A French IBAN has 27 characters; this one has %n.</source>
        <translation>
            <numerusform>A French IBAN has 27 characters; this one has %n.</numerusform>
            <numerusform>A French IBAN has 27 characters; this one has %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>An IBAN has between 15 and 34 characters; this one has %n.</source>
        <translation>
            <numerusform>An IBAN has between 15 and 34 characters; this one has %n.</numerusform>
            <numerusform>An IBAN has between 15 and 34 characters; this one has %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>A SIREN number has 9 digits; this one has %n.</source>
        <translation>
            <numerusform>A SIREN number has 9 digits; this one has %n.</numerusform>
            <numerusform>A SIREN number has 9 digits; this one has %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>A SIRET number has 14 digits; this one has %n.</source>
        <translation>
            <numerusform>A SIRET number has 14 digits; this one has %n.</numerusform>
            <numerusform>A SIRET number has 14 digits; this one has %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+24"/>
        <source>The tax number has 13 digits; this one has %n.</source>
        <translation>
            <numerusform>The tax number has 13 digits; this one has %n.</numerusform>
            <numerusform>The tax number has 13 digits; this one has %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+53"/>
        <source>A French phone number has 10 digits (for example 06 12 34 56 78); this one has %n.</source>
        <translation>
            <numerusform>A French phone number has 10 digits (for example 06 12 34 56 78); this one has %n.</numerusform>
            <numerusform>A French phone number has 10 digits (for example 06 12 34 56 78); this one has %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+56"/>
        <source>A postal code has 5 digits; this one has %n.</source>
        <translation>
            <numerusform>A postal code has 5 digits; this one has %n.</numerusform>
            <numerusform>A postal code has 5 digits; this one has %n.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>relais::ui::AdminPage</name>
    <message numerus="yes">
        <location filename="../ui/admin/AdminPage.cpp" line="+263"/>
        <source>Every day, Relais backs up the store into %1 and keeps the %n most recent backup(s).</source>
        <translation>
            <numerusform>Every day, Relais backs up the store into %1 and keeps the most recent backup.</numerusform>
            <numerusform>Every day, Relais backs up the store into %1 and keeps the %n most recent backups.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+201"/>
        <source>Sessions now lock after %n minute(s) without activity.</source>
        <translation>
            <numerusform>Sessions now lock after %n minute without activity.</numerusform>
            <numerusform>Sessions now lock after %n minutes without activity.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>relais::ui::FormWizard</name>
    <message numerus="yes">
        <location filename="../ui/forms/FormWizard.cpp" line="+489"/>
        <location line="+33"/>
        <source>%n answer(s) need your attention before going on.</source>
        <translation>
            <numerusform>%n answer needs your attention before going on.</numerusform>
            <numerusform>%n answers need your attention before going on.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+155"/>
        <source>All %n required document(s) checked.</source>
        <translation>
            <numerusform>The required document is checked.</numerusform>
            <numerusform>All %n required documents checked.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n document(s) not checked yet.</source>
        <translation>
            <numerusform>%n document not checked yet.</numerusform>
            <numerusform>%n documents not checked yet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>relais::ui::HomePage</name>
    <message numerus="yes">
        <location filename="../ui/home/HomePage.cpp" line="+293"/>
        <source>The last backup of this store is %n day(s) old. Make one now in Administration → Backup, on a USB key kept away from this PC.</source>
        <translation>
            <numerusform>The last backup of this store is %n day old. Make one now in Administration → Backup, on a USB key kept away from this PC.</numerusform>
            <numerusform>The last backup of this store is %n days old. Make one now in Administration → Backup, on a USB key kept away from this PC.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>relais::ui::JournalView</name>
    <message numerus="yes">
        <location filename="../ui/admin/JournalView.cpp" line="+338"/>
        <source>%n matching entries.</source>
        <translation>
            <numerusform>%n matching entry.</numerusform>
            <numerusform>%n matching entries.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n entries.</source>
        <translation>
            <numerusform>%n entry.</numerusform>
            <numerusform>%n entries.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+50"/>
        <source>%n entries exported to %1.</source>
        <translation>
            <numerusform>%n entry exported to %1.</numerusform>
            <numerusform>%n entries exported to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>relais::ui::LoginPage</name>
    <message numerus="yes">
        <location filename="../ui/login/LoginPage.cpp" line="+299"/>
        <source>Too many failed attempts with this account. You can try again in %n second(s).</source>
        <translation>
            <numerusform>Too many failed attempts with this account. You can try again in %n second.</numerusform>
            <numerusform>Too many failed attempts with this account. You can try again in %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+86"/>
        <source>%n attempt(s) left before a wait.</source>
        <translation>
            <numerusform>%n attempt left before a wait.</numerusform>
            <numerusform>%n attempts left before a wait.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>relais::ui::OutboxPage</name>
    <message numerus="yes">
        <location filename="../ui/outbox/OutboxPage.cpp" line="+342"/>
        <source>Synchronising… about %n minute(s) left.</source>
        <translation>
            <numerusform>Synchronising… about %n minute left.</numerusform>
            <numerusform>Synchronising… about %n minutes left.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+34"/>
        <source>Synchronised at %1: %n démarche(s) delivered</source>
        <translation>
            <numerusform>Synchronised at %1: %n démarche delivered</numerusform>
            <numerusform>Synchronised at %1: %n démarches delivered</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n refused by the platform (see below)</source>
        <translation>
            <numerusform>%n refused by the platform (see below)</numerusform>
            <numerusform>%n refused by the platform (see below)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n still waiting</source>
        <translation>
            <numerusform>%n still waiting</numerusform>
            <numerusform>%n still waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n piece(s) of news</source>
        <translation>
            <numerusform>%n piece of news</numerusform>
            <numerusform>%n pieces of news</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>relais::ui::RetentionView</name>
    <message numerus="yes">
        <location filename="../ui/admin/RetentionView.cpp" line="+59"/>
        <source>What the retention rules will remove in the next %n days</source>
        <translation>
            <numerusform>What the retention rules will remove in the next %n day</numerusform>
            <numerusform>What the retention rules will remove in the next %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+58"/>
        <source>Nothing will be removed in the next %n days.</source>
        <translation>
            <numerusform>Nothing will be removed in the next %n day.</numerusform>
            <numerusform>Nothing will be removed in the next %n days.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n removals planned in the next %1 days.</source>
        <translation>
            <numerusform>%n removal planned in the next %1 days.</numerusform>
            <numerusform>%n removals planned in the next %1 days.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Files are now erased after %n months without activity.</source>
        <translation>
            <numerusform>Files are now erased after %n month without activity.</numerusform>
            <numerusform>Files are now erased after %n months without activity.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>relais::ui::ShellPage</name>
    <message numerus="yes">
        <location filename="../ui/shell/ShellPage.cpp" line="+447"/>
        <source>No activity: the session locks in %n second(s). Press any key or click “Stay signed in” to go on.</source>
        <translation>
            <numerusform>No activity: the session locks in %n second. Press any key or click “Stay signed in” to go on.</numerusform>
            <numerusform>No activity: the session locks in %n seconds. Press any key or click “Stay signed in” to go on.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>relais::ui::SyncStatusBar</name>
    <message numerus="yes">
        <location filename="../ui/outbox/SyncStatusBar.cpp" line="+83"/>
        <source>%n démarche(s) waiting</source>
        <translation>
            <numerusform>%n démarche waiting</numerusform>
            <numerusform>%n démarches waiting</numerusform>
        </translation>
    </message>
</context>
</TS>
