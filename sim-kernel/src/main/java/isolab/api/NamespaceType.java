package isolab.api;

/**
 * The eight kinds of Linux namespace, in the order {@code lsns} and {@code /proc/PID/ns} list them,
 * with their {@code CLONE_NEW*} flags (include/uapi/linux/sched.h).
 */
public enum NamespaceType {
    CGROUP("cgroup", 0x02000000),
    IPC("ipc", 0x08000000),
    MNT("mnt", 0x00020000),
    NET("net", 0x40000000),
    PID("pid", 0x20000000),
    TIME("time", 0x00000080),
    USER("user", 0x10000000),
    UTS("uts", 0x04000000);

    private final String procName;
    private final int cloneFlag;

    NamespaceType(String procName, int cloneFlag) {
        this.procName = procName;
        this.cloneFlag = cloneFlag;
    }

    /** The name under {@code /proc/PID/ns/} and in {@code lsns}'s TYPE column. */
    public String procName() {
        return procName;
    }

    /** The {@code CLONE_NEW*} flag that creates a namespace of this kind. */
    public int cloneFlag() {
        return cloneFlag;
    }

    /** The kind named {@code procName} ({@code "pid"}, {@code "mnt"}, ...). */
    public static NamespaceType fromProcName(String procName) {
        for (NamespaceType type : values()) {
            if (type.procName.equals(procName)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown namespace type '" + procName + "'");
    }
}
