package isolab.sim.userland.coreutils;

import isolab.sim.fs.OpenFile;
import isolab.sim.syscall.DirEntry;
import isolab.sim.syscall.Stat;
import isolab.sim.syscall.SysException;
import isolab.sim.userland.Getopt;
import isolab.sim.userland.Passwd;
import isolab.sim.userland.Proc;
import isolab.sim.userland.Usage;
import java.util.List;

/**
 * /usr/bin/chown (coreutils 9.1, src/chown.c and lib/userspec.c): {@code OWNER}, {@code
 * OWNER:GROUP}, {@code OWNER:} (the owner's login group) or {@code :GROUP}, by name or number;
 * {@code -R} recursively (not following links), {@code -h} the link itself, {@code -v}/{@code -c}
 * report, {@code -f} quiet. {@code --from}, {@code --reference} and the traversal options
 * {@code -H -L -P} are not modelled.
 */
public final class Chown {

    private static final Getopt OPTIONS = new Getopt("HLPRcfhv", List.of(
            Getopt.opt("recursive", Getopt.Arg.NONE, "R"), Getopt.opt("changes", Getopt.Arg.NONE, "c"),
            Getopt.opt("silent", Getopt.Arg.NONE, "f"), Getopt.opt("quiet", Getopt.Arg.NONE, "f"),
            Getopt.opt("no-dereference", Getopt.Arg.NONE, "h"), Getopt.opt("verbose", Getopt.Arg.NONE, "v"),
            Getopt.opt("dereference", Getopt.Arg.NONE, "dereference"), Getopt.opt("from", Getopt.Arg.REQUIRED, "from"),
            Getopt.opt("reference", Getopt.Arg.REQUIRED, "reference"),
            Getopt.opt("preserve-root", Getopt.Arg.NONE, "preserve-root"),
            Getopt.opt("no-preserve-root", Getopt.Arg.NONE, "no-preserve-root"),
            Getopt.opt("help", Getopt.Arg.NONE, "help"), Getopt.opt("version", Getopt.Arg.NONE, "version")));

    /**
     * What the command line asked for. {@code userName} and {@code groupName} are the spec's names
     * for messages (the group of {@code OWNER:} named after the login group; {@code ""} for the user
     * of {@code :GROUP}, so messages say "ownership"), null where the spec has none.
     */
    private record Request(int uid, int gid, String userName, String groupName, boolean recursive, boolean follow,
            boolean quiet, boolean verbose, boolean changesOnly) {

        /** chown-core.c: user_group_str of the new owner. */
        String spec() {
            return groupName == null ? userName : userName + ":" + groupName;
        }
    }

    /** A parsed spec: the ids (-1 unchanged) and the names messages use. */
    private record Spec(int uid, int gid, String userName, String groupName) {
    }

    private Chown() {
    }

    public static int main(Proc p) {
        Getopt.Parsed parsed;
        try {
            parsed = OPTIONS.parse(p.args());
        } catch (Getopt.UsageError e) {
            return Usage.tryHelpAsInvoked(p, e.getMessage(), 1);
        }
        for (Getopt.Opt o : parsed.options()) {
            if (List.of("H", "L", "P", "from", "reference", "help", "version", "dereference").contains(o.key())) {
                return Usage.notModelled(p, o.spelled());
            }
        }
        List<String> operands = parsed.operands();
        if (operands.isEmpty()) {
            return Usage.tryHelpAsInvoked(p, "missing operand", 1);
        }
        if (operands.size() == 1) {
            return Usage.tryHelpAsInvoked(p, "missing operand after " + Usage.quote(operands.get(0)), 1);
        }
        Spec spec = parseSpec(p, operands.get(0));
        if (spec == null) {
            return 1;
        }
        String userName = spec.userName() == null && spec.groupName() != null ? "" : spec.userName();
        Request r = new Request(spec.uid(), spec.gid(), userName, spec.groupName(), parsed.has("R"), !parsed.has("h"),
                parsed.has("f"), parsed.has("v") || parsed.has("c"), parsed.has("c") && !parsed.has("v"));
        int status = 0;
        for (String file : operands.subList(1, operands.size())) {
            status |= change(p, file, r, r.follow());
        }
        return status;
    }

