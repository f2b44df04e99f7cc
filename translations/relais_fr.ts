<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Translations</name>
    <message>
        <location filename="../app/core/common/Translations.cpp" line="+20"/>
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
    <name>relais::Access</name>
    <message>
        <location filename="../app/core/domain/Access.cpp" line="+30"/>
        <source>Volunteers can only open the démarches they started or those of the people whose file they created.</source>
        <translation>Les bénévoles ne peuvent ouvrir que les démarches qu&apos;ils ont commencées ou celles des personnes dont ils ont créé le dossier.</translation>
    </message>
</context>
<context>
    <name>relais::Account</name>
    <message>
        <location filename="../app/core/security/Account.cpp" line="+35"/>
        <source>Administrator</source>
        <translation>Administrateur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mediator</source>
        <translation>Médiateur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Volunteer</source>
        <translation>Bénévole</translation>
    </message>
</context>
<context>
    <name>relais::AdminCli</name>
    <message>
        <location filename="../app/admin/AdminCli.cpp" line="+181"/>
        <source>The option --%1 needs a value.</source>
        <translation>L&apos;option --%1 demande une valeur.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Passwords are never given as arguments: use --password-stdin.</source>
        <translation>Un mot de passe ne se donne jamais en argument : utilisez --password-stdin.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown option --%1.</source>
        <translation>Option inconnue : --%1.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Unknown command %1.</source>
        <translation>Commande inconnue : %1.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>init reads the administrator&apos;s password from standard input: add --password-stdin.</source>
        <translation>init lit le mot de passe de l&apos;administrateur sur l&apos;entrée standard : ajoutez --password-stdin.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>init needs --structure and --admin.</source>
        <translation>init demande --structure et --admin.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+41"/>
        <source>No password on standard input.</source>
        <translation>Aucun mot de passe sur l&apos;entrée standard.</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>Store created for %1 in %2.</source>
        <translation>Coffre créé pour %1 dans %2.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recovery code (shown only once: write it down and keep it in a safe place):</source>
        <translation>Code de secours (affiché une seule fois : notez-le et gardez-le en lieu sûr) :</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No recovery code on standard input.</source>
        <translation>Aucun code de secours sur l&apos;entrée standard.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>With the recovery code, only an administrator&apos;s password can be reset.</source>
        <translation>Le code de secours ne permet de réinitialiser que le mot de passe d&apos;un administrateur.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Say which account opens the store: --as LOGIN (or --recovery).</source>
        <translation>Indiquez le compte qui ouvre le coffre : --as IDENTIFIANT (ou --recovery).</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Unknown subcommand user %1.</source>
        <translation>Sous-commande inconnue : user %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+81"/>
        <location line="+115"/>
        <source>Passwords are read from standard input: add --password-stdin.</source>
        <translation>Les mots de passe sont lus sur l&apos;entrée standard : ajoutez --password-stdin.</translation>
    </message>
    <message>
        <location line="-193"/>
        <source>user %1 needs --login.</source>
        <translation>user %1 demande --login.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--role must be admin, mediator or volunteer.</source>
        <translation>--role doit valoir admin, mediator ou volunteer.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The recovery code only serves to reset an administrator&apos;s password (user passwd).</source>
        <translation>Le code de secours sert uniquement à réinitialiser le mot de passe d&apos;un administrateur (user passwd).</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Account %1 disabled.</source>
        <translation>Compte %1 désactivé.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account %1 is now %2.</source>
        <translation>Le compte %1 a maintenant le rôle %2.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The new password is missing: put it on the next line of standard input.</source>
        <translation>Le nouveau mot de passe manque : mettez-le sur la ligne suivante de l&apos;entrée standard.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Account %1 created.</source>
        <translation>Compte %1 créé.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Password of %1 changed.</source>
        <translation>Mot de passe de %1 modifié.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The recovery code has been used, so it was replaced. New recovery code (shown only once):</source>
        <translation>Le code de secours a servi, il a donc été remplacé. Nouveau code de secours (affiché une seule fois) :</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The store has a new key. These accounts were made by an older Relais and need a new password from an administrator (user passwd): %1</source>
        <translation>Le coffre a une nouvelle clé. Ces comptes ont été créés par une version antérieure de Relais et doivent recevoir un nouveau mot de passe d&apos;un administrateur (user passwd) : %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The store has a new key and a new recovery code (shown only once: write it down and keep it in a safe place):</source>
        <translation>Le coffre a une nouvelle clé et un nouveau code de secours (affiché une seule fois : notez-le et rangez-le en lieu sûr) :</translation>
    </message>
    <message>
        <location filename="../app/admin/Diagnostics.cpp" line="+37"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>warning</source>
        <translation>attention</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>error</source>
        <translation>erreur</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Program: relais-admin %1, Qt %2 (built with %3), %4.</source>
        <translation>Programme : relais-admin %1, Qt %2 (compilé avec %3), %4.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>SQLCipher: not found (the database library cannot encrypt).</source>
        <translation>SQLCipher : introuvable (la bibliothèque de base de données ne sait pas chiffrer).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SQLCipher: %1.</source>
        <translation>SQLCipher : %1.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Key slots: %1 account(s), recovery code %2, system keychain %3.</source>
        <translation>Emplacements de clé : %1 compte(s), code de secours %2, trousseau système %3.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>present</source>
        <translation>présent</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>MISSING</source>
        <translation>ABSENT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>enabled</source>
        <translation>activé</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not enabled</source>
        <translation>non activé</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Account %1 is active but has no key slot.</source>
        <translation>Le compte %1 est actif mais n&apos;a pas d&apos;emplacement de clé.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Database integrity: ok.</source>
        <translation>Intégrité de la base : correcte.</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Last platform receipt: entries 1 to %1, signed on %2; %n later entries are not anchored yet.</source>
        <translation>
            <numerusform>Dernier reçu de la plateforme : entrées 1 à %1, signé le %2 ; %n entrée plus récente n&apos;est pas encore ancrée.</numerusform>
            <numerusform>Dernier reçu de la plateforme : entrées 1 à %1, signé le %2 ; %n entrées plus récentes ne sont pas encore ancrées.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Last platform receipt: none (one comes back from each sync once the kiosk is enrolled).</source>
        <translation>Dernier reçu de la plateforme : aucun (chaque synchronisation en rapporte un une fois le poste inscrit).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Queue: %1</source>
        <translation>File d&apos;envoi : %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Queue: %1 draft(s), %2 queued, %3 sending, %4 quarantined, %5 delivered in the last 30 days.</source>
        <translation>File d&apos;envoi : %1 brouillon(s), %2 en attente, %3 en cours d&apos;envoi, %4 en quarantaine, %5 remise(s) ces 30 derniers jours.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Oldest démarche waiting to be sent: queued on %1.</source>
        <translation>Plus ancienne démarche en attente d&apos;envoi : mise en file le %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No démarche is waiting to be sent.</source>
        <translation>Aucune démarche n&apos;attend d&apos;être envoyée.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sync: this kiosk is not enrolled with a platform.</source>
        <translation>Synchronisation : ce poste n&apos;est inscrit auprès d&apos;aucune plateforme.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sync stopped: %1</source>
        <translation>Synchronisation arrêtée : %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Last sync: %1 with %2.</source>
        <translation>Dernière synchronisation : %1 avec %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last sync: never.</source>
        <translation>Dernière synchronisation : jamais.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last sync error: %1</source>
        <translation>Dernière erreur de synchronisation : %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Last backup: %1.</source>
        <translation>Dernière sauvegarde : %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last backup: never.</source>
        <translation>Dernière sauvegarde : jamais.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Daily backup: not scheduled (relais-admin backup schedule).</source>
        <translation>Sauvegarde quotidienne : non programmée (relais-admin backup schedule).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Daily backup failed: %1</source>
        <translation>La sauvegarde quotidienne a échoué : %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Daily backup into %1, keeping %2; last one: %3.</source>
        <translation>Sauvegarde quotidienne dans %1, %2 gardées ; dernière : %3.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>none yet</source>
        <translation>aucune pour l&apos;instant</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Free disk space of the data folder: unknown.</source>
        <translation>Place libre du disque des données : inconnue.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Free disk space of the data folder: %1 of %2 (%3 %).</source>
        <translation>Place libre du disque des données : %1 sur %2 (%3 %).</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>Sync settings: %1</source>
        <translation>Réglages de synchronisation : %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+4"/>
        <source>No temporary folder could be made for the support bundle.</source>
        <translation>Aucun dossier temporaire n&apos;a pu être créé pour l&apos;archive du support.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The support bundle could not be prepared.</source>
        <translation>L&apos;archive pour le support n&apos;a pas pu être préparée.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The support bundle could not be written to %1 (tar: %2).</source>
        <translation>L&apos;archive pour le support n&apos;a pas pu être écrite dans %1 (tar : %2).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The support bundle could not be written to %1.</source>
        <translation>L&apos;archive pour le support n&apos;a pas pu être écrite dans %1.</translation>
    </message>
    <message>
        <location filename="../app/admin/AdminCli.cpp" line="+275"/>
        <location filename="../app/admin/Diagnostics.cpp" line="-264"/>
        <source>Database integrity: %1</source>
        <translation>Intégrité de la base : %1</translation>
    </message>
    <message>
        <location filename="../app/admin/Diagnostics.cpp" line="-27"/>
        <source>Schema version: %1 (this program: %2).</source>
        <translation>Version du schéma : %1 (ce programme : %2).</translation>
    </message>
    <message numerus="yes">
        <location line="+33"/>
        <source>Journal: %n entries, chain intact.</source>
        <translation>
            <numerusform>Journal : %n entrée, chaîne intacte.</numerusform>
            <numerusform>Journal : %n entrées, chaîne intacte.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/admin/AdminCli.cpp" line="+4"/>
        <location filename="../app/admin/Diagnostics.cpp" line="-3"/>
        <source>Journal: %1</source>
        <translation>Journal : %1</translation>
    </message>
    <message>
        <location line="-223"/>
        <source>Only an administrator can reset the journal&apos;s anchor.</source>
        <translation>Seul un administrateur peut réinitialiser l&apos;ancre du journal.</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>support-bundle needs --out FILE.</source>
        <translation>support-bundle demande --out FICHIER.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Support bundle written to %1 (no personal data in it).</source>
        <translation>Archive pour le support écrite dans %1 (sans aucune donnée personnelle).</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The journal&apos;s anchor now records its current end.</source>
        <translation>L&apos;ancre du journal enregistre désormais sa fin actuelle.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Journal: %n entries.</source>
        <translation>
            <numerusform>Journal : %n entrée.</numerusform>
            <numerusform>Journal : %n entrées.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>First broken entry: %1</source>
        <translation>Première entrée altérée : %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Platform key: %1</source>
        <translation>Clé de la plateforme : %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Only an administrator can apply the retention rules.</source>
        <translation>Seul un administrateur peut appliquer les règles de conservation.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Due now: %1.</source>
        <translation>À traiter maintenant : %1.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>seed-demo needs --citizens N, a number of people between 1 and 1000000.</source>
        <translation>seed-demo demande --citizens N, un nombre de personnes compris entre 1 et 1000000.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Demo data added: %1 people, %2 consents, %3 mandates, %4 drafts, %5 démarches waiting to be sent.</source>
        <translation>Données de démonstration ajoutées : %1 personnes, %2 consentements, %3 mandats, %4 brouillons, %5 démarches en attente d&apos;envoi.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>enrol needs --platform URL and --code CODE.</source>
        <translation>enrol demande --platform URL et --code CODE.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Only an administrator can enrol this kiosk.</source>
        <translation>Seul un administrateur peut enrôler ce poste.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot read the CA certificate %1.</source>
        <translation>Impossible de lire le certificat d&apos;autorité %1.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Enrolled with %1 as device %2.</source>
        <translation>Poste enrôlé auprès de %1 sous le numéro %2.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>backup needs --out FILE.</source>
        <translation>backup demande --out FICHIER.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Backup written to %1. It is encrypted like the store: keep it away from this PC, and keep an administrator&apos;s password or the recovery code to restore it.</source>
        <translation>Sauvegarde écrite dans %1. Elle est chiffrée comme le coffre : gardez-la loin de ce PC, et gardez le mot de passe d&apos;un administrateur ou le code de secours pour la restaurer.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>backup schedule takes either --folder and --keep, or --off.</source>
        <translation>backup schedule prend soit --folder et --keep, soit --off.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>backup schedule needs both --folder DIR and --keep N.</source>
        <translation>backup schedule demande à la fois --folder DOSSIER et --keep N.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--keep needs a number of backups.</source>
        <translation>--keep demande un nombre de sauvegardes.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No daily backup is scheduled.</source>
        <translation>Aucune sauvegarde quotidienne n&apos;est programmée.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Every day, the kiosk backs up the store into %1 and keeps the %n most recent backup(s).</source>
        <translation>
            <numerusform>Chaque jour, le poste sauvegarde le coffre dans %1 et garde la sauvegarde la plus récente.</numerusform>
            <numerusform>Chaque jour, le poste sauvegarde le coffre dans %1 et garde les %n sauvegardes les plus récentes.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The folder %1 cannot be found now: the backups wait until it can.</source>
        <translation>Le dossier %1 est introuvable pour l&apos;instant : les sauvegardes attendront qu&apos;il le soit.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>restore needs --in FILE and the empty --data-dir to restore into.</source>
        <translation>restore demande --in FICHIER et le dossier vide --data-dir où restaurer.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The data folder %1 already holds a store: nothing was restored over it. Restore into an empty folder.</source>
        <translation>Le dossier des données %1 contient déjà un coffre : rien n&apos;a été restauré par-dessus. Restaurez dans un dossier vide.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Store restored in %1.</source>
        <translation>Coffre restauré dans %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The restored store has problems (see above).</source>
        <translation>Le coffre restauré présente des problèmes (voir ci-dessus).</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>--chunk-size needs a number of bytes, at least 1024.</source>
        <translation>--chunk-size demande un nombre d&apos;octets, au moins 1024.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--wait needs a number of seconds (0: do not wait).</source>
        <translation>--wait attend un nombre de secondes (0 : ne pas attendre).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This kiosk is not enrolled: run relais-admin enrol first.</source>
        <translation>Ce poste n&apos;est pas enrôlé : lancez d&apos;abord relais-admin enrol.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>delivered %1</source>
        <translation>transmises %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>quarantined %1</source>
        <translation>refusées %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>retrying %1</source>
        <translation>à réessayer %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>waiting %1</source>
        <translation>en attente %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>status updates %1</source>
        <translation>nouvelles %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The platform cannot be reached.</source>
        <translation>La plateforme est injoignable.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>proxy needs a subcommand: set or clear.</source>
        <translation>proxy demande une sous-commande : set ou clear.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Only an administrator can change the proxy.</source>
        <translation>Seul un administrateur peut changer le proxy.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Give the proxy&apos;s password on the next line of standard input.</source>
        <translation>Donnez le mot de passe du proxy sur la ligne suivante de l&apos;entrée standard.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The platform is now reached through the proxy %1.</source>
        <translation>La plateforme est désormais jointe via le proxy %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No proxy set: the system&apos;s proxy settings apply.</source>
        <translation>Aucun proxy défini : les réglages de proxy du système s&apos;appliquent.</translation>
    </message>
    <message>
        <location line="-346"/>
        <source>The check found problems (see above).</source>
        <translation>La vérification a trouvé des problèmes (voir ci-dessus).</translation>
    </message>
    <message numerus="yes">
        <location line="-361"/>
        <source>Anchored by the platform: entries 1 to %1 match the receipt it signed on %2; %n later entries are not anchored yet.</source>
        <translation>
            <numerusform>Ancré par la plateforme : les entrées 1 à %1 correspondent au reçu qu&apos;elle a signé le %2 ; %n entrée plus récente n&apos;est pas encore ancrée.</numerusform>
            <numerusform>Ancré par la plateforme : les entrées 1 à %1 correspondent au reçu qu&apos;elle a signé le %2 ; %n entrées plus récentes ne sont pas encore ancrées.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not anchored by the platform yet: no receipt signed by the platform is kept (one comes back from each sync once the kiosk is enrolled).</source>
        <translation>Pas encore ancré par la plateforme : aucun reçu signé par la plateforme n&apos;est gardé (il en revient un à chaque synchronisation une fois le poste enrôlé).</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Usage: relais-admin COMMAND [options]
  init --structure NAME --admin LOGIN [--display-name NAME] [--demo] --password-stdin
  user add --login LOGIN --role admin|mediator|volunteer [--display-name NAME]
  user passwd --login LOGIN
  user disable --login LOGIN   (re-keys the store)
  user role --login LOGIN --role admin|mediator|volunteer   (a lower role re-keys the store)
  user list
  check
  support-bundle --out FILE   an archive for support, without personal data
  verify-journal [--reset-anchor]
  seed-demo --citizens N   (demo stores only: synthetic people, consents, démarches)
  purge [--dry-run]   apply the retention rules now (--dry-run: list what is due)
  enrol --platform URL --code CODE [--device-name NAME] [--ca FILE]   connect to the platform
      (--ca: the platform&apos;s CA certificate, PEM; then trusted alone for the platform)
  sync [--chunk-size BYTES] [--wait SECONDS]   one synchronisation round now, with a summary;
      if another program is synchronising this store, waits for it up to SECONDS (default 60)
  backup --out FILE   an encrypted backup of the store, taken while it is in use
  backup schedule --folder DIR --keep N   a daily backup by the kiosk into DIR, keeping the N most
      recent; backup schedule --off: none; backup schedule: what is set
  restore --in FILE   into an empty --data-dir, opened with --as LOGIN or --recovery
  proxy set --url http://HOST:PORT [--user USER]   the proxy towards the platform (with --user,
      its password is the next line of standard input); proxy clear: the system&apos;s settings
Options of every command that opens the store:
  --data-dir DIR      data folder (default: RELAIS_DATA_DIR or the user&apos;s data folder)
  --as LOGIN          the account whose password (first line of standard input) opens it
  --recovery          open it with the recovery code (first line) instead
  --password-stdin    read passwords from standard input, one per line
Exit codes: 0 success, 1 failure, 2 usage, 3 authentication, 4 store, 5 disk or files,
  6 another program was synchronising this store (sync: run it again later).</source>
        <translation>Utilisation : relais-admin COMMANDE [options]
  init --structure NOM --admin IDENTIFIANT [--display-name NOM] [--demo] --password-stdin
  user add --login IDENTIFIANT --role admin|mediator|volunteer [--display-name NOM]
  user passwd --login IDENTIFIANT
  user disable --login IDENTIFIANT   (change la clé du coffre)
  user role --login IDENTIFIANT --role admin|mediator|volunteer   (un rôle abaissé change la clé du coffre)
  user list
  check
  support-bundle --out FICHIER   une archive pour le support, sans donnée personnelle
  verify-journal [--reset-anchor]
  seed-demo --citizens N   (coffres de démonstration uniquement : personnes fictives, consentements, démarches)
  purge [--dry-run]   appliquer maintenant les règles de conservation (--dry-run : lister ce qui est dû)
  enrol --platform URL --code CODE [--device-name NOM] [--ca FICHIER]   raccorder le poste à la plateforme
      (--ca : le certificat de l&apos;autorité (CA) de la plateforme, PEM ; seul reconnu ensuite pour la plateforme)
  sync [--chunk-size OCTETS] [--wait SECONDES]   une synchronisation maintenant, avec un bilan ;
      si un autre programme synchronise ce coffre, l&apos;attend au plus SECONDES (60 par défaut)
  backup --out FICHIER   une sauvegarde chiffrée du coffre, faite pendant qu&apos;il sert
  backup schedule --folder DOSSIER --keep N   une sauvegarde quotidienne par le poste dans DOSSIER, en gardant
      les N plus récentes ; backup schedule --off : aucune ; backup schedule : ce qui est réglé
  restore --in FICHIER   dans un --data-dir vide, ouvert avec --as IDENTIFIANT ou --recovery
  proxy set --url http://HÔTE:PORT [--user UTILISATEUR]   le proxy vers la plateforme (avec --user,
      son mot de passe est la ligne suivante de l&apos;entrée standard) ; proxy clear : les réglages du système
Options de toutes les commandes qui ouvrent le coffre :
  --data-dir DOSSIER  dossier des données (par défaut : RELAIS_DATA_DIR ou le dossier de données de l&apos;utilisateur)
  --as IDENTIFIANT    le compte dont le mot de passe (première ligne de l&apos;entrée standard) l&apos;ouvre
  --recovery          l&apos;ouvrir plutôt avec le code de secours (première ligne)
  --password-stdin    lire les mots de passe sur l&apos;entrée standard, un par ligne
Codes de sortie : 0 succès, 1 échec, 2 utilisation, 3 authentification, 4 coffre, 5 disque ou fichiers,
  6 un autre programme synchronisait ce coffre (sync : relancez-le plus tard).</translation>
    </message>
    <message>
        <location line="+187"/>
        <source>user needs a subcommand: add, passwd, disable, role or list.</source>
        <translation>user demande une sous-commande : add, passwd, disable, role ou list.</translation>
    </message>
    <message numerus="yes">
        <location line="+146"/>
        <source>Journal intact: %n entries.</source>
        <translation>
            <numerusform>Journal intact : %n entrée.</numerusform>
            <numerusform>Journal intact : %n entrées.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Head: %1</source>
        <translation>Tête : %1</translation>
    </message>
</context>
<context>
    <name>relais::AtomicFile</name>
    <message>
        <location filename="../app/core/common/AtomicFile.cpp" line="+40"/>
        <source>Cannot write in the data folder %1. Check that it exists and that this account may write there.</source>
        <translation>Impossible d&apos;écrire dans le dossier des données %1. Vérifiez qu&apos;il existe et que ce compte peut y écrire.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The disk is full: nothing was changed. Free some space and try again.</source>
        <translation>Le disque est plein : rien n&apos;a été modifié. Libérez de la place et réessayez.</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Cannot write %1: nothing was changed.</source>
        <translation>Impossible d&apos;écrire %1 : rien n&apos;a été modifié.</translation>
    </message>
