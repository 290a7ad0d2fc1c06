/**
 * Reading a sandbox from outside, through the host's {@code /proc}: the files proc(5) describes
 * ({@code stat}, {@code status}, {@code cmdline}, {@code mountinfo}, {@code ns/*}) parsed into
 * records, and {@link isolab.real.proc.SandboxProbe}, which turns them into a
 * {@link isolab.api.HostView} with the PIDs the sandbox's own PID namespace gives them.
 *
 * <p>Not in {@code /proc}: a namespace's owning user namespace and the parent of a PID or user
 * namespace, which the C launcher's probe asks the kernel for ({@link isolab.real.proc.NamespaceLinks});
 * without a compiled launcher a parent is derived (the namespace of the parent of the namespace's
 * first process) and owners are 0, unknown. Nesting levels count from the machine's PID namespace
 * and the host's user namespace, both level 0.
 */
package isolab.real.proc;
