#ifndef MOODLINE_CZEROMQ_SHIM_H
#define MOODLINE_CZEROMQ_SHIM_H
#include <zmq.h>
#endif