</context>
<context>
    <name>relais::AttachmentStore</name>
    <message>
        <location filename="../app/core/domain/AttachmentStore.cpp" line="+59"/>
        <source>The file cannot be read.</source>
        <translation>Le fichier est illisible.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file is empty.</source>
        <translation>Le fichier est vide.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This kind of file is not accepted here. Use a PDF, a JPEG or a PNG image.</source>
        <translation>Ce type de fichier n&apos;est pas accepté ici. Utilisez un PDF, ou une image JPEG ou PNG.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The file is too large: at most %1 here. Scan it at a lower resolution or in black and white.</source>
        <translation>Le fichier est trop volumineux : %1 au maximum ici. Numérisez-le avec une résolution plus basse ou en noir et blanc.</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>This document is no longer in the store.</source>
        <translation>Ce document n&apos;est plus dans le coffre.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The copied document cannot be found.</source>
        <translation>La copie du document est introuvable.</translation>
    </message>
    <message>
        <location line="-150"/>
        <location line="+168"/>
        <location line="+74"/>
        <source>This document no longer exists.</source>
        <translation>Ce document n&apos;existe plus.</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>The document could not be written out.</source>
        <translation>Le document n&apos;a pas pu être écrit.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../sync/client/ChunkReader.cpp" line="+24"/>
        <source>This document is damaged in the store: add it again.</source>
        <translation>Ce document est endommagé dans le coffre : ajoutez-le de nouveau.</translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+27"/>
        <source>This part of the document does not exist.</source>
        <translation>Cette partie du document n&apos;existe pas.</translation>
    </message>
</context>
<context>
    <name>relais::Backup</name>
    <message>
        <location filename="../app/core/store/Backup.cpp" line="+30"/>
        <source>This file is not a complete Relais backup (damaged, cut short, or another kind of file). Nothing was restored.</source>
        <translation>Ce fichier n&apos;est pas une sauvegarde Relais complète (endommagée, tronquée, ou un autre type de fichier). Rien n&apos;a été restauré.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The disk is full: the backup was not written. Free some space, or choose another folder.</source>
        <translation>Le disque est plein : la sauvegarde n&apos;a pas été écrite. Libérez de la place, ou choisissez un autre dossier.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The backup cannot be written in %1. Check that the folder exists and that this account may write there.</source>
        <translation>La sauvegarde ne peut pas être écrite dans %1. Vérifiez que le dossier existe et que ce compte peut y écrire.</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+4"/>
        <source>The copy of the store cannot be read.</source>
        <translation>La copie du coffre ne peut pas être lue.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>The backup file cannot be read.</source>
        <translation>Le fichier de sauvegarde ne peut pas être lu.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The data folder %1 cannot be created.</source>
        <translation>Le dossier des données %1 ne peut pas être créé.</translation>
    </message>
</context>
<context>
    <name>relais::BackupScheduler</name>
    <message>
        <location filename="../app/core/security/BackupScheduler.cpp" line="+47"/>
        <source>The backup folder must be given as a full path, for example /media/usb/relais.</source>
        <translation>Le dossier de sauvegarde doit être indiqué par un chemin complet, par exemple /media/usb/relais.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The number of backups to keep must be between 1 and %1.</source>
        <translation>Le nombre de sauvegardes à conserver doit être compris entre 1 et %1.</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>The old backup %1 cannot be deleted from %2.</source>
        <translation>L&apos;ancienne sauvegarde %1 ne peut pas être supprimée de %2.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>The backup folder %1 cannot be found. If it is on a USB key, plug the key in; otherwise choose another folder.</source>
        <translation>Le dossier de sauvegarde %1 est introuvable. S&apos;il est sur une clé USB, branchez la clé ; sinon, choisissez un autre dossier.</translation>
    </message>
</context>
<context>
    <name>relais::CitizenExport</name>
    <message>
        <location filename="../app/core/domain/CitizenExport.cpp" line="+163"/>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>This document lists everything Relais holds about you in this structure (right of access). A machine-readable copy (JSON) was made at the same time.</source>
        <translation>Ce document recense tout ce que Relais détient sur vous dans cette structure (droit d&apos;accès). Une copie lisible par ordinateur (JSON) a été produite en même temps.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Identity and contact</source>
        <translation>Identité et coordonnées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birth name</source>
        <translation>Nom de naissance</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Usage name</source>
        <translation>Nom d&apos;usage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Given names</source>
        <translation>Prénoms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place of birth</source>
        <translation>Lieu de naissance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Social security number</source>
        <translation>Numéro de sécurité sociale</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File created</source>
        <translation>Dossier créé le</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Consents</source>
        <translation>Consentements</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>None recorded.</source>
        <translation>Aucun consentement enregistré.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>in force</source>
        <translation>en vigueur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>withdrawn on %1</source>
        <translation>retiré le %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>given on %1</source>
        <translation>donné le %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>text version %1</source>
        <translation>version du texte %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mandates</source>
        <translation>Mandats</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+15"/>
        <location line="+21"/>
        <source>None.</source>
        <translation>Néant.</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>%1 (revoked)</source>
        <translation>%1 (révoqué)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>From %1 to %2</source>
        <translation>Du %1 au %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Démarches</source>
        <translation>Démarches</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Started</source>
        <translation>Commencée le</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent</source>
        <translation>Envoyée le</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivered</source>
        <translation>Transmise le</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Platform reference</source>
        <translation>Référence de la plateforme</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+15"/>
        <source>Data held about %1</source>
        <translation>Données détenues sur %1</translation>
    </message>
</context>
<context>
    <name>relais::CitizenRepository</name>
    <message>
        <location filename="../app/core/domain/CitizenRepository.cpp" line="+91"/>
        <source>This file no longer exists.</source>
        <translation>Ce dossier n&apos;existe plus.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Volunteers can only open the files they created.</source>
        <translation>Les bénévoles ne peuvent ouvrir que les dossiers qu&apos;ils ont créés.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>born %1</source>
        <translation>né(e) %1</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Enter the birth name.</source>
        <translation>Saisissez le nom de naissance.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter at least one given name.</source>
        <translation>Saisissez au moins un prénom.</translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>The note is limited to %n characters: keep only what the next mediator needs.</source>
        <translation>
            <numerusform>La note est limitée à %n caractère : ne gardez que ce dont le prochain médiateur a besoin.</numerusform>
            <numerusform>La note est limitée à %n caractères : ne gardez que ce dont le prochain médiateur a besoin.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+66"/>
        <source>File %1 of %2: %3</source>
        <translation>Dossier %1 sur %2 : %3</translation>
    </message>
    <message>
        <location line="+242"/>
        <source>Only a mediator or an administrator can merge files.</source>
        <translation>Seul un médiateur ou un administrateur peut fusionner des dossiers.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose two different files to merge.</source>
        <translation>Choisissez deux dossiers différents à fusionner.</translation>
    </message>
    <message numerus="yes">
        <location line="+62"/>
        <source>%n démarche(s) of this person are still waiting to be sent; their answers and documents stay encrypted on this PC until delivery, then are removed at once.</source>
        <translation>
            <numerusform>%n démarche de cette personne attend encore d&apos;être envoyée ; ses réponses et documents restent chiffrés sur ce PC jusqu&apos;à l&apos;envoi, puis sont supprimés aussitôt.</numerusform>
            <numerusform>%n démarches de cette personne attendent encore d&apos;être envoyées ; leurs réponses et documents restent chiffrés sur ce PC jusqu&apos;à l&apos;envoi, puis sont supprimés aussitôt.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Only a mediator or an administrator can erase a file. Ask a colleague.</source>
        <translation>Seul un médiateur ou un administrateur peut effacer un dossier. Demandez à un collègue.</translation>
    </message>
</context>
<context>
    <name>relais::Consents</name>
    <message>
        <location filename="../app/core/domain/Consents.cpp" line="+84"/>
        <source>Keep my file</source>
        <translation>Conserver mon dossier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This structure keeps a file about me: my identity, my contact details and the démarches done with me. It lets any mediator here help me again without asking everything twice. The file is erased when I have not come back for the period of inactivity set by the structure, or sooner if I ask. I can withdraw this consent at any time at the counter; no new démarche can then be made with my file.</source>
        <translation>Cette structure conserve un dossier me concernant : mon identité, mes coordonnées et les démarches faites avec moi. Ainsi, tout médiateur de la structure peut m&apos;aider de nouveau sans tout me redemander. Le dossier est effacé si je ne suis pas revenu(e) pendant la durée d&apos;inactivité fixée par la structure, ou plus tôt si je le demande. Je peux retirer ce consentement à tout moment à l&apos;accueil ; aucune nouvelle démarche ne pourra alors être faite avec mon dossier.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Keep my documents</source>
        <translation>Conserver mes documents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This structure keeps, encrypted in my file, copies of the documents I bring (for example a proof of address or a payslip), so that I do not have to bring them again for a later démarche. They are kept as long as my file. If I withdraw this consent, the kept copies are deleted at once; those already sent with a démarche stay with that démarche.</source>
        <translation>Cette structure conserve, chiffrées dans mon dossier, des copies des documents que j&apos;apporte (par exemple un justificatif de domicile ou un bulletin de salaire), pour que je n&apos;aie pas à les rapporter lors d&apos;une prochaine démarche. Elles sont conservées aussi longtemps que mon dossier. Si je retire ce consentement, les copies conservées sont aussitôt supprimées ; celles déjà envoyées avec une démarche restent jointes à cette démarche.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Contact me</source>
        <translation>Me contacter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A mediator of this structure may phone me or write to me by e-mail about my démarches: a missing document, an answer from an organisation, an appointment. Only the phone number and e-mail address in my file are used, and for nothing else, as long as my file is kept. I can withdraw this consent at any time; I will then no longer be contacted.</source>
        <translation>Un médiateur de cette structure peut me téléphoner ou m&apos;écrire par courriel au sujet de mes démarches : un document manquant, une réponse d&apos;un organisme, un rendez-vous. Seuls le numéro de téléphone et l&apos;adresse électronique de mon dossier sont utilisés, et à aucune autre fin, tant que mon dossier est conservé. Je peux retirer ce consentement à tout moment ; je ne serai alors plus contacté(e).</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+54"/>
        <source>Volunteers can only record consents in the files they created.</source>
        <translation>Les bénévoles ne peuvent enregistrer un consentement que dans les dossiers qu&apos;ils ont créés.</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>This file no longer exists.</source>
        <translation>Ce dossier n&apos;existe plus.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The person has already agreed to &quot;%1&quot;; nothing was recorded twice.</source>
        <translation>La personne a déjà donné son accord pour « %1 » : rien n&apos;a été enregistré en double.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Volunteers can only change the files they created.</source>
        <translation>Les bénévoles ne peuvent modifier que les dossiers qu&apos;ils ont créés.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Documents are kept in a file only with the person&apos;s consent (&quot;documents&quot;).</source>
        <translation>Les documents ne sont conservés dans un dossier qu&apos;avec le consentement de la personne (« documents »).</translation>
    </message>
    <message>
        <location filename="../app/core/domain/AttachmentStore.cpp" line="+84"/>
        <source>This document does not belong to this person&apos;s démarches.</source>
        <translation>Ce document n&apos;appartient pas aux démarches de cette personne.</translation>
    </message>
    <message>
        <location filename="../app/core/domain/Consents.cpp" line="+28"/>
        <source>The person has not agreed to &quot;%1&quot;: there is nothing to withdraw.</source>
        <translation>La personne n&apos;a pas donné son accord pour « %1 » : il n&apos;y a rien à retirer.</translation>
    </message>
    <message>
        <location line="+59"/>
        <location line="+8"/>
        <location line="+7"/>
        <source>Consent to the keeping of personal data</source>
        <translation>Consentement à la conservation de données personnelles</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Structure: %1</source>
        <translation>Structure : %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mediator: %1</source>
        <translation>Médiateur : %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Person: %1</source>
        <translation>Personne : %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Born on %1</source>
        <translation>Né(e) le %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Each purpose below is agreed to separately. Refusing one does not stop the others, nor the help you receive today.</source>
        <translation>Chaque finalité ci-dessous fait l&apos;objet d&apos;un accord distinct. En refuser une n&apos;empêche ni les autres, ni l&apos;aide que vous recevez aujourd&apos;hui.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Agreed</source>
        <translation>Accepté</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not agreed</source>
        <translation>Non accepté</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>text version %1</source>
        <translation>version du texte %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Date: %1</source>
        <translation>Date : %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signature of the person</source>
        <translation>Signature de la personne</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Signature of the mediator</source>
        <translation>Signature du médiateur</translation>
    </message>
</context>
<context>
    <name>relais::DataSize</name>
    <message>
        <location filename="../app/core/common/DataSize.cpp" line="+15"/>
        <source>%1 KB</source>
        <translation>%1 Ko</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 MB</source>
        <translation>%1 Mo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 GB</source>
        <translation>%1 Go</translation>
    </message>
</context>
<context>
    <name>relais::Database</name>
    <message>
        <location filename="../app/core/store/Database.cpp" line="+77"/>
        <source>The disk is full: the last change was not saved. Free some space and try again.</source>
        <translation>Le disque est plein : la dernière modification n&apos;a pas été enregistrée. Libérez de la place et réessayez.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The disk could not write the store (it may be full or failing): the last change was not saved. Free some space and try again; if it goes on, ask your administrator.</source>
        <translation>Le disque n&apos;a pas pu écrire dans le coffre (il est peut-être plein ou défaillant) : la dernière modification n&apos;a pas été enregistrée. Libérez de la place et réessayez ; si le problème persiste, adressez-vous à votre administrateur.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The store is damaged. Restore it from a backup, or ask your administrator.</source>
        <translation>Le coffre est endommagé. Restaurez-le depuis une sauvegarde, ou adressez-vous à votre administrateur.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The store could not complete an operation (%1).</source>
        <translation>Le coffre n&apos;a pas pu terminer une opération (%1).</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>The file relais.db is an unencrypted SQLite database, not a Relais store. It was left untouched.</source>
        <translation>Le fichier relais.db est une base SQLite non chiffrée, pas un coffre Relais. Il n&apos;a pas été modifié.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The file relais.db cannot be unlocked with this key: it is damaged or belongs to another installation. It was left untouched.</source>
        <translation>Le fichier relais.db ne s&apos;ouvre pas avec cette clé : il est endommagé ou appartient à une autre installation. Il n&apos;a pas été modifié.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+53"/>
        <source>The store is damaged. Restore it from a backup.</source>
        <translation>Le coffre est endommagé. Restaurez-le depuis une sauvegarde.</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>The store cannot be opened: check that the data folder exists and that this account may write there.</source>
        <translation>Impossible d&apos;ouvrir le coffre : vérifiez que le dossier des données existe et que ce compte peut y écrire.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The disk is full: the store could not be created.</source>
        <translation>Le disque est plein : le coffre n&apos;a pas pu être créé.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The store cannot be opened (%1).</source>
        <translation>Impossible d&apos;ouvrir le coffre (%1).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A store already exists in this folder; it was left untouched.</source>
        <translation>Un coffre existe déjà dans ce dossier ; il n&apos;a pas été modifié.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>There is no store (relais.db) in the data folder %1.</source>
        <translation>Le dossier des données %1 ne contient pas de coffre (relais.db).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The store file relais.db is truncated (incomplete copy or disk error). Restore it from a backup.</source>
        <translation>Le fichier du coffre relais.db est tronqué (copie incomplète ou erreur de disque). Restaurez-le depuis une sauvegarde.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>This store was made by a newer version of Relais (schema %1; this program knows up to %2). Install the newer version; the store was left untouched.</source>
        <translation>Ce coffre a été créé par une version plus récente de Relais (schéma %1 ; ce programme connaît jusqu&apos;au %2). Installez la version récente ; le coffre n&apos;a pas été modifié.</translation>
    </message>
    <message numerus="yes">
        <location line="+241"/>
        <source>The store&apos;s integrity check found %n problem(s).</source>
        <translation>
            <numerusform>La vérification d&apos;intégrité du coffre a trouvé %n problème.</numerusform>
            <numerusform>La vérification d&apos;intégrité du coffre a trouvé %n problèmes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>relais::DemoData</name>
    <message>
        <location filename="../app/core/domain/DemoData.cpp" line="+629"/>
        <source>Open the store first.</source>
        <translation>Ouvrez d&apos;abord le coffre.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only an administrator can add demo data.</source>
        <translation>Seul un administrateur peut ajouter des données de démonstration.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This store was not created as a demo store (init --demo): demo people are never mixed with real citizens&apos; files.</source>
        <translation>Ce coffre n&apos;a pas été créé comme coffre de démonstration (init --demo) : les personnes fictives ne sont jamais mêlées aux dossiers de vrais usagers.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Give a number of demo people greater than zero.</source>
        <translation>Indiquez un nombre de personnes fictives supérieur à zéro.</translation>
    </message>
</context>
<context>
    <name>relais::DraftEditor</name>
    <message>
        <location filename="../app/core/domain/DraftEditor.cpp" line="+144"/>
        <source>Some answers are missing or need correcting.</source>
        <translation>Certaines réponses manquent ou sont à corriger.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Attach each required document, or tick “Seen, not attached” once you have seen it.</source>
        <translation>Joignez chaque pièce demandée, ou cochez « Vu, non joint » une fois que vous l&apos;avez vue.</translation>
    </message>
</context>
<context>
    <name>relais::Journal</name>
    <message>
        <location filename="../app/core/security/Journal.cpp" line="+94"/>
        <source>The journal&apos;s anchor key cannot be read.</source>
        <translation>La clé de l&apos;ancre du journal ne peut pas être lue.</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>Store created</source>
        <translation>Coffre créé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Store opened by the system keychain</source>
        <translation>Coffre ouvert par le trousseau système</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed in</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign-in refused</source>
        <translation>Connexion refusée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed sign-ins before this one</source>
        <translation>Échecs de connexion avant celle-ci</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed out</source>
        <translation>Déconnexion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Session locked</source>
        <translation>Session verrouillée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Session handed over</source>
        <translation>Session passée à un autre utilisateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relais closed</source>
        <translation>Relais fermé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recovery code used</source>
        <translation>Code de secours utilisé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recovery code replaced</source>
        <translation>Code de secours remplacé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keychain slot enabled</source>
        <translation>Trousseau activé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keychain slot removed</source>
        <translation>Trousseau désactivé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account created</source>
        <translation>Compte créé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password changed</source>
        <translation>Mot de passe modifié</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account disabled</source>
        <translation>Compte désactivé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account&apos;s role changed</source>
        <translation>Rôle d&apos;un compte modifié</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Store&apos;s key changed</source>
        <translation>Clé du coffre changée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backup made</source>
        <translation>Sauvegarde faite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Store restored from a backup</source>
        <translation>Coffre restauré depuis une sauvegarde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key file sealed</source>
        <translation>Fichier des clés scellé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Setting changed</source>
        <translation>Réglage modifié</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Citizen&apos;s file opened</source>
        <translation>Dossier d&apos;usager ouvert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Citizen&apos;s file created</source>
        <translation>Dossier d&apos;usager créé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Citizen&apos;s file changed</source>
        <translation>Dossier d&apos;usager modifié</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Citizen&apos;s file exported</source>
        <translation>Dossier d&apos;usager exporté</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document saved to a folder (not protected)</source>
        <translation>Document enregistré dans un dossier (non protégé)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Citizen&apos;s file erased</source>
        <translation>Dossier d&apos;usager effacé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Citizens&apos; files merged</source>
        <translation>Dossiers d&apos;usagers fusionnés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent given</source>
        <translation>Consentement donné</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent withdrawn</source>
        <translation>Consentement retiré</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mandate recorded</source>
        <translation>Mandat enregistré</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mandate scope revoked</source>
        <translation>Domaine de mandat révoqué</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Démarche started</source>
        <translation>Démarche commencée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Démarche done with the person present</source>
        <translation>Démarche faite avec la personne présente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Démarche done for the person, under a mandate</source>
        <translation>Démarche faite pour la personne, sous mandat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Démarche queued for sending</source>
        <translation>Démarche mise en file d&apos;envoi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Démarche delivered</source>
        <translation>Démarche transmise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Démarche discarded</source>
        <translation>Démarche abandonnée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Démarche refused by the platform</source>
        <translation>Démarche refusée par la plateforme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused démarche reopened for correction</source>
        <translation>Démarche refusée rouverte pour correction</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kiosk enrolled with the platform</source>
        <translation>Poste enrôlé auprès de la plateforme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network proxy for the platform changed</source>
        <translation>Proxy réseau vers la plateforme modifié</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Démarches discarded with a file</source>
        <translation>Démarches abandonnées avec un dossier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expired data deleted</source>
        <translation>Données expirées supprimées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Journal anchor reset</source>
        <translation>Ancre du journal réinitialisée</translation>
    </message>
    <message>
        <location line="+180"/>
        <source>This journal has no anchor file.</source>
        <translation>Ce journal n&apos;a pas de fichier d&apos;ancre.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The journal&apos;s anchor cannot be reset during a change.</source>
        <translation>L&apos;ancre du journal ne peut pas être réinitialisée pendant une modification.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The anchor was left as it is.</source>
        <translation>L&apos;ancre a été laissée telle quelle.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+182"/>
        <source>The journal cannot be read.</source>
        <translation>Le journal est illisible.</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>The platform&apos;s receipt for the journal is not signed with its key.</source>
        <translation>Le reçu de la plateforme pour le journal n&apos;est pas signé avec sa clé.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The platform&apos;s receipt does not match this kiosk&apos;s journal.</source>
        <translation>Le reçu de la plateforme ne correspond pas au journal de ce poste.</translation>
    </message>
    <message numerus="yes">
        <location line="+44"/>
        <source>The journal is intact: %n entries, none changed or removed.</source>
        <translation>
            <numerusform>Le journal est intact : %n entrée, ni modifiée ni supprimée.</numerusform>
            <numerusform>Le journal est intact : %n entrées, aucune modifiée ni supprimée.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The journal was altered: entry %1 was changed after it was written.</source>
        <translation>Le journal a été altéré : l&apos;entrée %1 a été modifiée après son écriture.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The journal was altered: entries %1 to %2 were removed.</source>
        <translation>Le journal a été altéré : les entrées %1 à %2 ont été supprimées.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The journal was altered: entry %1 was removed.</source>
        <translation>Le journal a été altéré : l&apos;entrée %1 a été supprimée.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The end of the journal was removed: entries %1 to %2 are missing; the entries after them were written later.</source>
        <translation>La fin du journal a été supprimée : les entrées %1 à %2 manquent ; les entrées qui les suivent ont été écrites plus tard.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The end of the journal was removed: entries from %1 on are missing (%2 recorded, %3 left).</source>
        <translation>La fin du journal a été supprimée : les entrées à partir de la %1 manquent (%2 enregistrées, %3 restantes).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The end of the journal was replaced: entry %1 is not the one that was recorded.</source>
        <translation>La fin du journal a été remplacée : l&apos;entrée %1 n&apos;est pas celle qui avait été enregistrée.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The journal&apos;s anchor file journal.anchor was altered: its seal does not match this store. The end of the journal may have been removed or rewritten.</source>
        <translation>Le fichier d&apos;ancre du journal journal.anchor a été modifié : son sceau ne correspond pas à ce coffre. La fin du journal a pu être supprimée ou réécrite.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The platform&apos;s receipt kept in the store is not signed with the platform&apos;s key: it was altered.</source>
        <translation>Le reçu de la plateforme gardé dans le coffre n&apos;est pas signé avec la clé de la plateforme : il a été modifié.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The journal was cut: the platform acknowledged %1 entries (on %2), only %3 are left.</source>
        <translation>Le journal a été tronqué : la plateforme a accusé réception de %1 entrées (le %2), il n&apos;en reste que %3.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The journal was rewritten: entry %1 is not the one the platform acknowledged (on %2).</source>
        <translation>Le journal a été réécrit : l&apos;entrée %1 n&apos;est pas celle dont la plateforme a accusé réception (le %2).</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>The journal&apos;s chain is intact (%n entries), but its anchor file journal.anchor is missing, so removed last entries cannot be detected. This is expected after a restore from a backup: an administrator can then reset the anchor. Otherwise the file was deleted.</source>
        <translation>
            <numerusform>La chaîne du journal est intacte (%n entrée), mais son fichier d&apos;ancre journal.anchor est absent : la suppression des dernières entrées ne peut donc pas être détectée. C&apos;est normal après une restauration depuis une sauvegarde : un administrateur peut alors réinitialiser l&apos;ancre. Sinon, le fichier a été supprimé.</numerusform>
            <numerusform>La chaîne du journal est intacte (%n entrées), mais son fichier d&apos;ancre journal.anchor est absent : la suppression des dernières entrées ne peut donc pas être détectée. C&apos;est normal après une restauration depuis une sauvegarde : un administrateur peut alors réinitialiser l&apos;ancre. Sinon, le fichier a été supprimé.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Only an administrator can read the security journal.</source>
        <translation>Seul un administrateur peut consulter le journal de sécurité.</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>The export could not be written completely. Check the free space and try again.</source>
        <translation>L&apos;export n&apos;a pas pu être écrit entièrement. Vérifiez l&apos;espace libre et réessayez.</translation>
    </message>
