/* keep_loaded.so: dlclose that keeps the library loaded, LD_PRELOADed into the studio window's
 * processes by the AddressSanitizer build's e2e.gui_* tests (tests/CMakeLists.txt; any thread).
 *
 * Why: LeakSanitizer looks for pointers to live memory at exit, in the globals of the libraries
 * still loaded. glfwTerminate unloads libGL, and with it Mesa's driver (swrast_dri.so under
 * Xvfb), whose globals still point at a few blocks it allocated: LeakSanitizer then reports them
 * (240 bytes in 3 allocations, every frame an "<unknown module>"), a known limitation of the
 * sanitizers with dlclose (google/sanitizers issues 89 and 899; the usual remedy is this one).
 * Kept loaded, the driver's globals are scanned and nothing is reported, while a leak through
 * our own code (which loads no library) is still found. Never part of the app. */
int dlclose(void* handle) {
    (void)handle;
    return 0;
}
