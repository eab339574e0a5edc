/* worker.h */
#ifndef SPP_WORKER_H
#define SPP_WORKER_H

#include "config.h"
/* Runs one worker process of `pool` on the already-listening socket fd until it must
 * exit (max_requests reached, or graceful stop requested with SIGUSR1 / SIGTERM). Never
 * returns to the caller's loop: returns the process exit status. sb_self/sb_board are set
 * by the master before calling. */
int worker_main(const config *cfg, enum pool_id pool, int listen_fd);

#endif