</context>
<context>
    <name>relais::KeySlots</name>
    <message>
        <location filename="../app/core/store/KeySlots.cpp" line="+33"/>
        <source>The key file keyslots.json is damaged (%1). The store cannot be opened without it: restore it from a backup, or ask your administrator.</source>
        <translation>Le fichier de clés keyslots.json est endommagé (%1). Le coffre ne peut pas s&apos;ouvrir sans lui : restaurez-le depuis une sauvegarde, ou adressez-vous à votre administrateur.</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>The key file keyslots.json is missing from the data folder. Without it the store cannot be opened: restore it from a backup.</source>
        <translation>Le fichier de clés keyslots.json manque dans le dossier des données. Sans lui, le coffre ne peut pas s&apos;ouvrir : restaurez-le depuis une sauvegarde.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The key file keyslots.json cannot be read. Check the folder&apos;s permissions.</source>
        <translation>Le fichier de clés keyslots.json est illisible. Vérifiez les droits du dossier.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>too large</source>
        <translation>trop volumineux</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not valid JSON</source>
        <translation>JSON invalide</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+7"/>
        <source>not a Relais key file</source>
        <translation>ce n&apos;est pas un fichier de clés Relais</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>This store was made by a newer version of Relais. Install that version to open it.</source>
        <translation>Ce coffre a été créé par une version plus récente de Relais. Installez cette version pour l&apos;ouvrir.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>its seal is missing</source>
        <translation>son sceau manque</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>no store identifier</source>
        <translation>pas d&apos;identifiant de coffre</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>a key slot has no identifier or an unknown type</source>
        <translation>un emplacement de clé n&apos;a pas d&apos;identifiant ou a un type inconnu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a password slot has no login</source>
        <translation>un emplacement de mot de passe n&apos;a pas d&apos;identifiant de compte</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a key slot is truncated</source>
        <translation>un emplacement de clé est tronqué</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a key slot has invalid key derivation settings</source>
        <translation>un emplacement de clé a des paramètres de dérivation invalides</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>it holds no key slot</source>
        <translation>il ne contient aucun emplacement de clé</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>The key file keyslots.json was changed outside Relais: its seal no longer matches. It was not followed and the store stays closed. Restore the file from a backup, and ask your administrator to look into who changed it.</source>
        <translation>Le fichier des clés keyslots.json a été modifié en dehors de Relais : son sceau ne correspond plus. Il n&apos;a pas été suivi et le coffre reste fermé. Restaurez le fichier depuis une sauvegarde, et demandez à votre administrateur de chercher qui l&apos;a modifié.</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+61"/>
        <location line="+46"/>
        <source>The cryptography library could not start.</source>
        <translation>La bibliothèque de chiffrement n&apos;a pas pu démarrer.</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>A key slot asks for key derivation settings outside the accepted range.</source>
        <translation>Un emplacement de clé demande des réglages de dérivation de clé hors des limites acceptées.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not enough memory to check the password. Close other programs and try again.</source>
        <translation>Pas assez de mémoire pour vérifier le mot de passe. Fermez d&apos;autres programmes et réessayez.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>A key slot does not hold this store&apos;s key.</source>
        <translation>Un emplacement de clé ne contient pas la clé de ce coffre.</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+158"/>
        <source>Invalid data key.</source>
        <translation>Clé de données invalide.</translation>
    </message>
    <message>
        <location line="-135"/>
        <location line="+7"/>
        <source>Unknown account or wrong password.</source>
        <translation>Compte inconnu ou mot de passe erroné.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>This store has no recovery code.</source>
        <translation>Ce coffre n&apos;a pas de code de secours.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This recovery code is not the right one. Check each group of characters on the printed sheet.</source>
        <translation>Ce code de secours n&apos;est pas le bon. Vérifiez chaque groupe de caractères sur la feuille imprimée.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The system keychain is not enabled for this store.</source>
        <translation>Le trousseau système n&apos;est pas activé pour ce coffre.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The key in the system keychain does not open this store. Sign in with your password instead.</source>
        <translation>La clé du trousseau système n&apos;ouvre pas ce coffre. Connectez-vous plutôt avec votre mot de passe.</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Invalid keychain key.</source>
        <translation>Clé de trousseau invalide.</translation>
    </message>
</context>
<context>
    <name>relais::Keychain</name>
    <message>
        <location filename="../app/core/store/Keychain.cpp" line="+81"/>
        <source>No system keychain is available on this computer.</source>
        <translation>Aucun trousseau système n&apos;est disponible sur cet ordinateur.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The system keychain is locked.</source>
        <translation>Le trousseau système est verrouillé.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The system keychain refused access to Relais.</source>
        <translation>Le trousseau système a refusé l&apos;accès à Relais.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The system keychain of this computer holds no key for this store.</source>
        <translation>Le trousseau système de cet ordinateur ne contient aucune clé pour ce coffre.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The system keychain did not answer in time.</source>
        <translation>Le trousseau système n&apos;a pas répondu à temps.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The system keychain reported an error.</source>
        <translation>Le trousseau système a signalé une erreur.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sign in with your password instead.</source>
        <translation>Connectez-vous plutôt avec votre mot de passe.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This computer will keep asking for a password to open the store.</source>
        <translation>Cet ordinateur continuera de demander un mot de passe pour ouvrir le coffre.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The key it holds for this store was not removed; try again later.</source>
        <translation>La clé qu&apos;il conserve pour ce coffre n&apos;a pas été supprimée ; réessayez plus tard.</translation>
    </message>
    <message>
        <location line="+134"/>
        <source>The system keychain cannot be used yet.</source>
        <translation>Le trousseau système ne peut pas encore être utilisé.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>There is no key to keep in the system keychain.</source>
        <translation>Il n&apos;y a aucune clé à conserver dans le trousseau système.</translation>
    </message>
</context>
<context>
    <name>relais::Kiosk</name>
    <message>
        <location filename="../app/kiosk/main.cpp" line="+70"/>
        <source>Relais is already open on this computer with the same data folder. Use the window that is already open: this one will close.</source>
        <translation>Relais est déjà ouvert sur cet ordinateur avec le même dossier de données. Utilisez la fenêtre déjà ouverte : celle-ci va se fermer.</translation>
    </message>
</context>
<context>
    <name>relais::Logging</name>
    <message>
        <location filename="../app/core/common/Logging.cpp" line="+97"/>
        <source>%1: the technical logs cannot be written in %2 (%3); the program goes on without them.</source>
        <translation>%1 : les journaux techniques ne peuvent pas être écrits dans %2 (%3) ; le programme continue sans eux.</translation>
    </message>
</context>
<context>
    <name>relais::Mandates</name>
    <message>
        <location filename="../app/core/domain/Mandates.cpp" line="+66"/>
        <source>This mandate no longer exists.</source>
        <translation>Ce mandat n&apos;existe plus.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;%1&quot; is not one of the areas a mandate can cover.</source>
        <translation>« %1 » ne fait pas partie des domaines qu&apos;un mandat peut couvrir.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Social benefits and health</source>
        <translation>Prestations sociales et santé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Work and unemployment</source>
        <translation>Travail et chômage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Family</source>
        <translation>Famille</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Housing</source>
        <translation>Logement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transport, vehicles and driving licence</source>
        <translation>Transports, véhicules et permis de conduire</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Money, taxes and consumer matters</source>
        <translation>Argent, impôts et consommation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Identity papers and citizenship</source>
        <translation>Papiers d&apos;identité et citoyenneté</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Foreign nationals (residence, nationality)</source>
        <translation>Étrangers (séjour, nationalité)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Leisure, sport and culture</source>
        <translation>Loisirs, sport et culture</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Justice</source>
        <translation>Justice</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>1 day</source>
        <translation>1 jour</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 month</source>
        <translation>1 mois</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>6 months</source>
        <translation>6 mois</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 year</source>
        <translation>1 an</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Only a mediator or an administrator can make a mandate. Ask a colleague.</source>
        <translation>Seul un médiateur ou un administrateur peut établir un mandat. Demandez à un collègue.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose at least one area the mandate covers.</source>
        <translation>Choisissez au moins un domaine couvert par le mandat.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>This file no longer exists.</source>
        <translation>Ce dossier n&apos;existe plus.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Volunteers can only change the mandates of the files they created.</source>
        <translation>Les bénévoles ne peuvent modifier que les mandats des dossiers qu&apos;ils ont créés.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This mandate does not cover &quot;%1&quot;: there is nothing to revoke.</source>
        <translation>Ce mandat ne couvre pas « %1 » : il n&apos;y a rien à révoquer.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;%1&quot; was already revoked from this mandate.</source>
        <translation>« %1 » a déjà été révoqué dans ce mandat.</translation>
    </message>
    <message>
        <location line="+142"/>
        <source>This attestation can no longer be printed as it was signed: the person&apos;s file, the structure or the mediator&apos;s name changed since. Make a new mandate if needed.</source>
        <translation>Cette attestation ne peut plus être imprimée telle qu&apos;elle a été signée : le dossier de la personne, la structure ou le nom du médiateur ont changé depuis. Établissez un nouveau mandat si nécessaire.</translation>
    </message>
    <message>
        <location line="-20"/>
        <location line="+9"/>
        <location line="+16"/>
        <source>Mandate attestation</source>
        <translation>Attestation de mandat</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Structure: %1</source>
        <translation>Structure : %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mediator: %1</source>
        <translation>Médiateur : %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mandate reference: %1</source>
        <translation>Référence du mandat : %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Person: %1</source>
        <translation>Personne : %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Born on %1</source>
        <translation>Né(e) le %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Born on %1 in %2</source>
        <translation>Né(e) le %1 à %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>I allow the mediators of this structure to do démarches on my behalf, in the areas below, for %1: from %2 until %3.</source>
        <translation>J&apos;autorise les médiateurs de cette structure à effectuer des démarches en mon nom, dans les domaines ci-dessous, pour %1 : du %2 au %3.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Areas covered</source>
        <translation>Domaines couverts</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>revoked on %1</source>
        <translation>révoqué le %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What the mediator may do</source>
        <translation>Ce que le médiateur peut faire</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fill in and send, with you or for you, the forms of the démarches in these areas.</source>
        <translation>Remplir et envoyer, avec vous ou pour vous, les formulaires des démarches dans ces domaines.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the answers of the organisations about these démarches and tell you about them.</source>
        <translation>Lire les réponses des organismes concernant ces démarches et vous en informer.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use the documents you have given for these démarches.</source>
        <translation>Utiliser les documents que vous avez fournis pour ces démarches.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What the mediator may not do</source>
        <translation>Ce que le médiateur ne peut pas faire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Act in any other area, or after the end date.</source>
        <translation>Agir dans un autre domaine, ou après la date de fin.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make a démarche you have not agreed to, or sign a commitment in your name.</source>
        <translation>Faire une démarche que vous n&apos;avez pas acceptée, ou signer un engagement en votre nom.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask for your passwords or keep them.</source>
        <translation>Vous demander vos mots de passe ou les conserver.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receive money for you, or use your information for anything else.</source>
        <translation>Recevoir de l&apos;argent à votre place, ou utiliser vos informations à d&apos;autres fins.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You can end this mandate, wholly or for one area only, at any time: ask at the counter of the structure.</source>
        <translation>Vous pouvez mettre fin à ce mandat, en totalité ou pour un seul domaine, à tout moment : adressez-vous à l&apos;accueil de la structure.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Signature of the person</source>
        <translation>Signature de la personne</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Signature of the mediator</source>
        <translation>Signature du médiateur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Document fingerprint (SHA-256): %1</source>
        <translation>Empreinte du document (SHA-256) : %1</translation>
    </message>
</context>
<context>
    <name>relais::PhotoDownscaler</name>
    <message>
        <location filename="../app/core/domain/PhotoDownscaler.cpp" line="+24"/>
        <source>The file cannot be read.</source>
        <translation>Le fichier ne peut pas être lu.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The file is too large: at most %1 here.</source>
        <translation>Le fichier est trop lourd : %1 au maximum ici.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The file is empty.</source>
        <translation>Le fichier est vide.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This kind of file is not accepted here. Use a PDF, a JPEG or a PNG image.</source>
        <translation>Ce type de fichier n&apos;est pas accepté ici. Utilisez un PDF, une image JPEG ou PNG.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This image cannot be read: the file is damaged or incomplete. Take the photo or the scan again.</source>
        <translation>Cette image ne peut pas être lue : le fichier est abîmé ou incomplet. Reprenez la photo ou le scan.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>This image is too large to be opened: %1 megapixels, at most %2. Take the photo again at a lower resolution.</source>
        <translation>Cette image est trop grande pour être ouverte : %1 mégapixels, %2 au maximum. Reprenez la photo en plus basse résolution.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>This image is too large to be opened. Take the photo again at a lower resolution.</source>
        <translation>Cette image est trop grande pour être ouverte. Reprenez la photo en plus basse résolution.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The photo could not be reduced. Try again, or turn off photo reduction.</source>
        <translation>La photo n&apos;a pas pu être réduite. Réessayez, ou désactivez la réduction des photos.</translation>
    </message>
</context>
<context>
    <name>relais::Prefill</name>
    <message>
        <location filename="../app/core/domain/Prefill.cpp" line="+88"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
</context>
<context>
    <name>relais::PrintedDocument</name>
    <message>
        <location filename="../app/core/common/PrintedDocument.cpp" line="+74"/>
        <source>PDF documents cannot be made here: this program was started without its graphical part (fonts).</source>
        <translation>Impossible de créer des documents PDF ici : ce programme a été lancé sans sa partie graphique (polices).</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+33"/>
        <source>The document could not be prepared for printing.</source>
        <translation>Le document n&apos;a pas pu être préparé pour l&apos;impression.</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Printed on %1</source>
        <translation>Imprimé le %1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Page %1 / %2</source>
        <translation>Page %1 / %2</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The document cannot be saved in %1. Check that the folder exists and that you may write there, or choose another folder.</source>
        <translation>Le document ne peut pas être enregistré dans %1. Vérifiez que le dossier existe et que vous pouvez y écrire, ou choisissez un autre dossier.</translation>
    </message>
</context>
<context>
    <name>relais::ProcessLock</name>
    <message>
        <location filename="../app/core/store/ProcessLock.cpp" line="+34"/>
        <source>The lock file %1 cannot be opened: %2</source>
        <translation>Le fichier de verrou %1 ne peut pas être ouvert : %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The lock file %1 cannot be locked: %2</source>
        <translation>Le fichier de verrou %1 ne peut pas être verrouillé : %2</translation>
    </message>
</context>
<context>
    <name>relais::Recepisse</name>
    <message>
        <location filename="../app/core/domain/Recepisse.cpp" line="+45"/>
        <source>Démarche done with the person</source>
        <translation>Démarche faite avec la personne</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Démarche done for the person, under the mandate of %1</source>
        <translation>Démarche faite pour la personne, mandat du %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+5"/>
        <source>%1 (file attached)</source>
        <translation>%1 (fichier joint)</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>%1 (seen, not attached)</source>
        <translation>%1 (vu, non joint)</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Receipt: démarche received by the organisation</source>
        <translation>Récépissé : démarche reçue par l&apos;organisme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipt: démarche handed over for sending</source>
        <translation>Récépissé : démarche remise pour envoi</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Structure</source>
        <translation>Structure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received on</source>
        <translation>Reçue le</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Handed over on</source>
        <translation>Remise le</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Without a file</source>
        <translation>Sans dossier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Démarche</source>
        <translation>Démarche</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How</source>
        <translation>Modalité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Local reference</source>
        <translation>Référence locale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Platform reference</source>
        <translation>Référence de la plateforme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not known yet: the organisation gives it on receipt</source>
        <translation>Pas encore connue : l&apos;organisme la donne à réception</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Documents given</source>
        <translation>Pièces justificatives</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The organisation received the démarche and examines it. Its answer comes back to %1, which tells you; it may also write to you directly.</source>
        <translation>L&apos;organisme a reçu la démarche et l&apos;examine. Sa réponse revient à %1, qui vous la transmet ; il peut aussi vous écrire directement.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The démarche waits in Relais and is sent to the organisation at the next connection, usually within the day. Once it is received, %1 can give you this receipt again with the organisation&apos;s reference.</source>
        <translation>La démarche attend dans Relais et part vers l&apos;organisme à la prochaine connexion, en général dans la journée. Une fois reçue, %1 peut vous redonner ce récépissé avec la référence de l&apos;organisme.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keep this paper. To follow your démarche, come back to %1 or contact it, and give the reference above (the platform reference once known, otherwise the local one).</source>
        <translation>Gardez ce papier. Pour suivre votre démarche, revenez à %1 ou contactez la structure, en donnant la référence ci-dessus (celle de la plateforme une fois connue, sinon la référence locale).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>What happens next</source>
        <translation>Et maintenant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How to follow up</source>
        <translation>Comment suivre votre démarche</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The QR code carries the platform reference and the verification code of this receipt.</source>
        <translation>Le QR code contient la référence de la plateforme et le code de vérification de ce récépissé.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Verification code (SHA-256)</source>
        <translation>Code de vérification (SHA-256)</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+8"/>
        <source>The receipt&apos;s QR code could not be made.</source>
        <translation>Le QR code du récépissé n&apos;a pas pu être créé.</translation>
    </message>
</context>
<context>
    <name>relais::Retention</name>
    <message>
        <location filename="../app/core/domain/Retention.cpp" line="+23"/>
        <source>File without activity: erased</source>
        <translation>Dossier sans activité : effacé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Decision known: answers and documents reduced to the receipt</source>
        <translation>Décision connue : réponses et documents réduits au récépissé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retention period over: démarche removed</source>
        <translation>Durée de conservation écoulée : démarche supprimée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Draft abandoned: removed</source>
        <translation>Brouillon abandonné : supprimé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delivered after the person asked for erasure: removed</source>
        <translation>Transmise après la demande d&apos;effacement de la personne : supprimée</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Files erased: %1. Démarches reduced to their receipt: %2. Démarches removed: %3. Drafts removed: %4.</source>
        <translation>Dossiers effacés : %1. Démarches réduites à leur récépissé : %2. Démarches supprimées : %3. Brouillons supprimés : %4.</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n démarche(s) of the files due for erasure are still waiting to be sent; their answers and documents will stay encrypted on this PC until delivery, then be removed at once.</source>
        <translation>
            <numerusform>%n démarche des dossiers à effacer attend encore d&apos;être envoyée ; ses réponses et documents resteront chiffrés sur ce PC jusqu&apos;à l&apos;envoi, puis seront supprimés aussitôt.</numerusform>
            <numerusform>%n démarches des dossiers à effacer attendent encore d&apos;être envoyées ; leurs réponses et documents resteront chiffrés sur ce PC jusqu&apos;à l&apos;envoi, puis seront supprimés aussitôt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n démarche(s) of erased people are still waiting to be sent; their answers and documents stay encrypted on this PC until delivery, then are removed at once.</source>
        <translation>
            <numerusform>%n démarche de personnes effacées attend encore d&apos;être envoyée ; ses réponses et documents restent chiffrés sur ce PC jusqu&apos;à l&apos;envoi, puis sont supprimés aussitôt.</numerusform>
            <numerusform>%n démarches de personnes effacées attendent encore d&apos;être envoyées ; leurs réponses et documents restent chiffrés sur ce PC jusqu&apos;à l&apos;envoi, puis sont supprimés aussitôt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>relais::ScanFolder</name>
    <message>
        <location filename="../app/core/domain/ScanFolder.cpp" line="+91"/>
        <source>The scan folder %1 cannot be found. Check that the scanner&apos;s shared folder is connected.</source>
        <translation>Le dossier de numérisation %1 est introuvable. Vérifiez que le dossier partagé du scanner est bien connecté.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is not a folder: choose the folder the scanner saves into.</source>
        <translation>%1 n&apos;est pas un dossier : choisissez le dossier où le scanner enregistre.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The scan folder %1 cannot be read. Check its access rights.</source>
        <translation>Le dossier de numérisation %1 ne peut pas être lu. Vérifiez ses droits d&apos;accès.</translation>
    </message>
    <message>
        <location line="+149"/>
        <source>This file is not a scan of the scan folder: it was left as it is.</source>
        <translation>Ce fichier n&apos;est pas un scan du dossier de numérisation : il a été laissé tel quel.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The document was attached, but its scan could not be deleted from the scan folder. Delete it by hand: it holds a citizen&apos;s personal data.</source>
        <translation>Le document est joint, mais son scan n&apos;a pas pu être supprimé du dossier de numérisation. Supprimez-le à la main : il contient des données personnelles.</translation>
    </message>
