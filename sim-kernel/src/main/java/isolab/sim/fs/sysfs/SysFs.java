package isolab.sim.fs.sysfs;

import isolab.sim.fs.Caller;
import isolab.sim.fs.Directory;
import isolab.sim.fs.Inode;
import isolab.sim.fs.RenderedFile;
import isolab.sim.fs.SuperBlock;
import isolab.sim.fs.Symlink;
import isolab.sim.fs.Tmpfs;
import isolab.sim.namespace.NetNamespace;
import isolab.sim.net.NetDevice;
import isolab.sim.net.NetStack;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * sysfs (fs/sysfs/), reduced to what the labs read: {@code /sys/fs/cgroup} and
 * {@code /sys/kernel} as mount points, and the network devices. A sysfs instance shows the
 * devices of the network namespace of whoever mounted it (fs/sysfs/mount.c: sysfs_get_tree
 * takes the mounter's net namespace as the kobject namespace tag), so {@code /sys/class/net}
 * keeps listing that namespace's devices whoever reads it, until sysfs is mounted again in
 * another namespace (which is what {@code ip netns exec} does).
 */
public final class SysFs {

    /** ARPHRD_ETHER and ARPHRD_LOOPBACK (include/uapi/linux/if_arp.h). */
    private static final int ARPHRD_ETHER = 1, ARPHRD_LOOPBACK = 772;

    private SysFs() {
    }

    /** mount(2) of type sysfs: an instance for the caller's network namespace (its fs_context's get_tree). */
    public static SuperBlock getTree(isolab.sim.fs.mount.FileSystems.Request r) {
        return create((NetNamespace) r.task().nsproxy().net(), r.source(), r.kernel().nextAnonDevice());
    }

    /** A new sysfs instance tagged with {@code net}. */
    public static SuperBlock create(NetNamespace net, String source, String device) {
        SuperBlock sb = Tmpfs.create("sysfs", source, device, "rw", 0555);
        sb.setOwner(net);
        Directory root = sb.root();
        Tmpfs.mkdirs(root, "fs/cgroup", 0755);
        Tmpfs.mkdirs(root, "kernel", 0755);
        Directory virtual = Tmpfs.mkdirs(root, "devices/virtual", 0755);
        virtual.link("net", new DeviceDirs(sb, virtual, net.stack()));
        Directory clazz = Tmpfs.mkdirs(root, "class", 0755);
        clazz.link("net", new ClassNet(sb, clazz, net.stack()));
        return sb;
    }

    /** A directory whose entries are made from the model at every lookup. */
    private abstract static class Dynamic extends Directory {
        Dynamic(SuperBlock sb, long ino, Directory parent, String name) {
            super(sb, ino, 0755, parent);
            setName(name);
        }

        abstract Map<String, Inode> made();

        @Override
        public Inode lookup(String name, Caller caller) {
            return made().get(name);
        }

        @Override
        public List<String> names(Caller caller) {
            return new ArrayList<>(made().keySet());
        }

        @Override
        public boolean writable() {
            return false;
        }
    }

    /** /sys/class/net: a link per device to its directory under devices/virtual/net. */
    private static final class ClassNet extends Dynamic {
        private final NetStack stack;

        ClassNet(SuperBlock sb, Directory parent, NetStack stack) {
            super(sb, 900, parent, "net");
            this.stack = stack;
        }

        @Override
        Map<String, Inode> made() {
            Map<String, Inode> e = new LinkedHashMap<>();
            for (NetDevice d : sorted(stack)) {
                e.put(d.name(), new Symlink(sb(), 1000L + d.ifindex(), "../../devices/virtual/net/" + d.name()));
            }
            return e;
        }
    }

    /** /sys/devices/virtual/net: a directory per device. */
    private static final class DeviceDirs extends Dynamic {
        private final NetStack stack;

        DeviceDirs(SuperBlock sb, Directory parent, NetStack stack) {
            super(sb, 901, parent, "net");
            this.stack = stack;
        }

        @Override
        Map<String, Inode> made() {
            Map<String, Inode> e = new LinkedHashMap<>();
            Directory self = this;
            for (NetDevice d : sorted(stack)) {
                e.put(d.name(), new DeviceDir(sb(), self, d));
            }
            return e;
        }
    }

    /** /sys/class/net/DEV: the device's attributes (net/core/net-sysfs.c). */
    private static final class DeviceDir extends Dynamic {
        private final NetDevice dev;

        DeviceDir(SuperBlock sb, Directory parent, NetDevice dev) {
            super(sb, 2000L + dev.ifindex() * 32L, parent, dev.name());
            this.dev = dev;
        }

        @Override
        Map<String, Inode> made() {
            Map<String, Inode> e = new LinkedHashMap<>();
            e.put("address", attr(1, c -> dev.macText()));
            e.put("broadcast", attr(2, c -> dev.kind() == NetDevice.Kind.LOOPBACK ? "00:00:00:00:00:00" : "ff:ff:ff:ff:ff:ff"));
            e.put("flags", attr(3, c -> String.format("0x%x", dev.flags() & 0xffff & ~(NetDevice.IFF_RUNNING))));
            e.put("ifindex", attr(4, c -> String.valueOf(dev.ifindex())));
            e.put("iflink", attr(5, c -> String.valueOf(dev.peer() != null ? dev.peer().ifindex() : dev.ifindex())));
            e.put("mtu", attr(6, c -> String.valueOf(dev.mtu())));
            e.put("operstate", attr(7, c -> dev.operstate().toLowerCase(java.util.Locale.ROOT)));
            e.put("tx_queue_len", attr(8, c -> "1000"));
            e.put("type", attr(9, c -> String.valueOf(dev.kind() == NetDevice.Kind.LOOPBACK ? ARPHRD_LOOPBACK : ARPHRD_ETHER)));
            return e;
        }

        private RenderedFile attr(long n, Function<Caller, String> value) {
            return new RenderedFile(sb(), ino() * 16 + n, 0444, c -> value.apply(c) + "\n", null);
        }
    }

    private static List<NetDevice> sorted(NetStack stack) {
        List<NetDevice> devices = stack.devices();
        devices.sort((a, b) -> a.name().compareTo(b.name()));
        return devices;
    }
}
