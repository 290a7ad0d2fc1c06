/**
 * The transcript differ: the same lab and seed on two hosts (the simulator and a real Linux host),
 * compared command by command, so every place the model is not faithful shows up.
 *
 * <p>Commands pair up by position. A pair agrees when the command lines are the same, both or
 * neither timed out, the outputs — ANSI escapes and trailing blanks dropped, then normalised —
 * are equal line for line, and the exit statuses are equal.
 *
 * <p>Normalisers remove exactly what legitimately differs between two faithful hosts, and
 * rename values consistently per transcript ({@code <ns#1>}, {@code <ns#2>}, ...), so "the same
 * namespace again" and "a new namespace" still have to agree:
 * <ul>
 *   <li><b>namespace inodes</b>: {@code type:[N]} links and bare numbers from 4026531830 to
 *       2^32-1 (lsns);</li>
 *   <li><b>mount ids and device numbers</b>: the first three fields of mountinfo lines and
 *       {@code stat}'s {@code Device:};</li>
 *   <li><b>timestamps</b>: ISO dates, date(1), {@code ls -l} dates, clock times (ps START/TIME);</li>
 *   <li><b>PIDs outside the lab's namespaces</b>: the lab's namespaces are the PID namespaces its
 *       commands create; outside them is the machine's own (level 0), whose numbers count every
 *       process either host ever forked. On {@code NSpid:}/{@code NStgid:}/{@code NSpgid:}/
 *       {@code NSsid:} lines with two or more entries the first (outermost) is renamed; every
 *       other PID is compared exactly, since both hosts present the same machine;</li>
 *   <li><b>the kernel release</b>: {@code uname -r}, {@code uname -a}, {@code /proc/version};</li>
 *   <li><b>byte counts within a stated tolerance</b>: a transcript block's {@code tolerance=N}
 *       (absolute) or {@code tolerance=N%} (relative to the larger) lets numbers in its commands'
 *       outputs differ that much when the text around them is equal. Without it numbers are
 *       exact.</li>
 * </ul>
 */
package isolab.labs.diff;
