# The viewer's end-to-end tests in headless Chromium (tools/viewer/tests/run_e2e.sh).
# They skip (exit 77) without node, Chromium or tools/viewer/node_modules; registered in
# Release builds only (the sanitizer stages of CI run the same suite and gain nothing
# from a browser), or with -DEIISIM_VIEWER_TESTS=ON.
if(CMAKE_BUILD_TYPE STREQUAL "Release")
  set(viewer_tests_default ON)
else()
  set(viewer_tests_default OFF)
endif()
option(EIISIM_VIEWER_TESTS "Register the viewer's browser tests" ${viewer_tests_default})
option(EIISIM_VIEWER_LARGE_TEST "Also time opening a 10,000-run sweep in the browser (minutes)" OFF)
if(EIISIM_VIEWER_TESTS)
  set(viewer_e2e ${CMAKE_SOURCE_DIR}/tools/viewer/tests/run_e2e.sh)
  add_test(NAME viewer.e2e COMMAND sh ${viewer_e2e} $<TARGET_FILE:eiisim> ${CMAKE_SOURCE_DIR})
  set_tests_properties(viewer.e2e PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 600 RESOURCE_LOCK viewer_dist
    ENVIRONMENT "VIEWER_SHOTS=${CMAKE_BINARY_DIR}/viewer-screenshots")
  if(EIISIM_VIEWER_LARGE_TEST)
    add_test(NAME viewer.e2e_large COMMAND sh ${viewer_e2e} $<TARGET_FILE:eiisim> ${CMAKE_SOURCE_DIR} large)
    set_tests_properties(viewer.e2e_large PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 1800 RESOURCE_LOCK viewer_dist)
  endif()
endif()
