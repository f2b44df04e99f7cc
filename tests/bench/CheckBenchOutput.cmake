# cmake -DBENCH=<relais-bench> -DARGS=<a,b,...> -DFIGURES=<name,name,...> -P CheckBenchOutput.cmake
# Runs one suite and checks that every expected figure is printed as `name number`. Values are never
# judged here: speed is read by people from the ratios, not asserted (DESIGN, tests).
string(REPLACE "," ";" args "${ARGS}")
string(REPLACE "," ";" figures "${FIGURES}")
execute_process(COMMAND ${BENCH} ${args} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "relais-bench ${ARGS} exited with ${rc}\n${err}")
endif()
foreach(figure IN LISTS figures)
    if(NOT out MATCHES "(^|\n)${figure} -?[0-9]+(\\.[0-9]+)?\n")
        message(FATAL_ERROR "figure '${figure}' missing or not numeric in:\n${out}")
    endif()
endforeach()
message(STATUS "all figures printed:\n${out}")
