package isolab.sim.fs.dev;

import isolab.sim.determinism.SplitMix64;
import isolab.sim.fs.IoContext;
import isolab.sim.fs.OpenFile;
import isolab.sim.fs.Path;
import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;

/**
 * The memory devices of major 1 (drivers/char/mem.c): null, zero, full, and random/urandom
 * (drivers/char/random.c), whose bytes here come from the machine's seeded generator.
 */
public final class MemoryDevices {

    private MemoryDevices() {
    }

    /** Registers /dev/null (1:3), /dev/zero (1:5), /dev/full (1:7), /dev/random (1:8), /dev/urandom (1:9). */
    public static void register(DeviceTable table, SplitMix64 random) {
        table.register(1, 3, (flags, path, caller) -> new Null(flags, path));
        table.register(1, 5, (flags, path, caller) -> new Zero(flags, path, false));
        table.register(1, 7, (flags, path, caller) -> new Zero(flags, path, true));
        table.register(1, 8, (flags, path, caller) -> new Random(flags, path, random));
        table.register(1, 9, (flags, path, caller) -> new Random(flags, path, random));
    }

    private static final class Null extends OpenFile {
        Null(int flags, Path path) {
            super(flags, path);
        }

        @Override
        public int read(IoContext io, byte[] buffer, int at, int length) {
            return 0;
        }

        @Override
        public int write(IoContext io, byte[] buffer, int at, int length) {
            return length;
        }
    }

    private static final class Zero extends OpenFile {
        private final boolean full;

        Zero(int flags, Path path, boolean full) {
            super(flags, path);
            this.full = full;
        }

        @Override
        public int read(IoContext io, byte[] buffer, int at, int length) {
            java.util.Arrays.fill(buffer, at, at + length, (byte) 0);
            return length;
        }

        @Override
        public int write(IoContext io, byte[] buffer, int at, int length) {
            if (full) {
                throw new SysException(Errno.ENOSPC);
            }
            return length;
        }
    }

    private static final class Random extends OpenFile {
        private final SplitMix64 random;

        Random(int flags, Path path, SplitMix64 random) {
            super(flags, path);
            this.random = random;
        }

        @Override
        public int read(IoContext io, byte[] buffer, int at, int length) {
            for (int i = 0; i < length; i++) {
                buffer[at + i] = (byte) random.nextInt(256);
            }
            return length;
        }

        @Override
        public int write(IoContext io, byte[] buffer, int at, int length) {
            return length;
        }
    }
}
