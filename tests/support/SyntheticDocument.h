#pragma once

#include <QByteArray>
#include <QImage>

namespace relais::test {

// A phone photo of a printed one-page French form (an address certificate), as a phone takes it: 3024 × 4032 pixels
// (12 MP, portrait), the page a little off-white with uneven light, sensor noise, JPEG quality 92 — about 3 to 4 MB,
// like the photos mediators attach. Everything in it is synthetic (no real person). Needs a QGuiApplication (fonts).
// `seed` changes the noise and the figures written on the form, so that two photos never have the same bytes.
QImage documentPhotoImage(quint32 seed);
QByteArray documentPhotoJpeg(quint32 seed, int quality = 92);

} // namespace relais::test