</context>
<context>
    <name>relais::SubmissionLifecycle</name>
    <message>
        <location filename="../app/core/domain/SubmissionLifecycle.cpp" line="+172"/>
        <source>This démarche is no longer a draft: it was already sent or discarded.</source>
        <translation>Cette démarche n&apos;est plus un brouillon : elle a déjà été envoyée ou abandonnée.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This démarche is no longer waiting to be sent.</source>
        <translation>Cette démarche n&apos;attend plus d&apos;être envoyée.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This démarche was not being sent: the platform&apos;s receipt was not recorded.</source>
        <translation>Cette démarche n&apos;était pas en cours d&apos;envoi : le récépissé de la plateforme n&apos;a pas été enregistré.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only a démarche returned by the platform can be corrected and sent again.</source>
        <translation>Seule une démarche renvoyée par la plateforme peut être corrigée et renvoyée.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This démarche can no longer be discarded: it is being sent or was already delivered.</source>
        <translation>Cette démarche ne peut plus être abandonnée : elle est en cours d&apos;envoi ou a déjà été transmise.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This démarche has not been delivered yet.</source>
        <translation>Cette démarche n&apos;a pas encore été transmise.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (It is now: %2.)</source>
        <extracomment>%1: a sentence saying what was refused; %2: the démarche&apos;s state in words (&quot;Being sent&quot;)</extracomment>
        <translation>%1 (Elle est maintenant : %2.)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>This démarche no longer exists.</source>
        <translation>Cette démarche n&apos;existe plus.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This démarche is in a state this program does not know.</source>
        <translation>Cette démarche est dans un état que ce programme ne connaît pas.</translation>
    </message>
    <message>
        <location line="+122"/>
        <source>A démarche is only set aside with the platform&apos;s reason.</source>
        <translation>Une démarche n&apos;est mise de côté qu&apos;avec le motif donné par la plateforme.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Unknown status of a démarche.</source>
        <translation>Statut de démarche inconnu.</translation>
    </message>
</context>
<context>
    <name>relais::SubmissionRepository</name>
    <message>
        <location line="-334"/>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting to be sent</source>
        <translation>En attente d&apos;envoi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Being sent</source>
        <translation>Envoi en cours</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Received by the organisation</source>
        <translation>Reçue par l&apos;organisme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Being examined</source>
        <translation>En cours d&apos;examen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepted</source>
        <translation>Acceptée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refused by the organisation</source>
        <translation>Refusée par l&apos;organisme</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Incomplete: the organisation asks for more</source>
        <translation>Incomplète : l&apos;organisme demande des compléments</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Returned by the platform: to be checked</source>
        <translation>Renvoyée par la plateforme : à vérifier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Given up</source>
        <translation>Abandonnée</translation>
    </message>
    <message>
        <location filename="../app/core/domain/SubmissionRepository.cpp" line="+338"/>
        <source>This démarche is no longer a draft: it can no longer be changed here.</source>
        <translation>Cette démarche n&apos;est plus un brouillon : elle ne peut plus être modifiée ici.</translation>
    </message>
    <message>
        <location line="-256"/>
        <location line="+295"/>
        <source>This démarche no longer exists.</source>
        <translation>Cette démarche n&apos;existe plus.</translation>
    </message>
</context>
<context>
    <name>relais::Vault</name>
    <message>
        <location filename="../app/core/security/Vault.cpp" line="+101"/>
        <source>A login is 2 to 32 characters: lower-case letters without accents, digits, dot, dash or underscore, starting with a letter.</source>
        <translation>Un identifiant compte de 2 à 32 caractères : lettres minuscules sans accent, chiffres, point, tiret ou tiret bas, et commence par une lettre.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The password cannot be the login.</source>
        <translation>Le mot de passe ne peut pas être l&apos;identifiant.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The password is too short: use at least 12 characters, or a passphrase of at least 6 words.</source>
        <translation>Le mot de passe est trop court : utilisez au moins 12 caractères, ou une phrase de passe d&apos;au moins 6 mots.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>There is no store in this data folder yet.</source>
        <translation>Ce dossier des données ne contient pas encore de coffre.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>This data folder already holds a store; it was left untouched.</source>
        <translation>Ce dossier des données contient déjà un coffre ; il n&apos;a pas été modifié.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the name of the structure.</source>
        <translation>Saisissez le nom de la structure.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The data folder %1 cannot be created or written. Choose another folder or ask your administrator.</source>
        <translation>Le dossier des données %1 ne peut être ni créé ni modifié. Choisissez un autre dossier ou adressez-vous à votre administrateur.</translation>
    </message>
    <message numerus="yes">
        <location line="+82"/>
        <source>Too many failed attempts. Try again in %n second(s).</source>
        <translation>
            <numerusform>Trop de tentatives échouées. Réessayez dans %n seconde.</numerusform>
            <numerusform>Trop de tentatives échouées. Réessayez dans %n secondes.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>This account&apos;s key slot does not match the open store.</source>
        <translation>L&apos;emplacement de clé de ce compte ne correspond pas au coffre ouvert.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The key file keyslots.json was replaced by a file of an older format, without its seal. It was not followed and the store stays closed. Restore the file from a backup.</source>
        <translation>Le fichier des clés keyslots.json a été remplacé par un fichier d&apos;un format antérieur, sans sceau. Il n&apos;a pas été suivi et le coffre reste fermé. Restaurez le fichier depuis une sauvegarde.</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>The data folder %1 is read-only: Relais could not save anything in it. Ask your administrator to check the disk (it may be failing, or mounted read-only).</source>
        <translation>Le dossier de données %1 est en lecture seule : Relais ne pourrait rien y enregistrer. Demandez à votre administrateur de vérifier le disque (il est peut-être défaillant, ou monté en lecture seule).</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The key file keyslots.json cannot be read.</source>
        <translation>Le fichier des clés keyslots.json ne peut pas être lu.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>There is not enough free space in the data folder to prepare the backup (it needs about as much as the store itself). Nothing was lost; free some space and try again.</source>
        <translation>Il n&apos;y a pas assez d&apos;espace libre dans le dossier de données pour préparer la sauvegarde (il en faut à peu près autant que le coffre lui-même). Rien n&apos;a été perdu ; libérez de l&apos;espace et réessayez.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>This account is disabled. Ask an administrator.</source>
        <translation>Ce compte est désactivé. Adressez-vous à un administrateur.</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>The system keychain is not enabled for this store.</source>
        <translation>Le trousseau système n&apos;est pas activé pour ce coffre.</translation>
    </message>
    <message>
        <location line="+189"/>
        <source>You cannot lower your own role.</source>
        <translation>Vous ne pouvez pas abaisser votre propre rôle.</translation>
    </message>
    <message>
        <location line="-391"/>
        <location line="+59"/>
        <location line="+182"/>
        <location line="+13"/>
        <location line="+14"/>
        <source>The store is locked.</source>
        <translation>Le coffre est verrouillé.</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>There is no account with this login.</source>
        <translation>Aucun compte n&apos;a cet identifiant.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Only an administrator can do this.</source>
        <translation>Seul un administrateur peut faire cela.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>An account with this login already exists.</source>
        <translation>Un compte avec cet identifiant existe déjà.</translation>
    </message>
    <message>
        <location line="+34"/>
        <location line="+70"/>
        <source>This account is disabled.</source>
        <translation>Ce compte est désactivé.</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>To enable an account again, give it a new password.</source>
        <translation>Pour réactiver un compte, donnez-lui un nouveau mot de passe.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You cannot disable your own account.</source>
        <translation>Vous ne pouvez pas désactiver votre propre compte.</translation>
    </message>
</context>
<context>
    <name>relais::catalogue::Catalogue</name>
    <message>
        <location filename="../app/core/catalogue/Catalogue.cpp" line="+132"/>
        <source>The file is not valid JSON (line %1: %2).</source>
        <translation>Le fichier n&apos;est pas un JSON valide (ligne %1 : %2).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The file is not a Relais catalogue: it must be a JSON object.</source>
        <translation>Le fichier n&apos;est pas un catalogue Relais : il doit contenir un objet JSON.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The file is not a Relais catalogue: &quot;format&quot; must be &quot;relais-catalogue&quot;.</source>
        <translation>Le fichier n&apos;est pas un catalogue Relais : &quot;format&quot; doit valoir &quot;relais-catalogue&quot;.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unknown property &quot;%1&quot; at the top of the catalogue.</source>
        <translation>Propriété inconnue &quot;%1&quot; au premier niveau du catalogue.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The catalogue&apos;s &quot;version&quot; must be a whole number, 1 or more.</source>
        <translation>Dans le catalogue, &quot;version&quot; doit être un nombre entier égal ou supérieur à 1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The catalogue&apos;s &quot;published&quot; must be a date written YYYY-MM-DD.</source>
        <translation>Dans le catalogue, &quot;published&quot; doit être une date écrite sous la forme YYYY-MM-DD.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The catalogue has no &quot;demarches&quot; list.</source>
        <translation>Le catalogue n&apos;a pas de liste &quot;demarches&quot;.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Unknown property &quot;%1&quot; (allowed here: %2).</source>
        <translation>Propriété inconnue &quot;%1&quot; (propriétés autorisées ici : %2).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&quot;%1&quot; is missing: give it in French and English ({&quot;fr&quot;: …, &quot;en&quot;: …}).</source>
        <translation>&quot;%1&quot; est absent : indiquez-le en français et en anglais ({&quot;fr&quot;: …, &quot;en&quot;: …}).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;%1&quot; must give a non-empty text in French and in English, and nothing else ({&quot;fr&quot;: …, &quot;en&quot;: …}).</source>
        <translation>&quot;%1&quot; doit donner un texte non vide en français et en anglais, et rien d&apos;autre ({&quot;fr&quot;: …, &quot;en&quot;: …}).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&quot;%1&quot; must be a whole number, %2 or more.</source>
        <translation>&quot;%1&quot; doit être un nombre entier égal ou supérieur à %2.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&quot;id&quot; must be lower-case letters, digits and _, starting with a letter (for example &quot;birth_date&quot;).</source>
        <translation>&quot;id&quot; doit se composer de lettres minuscules, de chiffres et de _, et commencer par une lettre (par exemple &quot;birth_date&quot;).</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>A démarche must be a JSON object.</source>
        <translation>Une démarche doit être un objet JSON.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The démarche&apos;s &quot;id&quot; must be lower-case letters and digits separated by - or _ (for example &quot;caf-changement-adresse&quot;).</source>
        <translation>L&apos;identifiant &quot;id&quot; de la démarche doit se composer de lettres minuscules et de chiffres séparés par - ou _ (par exemple &quot;caf-changement-adresse&quot;).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Another démarche of this catalogue already has this id.</source>
        <translation>Une autre démarche de ce catalogue a déjà cet identifiant.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&quot;operator&quot; must be one of: %1.</source>
        <translation>&quot;operator&quot; doit prendre l&apos;une de ces valeurs : %1.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;service_public_fiche&quot; must be a service-public.fr fiche id such as &quot;F2443&quot;.</source>
        <translation>&quot;service_public_fiche&quot; doit être l&apos;identifiant d&apos;une fiche de service-public.fr, par exemple &quot;F2443&quot;.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;mandate_scope&quot; must be one of: %1.</source>
        <translation>&quot;mandate_scope&quot; doit prendre l&apos;une de ces valeurs : %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A démarche needs a non-empty &quot;sections&quot; list.</source>
        <translation>Une démarche doit avoir une liste &quot;sections&quot; non vide.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&quot;required_documents&quot; must be a list.</source>
        <translation>&quot;required_documents&quot; doit être une liste.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Two required documents have this id.</source>
        <translation>Deux pièces justificatives ont cet identifiant.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>A field&apos;s condition cannot read the field itself.</source>
        <translation>La condition d&apos;un champ ne peut pas lire ce champ lui-même.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>A condition can read the fields of one repeated group only (here: %1).</source>
        <translation>Une condition ne peut lire que les champs d&apos;un seul groupe répété (ici : %1).</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>A section must be a JSON object.</source>
        <translation>Une rubrique doit être un objet JSON.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Two sections of this démarche have this id.</source>
        <translation>Deux rubriques de cette démarche ont cet identifiant.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A section needs a non-empty &quot;fields&quot; list.</source>
        <translation>Une rubrique doit avoir une liste &quot;fields&quot; non vide.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>A field must be a JSON object.</source>
        <translation>Un champ doit être un objet JSON.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Another field of this démarche has this id (ids are unique in the whole démarche, repeated groups included).</source>
        <translation>Un autre champ de cette démarche a cet identifiant (chaque identifiant est unique dans toute la démarche, groupes répétés compris).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The field has no &quot;type&quot;.</source>
        <translation>Le champ n&apos;a pas de &quot;type&quot;.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unknown field type &quot;%1&quot;.</source>
        <translation>Type de champ inconnu : &quot;%1&quot;.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>&quot;required&quot; must be true or false.</source>
        <translation>&quot;required&quot; doit valoir true ou false.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An explanation block holds no answer, so it cannot be required.</source>
        <translation>Un bloc d&apos;explication ne contient aucune réponse : il ne peut donc pas être obligatoire.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&quot;%1&quot; must be a whole number.</source>
        <translation>&quot;%1&quot; doit être un nombre entier.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&quot;%1&quot; must be a number.</source>
        <translation>&quot;%1&quot; doit être un nombre.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;min&quot; is greater than &quot;max&quot;.</source>
        <translation>&quot;min&quot; est supérieur à &quot;max&quot;.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;%1&quot; must be a date (YYYY-MM-DD), &quot;today&quot;, or an offset from today such as &quot;-18y&quot;, &quot;+3m&quot; or &quot;-30d&quot;.</source>
        <translation>&quot;%1&quot; doit être une date (YYYY-MM-DD), &quot;today&quot; ou un décalage par rapport à aujourd&apos;hui, par exemple &quot;-18y&quot;, &quot;+3m&quot; ou &quot;-30d&quot;.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;birth_date&quot; must be true or false.</source>
        <translation>&quot;birth_date&quot; doit valoir true ou false.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;min&quot; is later than &quot;max&quot;.</source>
        <translation>&quot;min&quot; est postérieur à &quot;max&quot;.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&quot;accept&quot; must be a non-empty list of file types such as &quot;application/pdf&quot;.</source>
        <translation>&quot;accept&quot; doit être une liste non vide de types de fichiers, par exemple &quot;application/pdf&quot;.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;max_bytes&quot; must be a whole number of bytes between 1 and 104857600 (100 MiB).</source>
        <translation>&quot;max_bytes&quot; doit être un nombre entier d&apos;octets compris entre 1 et 104857600 (100 Mio).</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>A repeated group cannot contain another repeated group.</source>
        <translation>Un groupe répété ne peut pas contenir un autre groupe répété.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&quot;min_items&quot; is greater than &quot;max_items&quot;.</source>
        <translation>&quot;min_items&quot; est supérieur à &quot;max_items&quot;.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A repeated group needs a non-empty &quot;fields&quot; list.</source>
        <translation>Un groupe répété doit avoir une liste &quot;fields&quot; non vide.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&quot;prefill&quot; and &quot;updates&quot; are for fields outside repeated groups.</source>
        <translation>« prefill » et « updates » sont réservés aux champs hors des groupes répétés.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;prefill&quot; must be one of: %1.</source>
        <translation>« prefill » doit valoir l&apos;une de ces valeurs : %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A field of type &quot;%1&quot; cannot take &quot;%2&quot; from the file.</source>
        <translation>Un champ de type « %1 » ne peut pas prendre « %2 » dans le dossier.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;updates&quot; must be one of: %1.</source>
        <translation>« updates » doit valoir l&apos;une de ces valeurs : %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A field of type &quot;%1&quot; cannot update &quot;%2&quot; in the file.</source>
        <translation>Un champ de type « %1 » ne peut pas mettre à jour « %2 » dans le dossier.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>A single-choice field needs a &quot;choices&quot; list with at least 2 choices.</source>
        <translation>Un champ à choix unique doit avoir une liste &quot;choices&quot; d&apos;au moins 2 choix.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A multiple-choice field needs a &quot;choices&quot; list with at least 1 choice.</source>
        <translation>Un champ à choix multiples doit avoir une liste &quot;choices&quot; d&apos;au moins 1 choix.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Each choice needs a non-empty &quot;value&quot; text.</source>
        <translation>Chaque choix doit avoir un texte &quot;value&quot; non vide.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Two choices have the value &quot;%1&quot;.</source>
        <translation>Deux choix ont la valeur &quot;%1&quot;.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Field &quot;%1&quot; is a yes/no question: compare it with true or false.</source>
        <translation>Le champ &quot;%1&quot; est une question oui/non : comparez-le à true ou à false.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&quot;%1&quot; is not one of the choices of field &quot;%2&quot;.</source>
        <translation>&quot;%1&quot; ne fait pas partie des choix du champ &quot;%2&quot;.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Field &quot;%1&quot; holds a whole number: compare it with a whole number.</source>
        <translation>Le champ &quot;%1&quot; contient un nombre entier : comparez-le à un nombre entier.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Field &quot;%1&quot; holds a number: compare it with a number.</source>
        <translation>Le champ &quot;%1&quot; contient un nombre : comparez-le à un nombre.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Field &quot;%1&quot; is a date: compare it with a date (YYYY-MM-DD), &quot;today&quot; or an offset such as &quot;-18y&quot;.</source>
        <translation>Le champ &quot;%1&quot; est une date : comparez-le à une date (YYYY-MM-DD), à &quot;today&quot; ou à un décalage, par exemple &quot;-18y&quot;.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Field &quot;%1&quot; is a date: compare it with a date written YYYY-MM-DD.</source>
        <translation>Le champ &quot;%1&quot; est une date : comparez-le à une date écrite sous la forme YYYY-MM-DD.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Field &quot;%1&quot; can only be tested with &quot;is_set&quot;.</source>
        <translation>Le champ &quot;%1&quot; ne peut être testé qu&apos;avec &quot;is_set&quot;.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Field &quot;%1&quot; holds a text: compare it with a text.</source>
        <translation>Le champ &quot;%1&quot; contient un texte : comparez-le à un texte.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>A condition must be an object with exactly one of: %1.</source>
        <translation>Une condition doit être un objet contenant exactement une de ces propriétés : %1.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&quot;%1&quot; needs a non-empty list of conditions.</source>
        <translation>&quot;%1&quot; demande une liste de conditions non vide.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&quot;%1&quot; needs exactly: %2.</source>
        <translation>&quot;%1&quot; demande exactement : %2.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The condition reads field &quot;%1&quot;, which this démarche does not have.</source>
        <translation>La condition lit le champ &quot;%1&quot;, que cette démarche ne contient pas.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The condition reads &quot;%1&quot;, an explanation block that holds no answer.</source>
        <translation>La condition lit &quot;%1&quot;, un bloc d&apos;explication qui ne contient aucune réponse.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; compares numbers, dates or a number of items; field &quot;%2&quot; holds none of them.</source>
        <translation>&quot;%1&quot; compare des nombres, des dates ou un nombre d&apos;éléments ; le champ &quot;%2&quot; ne contient rien de tout cela.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&quot;in&quot; needs a non-empty &quot;values&quot; list.</source>
        <translation>&quot;in&quot; demande une liste &quot;values&quot; non vide.</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>The conditions go round in a circle: %1. Each one waits for the other, so none can be shown.</source>
        <translation>Les conditions tournent en rond : %1. Chacune attend l&apos;autre, donc aucune ne peut s&apos;afficher.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The folder holds no catalogue file.</source>
        <translation>Le dossier ne contient aucun fichier de catalogue.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The file cannot be read.</source>
        <translation>Le fichier est illisible.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Two catalogue files hold a démarche with this id; only the first one is used.</source>
        <translation>Deux fichiers de catalogue contiennent une démarche avec cet identifiant ; seule la première est utilisée.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>No démarche of the new catalogue could be used; the previous catalogue stays in use.</source>
        <translation>Aucune démarche du nouveau catalogue n&apos;est utilisable ; le catalogue précédent reste en service.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The previous version (%1) of this démarche stays in use.</source>
        <translation>La version précédente (%1) de cette démarche reste en service.</translation>
    </message>
