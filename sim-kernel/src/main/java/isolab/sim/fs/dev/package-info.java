/**
 * Character devices (fs/char_dev.c, drivers/char/mem.c): a table of drivers by major and minor
 * number, and the memory devices null, zero, full, random and urandom (seeded). Terminals
 * register as 136:N; /dev/tty (5:0) is the caller's controlling terminal.
 */
package isolab.sim.fs.dev;
