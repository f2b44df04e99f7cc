<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>relais::AdminCli</name>
    <message numerus="yes">
        <location filename="../app/cli/AdminCli.cpp" line="+326"/>
        <source>Journal: %n entries, chain intact.</source>
        <translation>
            <numerusform>Journal: %n entry, chain intact.</numerusform>
            <numerusform>Journal: %n entries, chain intact.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>Journal intact: %n entries.</source>
        <translation>
            <numerusform>Journal intact: %n entry.</numerusform>
            <numerusform>Journal intact: %n entries.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>relais::Database</name>
    <message numerus="yes">
        <location filename="../app/store/Database.cpp" line="+280"/>
        <source>The store&apos;s integrity check found %n problem(s).</source>
        <translation>
            <numerusform>The store&apos;s integrity check found %n problem.</numerusform>
            <numerusform>The store&apos;s integrity check found %n problems.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>relais::Vault</name>
    <message numerus="yes">
        <location filename="../app/security/Vault.cpp" line="+223"/>
        <source>Too many failed attempts. Try again in %n second(s).</source>
        <translation>
            <numerusform>Too many failed attempts. Try again in %n second.</numerusform>
            <numerusform>Too many failed attempts. Try again in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>relais::catalogue::Validators</name>
    <message numerus="yes">
        <location filename="../app/catalogue/Validators.cpp" line="+163"/>
        <source>The social security number has 15 digits; this one has %n.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+60"/>
        <source>A French IBAN has 27 characters; this one has %n.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>An IBAN has between 15 and 34 characters; this one has %n.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>A SIREN number has 9 digits; this one has %n.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>A SIRET number has 14 digits; this one has %n.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+25"/>
        <source>The tax number has 13 digits; this one has %n.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>A French phone number has 10 digits (for example 06 12 34 56 78); this one has %n.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+57"/>
        <source>A postal code has 5 digits; this one has %n.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>relais::ui::AdminPage</name>
    <message numerus="yes">
        <location filename="../ui/admin/AdminPage.cpp" line="+225"/>
        <source>Sessions now lock after %n minute(s) without activity.</source>
        <translation>
            <numerusform>Sessions now lock after %n minute without activity.</numerusform>
            <numerusform>Sessions now lock after %n minutes without activity.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>relais::ui::ShellPage</name>
    <message numerus="yes">
        <location filename="../ui/shell/ShellPage.cpp" line="+114"/>
        <source>No activity: the session locks in %n second(s). Press any key or click “Stay signed in” to go on.</source>
        <translation>
            <numerusform>No activity: the session locks in %n second. Press any key or click “Stay signed in” to go on.</numerusform>
            <numerusform>No activity: the session locks in %n seconds. Press any key or click “Stay signed in” to go on.</numerusform>
        </translation>
    </message>
</context>
</TS>
