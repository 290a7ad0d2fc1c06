package isolab.web.picture;

import isolab.api.HostView;
import isolab.api.MountView;
import isolab.api.NamespaceType;
import isolab.api.NamespaceView;
import isolab.api.ProcessView;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Short names for the namespaces of a view, {@code uts 2}, so pictures need not print ten-digit
 * inodes: a namespace is named by its kind and its number among the namespaces of that kind.
 * Number 1 is always init's (the machine's own, PID 1's); the others are numbered 2, 3, ... in
 * order of appearance: processes in the view's order, then namespaces no process is in (listed
 * in the view, or holding mounts). An inode of 0 (a real host could not read the link) has no
 * number and is named {@code uts ?}.
 */
final class NamespaceNumbers {

    private final ProcessView init;
    private final Map<NamespaceType, Map<Long, Integer>> numbers = new EnumMap<>(NamespaceType.class);

    private NamespaceNumbers(HostView view) {
        this.init = initOf(view.processes()).orElse(null);
        for (NamespaceType type : NamespaceType.values()) {
            Map<Long, Integer> ofType = new LinkedHashMap<>();
            if (init != null && init.namespaces().inode(type) != 0) {
                ofType.put(init.namespaces().inode(type), 1);
            }
            numbers.put(type, ofType);
        }
        for (ProcessView process : view.processes()) {
            for (NamespaceType type : NamespaceType.values()) {
                add(type, process.namespaces().inode(type));
            }
        }
        for (NamespaceView namespace : view.namespaces()) {
            add(namespace.type(), namespace.inode());
        }
        for (MountView mount : view.mounts()) {
            add(NamespaceType.MNT, mount.mntNamespace());
        }
    }

    /** The numbers of {@code view}'s namespaces. */
    static NamespaceNumbers of(HostView view) {
        return new NamespaceNumbers(view);
    }

    /** The machine's init: PID 1 if the view has it, else the process listed first; empty without processes. */
    static Optional<ProcessView> initOf(List<ProcessView> processes) {
        for (ProcessView process : processes) {
            if (process.pid() == 1) {
                return Optional.of(process);
            }
        }
        return processes.isEmpty() ? Optional.empty() : Optional.of(processes.get(0));
    }

    /** Numbers {@code inode} if it is new: after init's 1 come 2, 3, ...; with no init the first is 1. */
    private void add(NamespaceType type, long inode) {
        Map<Long, Integer> ofType = numbers.get(type);
        if (inode != 0 && !ofType.containsKey(inode)) {
            int previous = ofType.values().stream().mapToInt(Integer::intValue).max().orElse(init == null ? 0 : 1);
            ofType.put(inode, previous + 1);
        }
    }

    /** The machine's init, if the view has processes. */
    Optional<ProcessView> init() {
        return Optional.ofNullable(init);
    }

    /** The number of the {@code type} namespace {@code inode}; 0 for inode 0 or one the view does not have. */
    int number(NamespaceType type, long inode) {
        return numbers.get(type).getOrDefault(inode, 0);
    }

    /** Whether {@code inode} is init's {@code type} namespace, the one the machine started with. */
    boolean isInits(NamespaceType type, long inode) {
        return init != null && inode != 0 && init.namespaces().inode(type) == inode;
    }

    /** The compact name, {@code uts 2}; {@code uts ?} where the inode could not be read. */
    String name(NamespaceType type, long inode) {
        int number = number(type, inode);
        return type.procName() + " " + (number == 0 ? "?" : Integer.toString(number));
    }

    /** The name {@code /proc/PID/ns} gives it, {@code uts:[4026532446]}. */
    static String procLink(NamespaceType type, long inode) {
        return type.procName() + ":[" + inode + "]";
    }

    /** The colour it is drawn in everywhere: plain for init's, its number's colour otherwise. */
    Palette colour(NamespaceType type, long inode) {
        return isInits(type, inode) ? Palette.PLAIN : Palette.ofNumber(number(type, inode));
    }

    /** The namespaces of {@code type}, by number. */
    List<Long> inodes(NamespaceType type) {
        return new ArrayList<>(numbers.get(type).keySet());
    }
}
