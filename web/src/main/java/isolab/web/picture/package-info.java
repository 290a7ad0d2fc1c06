/**
 * Pictures of a machine, drawn as SVG on the server from an {@link isolab.api.HostView}: what a
 * student looks at beside the terminal to see why a command printed what it did.
 *
 * <p>Four pictures, each a pure function of the view ({@link isolab.web.picture.Pictures} draws
 * them together), and a plot over time:
 * <ul>
 *   <li>{@link isolab.web.picture.ProcessTreeSvg}: the process tree, one box per process under its
 *       parent, filled with the colour of its PID namespace and labelled with its {@code NSpid},
 *       each PID in the colour of the namespace it counts in. {@link isolab.web.picture.ProcessTreeLayout}
 *       places the boxes: a tidy tree, packed, with a parent's leaves stacked when it would
 *       otherwise be too wide for the panel.</li>
 *   <li>{@link isolab.web.picture.NamespaceMatrixSvg}: the slides' table of what a container
 *       shares, one row per process and one column per namespace kind, and a sentence per group
 *       of processes: "shares ipc, net with the host; own uts 2".</li>
 *   <li>{@link isolab.web.picture.MountTreeSvg}: the mount tree of every mount namespace, as
 *       {@code findmnt} lists it, each compared with init's by {@link isolab.web.picture.MountTree}
 *       so that a mount made inside {@code unshare --mount} stands out.</li>
 *   <li>{@link isolab.web.picture.MemcgSvg}: the memory cgroup tree ({@link isolab.web.picture.MemcgTree}),
 *       each cgroup's usage as a bar that ends at its limit (or, without one, at the limit that
 *       binds it), filled with its own pages on each of the four LRU lists, its children's
 *       charge and whatever else usage counts; max usage, failcnt, oom_kill and under_oom beside
 *       it. Drawn only when a machine has more than a bare root memory cgroup.</li>
 *   <li>{@link isolab.web.picture.MemcgPlotSvg}: each charged memory cgroup's usage, max usage,
 *       rss and cache over a session's actions, from {@link isolab.web.picture.MemcgSample}s the
 *       player records as it applies them.</li>
 * </ul>
 *
 * <p>Sizes are printed in binary units as Linux tools print them ({@link isolab.web.picture.Bytes}:
 * {@code 512 KiB}, {@code 59.5 MiB}).
 *
 * <p>One naming and one colouring of namespaces run through the first three ({@link isolab.web.picture.NamespaceNumbers},
 * {@link isolab.web.picture.Palette}): a namespace is called by its kind and a small number,
 * {@code uts 2}, never by its ten-digit inode (which stays in the tooltip); number 1 is init's,
 * the host's, drawn plain; every other number has one colour everywhere, so {@code pid 2} is the
 * same orange in the matrix's pid column, the process tree's boxes and its legend, and
 * {@code mnt 2} the orange of the second mount tree.
 *
 * <p>Invariants:
 * <ul>
 *   <li>Deterministic: the same view gives byte-for-byte the same SVG (no hash-ordered iteration,
 *       no clock), so a replayed session draws exactly what the student saw, and tests compare
 *       pictures.</li>
 *   <li>Safe: every text and attribute is XML-escaped, characters XML forbids become U+FFFD;
 *       colours are presentation attributes, never {@code style}, so the page's
 *       Content-Security-Policy needs no inline styles.</li>
 *   <li>Accessible: the document has {@code role="img"}, an {@code aria-label} and a
 *       {@code <title>}; every process, cell and mount has a {@code <title>} tooltip with the
 *       full facts (argv and NSpid, {@code uts:[4026532446]}, the mountinfo line).</li>
 *   <li>Sized for the player's picture panel (about 700 pixels at a 1400-pixel window): text is
 *       monospace, so widths are computed ({@link isolab.web.picture.Svg#CHAR_WIDTH_EM}) and long
 *       names clipped with an ellipsis; a picture wider than its panel is scaled down by the
 *       browser (the SVG has a viewBox), never scrolled.</li>
 *   <li>Robust: odd views draw without failing: no processes, no mounts, a process or mount whose
 *       parent is missing (a root), parent cycles, duplicate ids, null fields, and inode 0 (a real
 *       host that could not read a link, drawn {@code uts ?}).</li>
 * </ul>
 */
package isolab.web.picture;
