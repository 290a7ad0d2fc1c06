package isolab.sim.cgroup.pids;

/**
 * The pids controller's state of one cgroup (kernel/cgroup/pids.c: struct pids_cgroup), all but
 * the counter, which {@link PidsController} counts from the tasks: the limit
 * ({@link PidsController#PIDS_MAX} for "max"), the watermark pids.peak shows, and the event
 * counters. {@code eventsMax} is hierarchical (events[PIDCG_MAX]: this cgroup's limit or a
 * descendant's was hit), {@code eventsLocalMax} counts this cgroup's own limit only
 * (events_local[PIDCG_MAX]), {@code eventsLocalForkFail} the forks refused to this cgroup's tasks
 * by any limit (events_local[PIDCG_FORKFAIL]).
 */
final class PidsCgroup {

    long limit = PidsController.PIDS_MAX;
    long watermark;
    long eventsMax;
    long eventsLocalMax;
    long eventsLocalForkFail;

    /** pids_update_watermark: the peak only rises. */
    void updateWatermark(long nrPids) {
        if (nrPids > watermark) {
            watermark = nrPids;
        }
    }
}