</context>
<context>
    <name>relais::catalogue::FormEngine</name>
    <message numerus="yes">
        <location filename="../app/core/catalogue/FormEngine.cpp" line="+179"/>
        <source>This answer is too long: at most %n characters.</source>
        <translation>
            <numerusform>Cette réponse est trop longue : %n caractère au maximum.</numerusform>
            <numerusform>Cette réponse est trop longue : %n caractères au maximum.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Enter a whole number, without a decimal part.</source>
        <translation>Saisissez un nombre entier, sans virgule.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Enter a whole number, with digits only.</source>
        <translation>Saisissez un nombre entier, uniquement avec des chiffres.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+27"/>
        <source>The number must be at least %1.</source>
        <translation>Le nombre doit être au moins égal à %1.</translation>
    </message>
    <message>
        <location line="-25"/>
        <location line="+27"/>
        <source>The number must be at most %1.</source>
        <translation>Le nombre ne peut pas dépasser %1.</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Enter a number, for example 12,5.</source>
        <translation>Saisissez un nombre, par exemple 12,5.</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Answer yes or no.</source>
        <translation>Répondez par oui ou par non.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Choose one of the proposed answers.</source>
        <translation>Choisissez l&apos;une des réponses proposées.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Choose among the proposed answers only.</source>
        <translation>Choisissez uniquement parmi les réponses proposées.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Enter the number and street.</source>
        <translation>Saisissez le numéro et le nom de la rue.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Enter the commune.</source>
        <translation>Saisissez la commune.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The file was not kept: add it again.</source>
        <translation>Le fichier n&apos;a pas été conservé : ajoutez-le de nouveau.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This kind of file is not accepted here. Accepted: %1.</source>
        <translation>Ce type de fichier n&apos;est pas accepté ici. Types acceptés : %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The file is too large: at most %1 MB.</source>
        <translation>Le fichier est trop volumineux : %1 Mo au maximum.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>This answer is required.</source>
        <translation>Cette réponse est obligatoire.</translation>
    </message>
    <message numerus="yes">
        <location line="+267"/>
        <source>Add at least %n entries.</source>
        <translation>
            <numerusform>Ajoutez au moins %n entrée.</numerusform>
            <numerusform>Ajoutez au moins %n entrées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>At most %n entries can be given.</source>
        <translation>
            <numerusform>Vous pouvez donner %n entrée au maximum.</numerusform>
            <numerusform>Vous pouvez donner %n entrées au maximum.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>relais::catalogue::Validators</name>
    <message>
        <location filename="../app/core/catalogue/Validators.cpp" line="+171"/>
        <source>Enter the social security number (15 digits).</source>
        <translation>Saisissez le numéro de sécurité sociale (15 chiffres).</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>The social security number has 15 digits; this one has %n.</source>
        <translation>
            <numerusform>Le numéro de sécurité sociale a 15 chiffres ; celui-ci en a %n.</numerusform>
            <numerusform>Le numéro de sécurité sociale a 15 chiffres ; celui-ci en a %n.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The social security number only contains digits (and 2A or 2B for people born in Corsica).</source>
        <translation>Le numéro de sécurité sociale ne contient que des chiffres (et 2A ou 2B pour les personnes nées en Corse).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The first digit of the social security number must be 1 (man) or 2 (woman) (3, 4, 7 or 8 for a temporary number).</source>
        <translation>Le premier chiffre du numéro de sécurité sociale doit être 1 (homme) ou 2 (femme) (3, 4, 7 ou 8 pour un numéro provisoire).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Digits 4 and 5 of the social security number (month of birth) must be between 01 and 12.</source>
        <translation>Les chiffres 4 et 5 du numéro de sécurité sociale (mois de naissance) doivent être compris entre 01 et 12.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Digits 6 to 10 of the social security number (place of birth) are not a place: check them.</source>
        <translation>Les chiffres 6 à 10 du numéro de sécurité sociale (lieu de naissance) ne correspondent à aucun lieu : vérifiez-les.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The key (last 2 digits) of the social security number does not match: check each digit.</source>
        <translation>La clé (les 2 derniers chiffres) du numéro de sécurité sociale ne correspond pas : vérifiez chaque chiffre.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Enter the IBAN (it starts with FR and has 27 characters for a French account).</source>
        <translation>Saisissez l&apos;IBAN (il commence par FR et compte 27 caractères pour un compte français).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An IBAN only contains letters and digits.</source>
        <translation>Un IBAN ne contient que des lettres et des chiffres.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>An IBAN starts with the 2 letters of the country (FR for France).</source>
        <translation>Un IBAN commence par les 2 lettres du pays (FR pour la France).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An IBAN has 2 check digits after the country letters (FR76…).</source>
        <translation>Un IBAN comporte une clé de 2 chiffres après les lettres du pays (FR76…).</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>A French IBAN has 27 characters; this one has %n.</source>
        <translation>
            <numerusform>Un IBAN français compte 27 caractères ; celui-ci en compte %n.</numerusform>
            <numerusform>Un IBAN français compte 27 caractères ; celui-ci en compte %n.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An IBAN from this country (%1) has %2 characters; this one has %3.</source>
        <translation>Un IBAN de ce pays (%1) compte %2 caractères ; celui-ci en compte %3.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>An IBAN has between 15 and 34 characters; this one has %n.</source>
        <translation>
            <numerusform>Un IBAN compte entre 15 et 34 caractères ; celui-ci en compte %n.</numerusform>
            <numerusform>Un IBAN compte entre 15 et 34 caractères ; celui-ci en compte %n.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The IBAN&apos;s check digits do not match: check each character.</source>
        <translation>La clé de l&apos;IBAN ne correspond pas : vérifiez chaque caractère.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Enter the SIREN number (9 digits).</source>
        <translation>Saisissez le numéro SIREN (9 chiffres).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A SIREN number only contains digits.</source>
        <translation>Un numéro SIREN ne contient que des chiffres.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This looks like a SIRET (14 digits); the SIREN is its first 9 digits.</source>
        <translation>Ce numéro ressemble à un SIRET (14 chiffres) ; le SIREN, ce sont ses 9 premiers chiffres.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>A SIREN number has 9 digits; this one has %n.</source>
        <translation>
            <numerusform>Un numéro SIREN a 9 chiffres ; celui-ci en a %n.</numerusform>
            <numerusform>Un numéro SIREN a 9 chiffres ; celui-ci en a %n.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This SIREN number does not exist (its last digit does not match): check each digit.</source>
        <translation>Ce numéro SIREN n&apos;existe pas (son dernier chiffre ne correspond pas) : vérifiez chaque chiffre.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Enter the SIRET number (14 digits).</source>
        <translation>Saisissez le numéro SIRET (14 chiffres).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A SIRET number only contains digits.</source>
        <translation>Un numéro SIRET ne contient que des chiffres.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This looks like a SIREN (9 digits); the SIRET has 14 digits: the SIREN followed by the 5 digits of the establishment.</source>
        <translation>Ce numéro ressemble à un SIREN (9 chiffres) ; le SIRET a 14 chiffres : le SIREN suivi des 5 chiffres de l&apos;établissement.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>A SIRET number has 14 digits; this one has %n.</source>
        <translation>
            <numerusform>Un numéro SIRET a 14 chiffres ; celui-ci en a %n.</numerusform>
            <numerusform>Un numéro SIRET a 14 chiffres ; celui-ci en a %n.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>This SIRET number does not exist (its check digits do not match): check each digit.</source>
        <translation>Ce numéro SIRET n&apos;existe pas (sa clé ne correspond pas) : vérifiez chaque chiffre.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Enter the tax number (13 digits, on the tax notice).</source>
        <translation>Saisissez le numéro fiscal (13 chiffres, indiqué sur l&apos;avis d&apos;impôt).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The tax number only contains digits.</source>
        <translation>Le numéro fiscal ne contient que des chiffres.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>The tax number has 13 digits; this one has %n.</source>
        <translation>
            <numerusform>Le numéro fiscal a 13 chiffres ; celui-ci en a %n.</numerusform>
            <numerusform>Le numéro fiscal a 13 chiffres ; celui-ci en a %n.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The tax number starts with 0, 1, 2 or 3.</source>
        <translation>Le numéro fiscal commence par 0, 1, 2 ou 3.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The tax number cannot be all zeros.</source>
        <translation>Le numéro fiscal ne peut pas être composé uniquement de zéros.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The tax number&apos;s last 3 digits do not match the others: check each digit.</source>
        <translation>Les 3 derniers chiffres du numéro fiscal ne correspondent pas aux autres : vérifiez chaque chiffre.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Enter a phone number (10 digits, for example 06 12 34 56 78).</source>
        <translation>Saisissez un numéro de téléphone (10 chiffres, par exemple 06 12 34 56 78).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A phone number only contains digits (and + before the country code).</source>
        <translation>Un numéro de téléphone ne contient que des chiffres (et un + devant l&apos;indicatif du pays).</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>A French phone number has 10 digits (for example 06 12 34 56 78); this one has %n.</source>
        <translation>
            <numerusform>Un numéro de téléphone français a 10 chiffres (par exemple 06 12 34 56 78) ; celui-ci en a %n.</numerusform>
            <numerusform>Un numéro de téléphone français a 10 chiffres (par exemple 06 12 34 56 78) ; celui-ci en a %n.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A French phone number starts with 0 then a digit from 1 to 9.</source>
        <translation>Un numéro de téléphone français commence par 0, suivi d&apos;un chiffre de 1 à 9.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This phone number does not have the right number of digits for its country code.</source>
        <translation>Ce numéro de téléphone n&apos;a pas le bon nombre de chiffres pour son indicatif de pays.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>After +33 comes the number without its first 0 (+33 6 12 34 56 78).</source>
        <translation>Après +33, saisissez le numéro sans son premier 0 (+33 6 12 34 56 78).</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>This number does not belong to the territory of its country code.</source>
        <translation>Ce numéro n&apos;appartient pas au territoire de son indicatif de pays.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Only French phone numbers are accepted (metropolitan France and overseas).</source>
        <translation>Seuls les numéros de téléphone français sont acceptés (métropole et outre-mer).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Enter the postal code (5 digits).</source>
        <translation>Saisissez le code postal (5 chiffres).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A postal code only contains digits.</source>
        <translation>Un code postal ne contient que des chiffres.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>A postal code has 5 digits; this one has %n.</source>
        <translation>
            <numerusform>Un code postal a 5 chiffres ; celui-ci en a %n.</numerusform>
            <numerusform>Un code postal a 5 chiffres ; celui-ci en a %n.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No French postal code starts like this: check the first digits.</source>
        <translation>Aucun code postal français ne commence ainsi : vérifiez les premiers chiffres.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Enter an e-mail address (for example name@example.fr).</source>
        <translation>Saisissez une adresse électronique (par exemple name@example.fr).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An e-mail address has at most 254 characters.</source>
        <translation>Une adresse électronique compte au maximum 254 caractères.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>An e-mail address contains exactly one @ (name@example.fr).</source>
        <translation>Une adresse électronique contient exactement un @ (name@example.fr).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The part before the @ is missing or too long.</source>
        <translation>La partie avant le @ est absente ou trop longue.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The part before the @ contains a character an address cannot have.</source>
        <translation>La partie avant le @ contient un caractère interdit dans une adresse.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The part before the @ cannot start or end with a dot, or have two dots in a row.</source>
        <translation>La partie avant le @ ne peut pas commencer ni finir par un point, ni contenir deux points de suite.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The part after the @ needs a dot (example.fr, gmail.com).</source>
        <translation>La partie après le @ doit contenir un point (example.fr, gmail.com).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The part after the @ has an empty or too long piece between dots.</source>
        <translation>La partie après le @ contient un morceau vide ou trop long entre deux points.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The part after the @ cannot have a dash next to a dot.</source>
        <translation>La partie après le @ ne peut pas avoir un tiret à côté d&apos;un point.</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>The part after the @ contains a character a domain cannot have.</source>
        <translation>La partie après le @ contient un caractère interdit dans un nom de domaine.</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>An e-mail address contains no spaces or invisible characters.</source>
        <translation>Une adresse électronique ne contient ni espace ni caractère invisible.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The address must end with a domain such as .fr or .com.</source>
        <translation>L&apos;adresse doit se terminer par un domaine comme .fr ou .com.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Enter a date as DD/MM/YYYY (for example 05/03/1980).</source>
        <translation>Saisissez une date sous la forme JJ/MM/AAAA (par exemple 05/03/1980).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This date does not exist: check the day and the month.</source>
        <translation>Cette date n&apos;existe pas : vérifiez le jour et le mois.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Enter a real date of birth (day, month, year).</source>
        <translation>Saisissez une date de naissance valide (jour, mois, année).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A date of birth cannot be in the future.</source>
        <translation>Une date de naissance ne peut pas être dans le futur.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This date of birth gives an age over 130 years: check the year.</source>
        <translation>Cette date de naissance donne un âge de plus de 130 ans : vérifiez l&apos;année.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Enter a real date (day, month, year).</source>
        <translation>Saisissez une date valide (jour, mois, année).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The date must be between %1 and %2.</source>
        <translation>La date doit être comprise entre le %1 et le %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The date must be on or after %1.</source>
        <translation>La date ne peut pas être avant le %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The date must be on or before %1.</source>
        <translation>La date ne peut pas être après le %1.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Enter an amount in euros (for example 1 234,56).</source>
        <translation>Saisissez un montant en euros (par exemple 1 234,56).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Write the amount with spaces between thousands and a comma before the cents, for example 1 234,56.</source>
        <translation>Écrivez le montant avec des espaces entre les milliers et une virgule avant les centimes, par exemple 1 234,56.</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+11"/>
        <source>Spaces in an amount separate thousands (1 234 567): check the spaces.</source>
        <translation>Dans un montant, les espaces séparent les milliers (1 234 567) : vérifiez les espaces.</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>An amount only contains digits, spaces between thousands and a comma before the cents.</source>
        <translation>Un montant ne contient que des chiffres, des espaces entre les milliers et une virgule avant les centimes.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Write the amount with at least one digit before the comma (0,50).</source>
        <translation>Écrivez le montant avec au moins un chiffre avant la virgule (0,50).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Write the cents after the comma (12,50), or no comma at all.</source>
        <translation>Écrivez les centimes après la virgule (12,50), ou ne mettez pas de virgule.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only digits may follow the comma (the cents).</source>
        <translation>Seuls des chiffres (les centimes) peuvent suivre la virgule.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An amount has at most 2 digits after the comma (the cents).</source>
        <translation>Un montant a au maximum 2 chiffres après la virgule (les centimes).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This amount is too large.</source>
        <translation>Ce montant est trop élevé.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The amount cannot be negative.</source>
        <translation>Le montant ne peut pas être négatif.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The amount must be between %1 € and %2 €.</source>
        <translation>Le montant doit être compris entre %1 € et %2 €.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The amount must be at least %1 €.</source>
        <translation>Le montant doit être d&apos;au moins %1 €.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The amount must be at most %1 €.</source>
        <translation>Le montant ne peut pas dépasser %1 €.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This amount is outside the accepted range.</source>
        <translation>Ce montant est en dehors des limites acceptées.</translation>
    </message>
