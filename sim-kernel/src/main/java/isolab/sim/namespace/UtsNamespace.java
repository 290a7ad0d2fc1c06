package isolab.sim.namespace;

import isolab.api.NamespaceType;

/**
 * A UTS namespace: the hostname and NIS domain name uname(2) reports (kernel/utsname.c). A new
 * one starts as a copy of its creator's (copy_utsname).
 */
public final class UtsNamespace extends Namespace {

    /** __NEW_UTS_LEN: the longest hostname sethostname(2) accepts. */
    public static final int NEW_UTS_LEN = 64;

    private String nodename;
    private String domainname;

    public UtsNamespace(long inode, UserNamespace owner, String nodename, String domainname) {
        super(NamespaceType.UTS, inode, owner);
        this.nodename = nodename;
        this.domainname = domainname;
    }

    /** The hostname ({@code uname -n}). */
    public String nodename() {
        return nodename;
    }

    /** The NIS domain name; {@code (none)} by default. */
    public String domainname() {
        return domainname;
    }

    /** Sets the hostname; the caller has checked length and privilege. */
    public void setNodename(String nodename) {
        this.nodename = nodename;
    }

    /** Sets the NIS domain name; the caller has checked length and privilege. */
    public void setDomainname(String domainname) {
        this.domainname = domainname;
    }

    /** A copy for {@code unshare(CLONE_NEWUTS)}, owned by the creator's user namespace (copy_utsname). */
    public UtsNamespace copy(long inode, UserNamespace newOwner) {
        return new UtsNamespace(inode, newOwner, nodename, domainname);
    }
}
