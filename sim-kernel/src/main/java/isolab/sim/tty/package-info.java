/**
 * Pseudo-terminals (drivers/tty/pty.c, n_tty.c canonical mode): the terminal's input (lines typed
 * by the driver), its screen (everything written to it), its foreground process group and
 * session. A read returns one line. Simplifies: no echo, no line editing, no job-control
 * signals from the terminal (SIGTTIN/SIGTTOU), Ctrl-C only from the driver on timeout.
 */
package isolab.sim.tty;
