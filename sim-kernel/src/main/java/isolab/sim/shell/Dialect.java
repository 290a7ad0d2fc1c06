package isolab.sim.shell;

/**
 * The two shells of a Debian machine: bash (the terminal's shell) and dash ({@code /bin/sh}).
 * They parse the same POSIX grammar but differ in extensions, builtins, error texts and in when
 * they exec a command instead of forking it.
 */
public enum Dialect {
    BASH,
    DASH;

    /** Whether bash's extensions are on. */
    public boolean bash() {
        return this == BASH;
    }
}
