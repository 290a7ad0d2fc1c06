package isolab.sim.cgroup;

import isolab.sim.fs.Directory;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * One cgroup (kernel/cgroup/cgroup.c: struct cgroup): a node of one hierarchy, named like the
 * directory that shows it, with its children by name. Which tasks are in it is not stored here but
 * in the tasks' {@link CssSet}s, as in Linux, so that a task is in exactly one cgroup per
 * hierarchy by construction. A removed cgroup is dead: it keeps its name and parent for the paths
 * of whatever still refers to it, and has no children.
 */
public final class Cgroup {

    private final Hierarchy hierarchy;
    private final Cgroup parent;
    private final String name;
    private final long id;
    private final int ownerUid;
    private final int ownerGid;
    private final TreeMap<String, Cgroup> children = new TreeMap<>();
    private boolean dead;
    private boolean cloneChildren;
    private boolean notifyOnRelease;
    private final java.util.TreeSet<String> subtreeControl = new java.util.TreeSet<>();
    private Directory kn;

    Cgroup(Hierarchy hierarchy, Cgroup parent, String name, long id, int ownerUid, int ownerGid) {
        this.hierarchy = hierarchy;
        this.parent = parent;
        this.name = name;
        this.id = id;
        this.ownerUid = ownerUid;
        this.ownerGid = ownerGid;
    }

    /** The hierarchy this cgroup is in. */
    public Hierarchy hierarchy() {
        return hierarchy;
    }

    /** The parent cgroup; null for the hierarchy's root. */
    public Cgroup parent() {
        return parent;
    }

    /** Whether this is its hierarchy's root. */
    public boolean isRoot() {
        return parent == null;
    }

    /** The directory name; {@code /} for a root. */
    public String name() {
        return name;
    }

    /** The cgroup's id, unique in its hierarchy (the kernfs node's inode number). */
    public long id() {
        return id;
    }

    /** The kernel uid that made it (kernfs_create_dir with current_fsuid): its directory's owner. */
    public int ownerUid() {
        return ownerUid;
    }

    /** The kernel gid that made it. */
    public int ownerGid() {
        return ownerGid;
    }

    /** The live children, by name. */
    public List<Cgroup> children() {
        return new ArrayList<>(children.values());
    }

    /** The live child called {@code childName}, or null. */
    public Cgroup child(String childName) {
        return children.get(childName);
    }

    /** Whether the cgroup was removed (cgroup_is_dead). */
    public boolean isDead() {
        return dead;
    }

    /** Depth below the root (cgroup->level): 0 for a root. */
    public int level() {
        return parent == null ? 0 : parent.level() + 1;
    }

    /** Whether {@code other} is this cgroup or lies below it (cgroup_is_descendant). */
    public boolean isAncestorOf(Cgroup other) {
        for (Cgroup c = other; c != null; c = c.parent) {
            if (c == this) {
                return true;
            }
        }
        return false;
    }

    /** The path from the hierarchy's root, {@code /} for the root itself. */
    public String path() {
        return Cgroups.pathFrom(hierarchy.root(), this);
    }

    /** The directory that shows this cgroup in cgroupfs (cgroup->kn), once the filesystem made it. */
    public Directory kn() {
        return kn;
    }

    /** Records the directory cgroupfs made for this cgroup; done once. */
    public void setKn(Directory directory) {
        if (kn != null) {
            throw new IllegalStateException("cgroup " + path() + " already has a directory");
        }
        kn = directory;
    }

    /** v1 cgroup.clone_children (CGRP_CPUSET_CLONE_CHILDREN): only cpuset acts on it. */
    public boolean cloneChildren() {
        return cloneChildren;
    }

    public void setCloneChildren(boolean on) {
        cloneChildren = on;
    }

    /** v1 notify_on_release: recorded; running the release agent is not modelled. */
    public boolean notifyOnRelease() {
        return notifyOnRelease;
    }

    public void setNotifyOnRelease(boolean on) {
        notifyOnRelease = on;
    }

    /** v2 cgroup.subtree_control: the controllers enabled for the children (v2 names). */
    public java.util.SortedSet<String> subtreeControl() {
        return java.util.Collections.unmodifiableSortedSet(subtreeControl);
    }

    void enable(String controller) {
        subtreeControl.add(controller);
    }

    void disable(String controller) {
        subtreeControl.remove(controller);
    }

    void addChild(Cgroup child) {
        // cgroup-v1.c / cgroup.c: cgroup_create: a child inherits both flags from its parent.
        child.cloneChildren = cloneChildren;
        child.notifyOnRelease = notifyOnRelease;
        children.put(child.name, child);
    }

    void kill() {
        dead = true;
        parent.children.remove(name);
    }

    @Override
    public String toString() {
        return hierarchy.procName() + ":" + path();
    }
}
