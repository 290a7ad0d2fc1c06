package isolab.sim.process;

/**
 * Finds the program an executable file names (fs/binfmt_elf.c, in spirit): the userland registers
 * one at boot, so the kernel never depends on which programs exist.
 */
@FunctionalInterface
public interface BinaryLoader {

    /** The image for program id {@code id} ({@code coreutils/echo}), or null if none is installed. */
    Image load(String id);
}
