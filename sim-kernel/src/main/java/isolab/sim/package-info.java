/**
 * The simulated Linux machine: {@link isolab.sim.SimulatedHost} boots it from a
 * {@link isolab.api.MachineConfig} and implements {@link isolab.api.Host}.
 *
 * <p>Execution model: every simulated process is a Java thread ({@link isolab.sim.sched.Fiber})
 * that runs only while it holds the baton of the machine's {@link isolab.sim.sched.Scheduler};
 * exactly one runs at a time. Blocking system calls (wait, a read of an empty pipe or of the
 * terminal, sleep) park the thread and pass the baton on; when nothing can run, the virtual
 * clock jumps to the next timer. A command line is typed into the terminal's pseudo-terminal and
 * the machine runs until whatever reads that terminal waits for its next line.
 *
 * <p>Invariants: the run is a pure function of (seed, command log); between two commands no
 * thread holds the baton; {@link isolab.sim.check.Invariants} hold after every command.
 *
 * <p>Simplifies: one CPU, no preemption inside a system call, no threads inside a process.
 */
package isolab.sim;
