package isolab.sim.fs.dev;

import isolab.sim.fs.CharDevice;
import isolab.sim.fs.Caller;
import isolab.sim.fs.OpenFile;
import isolab.sim.fs.Path;
import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;
import java.util.TreeMap;

/** The registered character device drivers, by major and minor number (fs/char_dev.c). */
public final class DeviceTable {

    private final TreeMap<Long, DeviceDriver> drivers = new TreeMap<>();

    private static long key(int major, int minor) {
        return ((long) major << 32) | (minor & 0xffffffffL);
    }

    /** Registers {@code driver} for {@code major:minor}. */
    public void register(int major, int minor, DeviceDriver driver) {
        drivers.put(key(major, minor), driver);
    }

    /** Opens the device node at {@code path}; ENXIO if no driver serves its number. */
    public OpenFile open(CharDevice node, int flags, Path path, Caller caller) {
        DeviceDriver driver = drivers.get(key(node.major(), node.minor()));
        if (driver == null) {
            throw new SysException(Errno.ENXIO);
        }
        return driver.open(flags, path, caller);
    }
}
