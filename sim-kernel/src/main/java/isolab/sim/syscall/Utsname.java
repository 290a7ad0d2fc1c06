package isolab.sim.syscall;

/** What uname(2) returns (include/uapi/linux/utsname.h: struct new_utsname). */
public record Utsname(String sysname, String nodename, String release, String version, String machine,
        String domainname) {
}