    /**
     * lib/userspec.c: parse_user_spec: the ids, -1 for "unchanged"; a name is looked up first, then
     * a number is taken as it is; {@code OWNER:} takes the owner's login group.
     */
    private static Spec parseSpec(Proc p, String spec) {
        int colon = spec.indexOf(':');
        String user = colon < 0 ? spec : spec.substring(0, colon);
        String group = colon < 0 ? null : spec.substring(colon + 1);
        int uid = -1;
        int gid = -1;
        String userName = user.isEmpty() ? null : user;
        String groupName = group == null || group.isEmpty() ? null : group;
        if (!user.isEmpty()) {
            Passwd.User u = Passwd.byName(p, user);
            if (u != null) {
                uid = u.uid();
                if (group != null && group.isEmpty()) {
                    gid = u.gid();
                    String login = Passwd.groupName(p, gid);
                    groupName = login == null ? String.valueOf(gid) : login;
                }
            } else if (user.matches("\\d+") && Long.parseLong(user) < 4294967295L) {
                uid = (int) Long.parseLong(user);
                if (group != null && group.isEmpty()) {
                    Usage.errorAsInvoked(p, "invalid spec: " + Usage.quote(spec));
                    return null;
                }
            } else {
                Usage.errorAsInvoked(p, "invalid user: " + Usage.quote(spec));
                return null;
            }
        }
        if (group != null && !group.isEmpty()) {
            long g = Passwd.groupByName(p, group);
            if (g < 0 && group.matches("\\d+") && Long.parseLong(group) < 4294967295L) {
                g = Long.parseLong(group);
            }
            if (g < 0) {
                Usage.errorAsInvoked(p, "invalid group: " + Usage.quote(spec));
                return null;
            }
            gid = (int) g;
        }
        return new Spec(uid, gid, userName, groupName);
    }

    private static int change(Proc p, String file, Request r, boolean follow) {
        Stat before;
        try {
            before = follow ? p.sys().stat(file) : p.sys().lstat(file);
        } catch (SysException e) {
            if (!r.quiet()) {
                Usage.errorAsInvoked(p, "cannot access " + Usage.quote(file) + ": " + e.strerror());
            }
            return 1;
        }
        int status = 0;
        boolean changes = (r.uid() != -1 && r.uid() != before.uid()) || (r.gid() != -1 && r.gid() != before.gid());
        try {
            p.sys().chown(file, r.uid(), r.gid(), follow);
            // chown-core.c: describe_change prints the old owner where the spec names one.
            if (r.verbose() && (changes || !r.changesOnly())) {
                p.out(changes ? "changed ownership of " + Usage.quote(file) + " from " + owner(p, before, r) + " to "
                        + r.spec() + "\n" : "ownership of " + Usage.quote(file) + " retained as " + owner(p, before, r) + "\n");
            }
        } catch (SysException e) {
            if (!r.quiet()) {
                // chown-core.c: "changing group of" when only a group was asked for.
                Usage.errorAsInvoked(p, (r.uid() == -1 ? "changing group of " : "changing ownership of ") + Usage.quote(file) + ": "
                        + e.strerror());
            }
            if (r.verbose()) {
                p.out("failed to change ownership of " + Usage.quote(file) + " from " + owner(p, before, r) + " to "
                        + r.spec() + "\n");
            }
            status = 1;
        }
        if (r.recursive() && (before.mode() & 0170000) == 0040000) {
            status |= children(p, file, r);
        }
        return status;
    }

    /** -R: every entry of a directory, without following symbolic links (chown -R's default -P). */
    private static int children(Proc p, String dir, Request r) {
        List<DirEntry> entries;
        try {
            int fd = p.sys().open(dir, OpenFile.O_RDONLY | OpenFile.O_DIRECTORY, 0);
            try {
                entries = p.sys().getdents(fd);
            } finally {
                p.sys().close(fd);
            }
        } catch (SysException e) {
            if (!r.quiet()) {
                Usage.errorAsInvoked(p, "cannot read directory " + Usage.quote(dir) + ": " + e.strerror());
            }
            return 1;
        }
        int status = 0;
        for (DirEntry e : entries) {
            if (!e.name().equals(".") && !e.name().equals("..")) {
                status |= change(p, dir.endsWith("/") ? dir + e.name() : dir + "/" + e.name(), r, false);
            }
        }
        return status;
    }

    /** user_group_str of the old owner, with the parts the spec names. */
    private static String owner(Proc p, Stat st, Request r) {
        Passwd.User u = Passwd.byUid(p, st.uid());
        String g = Passwd.groupName(p, st.gid());
        String user = u == null ? String.valueOf(st.uid()) : u.name();
        String group = g == null ? String.valueOf(st.gid()) : g;
        return r.groupName() == null ? user : user + ":" + group;
    }
}
