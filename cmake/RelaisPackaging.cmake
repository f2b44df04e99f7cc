# Debian package: `cpack --config build/release/CPackConfig.cmake -G DEB` after building the release preset.
# Included at the very end of the root CMakeLists.txt, once every install() rule exists.

set(CPACK_PACKAGE_NAME relais)
set(CPACK_PACKAGE_VENDOR "Relais contributors")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
# TODO: the project's real contact address (example.org is a placeholder; Debian requires an address here).
set(CPACK_PACKAGE_CONTACT "Relais maintainers <relais@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "offline-first kiosk for France Services mediation")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_PACKAGE_NAME relais)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Debian's long description: one summary line, then lines starting with a space (" ." is an empty line).
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "offline-first kiosk for France Services mediation
 Relais lets a mediator complete online procedures with a citizen on an
 encrypted local store, and delivers the queued submissions to the central
 platform exactly once whenever a network is available.
 .
 Poste de médiation France Services : démarches en ligne avec l'usager sur un
 stockage chiffré, envoi à la plateforme dès que le réseau revient.")

# Shared libraries the executables link to (Qt, SQLCipher, libsodium, QtKeychain...) come from dpkg-shlibdeps
# (package dpkg-dev). Depends adds what is only loaded at run time, so no linker can see it:
#   qt6-qpa-plugins        the xcb/wayland platform plugins: without them no window opens at all
#   libsecret-1-0          dlopen()ed by QtKeychain for the Secret Service; without it the keychain slot silently fails
#   qt6-translations-l10n  qtbase_fr.qm, Qt's own buttons and dialogs in French (French is the default UI)
#   fonts-dejavu-core      a font with full French and symbol coverage on a minimal install
#   shared-mime-info       the MIME database that tells a scanned PDF or JPEG from a renamed file
# gnome-keyring is only Recommended: the OS-keychain key slot is optional (staff PCs), any Secret Service provider
# (KWallet, KeePassXC) can serve it, and a kiosk account without it still opens the store with passwords.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, libsecret-1-0, qt6-translations-l10n, fonts-dejavu-core, shared-mime-info")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring")

set(CPACK_GENERATOR DEB)

include(CPack)
