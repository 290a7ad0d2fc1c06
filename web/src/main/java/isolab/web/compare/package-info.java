/**
 * Side by side: a student's attempt replayed on the simulator and on a real Linux host.
 *
 * <p>The compare page ({@code /labs/{lab}/compare}) replays the student's own live log — the
 * actions they took, in order, with their seed — on a fresh simulated machine and on a fresh real
 * sandbox ({@code Hosts.of(REAL)}, the only place a host is chosen), compares the two transcripts
 * with labs' {@code TranscriptDiffer} and shows them command by command with the differ's verdict,
 * then both machines' pictures at the end. The page lists what the differ normalises.
 *
 * <p>A real sandbox is a scarce resource of the host: {@link isolab.web.compare.RealHost} is off
 * unless {@code serve --real-host} turns it on and a probe sandbox starts, and says why when off.
 * {@link isolab.web.compare.ReplayQueue} runs at most {@code --real-host-slots} replays at once with
 * a bounded line behind them, each within a time limit; every host a replay opens is closed when
 * it ends, fails or runs out of time ({@link isolab.web.compare.OpenHosts}), whoever still waits
 * for it. The button's request waits a little, then the page reloads itself until the replay is
 * stored.
 *
 * <p>Every result is stored (grading's {@code real_replay} tables, migration V2) under the
 * digest of the log it replayed ({@link isolab.web.compare.LogDigest}), and shown again without
 * re-running until the student's log changes.
 */
package isolab.web.compare;
