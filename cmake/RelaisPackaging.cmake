# Debian packages: `cpack --config build/release/CPackConfig.cmake -G DEB` after building the release preset gives
#   relais_<version>_<arch>.deb           the kiosk, relais-admin, desktop entry, kiosk session, man pages
#   relais-platform_<version>_<arch>.deb  the reference platform, its systemd unit, an nginx site example
# one per install component (installer/CMakeLists.txt). tests/lint/package-deb.sh builds both, runs lintian on them
# and runs the programs from a throw-away root. Included at the very end of the root CMakeLists.txt, once every
# install() rule exists.

set(CPACK_PACKAGE_NAME relais)
set(CPACK_PACKAGE_VENDOR "Relais developers")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "${RELAIS_PACKAGE_MAINTAINER}")
# CPack 3.25 puts CPACK_PACKAGE_DESCRIPTION_SUMMARY before every component's description unless it is CPack's own
# default text: with that default, each package's summary is the first line of its CPACK_DEBIAN_<C>_DESCRIPTION.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${CMAKE_PROJECT_NAME} built using CMake")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)

set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL relais platform)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1) # the "-1" of installer/CMakeLists.txt's RELAIS_DEB_VERSION
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${RELAIS_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Control files 0644, maintainer scripts 0755, as dpkg and lintian expect (whatever the builder's umask).
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# Shared libraries the executables link to (Qt, SQLCipher, libsodium, QtKeychain...) come from dpkg-shlibdeps
# (package dpkg-dev), for each package; the lists below add what is only loaded or run at run time.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)

# relais. Depends also has what no linker can see:
#   qt6-qpa-plugins        the xcb platform plugin: without it no window opens on X11
#   qt6-wayland            the wayland platform plugin: the kiosk session runs under a Wayland compositor
#   cage, xwayland         the kiosk session's compositor (relais-kiosk-session), which will not start without
#                          Xwayland
#   dbus                   dbus-run-session, the session bus the kiosk session gives QtKeychain
#   libsecret-1-0          dlopen()ed by QtKeychain for the Secret Service; without it the keychain slot silently fails
#   qt6-translations-l10n  qtbase_fr.qm, Qt's own buttons and dialogs in French (French is the default UI)
#   fonts-dejavu-core      a font with full French and symbol coverage on a minimal install
#   shared-mime-info       the MIME database that tells a scanned PDF or JPEG from a renamed file
# gnome-keyring is only Recommended: the OS-keychain key slot is optional (staff PCs), any Secret Service provider
# (KWallet, KeePassXC) can serve it, and a kiosk account without it still opens the store with passwords.
set(CPACK_DEBIAN_RELAIS_PACKAGE_NAME relais)
set(CPACK_DEBIAN_RELAIS_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_RELAIS_PACKAGE_DEPENDS
    "qt6-qpa-plugins, qt6-wayland, cage, xwayland, dbus, libsecret-1-0, qt6-translations-l10n, fonts-dejavu-core, shared-mime-info")
set(CPACK_DEBIAN_RELAIS_PACKAGE_RECOMMENDS "gnome-keyring")
# Debian's description: the summary line, then the long text; CPack indents each line and turns an empty one into " .".
set(CPACK_DEBIAN_RELAIS_DESCRIPTION
    "offline-first kiosk for France Services mediation
Relais lets a mediator complete online procedures with a citizen on an
encrypted local store, and delivers the queued submissions to the central
platform exactly once whenever a network is available.

This package contains the kiosk (relais), its administration command
(relais-admin) and a kiosk session for a dedicated account, run by the cage
Wayland compositor.

Poste de médiation France Services : démarches en ligne avec l'usager sur un
stockage chiffré, envoi à la plateforme dès que le réseau revient.")

# relais-platform: Qt's QSQLITE driver is a plugin, loaded at run time.
set(CPACK_DEBIAN_PLATFORM_PACKAGE_NAME relais-platform)
set(CPACK_DEBIAN_PLATFORM_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PLATFORM_PACKAGE_DEPENDS "libqt6sql6-sqlite")
set(CPACK_DEBIAN_PLATFORM_PACKAGE_SUGGESTS "nginx")
set(CPACK_DEBIAN_PLATFORM_DESCRIPTION
    "reference central platform for Relais mediation kiosks
The platform receives the submissions of the Relais kiosks exactly once,
publishes the catalogue of online procedures and signs the receipts that
anchor each kiosk's security journal.

This package contains the program (relais-platform), a hardened systemd
unit that runs it under its own dynamic user, and an example nginx site
that ends TLS in front of it.")

# Full RELRO and immediate binding (lintian's hardening-no-bindnow): only a link of the three programs, no rebuild.
# No RUNPATH in the installed programs (qt_standard_project_setup() adds $ORIGIN/../lib): they use system libraries
# only, and Debian looks for none elsewhere.
foreach(_program relais relais-admin relais-platform)
    target_link_options(${_program} PRIVATE LINKER:-z,relro LINKER:-z,now)
    set_target_properties(${_program} PROPERTIES INSTALL_RPATH "")
endforeach()

set(CPACK_GENERATOR DEB)

include(CPack)
