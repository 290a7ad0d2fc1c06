package isolab.sim.fs.proc;

import isolab.sim.fs.Caller;
import isolab.sim.fs.CharDevice;
import isolab.sim.fs.Directory;
import isolab.sim.fs.Inode;
import isolab.sim.fs.SuperBlock;
import isolab.sim.kernel.Kernel;
import isolab.sim.tty.Tty;
import java.util.ArrayList;
import java.util.List;

/**
 * The root of devpts (fs/devpts/inode.c): {@code ptmx} and one node {@code N} per pseudo-terminal,
 * character device 136:N, group tty, mode 620.
 */
public final class DevptsDirectory extends Directory {

    private final Kernel kernel;

    public DevptsDirectory(Kernel kernel, SuperBlock sb) {
        super(sb, sb.allocateIno(), 0755, null);
        this.kernel = kernel;
    }

    @Override
    public Inode lookup(String name, Caller caller) {
        if (name.equals("ptmx")) {
            return new CharDevice(sb(), 2, 0666, 5, 2);
        }
        for (Tty tty : kernel.ttys()) {
            if (String.valueOf(tty.index()).equals(name)) {
                CharDevice node = new CharDevice(sb(), 3 + tty.index(), 0620, 136, tty.index());
                node.chown(0, 5);
                node.setNlink(1);
                return node;
            }
        }
        return null;
    }

    @Override
    public List<String> names(Caller caller) {
        List<String> names = new ArrayList<>();
        for (Tty tty : kernel.ttys()) {
            names.add(String.valueOf(tty.index()));
        }
        names.add("ptmx");
        return names;
    }

    @Override
    public boolean writable() {
        return false;
    }
}
