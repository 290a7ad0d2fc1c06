package isolab.sim.kernel;

import isolab.api.CgroupVersion;
import isolab.sim.fs.Directory;
import isolab.sim.fs.Inode;
import isolab.sim.fs.Mount;
import isolab.sim.fs.Path;
import isolab.sim.fs.SealedDirectory;
import isolab.sim.fs.SuperBlock;
import isolab.sim.fs.Tmpfs;
import isolab.sim.fs.proc.DevptsDirectory;
import isolab.sim.fs.proc.ProcFs;
import isolab.sim.namespace.MntNamespace;

/**
 * The mount table of docs/MACHINE.md, in its order: the root filesystem, /proc, /dev and its
 * submounts, /sys with the cgroup mounts, /tmp and /root. Mount ids count from 21, anonymous
 * devices from 0:21.
 */
final class MachineMounts {

    /** The v1 hierarchies, one per controller, in mount order. */
    static final String[] V1_CONTROLLERS = {"cpu", "cpuacct", "cpuset", "memory", "devices", "freezer", "blkio", "pids"};

    private MachineMounts() {
    }

    /** Mounts everything in {@code mnt} and returns the root path. */
    static Path mountAll(Kernel kernel, MntNamespace mnt, CgroupVersion cgroup) {
        SuperBlock rootSb = RootFs.build(kernel.nextAnonDevice());
        Mount root = new Mount(kernel.nextMountId(), rootSb, rootSb.root(), null, null, "rw,relatime");
        mnt.mounts().add(root);
        mnt.mounts().setRootfsId(root.id() - 1); // the sandbox's root sits on the rootfs it pivoted from
        Directory top = rootSb.root();

        SuperBlock proc = ProcFs.create(kernel, kernel.initialPidNamespace(), kernel.nextAnonDevice());
        Mount procMount = mountOn(kernel, mnt, root, top, "proc", proc, "rw,nosuid,nodev,noexec,relatime");

        SuperBlock dev = Tmpfs.create("tmpfs", "tmpfs", kernel.nextAnonDevice(), "rw,size=65536k,mode=755", 0755);
        DevTree.populate(dev.root());
        Mount devMount = mountOn(kernel, mnt, root, top, "dev", dev, "rw,nosuid");

        SuperBlock devpts = new SuperBlock("devpts", "devpts", kernel.nextAnonDevice(), "rw,gid=5,mode=620,ptmxmode=666", 1);
        devpts.setRoot(new DevptsDirectory(kernel, devpts));
        mountOn(kernel, mnt, devMount, dev.root(), "pts", devpts, "rw,nosuid,noexec,relatime");

        SuperBlock mqueue = Tmpfs.create("mqueue", "mqueue", kernel.nextAnonDevice(), "rw", 01777);
        mountOn(kernel, mnt, devMount, dev.root(), "mqueue", mqueue, "rw,nosuid,nodev,noexec,relatime");

        // sysfs shows the devices of the network namespace that mounted it: the machine's here.
        isolab.sim.fs.mount.FileSystems.register("sysfs", true, isolab.sim.fs.sysfs.SysFs::getTree);
        SuperBlock sys = isolab.sim.fs.sysfs.SysFs.create(
                (isolab.sim.namespace.NetNamespace) kernel.initialNsProxy().net(), "sysfs", kernel.nextAnonDevice());
        Directory sysFs = (Directory) ((Directory) sys.root().lookup("fs", null)).lookup("cgroup", null);
        Mount sysMount = mountOn(kernel, mnt, root, top, "sys", sys, "rw,nosuid,nodev,noexec,relatime");
        if (cgroup == CgroupVersion.V1) {
            SuperBlock cgroupTmpfs = Tmpfs.create("tmpfs", "tmpfs", kernel.nextAnonDevice(), "rw,mode=755", 0755);
            Mount cgroupMount = mountOn(kernel, mnt, sysMount, sysFs, null, cgroupTmpfs, "rw,nosuid,nodev,noexec,relatime");
            for (String controller : V1_CONTROLLERS) {
                Tmpfs.mkdirs(cgroupTmpfs.root(), controller, 0555);
                SuperBlock hierarchy = sealed("cgroup", "cgroup", kernel.nextAnonDevice(), "rw," + controller);
                mountOn(kernel, mnt, cgroupMount, cgroupTmpfs.root(), controller, hierarchy, "rw,nosuid,nodev,noexec,relatime");
            }
        } else {
            SuperBlock unified = sealed("cgroup2", "cgroup2", kernel.nextAnonDevice(), "rw");
            mountOn(kernel, mnt, sysMount, sysFs, null, unified, "rw,nosuid,nodev,noexec,relatime");
        }

        SuperBlock tmp = Tmpfs.create("tmpfs", "tmpfs", kernel.nextAnonDevice(), "rw", 01777);
        mountOn(kernel, mnt, root, top, "tmp", tmp, "rw,nosuid,nodev");
        SuperBlock home = Tmpfs.create("tmpfs", "tmpfs", kernel.nextAnonDevice(), "rw,mode=700", 0700);
        mountOn(kernel, mnt, root, top, "root", home, "rw,relatime");
        return new Path(root, top);
    }

    private static SuperBlock sealed(String type, String source, String device, String options) {
        SuperBlock sb = new SuperBlock(type, source, device, options, 1);
        sb.setRoot(new SealedDirectory(sb, sb.allocateIno(), 0555, null));
        return sb;
    }

    /** Mounts {@code sb} on {@code dir/name} of {@code parent} ({@code name} null: on {@code dir} itself). */
    private static Mount mountOn(Kernel kernel, MntNamespace mnt, Mount parent, Directory dir, String name,
            SuperBlock sb, String options) {
        Directory mountpoint = dir;
        if (name != null) {
            Inode found = dir.lookup(name, null);
            mountpoint = found instanceof Directory d ? d : Tmpfs.mkdirs(dir, name, 0755);
        }
        Mount m = new Mount(kernel.nextMountId(), sb, sb.root(), parent, mountpoint, options);
        mnt.mounts().add(m);
        return m;
    }
}
