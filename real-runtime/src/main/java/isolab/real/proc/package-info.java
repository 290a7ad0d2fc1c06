/**
 * Reading a sandbox from outside, through the host's {@code /proc}: the files proc(5) describes
 * ({@code stat}, {@code status}, {@code cmdline}, {@code mountinfo}, {@code ns/*}) parsed into
 * records, and {@link isolab.real.proc.SandboxProbe}, which turns them into a
 * {@link isolab.api.HostView} with the PIDs the sandbox's own PID namespace gives them.
 *
 * <p>Derived, not read: the parent of a nested PID or user namespace (the namespace of the parent
 * of its first process) and nesting levels counted from the machine's; owning user namespaces are
 * reported as 0, unknown.
 */
package isolab.real.proc;
