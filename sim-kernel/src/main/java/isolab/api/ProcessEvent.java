package isolab.api;

import java.util.List;

/** Events of the process lifecycle: fork, exec, exit, wait, reparenting, signals. */
public sealed interface ProcessEvent extends Event {

    /** {@code parent} created {@code pid} by fork or clone; {@code nsPids} as in NSpid. */
    record Forked(int pid, int parent, String comm, List<Integer> nsPids) implements ProcessEvent {
        public Forked {
            nsPids = List.copyOf(nsPids);
        }

        @Override
        public String summary() {
            return "process " + parent + " forked " + pid + " (NSpid " + nsPids + ")";
        }
    }

    /** {@code pid} replaced its program image with {@code argv}. */
    record Execed(int pid, String comm, List<String> argv) implements ProcessEvent {
        public Execed {
            argv = List.copyOf(argv);
        }

        @Override
        public String summary() {
            return "process " + pid + " exec'd " + String.join(" ", argv);
        }
    }

    /** {@code pid} exited with {@code code}, or was killed by {@code signal} (0 if it exited). */
    record Exited(int pid, int code, int signal) implements ProcessEvent {
        @Override
        public String summary() {
            return signal == 0
                    ? "process " + pid + " exited with status " + code
                    : "process " + pid + " was killed by signal " + signal;
        }
    }

    /** {@code parent} reaped its zombie child {@code pid} with wait. */
    record Reaped(int pid, int parent) implements ProcessEvent {
        @Override
        public String summary() {
            return "process " + parent + " reaped " + pid;
        }
    }

    /** {@code pid} was orphaned and handed to {@code newParent} (an init or a subreaper). */
    record Reparented(int pid, int oldParent, int newParent) implements ProcessEvent {
        @Override
        public String summary() {
            return "process " + pid + " was orphaned by " + oldParent + " and reparented to " + newParent;
        }
    }

    /** {@code sender} sent {@code signal} to {@code pid}; {@code delivered} false if it was ignored. */
    record Signalled(int pid, int sender, int signal, boolean delivered) implements ProcessEvent {
        @Override
        public String summary() {
            return "process " + sender + " sent signal " + signal + " to " + pid + (delivered ? "" : " (ignored)");
        }
    }
}
