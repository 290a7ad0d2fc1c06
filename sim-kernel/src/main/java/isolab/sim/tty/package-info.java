/**
 * Pseudo-terminals (drivers/tty/pty.c, n_tty.c canonical mode): the terminal's input (lines typed
 * by the driver), its screen (everything written to it), its foreground process group and
 * session. A read returns one line; a background process reading its controlling terminal gets
 * SIGTTIN. Simplifies: no echo, no line editing, no SIGTTOU (tostop is off on Linux by default),
 * Ctrl-C only from the driver on timeout, no Ctrl-Z.
 */
package isolab.sim.tty;
