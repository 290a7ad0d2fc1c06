package isolab.sim.cgroup.pids;

import isolab.api.CgroupEvent;
import isolab.sim.cgroup.Cftype;
import isolab.sim.cgroup.Cgroup;
import isolab.sim.cgroup.Cgroups;
import isolab.sim.cgroup.Controller;
import isolab.sim.cgroup.Hierarchy;
import isolab.sim.cgroup.Kstrtox;
import isolab.sim.cgroup.Subsys;
import isolab.sim.kernel.Kernel;
import isolab.sim.process.Task;
import isolab.sim.process.TaskState;
import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pids controller (kernel/cgroup/pids.c): a fork is refused with EAGAIN when one more task
 * would take any cgroup from the forker's up past its {@code pids.max}; moving tasks is never
 * refused, so a cgroup may hold more than its limit. A task counts from the fork that charged it
 * until it is reaped (pids_release runs at release_task): a zombie still counts.
 */
public final class PidsController implements Controller {

    /** PIDS_MAX = PID_MAX_LIMIT + 1: "max", and one more than any limit that can be written. */
    public static final long PIDS_MAX = 4 * 1024 * 1024 + 1;

    /** The ceiling of the sandbox's own cgroup, the v1 machine's root (docs/MACHINE.md: Limits). */
    public static final long SANDBOX_PIDS_MAX = 512;

    /**
     * Tasks outside the machine charged to the sandbox's cgroup: the real sandbox's launcher,
     * which forked the machine's init and stays in the cgroup, unseen (measured: a fresh
     * machine's root shows pids.current 4 for init, bash and cat).
     */
    static final int SANDBOX_LAUNCHER_TASKS = 1;

    private final Map<Cgroup, PidsCgroup> state = new LinkedHashMap<>();

    /** The state of {@code css}, made on first use (pids_css_alloc: no limit; the sandbox's root: its ceiling). */
    PidsCgroup of(Cgroup css) {
        return state.computeIfAbsent(css, c -> {
            PidsCgroup p = new PidsCgroup();
            if (c.isRoot() && c.hierarchy().delegated()) {
                p.limit = SANDBOX_PIDS_MAX;
            }
            return p;
        });
    }

    /** Whether {@code css} is charged at all: the host's root is not (parent_pids is null there). */
    private static boolean charged(Cgroup css) {
        return !css.isRoot() || css.hierarchy().delegated();
    }

    /**
     * pids.current of {@code css}: the tasks not yet reaped whose pids cgroup is {@code css} or
     * below it, plus the sandbox's launcher at the machine's root. Counted, not stored, so it
     * cannot drift from the tasks.
     */
    public long current(Kernel kernel, Cgroup css) {
        Subsys ss = subsys(css.hierarchy());
        long n = css.isRoot() && css.hierarchy().delegated() ? SANDBOX_LAUNCHER_TASKS : 0;
        for (Task t : kernel.pids().all()) {
            if (t.state() != TaskState.DEAD && css.isAncestorOf(Cgroups.css(t.cgroups().in(css.hierarchy()), ss))) {
                n++;
            }
        }
        return n;
    }

    /**
     * pids_can_fork -> pids_try_charge: from {@code css} up, each charged cgroup takes one more;
     * the first whose count would pass its limit refuses (EAGAIN), after the ones below it have
     * raised their watermark with the charge (pids.c: "not technically accurate ... tolerable").
     */
    @Override
    public void canFork(Task parent, Cgroup css) {
        Kernel kernel = parent.kernel();
        for (Cgroup p = css; p != null && charged(p); p = p.parent()) {
            long next = current(kernel, p) + 1;
            if (next > of(p).limit) {
                event(css, p);
                kernel.emit(new CgroupEvent.ForkRefused(parent.pid(), css.hierarchy().procName(), css.path(), p.path(),
                        of(p).limit));
                throw new SysException(Errno.EAGAIN);
            }
            of(p).updateWatermark(next);
        }
    }

