/**
 * GNU grep 3.8, with POSIX basic and extended regular expressions translated to java.util.regex.
 */
package isolab.sim.userland.grep;