</context>
<context>
    <name>relais::sync::Enrolment</name>
    <message>
        <location filename="../sync/client/Enrolment.cpp" line="+26"/>
        <source>This is not a platform address (it starts with https://).</source>
        <translation>Ce n&apos;est pas une adresse de plateforme (elle commence par https://).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The platform address must start with https://: plain http is only allowed to a platform on this computer.</source>
        <translation>L&apos;adresse de la plateforme doit commencer par https:// : le http simple n&apos;est permis que vers une plateforme sur cet ordinateur.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>An enrolment code looks like ABCD-EFGH-IJKL.</source>
        <translation>Un code d&apos;enrôlement a la forme ABCD-EFGH-IJKL.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Give this kiosk a name, for example &quot;Kiosk 1&quot;.</source>
        <translation>Donnez un nom à ce poste, par exemple « Poste 1 ».</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Something on the network answered instead of the platform (HTTP %1): a proxy, a firewall or a Wi-Fi login page may be in the way. Check the network, then try again.</source>
        <translation>Un autre équipement du réseau a répondu à la place de la plateforme (HTTP %1) : un proxy, un pare-feu ou une page de connexion Wi-Fi fait peut-être obstacle. Vérifiez le réseau, puis réessayez.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The platform cannot be reached. Check the address and the network, then try again.</source>
        <translation>La plateforme est injoignable. Vérifiez l&apos;adresse et le réseau, puis réessayez.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The platform refused the enrolment (error %1).</source>
        <translation>La plateforme a refusé l&apos;enrôlement (erreur %1).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The platform&apos;s answer to the enrolment is incomplete: this may not be a Relais platform.</source>
        <translation>La réponse de la plateforme à l&apos;enrôlement est incomplète : ce n&apos;est peut-être pas une plateforme Relais.</translation>
    </message>
</context>
<context>
    <name>relais::sync::SyncEngine</name>
    <message>
        <location filename="../sync/client/SyncEngine.cpp" line="+218"/>
        <source>The platform address must start with https://.</source>
        <translation>L&apos;adresse de la plateforme doit commencer par https://.</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>The connection to the platform was lost; it will be tried again later.</source>
        <translation>La connexion à la plateforme a été perdue ; un nouvel essai aura lieu plus tard.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The platform no longer accepts this kiosk: an administrator must enrol it again.</source>
        <translation>La plateforme n&apos;accepte plus ce poste : un administrateur doit l&apos;enrôler de nouveau.</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>The platform is busy or unavailable (error %1); it will be tried again later.</source>
        <translation>La plateforme est occupée ou indisponible (erreur %1) ; un nouvel essai aura lieu plus tard.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The platform refused this démarche (error %1).</source>
        <translation>La plateforme a refusé cette démarche (erreur %1).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The platform&apos;s answer could not be understood; it will be tried again later.</source>
        <translation>La réponse de la plateforme est incompréhensible ; un nouvel essai aura lieu plus tard.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Something on the network answered instead of the platform (HTTP %1): a proxy, a firewall or a Wi-Fi login page may be in the way. The démarches stay in the outbox and will be sent later.</source>
        <translation>Un autre équipement du réseau a répondu à la place de la plateforme (HTTP %1) : un proxy, un pare-feu ou une page de connexion Wi-Fi fait peut-être obstacle. Les démarches restent dans la boîte d&apos;envoi et partiront plus tard.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>The platform cannot be reached: the démarches stay in the outbox and will be sent later.</source>
        <translation>La plateforme est injoignable : les démarches restent dans les envois et partiront plus tard.</translation>
    </message>
    <message>
        <location line="-210"/>
        <location line="+216"/>
        <location line="+63"/>
        <location line="+494"/>
        <source>Sending was stopped.</source>
        <translation>L&apos;envoi a été arrêté.</translation>
    </message>
    <message>
        <location line="-773"/>
        <source>A synchronisation is running from another program</source>
        <translation>Une synchronisation est en cours depuis un autre programme</translation>
    </message>
    <message>
        <location line="+242"/>
        <source>The catalogue sent by the platform is not signed with its key: it was refused and the previous one is kept.</source>
        <translation>Le catalogue envoyé par la plateforme n&apos;est pas signé de sa clé : il a été refusé et le précédent est conservé.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The catalogue could not be fetched (error %1); the previous one is kept.</source>
        <translation>Le catalogue n&apos;a pas pu être récupéré (erreur %1) ; le précédent est conservé.</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>The platform does not offer resumable uploads in a version this kiosk knows.</source>
        <translation>La plateforme ne propose pas d&apos;envoi reprenable dans une version connue de ce poste.</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>The platform gave an upload address on another server; nothing was sent there. Sending will be tried again later; if this goes on, tell the platform&apos;s administrator.</source>
        <translation>La plateforme a donné une adresse d&apos;envoi sur un autre serveur ; rien n&apos;y a été envoyé. L&apos;envoi sera réessayé plus tard ; si cela continue, prévenez l&apos;administrateur de la plateforme.</translation>
    </message>
    <message>
        <location line="+182"/>
        <source>A document arrived damaged at the platform; it will be sent again later.</source>
        <translation>Un document est arrivé abîmé à la plateforme ; il sera renvoyé plus tard.</translation>
    </message>
    <message>
        <location line="+124"/>
        <source>The platform already holds a different démarche with this number.</source>
        <translation>La plateforme détient déjà une autre démarche sous ce numéro.</translation>
    </message>
</context>
<context>
    <name>relais::sync::SyncStore</name>
    <message>
        <location filename="../sync/client/SyncStore.cpp" line="+86"/>
        <source>The catalogue sent by the platform is older (version %1) than one already accepted (version %2): it was refused and the current one is kept.</source>
        <translation>Le catalogue envoyé par la plateforme est plus ancien (version %1) qu&apos;un catalogue déjà accepté (version %2) : il a été refusé et l&apos;actuel est conservé.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The catalogue sent by the platform brings the démarche “%1” back to version %2 after version %3: it was refused and the current one is kept.</source>
        <translation>Le catalogue envoyé par la plateforme ramène la démarche « %1 » à la version %2 après la version %3 : il a été refusé et l&apos;actuel est conservé.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>The platform&apos;s answer to the enrolment is incomplete.</source>
        <translation>La réponse de la plateforme à l&apos;enrôlement est incomplète.</translation>
    </message>
    <message>
        <location line="+145"/>
        <source>This démarche no longer exists.</source>
        <translation>Cette démarche n&apos;existe plus.</translation>
    </message>
</context>
<context>
    <name>relais::sync::access</name>
    <message>
        <location filename="../sync/client/PlatformAccess.cpp" line="+61"/>
        <source>This file holds no certificate: give the platform&apos;s CA certificate in PEM format.</source>
        <translation>Ce fichier ne contient aucun certificat : donnez le certificat de l&apos;autorité (CA) de la plateforme au format PEM.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A proxy address looks like http://proxy.example.org:3128 (the user name and the password are given apart).</source>
        <translation>Une adresse de proxy ressemble à http://proxy.example.org:3128 (le nom d&apos;utilisateur et le mot de passe se donnent à part).</translation>
    </message>
</context>
<context>
    <name>relais::ui::AccountDialog</name>
    <message>
        <location filename="../ui/admin/AccountDialog.cpp" line="+17"/>
        <source>New account</source>
        <translation>Nouveau compte</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New password for %1</source>
        <translation>Nouveau mot de passe pour %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Full name</source>
        <translation>Nom complet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Login</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Full name:</source>
        <translation>&amp;Nom complet :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Login:</source>
        <translation>&amp;Identifiant :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Role:</source>
        <translation>&amp;Rôle :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password again</source>
        <translation>Mot de passe (confirmation)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password &amp;again:</source>
        <translation>Mot de passe (&amp;confirmation) :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At least 12 characters, or a passphrase of at least 6 words.</source>
        <translation>Au moins 12 caractères, ou une phrase de passe d&apos;au moins 6 mots.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Create</source>
        <translation>&amp;Créer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuler</translation>
    </message>
</context>
<context>
    <name>relais::ui::AdminPage</name>
    <message>
        <location filename="../ui/admin/AdminPage.cpp" line="+62"/>
        <source>Administration</source>
        <translation>Administration</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Login</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accounts of the structure</source>
        <translation>Comptes de la structure</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;New account…</source>
        <translation>&amp;Nouveau compte…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change &amp;password…</source>
        <translation>Changer le &amp;mot de passe…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Disable</source>
        <translation>Dés&amp;activer</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Security</source>
        <translation>Sécurité</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the store with this computer&apos;s &amp;keychain (staff PCs only)</source>
        <translation>Ouvrir le coffre avec le trousseau s&amp;ystème de cet ordinateur (postes du personnel uniquement)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Replace the &amp;recovery code…</source>
        <translation>Remplacer le code de &amp;secours…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>View the &amp;journal…</source>
        <translation>Consulter le &amp;journal…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who did what and when, with a check that no entry was changed or removed.</source>
        <translation>Qui a fait quoi et quand, avec la vérification qu&apos;aucune entrée n&apos;a été modifiée ni supprimée.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock the session after this many minutes without activity</source>
        <translation>Verrouiller la session après ce nombre de minutes sans activité</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Apply</source>
        <translation>A&amp;ppliquer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lock after &amp;inactivity:</source>
        <translation>Verrouiller après &amp;inactivité :</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Platform</source>
        <translation>Plateforme</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>S&amp;ync with the platform…</source>
        <translation>&amp;Brancher ce poste sur la plateforme…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect this kiosk to the platform with a one-time code, or see its connection</source>
        <translation>Raccorder ce poste à la plateforme avec un code à usage unique, ou voir son raccordement</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Scan folder</source>
        <translation>Dossier de numérisation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Choose…</source>
        <translation>&amp;Choisir…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the scan folder</source>
        <translation>Choisir le dossier de numérisation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No scan fold&amp;er</source>
        <translation>Aucun dossier de numérisati&amp;on</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Scan &amp;folder:</source>
        <translation>Dossier de n&amp;umérisation :</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The folder where the network scanner saves its PDFs and pictures. A scan that arrives there is offered in the form in one click. Once attached, it is deleted from the folder: citizens&apos; documents must not stay in a shared folder. Relais uses a new folder from the next sign-in.</source>
        <translation>Le dossier où le scanner réseau enregistre ses PDF et ses images. Un scan qui y arrive est proposé dans le formulaire en un clic. Une fois joint, il est supprimé du dossier : les documents des usagers ne doivent pas rester dans un dossier partagé. Un nouveau dossier est pris en compte à la connexion suivante.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Red&amp;uce photos before storing them</source>
        <translation>Réduire les photos avant de les &amp;enregistrer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Photos taken with a phone are scaled down to %1 pixels on their longest side: still easy to read, much lighter to store and send. PDF files are never changed.</source>
        <translation>Les photos prises au téléphone sont réduites à %1 pixels sur leur plus grand côté : toujours lisibles, bien plus légères à conserver et à envoyer. Les PDF ne sont jamais modifiés.</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+227"/>
        <source>Backup</source>
        <translation>Sauvegarde</translation>
    </message>
    <message>
        <location line="-217"/>
        <source>&amp;Back up now…</source>
        <translation>Sauvegarder maintenant…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An encrypted copy of the whole store, in one file, made while Relais goes on working. Save it on a USB key kept away from this PC; it restores with relais-admin restore.</source>
        <translation>Une copie chiffrée du coffre entier, en un seul fichier, faite pendant que Relais continue de fonctionner. Enregistrez-la sur une clé USB gardée loin de ce PC ; elle se restaure avec relais-admin restore.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Quit Relais on this computer</source>
        <translation>&amp;Quitter Relais sur cet ordinateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ends the program, also in kiosk mode. Everything is saved first.</source>
        <translation>Arrête le programme, y compris en mode kiosque. Tout est enregistré auparavant.</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Last backup: %1.</source>
        <translation>Dernière sauvegarde : %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This store has never been backed up.</source>
        <translation>Ce coffre n&apos;a jamais été sauvegardé.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Every day, Relais backs up the store into %1 and keeps the %n most recent backup(s).</source>
        <translation>
            <numerusform>Chaque jour, Relais sauvegarde le coffre dans %1 et garde la sauvegarde la plus récente.</numerusform>
            <numerusform>Chaque jour, Relais sauvegarde le coffre dans %1 et garde les %n sauvegardes les plus récentes.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No daily backup is scheduled. An administrator sets one with: relais-admin backup schedule --folder FOLDER --keep N</source>
        <translation>Aucune sauvegarde quotidienne n&apos;est programmée. Un administrateur la règle avec : relais-admin backup schedule --folder DOSSIER --keep N</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The last try failed: %1</source>
        <translation>La dernière tentative a échoué : %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Disabled</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The keychain slot is enabled: this computer opens the store when its session starts; everyone still signs in with a password.</source>
        <translation>Le trousseau est activé : cet ordinateur ouvre le coffre à l&apos;ouverture de sa session ; chacun se connecte toujours avec son mot de passe.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disabled: the store opens only with a password or the recovery code.</source>
        <translation>Désactivé : le coffre ne s&apos;ouvre qu&apos;avec un mot de passe ou le code de secours.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Account %1 created.</source>
        <translation>Compte %1 créé.</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+19"/>
        <source>Choose an account in the list first.</source>
        <translation>Choisissez d&apos;abord un compte dans la liste.</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Password of %1 changed.</source>
        <translation>Mot de passe de %1 modifié.</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+5"/>
        <source>Disable the account</source>
        <translation>Désactiver le compte</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Disable %1? This person will no longer be able to sign in. Their work stays in the store.</source>
        <translation>Désactiver %1 ? Cette personne ne pourra plus se connecter. Son travail reste dans le coffre.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Folder for the backup</source>
        <translation>Dossier de la sauvegarde</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Backing up the store…</source>
        <translation>Sauvegarde du coffre…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Backup written to %1. It is encrypted like the store; keep it away from this PC.</source>
        <translation>Sauvegarde écrite dans %1. Elle est chiffrée comme le coffre ; gardez-la loin de ce PC.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Keychain slot enabled.</source>
        <translation>Trousseau activé.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keychain slot removed.</source>
        <translation>Trousseau désactivé.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Replace the recovery code</source>
        <translation>Remplacer le code de secours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The current recovery code will stop working and a new one will be shown once. Go on?</source>
        <translation>Le code de secours actuel cessera de fonctionner et un nouveau sera affiché une seule fois. Continuer ?</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>New recovery code</source>
        <translation>Nouveau code de secours</translation>
    </message>
    <message>
        <location line="-61"/>
        <source>Disabling the account and changing the store&apos;s key…</source>
        <translation>Désactivation du compte et changement de la clé du coffre…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Account %1 disabled. The store has a new key: a copy of the old key file opens nothing.</source>
        <translation>Compte %1 désactivé. Le coffre a une nouvelle clé : une copie de l&apos;ancien fichier des clés n&apos;ouvre plus rien.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>These accounts were made by an older Relais and need a new password: %1.</source>
        <translation>Ces comptes ont été créés par une version antérieure de Relais et doivent recevoir un nouveau mot de passe : %1.</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Write down this new recovery code and keep it safe; destroy the old sheet.

%1</source>
        <translation>Notez ce nouveau code de secours et gardez-le en lieu sûr ; détruisez l&apos;ancienne feuille.

%1</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The recovery code was replaced.</source>
        <translation>Le code de secours a été remplacé.</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>Sessions now lock after %n minute(s) without activity.</source>
        <translation>
            <numerusform>Les sessions se verrouillent désormais après %n minute sans activité.</numerusform>
            <numerusform>Les sessions se verrouillent désormais après %n minutes sans activité.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Folder where the scanner saves</source>
        <translation>Dossier où le scanner enregistre</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Scan folder saved, but Relais cannot delete files in %1: attached scans will have to be deleted from it by hand. Give this computer&apos;s account the right to modify the folder.</source>
        <translation>Dossier de numérisation enregistré, mais Relais ne peut pas supprimer de fichiers dans %1 : les scans joints devront y être effacés à la main. Donnez au compte de cet ordinateur le droit de modifier le dossier.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Scan folder saved: %1. It is used from the next sign-in.</source>
        <translation>Dossier de numérisation enregistré : %1. Il sera utilisé à partir de la prochaine connexion.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No scan folder any more (from the next sign-in).</source>
        <translation>Plus de dossier de numérisation (à partir de la prochaine connexion).</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Photos will be reduced before they are stored.</source>
        <translation>Les photos seront réduites avant d&apos;être enregistrées.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Photos will be stored as they are, without reduction.</source>
        <translation>Les photos seront enregistrées telles quelles, sans réduction.</translation>
    </message>
</context>
<context>
    <name>relais::ui::AttachmentFieldEditor</name>
    <message>
        <location filename="../ui/forms/AttachmentFieldEditor.cpp" line="+42"/>
        <location line="+57"/>
        <source>Choose a file…</source>
        <translation>Choisir un fichier…</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>From the scanner…</source>
        <translation>Depuis le scanner…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From the person&apos;s file…</source>
        <translation>Depuis le dossier de la personne…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the file</source>
        <translation>Retirer le fichier</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Attached: %1 (%2, %3)</source>
        <translation>Joint : %1 (%2, %3)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No file yet.</source>
        <translation>Aucun fichier pour l&apos;instant.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Replace with a file…</source>
        <translation>Remplacer par un fichier…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Attach the scan that just arrived (%1)</source>
        <translation>Joindre le scan qui vient d&apos;arriver (%1)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose the document</source>
        <translation>Choisir le document</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents (*.pdf *.jpg *.jpeg *.png)</source>
        <translation>Documents (*.pdf *.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The scan folder is empty: scan the document, then try again.</source>
        <translation>Le dossier de numérisation est vide : scannez le document, puis réessayez.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The person&apos;s file keeps no document that fits here any more.</source>
        <translation>Le dossier de la personne ne conserve plus aucun document qui convienne ici.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A document from the person&apos;s file</source>
        <translation>Un document du dossier de la personne</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Documents kept in the file:</source>
        <translation>&amp;Documents conservés dans le dossier :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Documents kept in the file</source>
        <translation>Documents conservés dans le dossier</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Attach a copy</source>
        <translation>&amp;Joindre une copie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attach a copy of the chosen document</source>
        <translation>Joindre une copie du document choisi</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>This file cannot be opened. Check that it is still there, then try again.</source>
        <translation>Ce fichier ne peut pas être ouvert. Vérifiez qu&apos;il est toujours là, puis réessayez.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The file is too large: at most %1 here.</source>
        <translation>Le fichier est trop lourd : %1 au maximum ici.</translation>
    </message>
</context>
<context>
    <name>relais::ui::AttachmentPreview</name>
    <message>
        <location filename="../ui/forms/AttachmentPreview.cpp" line="+23"/>
        <source>Preview of the document</source>
        <translation>Aperçu du document</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Preview of %1</source>
        <translation>Aperçu de %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Previous page</source>
        <translation>Page &amp;précédente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next page</source>
        <translation>Page &amp;suivante</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>This document cannot be shown, but it is kept as it was given.</source>
        <translation>Ce document ne peut pas être affiché, mais il est conservé tel qu&apos;il a été donné.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Page %1 of %2</source>
        <translation>Page %1 sur %2</translation>
    </message>
</context>
<context>
    <name>relais::ui::CitizenEditor</name>
    <message>
        <location filename="../ui/citizens/CitizenEditor.cpp" line="+51"/>
        <source>B&amp;irth name (required)</source>
        <translation>Nom de &amp;naissance (obligatoire)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Usage name (if different)</source>
        <translation>Nom d&apos;usage (s&apos;il est différent)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Given names (required)</source>
        <translation>Prénoms (obligatoire)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DD/MM/YYYY</source>
        <translation>JJ/MM/AAAA</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Place of birth</source>
        <translation>Lieu de naissance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Social security number (optional)</source>
        <translation>Numéro de sécurité sociale (facultatif)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>15 digits (Carte Vitale)</source>
        <translation>15 chiffres (carte Vitale)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>06 12 34 56 78</source>
        <translation>06 12 34 56 78</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Number and street</source>
        <translation>Numéro et rue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Postal code</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Commune</source>
        <translation>Commune</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Note for the next mediator</source>
        <translation>Note pour le &amp;prochain médiateur</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+154"/>
        <source>Write only what the next mediator needs for the démarche. No health details, no opinions.</source>
        <translation>N&apos;écrivez que ce dont le prochain médiateur a besoin pour la démarche. Aucun détail de santé, aucune opinion.</translation>
    </message>
    <message>
        <location line="-150"/>
        <source>Note for the next mediator</source>
        <translation>Note pour le prochain médiateur</translation>
    </message>
    <message>
        <location line="+111"/>
        <location line="+55"/>
        <source>Type the date as day/month/year, for example 12/03/1985.</source>
        <translation>Saisissez la date sous la forme jour/mois/année, par exemple 12/03/1985.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Characters left: %1</source>
        <translation>Caractères restants : %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Characters over the limit: %1</source>
        <translation>Caractères en trop : %1</translation>
    </message>
</context>
<context>
    <name>relais::ui::CitizenFilePage</name>
    <message>
        <location filename="../ui/citizens/CitizenFilePage.cpp" line="+84"/>
        <source>&amp;Back to the search</source>
        <translation>Ret&amp;our à la recherche</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>St&amp;art a démarche</source>
        <translation>Commencer une dém&amp;arche</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>No démarche can start for this person until they agree that their file is kept. Read them the text and record their consent.</source>
        <translation>Aucune démarche ne peut commencer pour cette personne tant qu&apos;elle n&apos;a pas accepté que son dossier soit conservé. Lisez-lui le texte et recueillez son consentement.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record the &amp;consent now…</source>
        <translation>Recueillir le &amp;consentement maintenant…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Identity</source>
        <translation>Identité</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+286"/>
        <source>Sav&amp;e the file</source>
        <translation>Enre&amp;gistrer le dossier</translation>
    </message>
    <message>
        <location line="-280"/>
        <source>Consents</source>
        <translation>Consentements</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Print the consent form…</source>
        <translation>&amp;Imprimer le formulaire de consentement…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A page for the person to sign, with what they agreed to</source>
        <translation>Une page à faire signer par la personne, avec ce qu&apos;elle a accepté</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the form to a folder…</source>
        <translation>Enregistrer dans un dossier…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On the person&apos;s USB key, as a PDF file that is not protected</source>
        <translation>Sur la clé USB de la personne, en fichier PDF non protégé</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Mandates</source>
        <translation>Mandats</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A mandate allows the mediators of the structure to carry out démarches for the person, in the areas they chose and until its end date.</source>
        <translation>Un mandat permet aux médiateurs de la structure d&apos;effectuer des démarches pour la personne, dans les domaines qu&apos;elle a choisis et jusqu&apos;à sa date de fin.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>New &amp;mandate…</source>
        <translation>Nouveau &amp;mandat…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Démarches</source>
        <translation>Démarches</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Démarches of the person</source>
        <translation>Démarches de la personne</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Contin&amp;ue the draft</source>
        <translation>Reprendre le &amp;brouillon</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+4"/>
        <source>Documents kept</source>
        <translation>Documents conservés</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Kept with the person&apos;s consent, to reuse them in later démarches.</source>
        <translation>Conservés avec le consentement de la personne, pour être réutilisés lors de prochaines démarches.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Documents of the person&apos;s démarches, not kept yet:</source>
        <translation>Documents des démarches de la personne, pas encore conservés :</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Documents of the démarches, not kept yet</source>
        <translation>Documents des démarches, pas encore conservés</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Keep in the file</source>
        <translation>&amp;Conserver dans le dossier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the chosen document in the file</source>
        <translation>Conserver le document choisi dans le dossier</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Rights of the person</source>
        <translation>Droits de la personne</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>E&amp;xport (access)…</source>
        <translation>E&amp;xporter (droit d&apos;accès)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge &amp;with a duplicate…</source>
        <translation>F&amp;usionner avec un doublon…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Erase the &amp;file…</source>
        <translation>&amp;Effacer le dossier…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Everything Relais holds about the person, printed, or saved on their USB key as a PDF and a JSON file.</source>
        <translation>Tout ce que Relais détient sur la personne, imprimé, ou enregistré sur sa clé USB en PDF et en fichier JSON.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The same person was created twice: bring both files together.</source>
        <translation>La même personne a été créée deux fois : réunissez les deux dossiers.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The person asks for their data to be erased.</source>
        <translation>La personne demande l&apos;effacement de ses données.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Changes not saved</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The changes to this file are not saved yet.</source>
        <translation>Les modifications de ce dossier ne sont pas encore enregistrées.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save them</source>
        <translation>Les enregistrer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave without saving</source>
        <translation>Quitter sans enregistrer</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Record the person&apos;s consent to keep their file first: no démarche can start without it.</source>
        <translation>Recueillez d&apos;abord le consentement de la personne à la conservation de son dossier : aucune démarche ne peut commencer sans lui.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Only a draft can be reopened: this démarche has left the computer or was given up.</source>
        <translation>Seul un brouillon peut être rouvert : cette démarche a quitté l&apos;ordinateur ou a été abandonnée.</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>New file</source>
        <translation>Nouveau dossier</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Sav&amp;e the changes</source>
        <translation>Enre&amp;gistrer les modifications</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Not recorded</source>
        <translation>Non recueilli</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Given on %1 (text %2)</source>
        <translation>Donné le %1 (texte %2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Withdrawn on %1 (given on %2, text %3)</source>
        <translation>Retiré le %1 (donné le %2, texte %3)</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+208"/>
        <source>Withdraw</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location line="-208"/>
        <source>Withdraw the consent: %1</source>
        <translation>Retirer le consentement : %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record consent…</source>
        <translation>Recueillir le consentement…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Record the consent: %1</source>
        <translation>Recueillir le consentement : %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>No mandate.</source>
        <translation>Aucun mandat.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1, from %2 to %3</source>
        <translation>%1, du %2 au %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>in force</source>
        <translation>en vigueur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>every area revoked</source>
        <translation>tous les domaines révoqués</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ended</source>
        <translation>terminé</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 — revoked on %2</source>
        <translation>%1 — révoqué le %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+295"/>
        <source>Revoke</source>
        <translation>Révoquer</translation>
    </message>
    <message>
        <location line="-295"/>
        <source>Revoke the area: %1</source>
        <translation>Révoquer le domaine : %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 — %2 — %3</source>
        <translation>%1 — %2 — %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No démarche yet.</source>
        <translation>Aucune démarche pour l&apos;instant.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No document kept yet.</source>
        <translation>Aucun document conservé pour l&apos;instant.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1 (%2) — %3</source>
        <translation>%1 (%2) — %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No other document in the person&apos;s démarches.</source>
        <translation>Aucun autre document dans les démarches de la personne.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The file is not saved: correct the answers marked in red.</source>
        <translation>Le dossier n&apos;est pas enregistré : corrigez les réponses signalées en rouge.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>File created. Now record the person&apos;s consent to keep it: no démarche can start without it.</source>
        <translation>Dossier créé. Recueillez maintenant le consentement de la personne à sa conservation : aucune démarche ne peut commencer sans lui.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Changes saved.</source>
        <translation>Modifications enregistrées.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Consent recorded: %1.</source>
        <translation>Consentement enregistré : %1.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No new démarche can start for this person afterwards.</source>
        <translation>Aucune nouvelle démarche ne pourra ensuite commencer pour cette personne.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The documents kept in the file are deleted at once.</source>
        <translation>Les documents conservés dans le dossier sont aussitôt supprimés.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The structure will no longer contact the person.</source>
        <translation>La structure ne contactera plus la personne.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdraw a consent</source>
        <translation>Retirer un consentement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdraw the consent “%1”? %2</source>
        <translation>Retirer le consentement « %1 » ? %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Consent withdrawn: %1.</source>
        <translation>Consentement retiré : %1.</translation>
    </message>
    <message>
        <location filename="../ui/common/PaperOutput.cpp" line="+43"/>
        <source>No printer is ready on this computer. Ask your administrator to install one, or save the document on the person&apos;s USB key.</source>
        <translation>Aucune imprimante n&apos;est prête sur cet ordinateur. Demandez à votre administrateur d&apos;en installer une, ou enregistrez le document sur la clé USB de la personne.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Save to a folder</source>
        <translation>Enregistrer dans un dossier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file will not be protected (it is not encrypted): anyone who has the folder or the USB key can read it. Save it only on the person&apos;s own USB key, and give it to them.</source>
        <translation>Le fichier ne sera pas protégé (il n&apos;est pas chiffré) : quiconque a le dossier ou la clé USB peut le lire. Enregistrez-le seulement sur la clé USB de la personne, et remettez-la-lui.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose the folder…</source>
        <translation>Choisir le dossier…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Folder to save in (the person&apos;s USB key)</source>
        <translation>Dossier où enregistrer (la clé USB de la personne)</translation>
    </message>
    <message>
        <location filename="../ui/citizens/CitizenFilePage.cpp" line="+52"/>
        <source>Saved: %1. This file is not protected (it is not encrypted): give it to the person and leave no copy on this computer.</source>
        <translation>Enregistré : %1. Ce fichier n&apos;est pas protégé (il n&apos;est pas chiffré) : remettez-le à la personne et n&apos;en laissez aucune copie sur cet ordinateur.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The consent form was sent to the printer. Give it to the person to sign.</source>
        <translation>Le formulaire de consentement a été envoyé à l&apos;imprimante. Donnez-le à signer à la personne.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>consent-form-%1.pdf</source>
        <translation>formulaire-consentement-%1.pdf</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Right of access</source>
        <translation>Droit d&apos;accès</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print everything Relais holds about the person, or save it in a folder (their USB key) as a PDF and a JSON file?</source>
        <translation>Imprimer tout ce que Relais détient sur la personne, ou l&apos;enregistrer dans un dossier (sa clé USB) en PDF et en fichier JSON ?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print…</source>
        <translation>Imprimer…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Everything Relais holds about the person was sent to the printer.</source>
        <translation>Tout ce que Relais détient sur la personne a été envoyé à l&apos;imprimante.</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>Mandate created until %1.</source>
        <translation>Mandat créé jusqu&apos;au %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mandate created</source>
        <translation>Mandat créé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print the attestation now? The person and the mediator sign it; the person keeps a copy.</source>
        <translation>Imprimer l&apos;attestation maintenant ? La personne et le médiateur la signent ; la personne en garde un exemplaire.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print the attestation…</source>
        <translation>Imprimer l&apos;attestation…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+53"/>
        <source>Save to a folder…</source>
        <translation>Enregistrer dans un dossier…</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>Not now</source>
        <translation>Plus tard</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Mandate created. The attestation was sent to the printer.</source>
        <translation>Mandat créé. L&apos;attestation a été envoyée à l&apos;imprimante.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../ui/forms/DemarchesPage.cpp" line="+621"/>
        <source>mandate-%1.pdf</source>
        <translation>mandat-%1.pdf</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Revoke an area</source>
        <translation>Révoquer un domaine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revoke the area “%1” of this mandate? The other areas stay in force.</source>
        <translation>Révoquer le domaine « %1 » de ce mandat ? Les autres domaines restent en vigueur.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Area revoked: %1.</source>
        <translation>Domaine révoqué : %1.</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>The document is kept in the file: it can be attached to the person&apos;s next démarches.</source>
        <translation>Le document est conservé dans le dossier : il pourra être joint aux prochaines démarches de la personne.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The two files are merged: everything is in this one now.</source>
        <translation>Les deux dossiers sont fusionnés : tout se trouve désormais dans celui-ci.</translation>
    </message>
</context>
<context>
    <name>relais::ui::CitizenListModel</name>
    <message>
        <location filename="../ui/citizens/CitizenListModel.cpp" line="+30"/>
        <source>born on %1</source>
        <translation>né(e) le %1</translation>
    </message>
</context>
<context>
    <name>relais::ui::CitizensPage</name>
    <message>
        <location filename="../ui/citizens/CitizensPage.cpp" line="+38"/>
        <location line="+42"/>
        <source>Citizens</source>
        <translation>Usagers</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>&amp;Find a file</source>
        <translation>Rechercher un d&amp;ossier</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Find a file</source>
        <translation>Rechercher un dossier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name, date of birth (dd/mm/yyyy) or phone</source>
        <translation>Nom, date de naissance (jj/mm/aaaa) ou téléphone</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;New file</source>
        <translation>&amp;Nouveau dossier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create the file of a person who has none yet (Alt+N)</source>
        <translation>Créer le dossier d&apos;une personne qui n&apos;en a pas encore (Alt+N)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>You see the files you created.</source>
        <translation>Vous voyez les dossiers que vous avez créés.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Files found</source>
        <translation>Dossiers trouvés</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Open the &amp;file</source>
        <translation>&amp;Ouvrir le dossier</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The search is put away during an accompaniment, so that no one else&apos;s name shows beside the person you are helping. To find another person or create a file, end the accompaniment (“End the accompaniment” above, or Ctrl+Shift+E).</source>
        <translation>La recherche est mise de côté pendant un accompagnement, pour qu&apos;aucun autre nom n&apos;apparaisse à côté de la personne que vous aidez. Pour chercher une autre personne ou créer un dossier, terminez l&apos;accompagnement (« Terminer l&apos;accompagnement » en haut, ou Ctrl+Maj+E).</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The file was erased.</source>
        <translation>Le dossier a été effacé.</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>You are accompanying %1.</source>
        <translation>Vous accompagnez %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You are accompanying a person without a file.</source>
        <translation>Vous accompagnez une personne sans dossier.</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>Type a name, a date of birth (dd/mm/yyyy) or a phone number.</source>
        <translation>Saisissez un nom, une date de naissance (jj/mm/aaaa) ou un numéro de téléphone.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No file matches. Check the spelling or create a new file.</source>
        <translation>Aucun dossier ne correspond. Vérifiez l&apos;orthographe ou créez un nouveau dossier.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Files found: %1 (the first ones). Type more to narrow the search.</source>
        <translation>Dossiers trouvés : %1 (les premiers). Précisez votre saisie pour affiner la recherche.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Files found: %1</source>
        <translation>Dossiers trouvés : %1</translation>
    </message>
</context>
<context>
    <name>relais::ui::ComboFieldEditor</name>
    <message>
        <location filename="../ui/forms/FieldEditor.cpp" line="+316"/>
        <source>— Choose —</source>
        <translation>— Choisir —</translation>
    </message>
</context>
<context>
    <name>relais::ui::CommuneAssist</name>
    <message>
        <location filename="../ui/common/CommuneAssist.cpp" line="+44"/>
        <source>Communes</source>
        <translation>Communes</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>%1 (now part of %2)</source>
        <translation>%1 (rattachée à %2)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%1 — %2 (%3)</source>
        <extracomment>A commune offered while its name is typed: &quot;Saint-Pierre — La Réunion (974)&quot;.</extracomment>
        <translation>%1 — %2 (%3)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1 has several postal codes (%2): type the citizen&apos;s.</source>
        <translation>%1 a plusieurs codes postaux (%2) : saisissez celui de l&apos;usager.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The postal code %1 is not that of %2. It is the code of: %3. Check the address.</source>
        <translation>Le code postal %1 n&apos;est pas celui de %2. C&apos;est celui de : %3. Vérifiez l&apos;adresse.</translation>
    </message>
</context>
<context>
    <name>relais::ui::ConsentDialog</name>
    <message>
        <location filename="../ui/citizens/ConsentDialog.cpp" line="+19"/>
        <source>Record a consent</source>
        <translation>Recueillir un consentement</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Read this text to %1, or let them read it, before they agree.</source>
        <translation>Lisez ce texte à %1, ou laissez cette personne le lire, avant qu&apos;elle donne son accord.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Text version %1</source>
        <translation>Version du texte : %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The person has read or heard this text and &amp;agrees</source>
        <translation>La personne a lu ou entendu ce texte et donne son &amp;accord</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Record the consent</source>
        <translation>Enre&amp;gistrer le consentement</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Tick the box once the person has agreed.</source>
        <translation>Cochez la case une fois que la personne a donné son accord.</translation>
    </message>
</context>
<context>
    <name>relais::ui::DemarchesPage</name>
    <message>
        <location filename="../ui/forms/DemarchesPage.cpp" line="-574"/>
        <source>CAF — family benefits</source>
        <translation>CAF — prestations familiales</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assurance Maladie (CPAM)</source>
        <translation>Assurance Maladie (CPAM)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Assurance retraite (CNAV, Carsat)</source>
        <translation>Assurance retraite (CNAV, Carsat)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MSA — farming social security</source>
        <translation>MSA — protection sociale agricole</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>France Travail</source>
        <translation>France Travail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taxes (DGFiP)</source>
        <translation>Impôts (DGFiP)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Justice</source>
        <translation>Justice</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Identity papers and vehicles (France Titres)</source>
        <translation>Papiers d&apos;identité et véhicules (France Titres)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>La Poste</source>
        <translation>La Poste</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Démarches</source>
        <translation>Démarches</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Print the re&amp;ceipt</source>
        <translation>Imprimer &amp;le récépissé</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the receipt to a folder…</source>
        <translation>Enregistrer le récépissé dans un dossier…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Update the file</source>
        <translation>Mettre à jo&amp;ur le dossier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Keep the file as it is</source>
        <translation>&amp;Garder le dossier tel quel</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No accompaniment in progress: choose the person, or go on without a file.</source>
        <translation>Aucun accompagnement en cours : choisissez la personne, ou continuez sans dossier.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the &amp;person…</source>
        <translation>Choisir la &amp;personne…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Without a file</source>
        <translation>Sa&amp;ns dossier</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Change the &amp;person</source>
        <translation>Changer de &amp;personne</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Find a démarche</source>
        <translation>Rechercher une dé&amp;marche</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>For example: address, retirement, identity card</source>
        <translation>Par exemple : adresse, retraite, carte d&apos;identité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find a démarche</source>
        <translation>Rechercher une démarche</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Démarches by organisation</source>
        <translation>Démarches par organisme</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Start this démarche</source>
        <translation>&amp;Commencer cette démarche</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Drafts in progress</source>
        <translation>&amp;Brouillons en cours</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Drafts in progress</source>
        <translation>Brouillons en cours</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Resume this draft</source>
        <translation>&amp;Reprendre ce brouillon</translation>
    </message>
    <message>
        <location line="+209"/>
        <source>%1 — %2 — changed %3</source>
        <translation>%1 — %2 — modifié le %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 — changed %2</source>
        <translation>%1 — modifié le %2</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Démarche without a file</source>
        <translation>Démarche sans dossier</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Démarche for %1</source>
        <translation>Démarche pour %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Consent needed</source>
        <translation>Consentement nécessaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No démarche can start for %1: they have not agreed that their file is kept. Read them the text and record their consent first.</source>
        <translation>Aucune démarche ne peut commencer pour %1 : cette personne n&apos;a pas accepté que son dossier soit conservé. Lisez-lui d&apos;abord le texte et recueillez son consentement.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Record the consent…</source>
        <translation>Recueillir le consentement…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The démarche did not start: the person&apos;s consent to keep their file is missing.</source>
        <translation>La démarche n&apos;a pas commencé : il manque le consentement de la personne à la conservation de son dossier.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>How is this démarche done?</source>
        <translation>Comment cette démarche est-elle faite ?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Does %1 do this démarche with you, or do you act for them? A mandate in the area « %2 » is in force until %3.</source>
        <translation>%1 fait-elle cette démarche avec vous, ou agissez-vous pour elle ? Un mandat dans le domaine « %2 » est en vigueur jusqu&apos;au %3.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Does %1 do this démarche with you, or do you act for them? Acting for them needs a mandate in the area « %2 », which no mandate in force covers.</source>
        <translation>%1 fait-elle cette démarche avec vous, ou agissez-vous pour elle ? Agir pour elle demande un mandat dans le domaine « %2 », qu&apos;aucun mandat en vigueur ne couvre.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>With the person present, no mandate is needed: they answer and decide, you help.</source>
        <translation>En présence de la personne, aucun mandat n&apos;est nécessaire : elle répond et décide, vous l&apos;aidez.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With the person present</source>
        <translation>En présence de la personne</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On their behalf, under the mandate</source>
        <translation>Pour son compte, sous mandat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On their behalf: create a mandate…</source>
        <translation>Pour son compte : créer un mandat…</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>This démarche is no longer in the catalogue: the draft is kept, but it cannot be opened until the catalogue has it again.</source>
        <translation>Cette démarche n&apos;est plus au catalogue : le brouillon est gardé, mais il ne pourra être rouvert que lorsque le catalogue la proposera de nouveau.</translation>
    </message>
    <message>
        <location line="+136"/>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The answers differ from the file of %1. Write them into the file?
%2</source>
        <translation>Les réponses diffèrent du dossier de %1. Les reporter dans le dossier ?
%2</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The file is up to date.</source>
        <translation>Le dossier est à jour.</translation>
    </message>
    <message>
        <location line="+27"/>
        <location filename="../ui/outbox/OutboxPage.cpp" line="+540"/>
        <source>receipt-%1.pdf</source>
        <translation>recepisse-%1.pdf</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>“%1” is in the queue: it will be sent to the organisation within a few minutes.</source>
        <translation>« %1 » est dans la file d&apos;envoi : elle sera transmise à l&apos;organisme d&apos;ici quelques minutes.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“%1” is in the queue: it will be sent to the organisation at the next connection.</source>
        <translation>« %1 » est dans la file d&apos;envoi : elle sera transmise à l&apos;organisme à la prochaine connexion.</translation>
    </message>
</context>
<context>
    <name>relais::ui::EnrolmentDialog</name>
    <message>
        <location filename="../ui/admin/EnrolmentDialog.cpp" line="+23"/>
        <source>Sync with the platform</source>
        <translation>Raccordement à la plateforme</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>To connect this kiosk (again), type the platform&apos;s address and the one-time code its operator gave you. The code works once, for 24 hours.</source>
        <translation>Pour raccorder (de nouveau) ce poste, saisissez l&apos;adresse de la plateforme et le code à usage unique donné par son opérateur. Le code sert une fois, pendant 24 heures.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Platform address</source>
        <translation>Adresse de la plateforme</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enrolment code</source>
        <translation>Code d&apos;enrôlement</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name of this kiosk</source>
        <translation>Nom de ce poste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Platform &amp;address:</source>
        <translation>&amp;Adresse de la plateforme :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enrolment &amp;code:</source>
        <translation>&amp;Code d&apos;enrôlement :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Name of this kiosk:</source>
        <translation>&amp;Nom de ce poste :</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+54"/>
        <source>&amp;Enrol</source>
        <translation>&amp;Enrôler</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>This kiosk is not connected to a platform yet: démarches wait here.</source>
        <translation>Ce poste n&apos;est pas encore raccordé à une plateforme : les démarches attendent ici.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connected to “%1” (%2) as kiosk %3.</source>
        <translation>Raccordé à « %1 » (%2) comme poste %3.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sending is stopped: %1 Enrol again with a new code.</source>
        <translation>L&apos;envoi est arrêté : %1 Enrôlez de nouveau avec un nouveau code.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Type the platform&apos;s address, for example https://plateforme.example.org.</source>
        <translation>Saisissez l&apos;adresse de la plateforme, par exemple https://plateforme.example.org.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Type the enrolment code the platform&apos;s operator gave you.</source>
        <translation>Saisissez le code d&apos;enrôlement donné par l&apos;opérateur de la plateforme.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enrolling…</source>
        <translation>Enrôlement…</translation>
    </message>
</context>
<context>
    <name>relais::ui::EraseDialog</name>
    <message>
        <location filename="../ui/citizens/EraseDialog.cpp" line="+17"/>
        <source>Erase the file</source>
        <translation>Effacer le dossier</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Erase the file of %1?</source>
        <translation>Effacer le dossier de %1 ?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The identity, the note, the drafts, the kept documents, the consents and the mandates are erased from this computer. Démarches already sent stay with the organisations that received them.</source>
        <translation>L&apos;identité, la note, les brouillons, les documents conservés, les consentements et les mandats sont effacés de cet ordinateur. Les démarches déjà envoyées restent auprès des organismes qui les ont reçues.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Deliver them first, then erase them</source>
        <translation>Les e&amp;nvoyer d&apos;abord, puis les effacer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D&amp;iscard them: they will never be sent</source>
        <translation>Les &amp;abandonner : elles ne seront jamais envoyées</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>This cannot be undone. Erase the file of %1 now?</source>
        <translation>Cette action est irréversible. Effacer maintenant le dossier de %1 ?</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Continue</source>
        <translation>&amp;Continuer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Erase for good</source>
        <translation>&amp;Effacer définitivement</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>relais::ui::FieldEditor</name>
    <message>
        <location filename="../ui/forms/FieldEditor.cpp" line="-278"/>
        <source>%1 (required)</source>
        <translation>%1 (obligatoire)</translation>
    </message>
</context>
<context>
    <name>relais::ui::FormWizard</name>
    <message>
        <location filename="../ui/forms/FormWizard.cpp" line="+94"/>
        <source>Progress in the démarche</source>
        <translation>Avancement dans la démarche</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>&amp;Close (the draft is kept)</source>
        <translation>&amp;Fermer (le brouillon est gardé)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Back</source>
        <translation>&amp;Précédent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next</source>
        <translation>&amp;Suivant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Send the démarche</source>
        <translation>&amp;Envoyer la démarche</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Draft saved at %1</source>
        <translation>Brouillon enregistré à %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not saved</source>
        <translation>Non enregistré</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The draft could not be saved: %1</source>
        <translation>Le brouillon n&apos;a pas pu être enregistré : %1</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Attach a file…</source>
        <translation>Joindre un fichier…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seen, not attached</source>
        <translation>Vu, non joint</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>For each document, attach it to the form (a file or the scanner), or tick “Seen, not attached” once you have seen it.</source>
        <translation>Pour chaque pièce, joignez-la au formulaire (un fichier ou le scanner), ou cochez « Vu, non joint » une fois que vous l&apos;avez vue.</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Prefilled from the file: %1. Check with the person that it is still right.</source>
        <translation>Prérempli depuis le dossier : %1. Vérifiez avec la personne que c&apos;est toujours exact.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Documents to provide</source>
        <translation>Pièces à fournir</translation>
    </message>
    <message>
        <location line="+135"/>
        <source>Attach each required document, or tick “Seen, not attached” once you have seen it.</source>
        <translation>Joignez chaque pièce demandée, ou cochez « Vu, non joint » une fois que vous l&apos;avez vue.</translation>
    </message>
    <message>
        <location line="-133"/>
        <source>Review and send</source>
        <translation>Relire et envoyer</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Step %1 of %2: %3</source>
        <translation>Étape %1 sur %2 : %3</translation>
    </message>
    <message numerus="yes">
        <location line="+57"/>
        <location line="+33"/>
        <source>%n answer(s) need your attention before going on.</source>
        <translation>
            <numerusform>%n réponse demande votre attention avant de continuer.</numerusform>
            <numerusform>%n réponses demandent votre attention avant de continuer.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 €</source>
        <translation>%1 €</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>File “%1”</source>
        <translation>Fichier « %1 »</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Démarche without a file</source>
        <translation>Démarche sans dossier</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Démarche for %1</source>
        <translation>Démarche pour %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read the answers again with the citizen. Once sent, the démarche can no longer be changed here.</source>
        <translation>Relisez les réponses avec la personne. Une fois envoyée, la démarche ne peut plus être modifiée ici.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 — entry %2</source>
        <translation>%1 — n° %2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Modify</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Modify: %1</source>
        <translation>Modifier : %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Documents</source>
        <translation>Pièces</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>All %n required document(s) checked.</source>
        <translation>
            <numerusform>La pièce demandée est cochée.</numerusform>
            <numerusform>Les %n pièces demandées sont cochées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n document(s) not checked yet.</source>
        <translation>
            <numerusform>%n pièce n&apos;est pas encore cochée.</numerusform>
            <numerusform>%n pièces ne sont pas encore cochées.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>relais::ui::GroupFieldEditor</name>
    <message>
        <location filename="../ui/forms/GroupFieldEditor.cpp" line="+24"/>
        <source>Add an entry: %1</source>
        <translation>Ajouter : %1</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>%1 — entry %2</source>
        <translation>%1 — n° %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Remove entry %1</source>
        <translation>Retirer le n° %1</translation>
    </message>
</context>
<context>
    <name>relais::ui::HomePage</name>
    <message>
        <location filename="../ui/home/HomePage.cpp" line="+56"/>
        <source>The structure&apos;s démarches</source>
        <translation>Les démarches de la structure</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Drafts to &amp;finish</source>
        <translation>&amp;Brouillons à terminer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting or &amp;refused</source>
        <translation>En attente ou &amp;refusées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>De&amp;cisions since your last sign-in</source>
        <translation>Dé&amp;cisions depuis votre dernière connexion</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Lock the session whenever you leave the desk (Ctrl+L): the citizen&apos;s file is hidden, and your work waits for you.</source>
        <translation>Verrouillez la session dès que vous quittez le poste (Ctrl+L) : le dossier de l&apos;usager est masqué et votre travail vous attend.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A colleague takes over? Use “Change user”: each person signs in with their own password, and the journal records who did what.</source>
        <translation>Un collègue prend le relais ? Utilisez « Changer d&apos;utilisateur » : chacun se connecte avec son propre mot de passe, et le journal garde trace de qui a fait quoi.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>During this accompaniment, only your démarches without a file are shown.</source>
        <translation>Pendant cet accompagnement, seules vos démarches sans dossier sont affichées.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>During this accompaniment, only the work for %1 is shown.</source>
        <translation>Pendant cet accompagnement, seul le travail pour %1 est affiché.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 — changed %2</source>
        <translation>%1 — modifié le %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 — waiting to be sent since %2</source>
        <translation>%1 — en attente d&apos;envoi depuis le %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 — refused by the platform: %2</source>
        <translation>%1 — refusée par la plateforme : %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 — %2: %3</source>
        <translation>%1 — %2 : %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no reason given</source>
        <translation>aucun motif donné</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 — %2 on %3</source>
        <translation>%1 — %2 le %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nothing here.</source>
        <translation>Rien ici.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Drafts in &amp;progress: %1</source>
        <translation>Brouillons en cour&amp;s : %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Waiting to be sent: %1</source>
        <translation>En attente d&apos;env&amp;oi : %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;jected: %1</source>
        <translation>Re&amp;fusées : %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent successfull&amp;y this month: %1</source>
        <translation>Transmises ce mo&amp;is : %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The structure&apos;s drafts, in Démarches</source>
        <translation>Les brouillons de la structure, dans Démarches</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shown in Sending, with what the platform answered</source>
        <translation>Dans Envois, avec la réponse de la plateforme</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Hello, %1</source>
        <translation>Bonjour, %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 at %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>The last backup of this store is %n day(s) old. Make one now in Administration → Backup, on a USB key kept away from this PC.</source>
        <translation>
            <numerusform>La dernière sauvegarde de ce coffre date de %n jour. Faites-en une maintenant dans Administration → Sauvegarde, sur une clé USB gardée loin de ce PC.</numerusform>
            <numerusform>La dernière sauvegarde de ce coffre date de %n jours. Faites-en une maintenant dans Administration → Sauvegarde, sur une clé USB gardée loin de ce PC.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This store has never been backed up. Make a backup in Administration → Backup, on a USB key kept away from this PC.</source>
        <translation>Ce coffre n&apos;a jamais été sauvegardé. Faites une sauvegarde dans Administration → Sauvegarde, sur une clé USB gardée loin de ce PC.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The daily backup failed: %1 Tell your administrator, who can check the backup folder in Administration → Backup.</source>
        <translation>La sauvegarde quotidienne a échoué : %1 Prévenez votre administrateur, qui peut vérifier le dossier de sauvegarde dans Administration → Sauvegarde.</translation>
    </message>
</context>
<context>
    <name>relais::ui::JournalModel</name>
    <message>
        <location filename="../ui/admin/JournalView.cpp" line="+112"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Object</source>
        <translation>Objet</translation>
    </message>
</context>
<context>
    <name>relais::ui::JournalView</name>
    <message>
        <location line="+38"/>
        <source>Security journal</source>
        <translation>Journal de sécurité</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Back to administration</source>
        <translation>Ret&amp;our à l&apos;administration</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Who did what, and when. Every entry is chained to the previous one, so that an entry changed or removed afterwards shows when the chain is verified. Citizens appear only by the number of their file.</source>
        <translation>Qui a fait quoi, et quand. Chaque entrée est chaînée à la précédente : une entrée modifiée ou supprimée après coup apparaît lors de la vérification de la chaîne. Les usagers n&apos;y figurent que par le numéro de leur dossier.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Any date</source>
        <translation>Toutes dates</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>From date</source>
        <translation>Date de début</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Until date</source>
        <translation>Date de fin</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Object contains</source>
        <translation>L&apos;objet contient</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Person:</source>
        <translation>&amp;Personne :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Event:</source>
        <translation>Évé&amp;nement :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;From:</source>
        <translation>D&amp;u :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unt&amp;il:</source>
        <translation>&amp;Au :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ob&amp;ject contains:</source>
        <translation>L&apos;ob&amp;jet contient :</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Clear filters</source>
        <translation>Effacer les f&amp;iltres</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Journal entries, newest first</source>
        <translation>Entrées du journal, les plus récentes en premier</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Verify the chain</source>
        <translation>Vérifier la &amp;chaîne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xport…</source>
        <translation>E&amp;xporter…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saves the entries shown (with the current filters) as a CSV file, times in UTC.</source>
        <translation>Enregistre les entrées affichées (avec les filtres en cours) dans un fichier CSV, heures en UTC.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Everyone</source>
        <translation>Tout le monde</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>All events</source>
        <translation>Tous les événements</translation>
    </message>
    <message numerus="yes">
        <location line="+51"/>
        <source>%n matching entries.</source>
        <translation>
            <numerusform>%n entrée correspondante.</numerusform>
            <numerusform>%n entrées correspondantes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n entries.</source>
        <translation>
            <numerusform>%n entrée.</numerusform>
            <numerusform>%n entrées.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+36"/>
        <location line="+10"/>
        <source>The file %1 cannot be written. Choose another folder.</source>
        <translation>Le fichier %1 ne peut pas être écrit. Choisissez un autre dossier.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n entries exported to %1.</source>
        <translation>
            <numerusform>%n entrée exportée dans %1.</numerusform>
            <numerusform>%n entrées exportées dans %1.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Export the journal</source>
        <translation>Exporter le journal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>relais::ui::LineFieldEditor</name>
    <message>
        <location filename="../ui/forms/FieldEditor.cpp" line="+92"/>
        <source>DD/MM/YYYY</source>
        <translation>JJ/MM/AAAA</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>06 12 34 56 78</source>
        <translation>06 12 34 56 78</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>FR76 …</source>
        <translation>FR76 …</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>€</source>
        <translation>€</translation>
    </message>
</context>
<context>
    <name>relais::ui::LoginPage</name>
    <message>
        <location filename="../ui/login/LoginPage.cpp" line="+63"/>
        <source>&amp;Who are you?</source>
        <translation>&amp;Qui êtes-vous ?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accounts of the structure</source>
        <translation>Comptes de la structure</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe :</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Password forgotten? Use the &amp;recovery code</source>
        <translation>Mot de passe oublié ? Utiliser le code de &amp;secours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign &amp;out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+296"/>
        <source>&amp;Sign in</source>
        <translation>Se &amp;connecter</translation>
    </message>
    <message>
        <location line="-284"/>
        <source>Demonstration store: fictitious data. The demo accounts&apos; passwords are printed by scripts/demo in the terminal that started it.</source>
        <translation>Coffre de démonstration : données fictives. Les mots de passe des comptes de démonstration sont affichés par scripts/demo dans le terminal qui l&apos;a lancé.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Recovery</source>
        <translation>Secours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the recovery code printed when this computer was set up. Dashes and spaces do not matter. You will then choose a new administrator password.</source>
        <translation>Saisissez le code de secours imprimé lors de l&apos;installation de cet ordinateur. Tirets et espaces sont sans importance. Vous choisirez ensuite un nouveau mot de passe administrateur.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Recovery code</source>
        <translation>Code de secours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recovery &amp;code:</source>
        <translation>&amp;Code de secours :</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+59"/>
        <source>&amp;Continue</source>
        <translation>&amp;Continuer</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>New administrator password</source>
        <translation>Nouveau mot de passe administrateur</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Administrator account</source>
        <translation>Compte administrateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New password</source>
        <translation>Nouveau mot de passe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New password again</source>
        <translation>Nouveau mot de passe (confirmation)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Account:</source>
        <translation>&amp;Compte :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New password:</source>
        <translation>&amp;Nouveau mot de passe :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New password &amp;again:</source>
        <translation>Nouveau mot de passe (c&amp;onfirmation) :</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Save the new password</source>
        <translation>&amp;Enregistrer le nouveau mot de passe</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>New recovery code</source>
        <translation>Nouveau code de secours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The old recovery code has been used, so it no longer works. Write down this new one and keep it safe; destroy the old sheet.</source>
        <translation>L&apos;ancien code de secours a servi, il ne fonctionne donc plus. Notez ce nouveau code et gardez-le en lieu sûr ; détruisez l&apos;ancienne feuille.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Print the new recovery sheet…</source>
        <translation>&amp;Imprimer la nouvelle feuille de secours…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>I have &amp;written down the new recovery code</source>
        <translation>J&apos;ai &amp;noté le nouveau code de secours</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Sign in</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Session locked. %1, type your password to go on, or choose another account.</source>
        <translation>Session verrouillée. %1, saisissez votre mot de passe pour continuer, ou choisissez un autre compte.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Change user: choose your account and type your password.</source>
        <translation>Changer d&apos;utilisateur : choisissez votre compte et saisissez votre mot de passe.</translation>
    </message>
    <message numerus="yes">
        <location line="+57"/>
        <source>Too many failed attempts with this account. You can try again in %n second(s).</source>
        <translation>
            <numerusform>Trop de tentatives échouées avec ce compte. Vous pourrez réessayer dans %n seconde.</numerusform>
            <numerusform>Trop de tentatives échouées avec ce compte. Vous pourrez réessayer dans %n secondes.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Choose your account in the list.</source>
        <translation>Choisissez votre compte dans la liste.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Type your password.</source>
        <translation>Saisissez votre mot de passe.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The password is wrong. Check the Caps Lock key and type it again.</source>
        <translation>Le mot de passe est erroné. Vérifiez la touche Verr. Maj. et saisissez-le de nouveau.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n attempt(s) left before a wait.</source>
        <translation>
            <numerusform>Encore %n essai avant une attente.</numerusform>
            <numerusform>Encore %n essais avant une attente.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Type the recovery code.</source>
        <translation>Saisissez le code de secours.</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>New recovery code: %1</source>
        <translation>Nouveau code de secours : %1</translation>
    </message>
</context>
<context>
    <name>relais::ui::MainWindow</name>
    <message>
        <location filename="../ui/shell/MainWindow.cpp" line="+52"/>
        <source>DEMO — fictitious data, for training only. Never use it for a real citizen.</source>
        <translation>DÉMO — données fictives, pour la formation uniquement. Ne jamais l&apos;utiliser pour un véritable usager.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Relais cannot open the store</source>
        <translation>Relais ne peut pas ouvrir le coffre</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing was changed or deleted. Ask your structure&apos;s administrator: the administrator&apos;s guide explains how to restore a backup.</source>
        <translation>Rien n&apos;a été modifié ni supprimé. Adressez-vous à l&apos;administrateur de votre structure : le guide d&apos;administration explique comment restaurer une sauvegarde.</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>&amp;Text size:</source>
        <translation>&amp;Taille du texte :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Text size</source>
        <translation>Taille du texte</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hi&amp;gh contrast</source>
        <translation>Contraste é&amp;levé</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>The system keychain could not open the store: %1</source>
        <translation>Le trousseau système n&apos;a pas pu ouvrir le coffre : %1</translation>
    </message>
</context>
<context>
    <name>relais::ui::MandateDialog</name>
    <message>
        <location filename="../ui/citizens/MandateDialog.cpp" line="+22"/>
        <source>New mandate</source>
        <translation>Nouveau mandat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mandate given by %1</source>
        <translation>Mandat donné par %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The person allows the mediators of %1 to carry out démarches for them, only in the areas ticked and until the end date. They can revoke each area at any time.</source>
        <translation>La personne autorise les médiateurs de %1 à effectuer des démarches pour elle, uniquement dans les domaines cochés et jusqu&apos;à la date de fin. Elle peut révoquer chaque domaine à tout moment.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Areas covered</source>
        <translation>Domaines couverts</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Create the mandate</source>
        <translation>&amp;Créer le mandat</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Tick at least one area.</source>
        <translation>Cochez au moins un domaine.</translation>
    </message>
</context>
<context>
    <name>relais::ui::MergeDialog</name>
    <message>
        <location filename="../ui/citizens/MergeDialog.cpp" line="+24"/>
        <source>Merge with a duplicate</source>
        <translation>Fusionner avec un doublon</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Find the other file of %1</source>
        <translation>Rechercher l&apos;autre dossier de %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This file is kept. Its empty answers are filled from the other file; the démarches, consents, mandates and documents of the other file move here, and the other file is deleted.</source>
        <translation>Ce dossier est conservé. Ses réponses vides sont complétées à partir de l&apos;autre dossier ; les démarches, consentements, mandats et documents de l&apos;autre dossier sont rattachés à celui-ci, et l&apos;autre dossier est supprimé.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Find the other file</source>
        <translation>Rechercher l&apos;autre d&amp;ossier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Find the other file</source>
        <translation>Rechercher l&apos;autre dossier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name, date of birth (dd/mm/yyyy) or phone</source>
        <translation>Nom, date de naissance (jj/mm/aaaa) ou téléphone</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Files found</source>
        <translation>Dossiers trouvés</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Answer</source>
        <translation>Information</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>This file (kept)</source>
        <translation>Ce dossier (conservé)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Other file (deleted)</source>
        <translation>Autre dossier (supprimé)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Both files side by side</source>
        <translation>Les deux dossiers côte à côte</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Merge into this file</source>
        <translation>F&amp;usionner dans ce dossier</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Files found: %1</source>
        <translation>Dossiers trouvés : %1</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Birth name</source>
        <translation>Nom de naissance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Usage name</source>
        <translation>Nom d&apos;usage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Given names</source>
        <translation>Prénoms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place of birth</source>
        <translation>Lieu de naissance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Social security number</source>
        <translation>Numéro de sécurité sociale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Choose the other file in the list first.</source>
        <translation>Choisissez d&apos;abord l&apos;autre dossier dans la liste.</translation>
    </message>
</context>
<context>
    <name>relais::ui::OutboxModel</name>
    <message>
        <location filename="../ui/outbox/OutboxModel.cpp" line="+72"/>
        <source>%1 — next try at %2</source>
        <translation>%1 — prochain essai à %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sending</source>
        <translation>Envois</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Documents sent (%1)</source>
        <translation>Documents envoyés (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 % of %2</source>
        <translation>%1 % de %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+1"/>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>without a file</source>
        <translation>sans dossier</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Démarche</source>
        <translation>Démarche</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Queued on</source>
        <translation>Mise en file le</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Platform reference</source>
        <translation>Référence plateforme</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>News</source>
        <translation>Nouvelles</translation>
    </message>
</context>
<context>
    <name>relais::ui::OutboxPage</name>
    <message>
        <location filename="../ui/outbox/OutboxPage.cpp" line="-477"/>
        <source>Sending to the platform</source>
        <translation>Envois vers la plateforme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queued démarches leave on their own whenever the platform can be reached. Those refused by the platform wait here for you.</source>
        <translation>Les démarches en file partent d&apos;elles-mêmes dès que la plateforme est joignable. Celles que la plateforme a refusées vous attendent ici.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Send what waits and fetch the news, without waiting for the next automatic round</source>
        <translation>Envoyer ce qui attend et récupérer les nouvelles, sans attendre la prochaine synchronisation automatique</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>S&amp;ynchronise now</source>
        <translation>&amp;Synchroniser maintenant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sto&amp;p</source>
        <translation>&amp;Arrêter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop after the piece being sent; nothing already sent is lost</source>
        <translation>Arrêter après le morceau en cours d&apos;envoi ; rien de ce qui est déjà parti n&apos;est perdu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Progress of the synchronisation</source>
        <translation>Avancement de la synchronisation</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Démarches sent or waiting</source>
        <translation>Démarches envoyées ou en attente</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>News from the instructing service</source>
        <translation>Nouvelles du service instructeur</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Correct and resend</source>
        <translation>&amp;Corriger et renvoyer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the démarche again as a draft, correct it, then queue it again</source>
        <translation>Rouvrir la démarche en brouillon, la corriger, puis la remettre en file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Discard this démarche</source>
        <translation>A&amp;bandonner cette démarche</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print the &amp;receipt</source>
        <translation>Imprimer le &amp;récépissé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The receipt to hand to the person, with the organisation&apos;s reference</source>
        <translation>Le récépissé à remettre à la personne, avec la référence de l&apos;organisme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the receipt to a folder…</source>
        <translation>Enregistrer le récépissé dans un dossier…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the person&apos;s &amp;file</source>
        <translation>&amp;Ouvrir le dossier de la personne</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file of the person this démarche is for, in Citizens</source>
        <translation>Le dossier de la personne concernée par cette démarche, dans Usagers</translation>
    </message>
    <message>
        <location line="+209"/>
        <location line="+18"/>
        <source>Synchronising…</source>
        <translation>Synchronisation en cours…</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Synchronising… less than a minute left.</source>
        <translation>Synchronisation… moins d&apos;une minute restante.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Synchronising… about %n minute(s) left.</source>
        <translation>
            <numerusform>Synchronisation… environ %n minute restante.</numerusform>
            <numerusform>Synchronisation… environ %n minutes restantes.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Synchronisation stopped: %1 An administrator must enrol this kiosk again (Administration).</source>
        <translation>Synchronisation arrêtée : %1 Un administrateur doit enrôler de nouveau ce poste (Administration).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The platform cannot be reached. The démarches wait here safely and will leave on their own.</source>
        <translation>La plateforme est injoignable. Les démarches attendent ici en sécurité et partiront d&apos;elles-mêmes.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Synchronised at %1: %n démarche(s) delivered</source>
        <translation>
            <numerusform>Synchronisé à %1 : %n démarche transmise</numerusform>
            <numerusform>Synchronisé à %1 : %n démarches transmises</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n refused by the platform (see below)</source>
        <translation>
            <numerusform>%n refusée par la plateforme (voir ci-dessous)</numerusform>
            <numerusform>%n refusées par la plateforme (voir ci-dessous)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n still waiting</source>
        <translation>
            <numerusform>%n encore en attente</numerusform>
            <numerusform>%n encore en attente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n piece(s) of news</source>
        <translation>
            <numerusform>%n nouvelle</numerusform>
            <numerusform>%n nouvelles</numerusform>
        </translation>
    </message>
    <message>
        <location line="+82"/>
        <location line="+8"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>%1 — %2: %3</source>
        <translation>%1 — %2 : %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing has been queued yet.</source>
        <translation>Rien n&apos;a encore été mis en file.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Why the platform refused it: %1</source>
        <translation>Motif du refus par la plateforme : %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Platform reference %1, received on %2</source>
        <translation>Référence plateforme %1, reçue le %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Last try: %1</source>
        <translation>Dernier essai : %1</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>Discard this démarche?</source>
        <translation>Abandonner cette démarche ?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Its answers and documents are deleted from this kiosk and it will never be sent. The person&apos;s file stays.</source>
        <translation>Ses réponses et documents sont supprimés de ce poste et elle ne sera jamais envoyée. Le dossier de la personne reste.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Discard it</source>
        <translation>L&apos;abandonner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep it</source>
        <translation>La garder</translation>
    </message>
</context>
<context>
    <name>relais::ui::PlaceFieldEditor</name>
    <message>
        <location filename="../ui/forms/FieldEditor.cpp" line="+239"/>
        <source>Number and street</source>
        <translation>Numéro et rue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Building, floor (optional)</source>
        <translation>Bâtiment, étage (facultatif)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Postal code</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commune</source>
        <translation>Commune</translation>
    </message>
</context>
<context>
    <name>relais::ui::RadioFieldEditor</name>
    <message>
        <location line="-179"/>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No</source>
        <translation>Non</translation>
    </message>
</context>
<context>
    <name>relais::ui::RecoverySheet</name>
    <message>
        <location filename="../ui/setup/RecoverySheet.cpp" line="+22"/>
        <source>Relais — recovery code</source>
        <translation>Relais — code de secours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Structure:</source>
        <translation>Structure :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printed on %1.</source>
        <translation>Imprimé le %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This code opens every file of the structure if all administrator passwords are lost.</source>
        <translation>Ce code ouvre tous les dossiers de la structure si tous les mots de passe administrateur sont perdus.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep this sheet locked away, apart from the computer. Never photograph it or send it by e-mail.</source>
        <translation>Gardez cette feuille sous clé, loin de l&apos;ordinateur. Ne la photographiez jamais et ne l&apos;envoyez jamais par courriel.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Once the code has been used, Relais replaces it: print the new sheet and destroy this one.</source>
        <translation>Une fois le code utilisé, Relais le remplace : imprimez la nouvelle feuille et détruisez celle-ci.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Print the recovery sheet</source>
        <translation>Imprimer la feuille de secours</translation>
    </message>
</context>
<context>
    <name>relais::ui::RetentionView</name>
    <message>
        <location filename="../ui/admin/RetentionView.cpp" line="+20"/>
        <source>Retention of personal data</source>
        <translation>Conservation des données personnelles</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Files without any activity for this period are erased automatically, with their démarches and documents. Once the operator has decided, a démarche keeps only its receipt. Démarches waiting to be sent are never removed.</source>
        <translation>Les dossiers sans aucune activité pendant cette durée sont effacés automatiquement, avec leurs démarches et leurs documents. Une fois que l&apos;organisme a rendu sa décision, une démarche ne garde que son récépissé. Les démarches en attente d&apos;envoi ne sont jamais supprimées.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Erase files inactive for (&amp;months):</source>
        <translation>E&amp;ffacer les dossiers inactifs depuis (en mois) :</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Inactivity period before a file is erased, in months</source>
        <translation>Durée d&apos;inactivité avant l&apos;effacement d&apos;un dossier, en mois</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sa&amp;ve the period</source>
        <translation>Enre&amp;gistrer la durée</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>When</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What</source>
        <translation>Élément</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rule</source>
        <translation>Règle</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>What the retention rules will remove in the next %n days</source>
        <translation>
            <numerusform>Ce que les règles de conservation supprimeront d&apos;ici %n jour</numerusform>
            <numerusform>Ce que les règles de conservation supprimeront dans les %n prochains jours</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Purge what is due no&amp;w</source>
        <translation>E&amp;xécuter la purge de ce qui est dû</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Retention message</source>
        <translation>Message sur la conservation</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Due now</source>
        <translation>Maintenant</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Nothing will be removed in the next %n days.</source>
        <translation>
            <numerusform>Rien ne sera supprimé d&apos;ici %n jour.</numerusform>
            <numerusform>Rien ne sera supprimé dans les %n prochains jours.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n removals planned in the next %1 days.</source>
        <translation>
            <numerusform>%n suppression prévue dans les %1 prochains jours.</numerusform>
            <numerusform>%n suppressions prévues dans les %1 prochains jours.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due now: %1.</source>
        <translation>À traiter maintenant : %1.</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Files are now erased after %n months without activity.</source>
        <translation>
            <numerusform>Les dossiers sont désormais effacés après %n mois sans activité.</numerusform>
            <numerusform>Les dossiers sont désormais effacés après %n mois sans activité.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Purge done.</source>
        <translation>Purge effectuée.</translation>
    </message>
</context>
<context>
    <name>relais::ui::SetupPage</name>
    <message>
        <location filename="../ui/setup/SetupPage.cpp" line="+33"/>
        <source>Welcome to Relais</source>
        <translation>Bienvenue dans Relais</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This computer has no Relais store yet. In three steps you will name your structure, create the first administrator account and receive the recovery code.</source>
        <translation>Cet ordinateur n&apos;a pas encore de coffre Relais. En trois étapes, vous nommerez votre structure, créerez le premier compte administrateur et recevrez le code de secours.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Name of the structure</source>
        <translation>Nom de la structure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. France Services de Saint-Affrique</source>
        <translation>par ex. France Services de Saint-Affrique</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name of the structure:</source>
        <translation>&amp;Nom de la structure :</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Next</source>
        <translation>&amp;Suivant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next step: administrator account</source>
        <translation>Étape suivante : compte administrateur</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>First administrator</source>
        <translation>Premier administrateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The administrator manages accounts, settings and backups. Choose a password of at least 12 characters, or a passphrase of at least 6 words.</source>
        <translation>L&apos;administrateur gère les comptes, les réglages et les sauvegardes. Choisissez un mot de passe d&apos;au moins 12 caractères, ou une phrase de passe d&apos;au moins 6 mots.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Full name</source>
        <translation>Nom complet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Login</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. admin</source>
        <translation>par ex. admin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password again</source>
        <translation>Mot de passe (confirmation)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Full name:</source>
        <translation>&amp;Nom complet :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Login:</source>
        <translation>&amp;Identifiant :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password &amp;again:</source>
        <translation>Mot de passe (&amp;confirmation) :</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Back</source>
        <translation>&amp;Précédent</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+105"/>
        <source>&amp;Create the store</source>
        <translation>&amp;Créer le coffre</translation>
    </message>
    <message>
        <location line="-89"/>
        <source>Recovery code</source>
        <translation>Code de secours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>If every administrator password is lost, this code is the only way to open the structure&apos;s files. It is shown only now: write it down or print it, and keep it locked away from the computer.</source>
        <translation>Si tous les mots de passe administrateur sont perdus, ce code est le seul moyen d&apos;ouvrir les dossiers de la structure. Il n&apos;est affiché que maintenant : notez-le ou imprimez-le, et gardez-le sous clé, loin de l&apos;ordinateur.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Print the recovery sheet…</source>
        <translation>&amp;Imprimer la feuille de secours…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I have &amp;written down or printed the recovery code and will keep it safe</source>
        <translation>J&apos;ai &amp;noté ou imprimé le code de secours et je le garderai en lieu sûr</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Finish</source>
        <translation>&amp;Terminer</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Enter the name of the structure.</source>
        <translation>Saisissez le nom de la structure.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Creating the store…</source>
        <translation>Création du coffre…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Recovery code: %1</source>
        <translation>Code de secours : %1</translation>
    </message>
</context>
<context>
    <name>relais::ui::ShellPage</name>
    <message>
        <location filename="../ui/shell/ShellPage.cpp" line="+61"/>
        <source>&amp;Lock</source>
        <translation>&amp;Verrouiller</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide everything until you type your password again (Ctrl+L)</source>
        <translation>Tout masquer jusqu&apos;à ce que vous saisissiez de nouveau votre mot de passe (Ctrl+L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;hange user</source>
        <translation>C&amp;hanger d&apos;utilisateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign &amp;out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>End the accompaniment</source>
        <translation>Terminer l&apos;accompagnement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The person&apos;s name leaves every page (Ctrl+Shift+E)</source>
        <translation>Le nom de la personne disparaît de toutes les pages (Ctrl+Maj+E)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Stay signed in</source>
        <translation>&amp;Rester connecté</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Sections</source>
        <translation>Rubriques</translation>
    </message>
    <message>
        <location line="+163"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Home</source>
        <translation>Accueil</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>E</source>
        <comment>Alt+letter of the Home page in the rail</comment>
        <translation>A</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Citizens</source>
        <translation>Usagers</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Z</source>
        <comment>Alt+letter of the Citizens page in the rail</comment>
        <translation>U</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Démarches</source>
        <translation>Démarches</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>M</source>
        <comment>Alt+letter of the Démarches page in the rail</comment>
        <translation>M</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sending</source>
        <translation>Envois</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>I</source>
        <comment>Alt+letter of the Sending page in the rail</comment>
        <translation>E</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Administration</source>
        <translation>Administration</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>S</source>
        <comment>Alt+letter of the Administration page in the rail</comment>
        <translation>N</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>%1 — démarche in progress</source>
        <translation>%1 — démarche en cours</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Accompaniment without a file</source>
        <translation>Accompagnement sans dossier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accompanying %1</source>
        <translation>Accompagnement de %1</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>No activity: the session locks in %n second(s). Press any key or click “Stay signed in” to go on.</source>
        <translation>
            <numerusform>Aucune activité : la session se verrouille dans %n seconde. Appuyez sur une touche ou cliquez sur « Rester connecté » pour continuer.</numerusform>
            <numerusform>Aucune activité : la session se verrouille dans %n secondes. Appuyez sur une touche ou cliquez sur « Rester connecté » pour continuer.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>relais::ui::SyncStatusBar</name>
    <message>
        <location filename="../ui/outbox/SyncStatusBar.cpp" line="+75"/>
        <source>Sending stopped: ask an administrator</source>
        <translation>Envoi arrêté : voir un administrateur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A synchronisation is running from another program</source>
        <translation>Une synchronisation est en cours depuis un autre programme</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Platform: not checked yet</source>
        <translation>Plateforme : pas encore vérifiée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n démarche(s) waiting</source>
        <translation>
            <numerusform>%n démarche en attente</numerusform>
            <numerusform>%n démarches en attente</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Last synchronisation: %1</source>
        <translation>Dernière synchronisation : %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Never synchronised</source>
        <translation>Jamais synchronisé</translation>
    </message>
</context>
<context>
    <name>relais::ui::Ui</name>
    <message>
        <location filename="../ui/common/Ui.cpp" line="+129"/>
        <source>The two passwords are different. Type them again.</source>
        <translation>Les deux mots de passe sont différents. Saisissez-les de nouveau.</translation>
    </message>
</context>
</TS>
