#pragma once

#include <QByteArray>
#include <QDate>

namespace relais::platform {

// One catalogue document merging the kiosk's bundled démarches (embedded at build time), published at first start
// when no --catalogue is given: {"format":"relais-catalogue","version":<max>,"published":<today>,"demarches":[…]}.
QByteArray defaultCatalogue(const QDate &today);

} // namespace relais::platform
