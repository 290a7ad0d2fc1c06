/**
 * Pictures of a machine, drawn as SVG on the server from an {@link isolab.api.HostView}.
 *
 * <p>Every picture is a pure function of the view: the same view gives byte-for-byte the same
 * SVG (no hash-ordered iteration, no clock), so a replayed session draws exactly what the student
 * saw, and tests can compare pictures. Text is XML-escaped; colours are presentation attributes,
 * never {@code style}, so the page's Content-Security-Policy needs no inline styles.
 *
 * <p>{@link isolab.web.picture.NamespaceMatrixSvg} draws which namespace of each kind every process
 * is in, like the course slides' table of what a container shares with the host.
 *
 * <p>{@link isolab.web.picture.ProcessTreeSvg} draws the process tree: one box per process, under
 * its parent, filled with the colour of the PID namespace it lives in, and labelled with its PID
 * in every PID namespace it is visible in ({@code NSpid}), each PID in the colour of its
 * namespace, outermost first.
 */
package isolab.web.picture;
