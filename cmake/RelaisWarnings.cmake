# Warnings every Relais target is built with; RELAIS_WERROR (the ci preset) makes them errors.
add_library(relais-warnings INTERFACE)
target_compile_options(relais-warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                                 -Wold-style-cast -Woverloaded-virtual -Wformat=2)
if(RELAIS_WERROR)
    target_compile_options(relais-warnings INTERFACE -Werror)
endif()
target_compile_definitions(relais-warnings INTERFACE QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII
                                                     QT_NO_URL_CAST_FROM_STRING QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
                                                     QT_USE_QSTRINGBUILDER)
