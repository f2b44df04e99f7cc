# relais_add_tests(LABEL <label> LIBS <targets...>): one Qt Test executable per Test*.cpp in the
# calling folder, named after it (TestNirValidator.cpp -> TestNirValidator), registered with CTest.
function(relais_add_tests)
    cmake_parse_arguments(ARG "" "LABEL;TIMEOUT" "LIBS" ${ARGN})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 300)
    endif()
    # Under the sanitizers (the asan preset) everything runs two to three times slower.
    if(CMAKE_CXX_FLAGS MATCHES "-fsanitize=")
        math(EXPR ARG_TIMEOUT "${ARG_TIMEOUT} * 3")
    endif()
    file(GLOB test_sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/Test*.cpp)
    foreach(source ${test_sources})
        get_filename_component(name ${source} NAME_WE)
        add_executable(${name} ${source})
        target_link_libraries(${name} PRIVATE ${ARG_LIBS} relais-test-support Qt6::Test relais-warnings)
        add_test(NAME ${name} COMMAND ${name})
        set_tests_properties(${name} PROPERTIES LABELS ${ARG_LABEL} TIMEOUT ${ARG_TIMEOUT}
            ENVIRONMENT "QT_QPA_PLATFORM=offscreen;RELAIS_SOURCE_DIR=${PROJECT_SOURCE_DIR};RELAIS_BINARY_DIR=${PROJECT_BINARY_DIR}")
    endforeach()
endfunction()
