package isolab.sim.fs.dev;

import isolab.sim.fs.Caller;
import isolab.sim.fs.OpenFile;
import isolab.sim.fs.Path;

/** The driver behind a character device number: opening the node asks it for an open file. */
@FunctionalInterface
public interface DeviceDriver {

    /** Opens the device for {@code caller} with open(2) {@code flags}; may throw ENXIO and the like. */
    OpenFile open(int flags, Path path, Caller caller);
}
