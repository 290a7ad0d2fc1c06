/**
 * The namespace contract: what a machine shows for processes and each of the eight namespaces,
 * one abstract class per area, written against Linux first (issue 3).
 *
 * <p>Every expectation here was observed on Linux, in a real sandbox ({@code LinuxHost}) building
 * the machine of docs/MACHINE.md, before any simulator was asked to agree; real-runtime runs every
 * class ({@code isolab.real.contract.Linux*Test}), and the simulator adds its own subclasses as it
 * catches up. The surprising facts met on the way are in docs/LINUX-FACTS.md.
 *
 * <p>How the tests read, and why:
 * <ul>
 *   <li>Each test is a few command lines on the {@code main} terminal (and on {@code other} where a
 *       second point of view is the point), each with the exact screen and exit status Linux showed,
 *       as text blocks ({@link isolab.api.contract.MachineContract#expect}). A line ending in
 *       {@code (re)} is a regular expression, used only for what legitimately varies between runs
 *       of Linux: namespace inodes and mount ids (global to the host), MAC addresses, IPC keys,
 *       times, and PID 1's scheduling state.</li>
 *   <li>PIDs are exact: they are PIDs in the machine's own namespace, which starts fresh for every
 *       test. So a test never forks where it does not mean to: waiting for a background program
 *       is a loop of shell builtins ({@link isolab.api.contract.MachineContract#untilRunning}),
 *       since a program started with {@code &} may not have exec'd yet when the next line runs.</li>
 *   <li>Nothing depends on a race Linux itself has. bash's job notices after {@code wait} are one
 *       (see LINUX-FACTS.md), so notices are asserted after a foreground command instead; lsns
 *       orders new namespaces by recycled inodes, so its rows are sorted by PID first.</li>
 *   <li>Error paths assert the messages and statuses of the real programs (bash, dash,
 *       util-linux, procps, iproute2, iputils, net-tools, hostname): a host that does not model
 *       something says so its own way, which this package cannot know, so it asserts nothing
 *       about "not modelled".</li>
 * </ul>
 */
package isolab.api.contract;
