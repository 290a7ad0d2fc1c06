/**
 * The self-test of a lab: {@code lab test FILE --seeds K} sweeps seeds 0 to K-1 on the
 * simulator. For each seed, on fresh machines: with the solutions every expectation holds (so
 * every check passes); without them every check fails; every prediction gets a key. A lab that
 * passes can be given to students with any seed.
 */
package isolab.labs.selftest;
