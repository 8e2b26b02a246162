#ifndef MOODLINE_CZEROMQ_SHIM_H
#define MOODLINE_CZEROMQ_SHIM_H
#include <zmq.h>

// libzmq's own error numbers are macros built from ZMQ_HAUSNUMERO arithmetic (and only
// defined when the platform lacks them), which Swift does not always import: expose them
// as functions so Swift sees the same values libzmq was built with.
static inline int moodline_zmq_eterm(void) { return ETERM; }
static inline int moodline_zmq_efsm(void) { return EFSM; }
static inline int moodline_zmq_emthread(void) { return EMTHREAD; }
static inline int moodline_zmq_enocompatproto(void) { return ENOCOMPATPROTO; }

#endif
