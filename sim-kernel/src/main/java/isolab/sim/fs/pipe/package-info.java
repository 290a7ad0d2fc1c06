/**
 * Pipes (fs/pipe.c): a 64 KiB buffer; readers sleep while it is empty and a writer exists,
 * writers sleep while it is full; the last writer gone means end of file, the last reader gone
 * means SIGPIPE and EPIPE.
 */
package isolab.sim.fs.pipe;
