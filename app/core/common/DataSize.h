#pragma once

#include <QCoreApplication>
#include <QString>

namespace relais {

// How a size is written for people, everywhere Relais shows one (files, limits, uploads, exports): in kilobytes
// (rounded up, so a small file is never "0 KB"), megabytes or gigabytes, in the interface's language ("632 Ko",
// "1,4 Mo"); never in bytes, which mediators and citizens do not read.
class DataSize
{
    Q_DECLARE_TR_FUNCTIONS(relais::DataSize)

public:
    static QString format(qint64 bytes);
};

} // namespace relais