    /**
     * pids_event: the refused fork counts in the forking cgroup's local FORKFAIL counter, which is
     * what v1's pids.events shows; on v2 the cgroup whose limit was hit counts it locally, and it
     * and every ancestor count it in pids.events.
     */
    private void event(Cgroup forking, Cgroup overLimit) {
        of(forking).eventsLocalForkFail++;
        if (!forking.hierarchy().isDefault()) {
            return;
        }
        of(overLimit).eventsLocalMax++;
        for (Cgroup p = overLimit; p != null && charged(p); p = p.parent()) {
            of(p).eventsMax++;
        }
    }

    /**
     * pids_can_attach: the destination is charged (whatever its limit) before the source is
     * uncharged, so the cgroups both lie under see one task more for a moment, and their
     * watermark may rise with it.
     */
    @Override
    public void attach(Task task, Cgroup from, Cgroup to) {
        if (from == to) {
            return;
        }
        Kernel kernel = task.kernel();
        for (Cgroup p = to; p != null && charged(p); p = p.parent()) {
            of(p).updateWatermark(current(kernel, p) + 1);
        }
    }

    /** The tasks that move to the new state are charged to it (pids_charge), and its peak rises with them. */
    @Override
    public void online(Kernel kernel, Cgroup css) {
        of(css).updateWatermark(current(kernel, css));
    }

    /** pids.peak of {@code css}. */
    public long peak(Cgroup css) {
        return of(css).watermark;
    }

    /** pids.max of {@code css}; {@link #PIDS_MAX} for none. */
    public long limit(Cgroup css) {
        return of(css).limit;
    }

    @Override
    public List<Cftype> files(Kernel kernel, Hierarchy hierarchy) {
        Cftype max = new Cftype("pids.max", 0644, Cftype.Where.NOT_ON_ROOT, (c, r) -> showMax(c),
                (c, w, text) -> writeMax(c, text));
        Cftype current = new Cftype("pids.current", 0444, Cftype.Where.NOT_ON_ROOT,
                (c, r) -> current(kernel, c) + "\n", null);
        Cftype peak = new Cftype("pids.peak", 0444, Cftype.Where.NOT_ON_ROOT, (c, r) -> peak(c) + "\n", null);
        if (!hierarchy.isDefault()) {
            // pids_files_legacy: pids.events is the local FORKFAIL count.
            Cftype events = new Cftype("pids.events", 0444, Cftype.Where.NOT_ON_ROOT,
                    (c, r) -> "max " + of(c).eventsLocalForkFail + "\n", null);
            return List.of(max, current, peak, events);
        }
        Cftype events = new Cftype("pids.events", 0444, Cftype.Where.NOT_ON_ROOT,
                (c, r) -> "max " + of(c).eventsMax + "\n", null);
        Cftype eventsLocal = new Cftype("pids.events.local", 0444, Cftype.Where.NOT_ON_ROOT,
                (c, r) -> "max " + of(c).eventsLocalMax + "\n", null);
        return List.of(max, current, peak, events, eventsLocal);
    }

    /** pids_max_show. */
    private String showMax(Cgroup css) {
        long limit = of(css).limit;
        return (limit >= PIDS_MAX ? "max" : Long.toString(limit)) + "\n";
    }

    /**
     * pids_max_write: {@code max}, or a number (kstrtoll, base 0) from 0 to PID_MAX_LIMIT;
     * EINVAL for anything else, ERANGE for a number past 64 bits. A lower limit than the count
     * is taken: it refuses forks only.
     */
    private void writeMax(Cgroup css, String text) {
        String s = text.strip();
        long limit;
        if (s.equals("max")) {
            limit = PIDS_MAX;
        } else {
            limit = Kstrtox.kstrtoll(s);
            if (limit < 0 || limit >= PIDS_MAX) {
                throw new SysException(Errno.EINVAL);
            }
        }
        of(css).limit = limit;
    }

    private static Subsys subsys(Hierarchy hierarchy) {
        for (Subsys ss : hierarchy.subsystems()) {
            if (ss.controller() instanceof PidsController) {
                return ss;
            }
        }
        throw new IllegalStateException("no pids controller in hierarchy " + hierarchy);
    }
}
