// The module is header-only (an inline function); SwiftPM wants one source file in a C target.
#include "CMoodlinePrefetch.h"
