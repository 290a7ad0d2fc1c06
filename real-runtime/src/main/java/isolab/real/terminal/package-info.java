/**
 * Terminals of a real sandbox, driven like a person at a keyboard and read back exactly.
 *
 * <p>A terminal's stream of bytes is cut into commands by the prompt protocol
 * ({@link isolab.real.terminal.PromptProtocol}; the whole protocol is described in
 * {@code isolab.real}'s package documentation): {@link isolab.real.terminal.PromptScanner} finds the
 * tokens as bytes arrive, {@link isolab.real.terminal.CommandOutput} removes the echo and the
 * prompts, and {@link isolab.real.terminal.Screen} renders what is left as a person sees it.
 * {@link isolab.real.terminal.LinuxTerminal} types, waits, interrupts a command that runs out of
 * time (Ctrl-C, then SIGKILL of the foreground group, then hangup) and starts a fresh bash after the
 * terminal's own one ended.
 */
package isolab.real.terminal;
