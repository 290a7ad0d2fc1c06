/**
 * Starting a sandbox without unshare or setns in the JVM: a launcher process builds the machine
 * and its PID 1, and the JVM talks to it.
 *
 * <p>{@link isolab.real.launch.HelperSandbox}: the C launcher {@code isolab-launcher.c}, shipped as
 * a resource and compiled with gcc on first use into a cache keyed by the source's hash
 * ({@link isolab.real.launch.HelperBinary}). Its init opens ptys of the sandbox's devpts on request,
 * starts programs on them as session leaders (the first terminal's in init's own session, init
 * holding that pty as its controlling terminal), relays their bytes in {@link isolab.real.launch.Frame}s
 * over its stdin and stdout, reaps every child, and reports a program's end once its last output
 * is out. The same binary, run as {@code isolab-launcher --ns-info FILE...}, is the probe that reads
 * namespaces' owners and parents with ioctl_ns(2).
 *
 * <p>{@link isolab.real.launch.UtilLinuxSandbox}: the same machine from {@code sh}, {@code unshare},
 * {@code mount}, {@code pivot_root}, {@code nsenter} and {@code script}, where no C compiler exists;
 * its differences (PIDs, PID 1's command line and terminal) are listed there.
 *
 * <p>Both hand a terminal's program to the JVM as a {@link isolab.real.launch.Pty}: bytes typed
 * in, bytes displayed out, then how it ended.
 */
package isolab.real.launch;
