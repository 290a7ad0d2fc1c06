package isolab.sim.userland.coreutils;

import isolab.sim.fs.OpenFile;
import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;
import isolab.sim.userland.Execvp;
import isolab.sim.userland.Passwd;
import isolab.sim.userland.Proc;
import isolab.sim.userland.Usage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The small coreutils: pwd, id, whoami, env, seq, mkdir, rmdir, touch, rm. Each method is one
 * program, with GNU's messages in the POSIX locale.
 */
public final class Simple {

    private Simple() {
    }

    /** /usr/bin/pwd: the physical working directory (getcwd). */
    public static int pwd(Proc p) {
        for (String a : p.args()) {
            if (a.equals("-L") || a.equals("-P")) {
                continue;
            }
            if (a.startsWith("-")) {
                return Usage.tryHelp(p, a.startsWith("--") ? "unrecognized option '" + a + "'" : "invalid option -- '"
                        + a.charAt(1) + "'", 1);
            }
            p.error("ignoring non-option arguments");
        }
        try {
            p.out(p.sys().getcwd() + "\n");
            return 0;
        } catch (SysException e) {
            p.error("couldn't find directory entry in '..' with matching i-node");
            return 1;
        }
    }

    private static String[] passwdEntry(Proc p, String user) {
        try {
            for (String line : p.readFile("/etc/passwd").split("\n")) {
                String[] f = line.split(":", -1);
                if (f.length >= 4 && (f[0].equals(user) || f[2].equals(user))) {
                    return f;
                }
            }
        } catch (SysException e) {
            return null;
        }
        return null;
    }

    /** /usr/bin/id: uid=0(root) gid=0(root) groups=0(root); -u -g -G -n -r. */
    public static int id(Proc p) {
        boolean u = false;
        boolean g = false;
        boolean groupsOnly = false;
        boolean name = false;
        boolean real = false;
        String user = null;
        for (String a : p.args()) {
            if (a.startsWith("-") && a.length() > 1) {
                for (char c : a.substring(1).toCharArray()) {
                    switch (c) {
                        case 'u' -> u = true;
                        case 'g' -> g = true;
                        case 'G' -> groupsOnly = true;
                        case 'n' -> name = true;
                        case 'r' -> real = true;
                        default -> {
                            return Usage.tryHelp(p, "invalid option -- '" + c + "'", 1);
                        }
                    }
                }
            } else {
                user = a;
            }
        }
        Map<Integer, String> users = Passwd.namesById(p, "/etc/passwd");
        Map<Integer, String> groups = Passwd.namesById(p, "/etc/group");
        int uid = p.sys().geteuid();
        int gid = p.sys().getegid();
        // src/id.c: the real ids head the line; effective ones that differ follow as euid=, egid=.
        int ruid = p.sys().getuid();
        int rgid = p.sys().getgid();
        List<Integer> supplementary = new ArrayList<>(p.sys().getgroups());
        if (user != null) {
            String[] entry = passwdEntry(p, user);
            if (entry == null) {
                p.error(Usage.quote(user) + ": no such user");
                return 1;
            }
            uid = Integer.parseInt(entry[2]);
            gid = Integer.parseInt(entry[3]);
            ruid = uid;
            rgid = gid;
            supplementary = new ArrayList<>();
        }
        if (!supplementary.contains(gid)) {
            supplementary.add(0, gid);
        }
        if (u || g) {
            int id = u ? (real ? ruid : uid) : (real ? rgid : gid);
            p.out((name ? (u ? users : groups).getOrDefault(id, String.valueOf(id)) : String.valueOf(id)) + "\n");
            return 0;
        }
        if (groupsOnly) {
            List<String> out = new ArrayList<>();
            for (int gr : supplementary) {
                out.add(name ? groups.getOrDefault(gr, String.valueOf(gr)) : String.valueOf(gr));
            }
            p.out(String.join(" ", out) + "\n");
            return 0;
        }
        StringBuilder s = new StringBuilder();
        s.append("uid=").append(ruid).append(named(users, ruid));
        s.append(" gid=").append(rgid).append(named(groups, rgid));
        if (uid != ruid) {
            s.append(" euid=").append(uid).append(named(users, uid));
        }
        if (gid != rgid) {
            s.append(" egid=").append(gid).append(named(groups, gid));
        }
        s.append(" groups=");
        for (int i = 0; i < supplementary.size(); i++) {
            s.append(i > 0 ? "," : "").append(supplementary.get(i)).append(named(groups, supplementary.get(i)));
        }
        p.out(s + "\n");
        return 0;
    }

    private static String named(Map<Integer, String> names, int id) {
        String n = names.get(id);
        return n == null ? "" : "(" + n + ")";
    }

    /** /usr/bin/whoami. */
    public static int whoami(Proc p) {
        if (!p.args().isEmpty()) {
            return Usage.tryHelp(p, "extra operand " + Usage.quote(p.args().get(0)), 1);
        }
        int uid = p.sys().geteuid();
        String n = Passwd.namesById(p, "/etc/passwd").get(uid);
        if (n == null) {
            p.error("cannot find name for user ID " + uid);
            return 1;
        }
        p.out(n + "\n");
        return 0;
    }

    /** /usr/bin/env: prints the environment, or runs a program in a changed one (-i, -u NAME, NAME=value). */
    public static int env(Proc p) {
        Map<String, String> env = new LinkedHashMap<>(p.env());
        List<String> args = p.args();
        int i = 0;
        for (; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-i") || a.equals("-") || a.equals("--ignore-environment")) {
                env.clear();
            } else if (a.equals("-u") || a.equals("--unset")) {
                if (i + 1 >= args.size()) {
                    return Usage.tryHelp(p, "option requires an argument -- 'u'", 125);
                }
                env.remove(args.get(++i));
            } else if (a.startsWith("-u")) {
                env.remove(a.substring(2));
            } else if (a.equals("--")) {
                i++;
                break;
            } else if (a.startsWith("--")) {
                return Usage.tryHelp(p, "unrecognized option '" + a + "'", 125);
            } else if (a.startsWith("-") && a.length() > 1) {
                if ("0CSv".indexOf(a.charAt(1)) >= 0) {
                    return Usage.notModelled(p, a);
                }
                return Usage.tryHelp(p, "invalid option -- '" + a.charAt(1) + "'", 125);
            } else {
                break;
            }
        }
        for (; i < args.size() && args.get(i).contains("="); i++) {
            String a = args.get(i);
            env.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        }
        if (i >= args.size()) {
            StringBuilder s = new StringBuilder();
            env.forEach((k, v) -> s.append(k).append('=').append(v).append('\n'));
            p.out(s.toString());
            return 0;
        }
        List<String> command = args.subList(i, args.size());
        p.env().clear();
        p.env().putAll(env);
        try {
            Execvp.execvp(p, command);
        } catch (SysException e) {
            p.error(Usage.quote(command.get(0)) + ": " + e.strerror());
            return e.errno() == Errno.ENOENT ? 127 : 126;
        }
        return 0;
    }

    /** /usr/bin/seq: FIRST, FIRST LAST, or FIRST INCREMENT LAST; integers and decimals; -s, -w. */
    public static int seq(Proc p) {
        String separator = "\n";
        boolean equalWidth = false;
        List<String> nums = new ArrayList<>();
        List<String> args = p.args();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-s") && i + 1 < args.size()) {
                separator = args.get(++i);
            } else if (a.startsWith("-s") && a.length() > 2) {
                separator = a.substring(2);
            } else if (a.equals("-w")) {
                equalWidth = true;
            } else if (a.startsWith("-f")) {
                return Usage.notModelled(p, "-f");
            } else if (a.startsWith("--")) {
                return Usage.tryHelp(p, "unrecognized option '" + a + "'", 1);
            } else if (a.startsWith("-") && a.length() > 1 && !Character.isDigit(a.charAt(1)) && a.charAt(1) != '.') {
                return Usage.tryHelp(p, "invalid option -- '" + a.charAt(1) + "'", 1);
            } else {
                nums.add(a);
            }
        }
        if (nums.isEmpty()) {
            return Usage.tryHelp(p, "missing operand", 1);
        }
        if (nums.size() > 3) {
            return Usage.tryHelp(p, "extra operand " + Usage.quote(nums.get(3)), 1);
        }
        double[] v = new double[nums.size()];
        int decimals = 0;
        for (int k = 0; k < nums.size(); k++) {
            try {
                v[k] = Double.parseDouble(nums.get(k));
            } catch (NumberFormatException e) {
                return Usage.tryHelp(p, "invalid floating point argument: " + Usage.quote(nums.get(k)), 1);
            }
            int dot = nums.get(k).indexOf('.');
            if (dot >= 0 && k < 2 || dot >= 0 && nums.size() == 1) {
                decimals = Math.max(decimals, nums.get(k).length() - dot - 1);
            }
        }
        double first = nums.size() == 1 ? 1 : v[0];
        double step = nums.size() == 3 ? v[1] : 1;
        double last = v[nums.size() - 1];
        if (step == 0) {
            p.error("invalid Zero increment value: " + Usage.quote(nums.get(1)));
            p.err("Try 'seq --help' for more information.\n");
            return 1;
        }
        StringBuilder out = new StringBuilder();
        int width = equalWidth ? Math.max(format(first, decimals).length(), format(last, decimals).length()) : 0;
        boolean any = false;
        long count = 0;
        for (double x = first; step > 0 ? x <= last + 1e-9 : x >= last - 1e-9; x = first + step * ++count) {
            if (any) {
                out.append(separator);
            }
            String s = format(x, decimals);
            while (s.length() < width) {
                s = "0" + s;
            }
            out.append(s);
            any = true;
            if (out.length() > 8192) {
                p.out(out.toString());
                out.setLength(0);
            }
        }
        if (any) {
            out.append('\n');
        }
        p.out(out.toString());
        return 0;
    }

    private static String format(double x, int decimals) {
        if (decimals == 0) {
            return String.valueOf(Math.round(x));
        }
        return String.format(java.util.Locale.ROOT, "%." + decimals + "f", x);
    }

    /** /usr/bin/mkdir: -p makes parents, -m MODE. */
    public static int mkdir(Proc p) {
        boolean parents = false;
        int mode = 0777;
        List<String> dirs = new ArrayList<>();
        List<String> args = p.args();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-p") || a.equals("--parents")) {
                parents = true;
            } else if (a.equals("-m") && i + 1 < args.size()) {
                try {
                    mode = Integer.parseInt(args.get(++i), 8);
                } catch (NumberFormatException e) {
                    p.error("invalid mode " + Usage.quote(args.get(i)));
                    return 1;
                }
            } else if (a.equals("-v") || a.equals("--verbose")) {
                return Usage.notModelled(p, a);
            } else if (a.startsWith("-") && a.length() > 1) {
                return Usage.tryHelp(p, a.startsWith("--") ? "unrecognized option '" + a + "'" : "invalid option -- '"
                        + a.charAt(1) + "'", 1);
            } else {
                dirs.add(a);
            }
        }
        if (dirs.isEmpty()) {
            return Usage.tryHelp(p, "missing operand", 1);
        }
        int status = 0;
        for (String dir : dirs) {
            try {
                if (parents) {
                    StringBuilder prefix = new StringBuilder(dir.startsWith("/") ? "/" : "");
                    for (String part : dir.split("/")) {
                        if (part.isEmpty()) {
                            continue;
                        }
                        prefix.append(part);
                        try {
                            p.sys().mkdir(prefix.toString(), mode);
                        } catch (SysException e) {
                            if (e.errno() != Errno.EEXIST || !p.sys().stat(prefix.toString()).isDirectory()) {
                                throw e;
                            }
                        }
                        prefix.append('/');
                    }
                } else {
                    p.sys().mkdir(dir, mode);
                }
            } catch (SysException e) {
                p.error("cannot create directory " + Usage.quote(dir) + ": " + e.strerror());
                status = 1;
            }
        }
        return status;
    }

    /** /usr/bin/rmdir. */
    public static int rmdir(Proc p) {
        if (p.args().isEmpty()) {
            return Usage.tryHelp(p, "missing operand", 1);
        }
        int status = 0;
        for (String dir : p.args()) {
            if (dir.startsWith("-")) {
                return Usage.notModelled(p, dir);
            }
            try {
                p.sys().rmdir(dir);
            } catch (SysException e) {
                p.error("failed to remove " + Usage.quote(dir) + ": " + e.strerror());
                status = 1;
            }
        }
        return status;
    }

    /** /usr/bin/touch: creates missing files, updates the time of existing ones. */
    public static int touch(Proc p) {
        if (p.args().isEmpty()) {
            return Usage.tryHelp(p, "missing file operand", 1);
        }
        int status = 0;
        for (String file : p.args()) {
            if (file.startsWith("-") && file.length() > 1) {
                return Usage.notModelled(p, file);
            }
            try {
                int fd = p.sys().open(file, OpenFile.O_WRONLY | OpenFile.O_CREAT | OpenFile.O_NOCTTY, 0666);
                p.sys().close(fd);
            } catch (SysException e) {
                p.error("cannot touch " + Usage.quote(file) + ": " + e.strerror());
                status = 1;
            }
        }
        return status;
    }

    /** /usr/bin/ln: symbolic links ({@code -s}, {@code -f}); hard links are not modelled. */
    public static int ln(Proc p) {
        boolean symbolic = false;
        boolean force = false;
        List<String> names = new ArrayList<>();
        for (String a : p.args()) {
            if (a.startsWith("-") && a.length() > 1 && !a.startsWith("--")) {
                for (char c : a.substring(1).toCharArray()) {
                    switch (c) {
                        case 's' -> symbolic = true;
                        case 'f' -> force = true;
                        case 'n', 'T', 'v', 'r', 'L', 'P', 'b', 'i' -> {
                            return Usage.notModelled(p, "-" + c);
                        }
                        default -> {
                            return Usage.tryHelp(p, "invalid option -- '" + c + "'", 1);
                        }
                    }
                }
            } else if (a.startsWith("--")) {
                return Usage.notModelled(p, a);
            } else {
                names.add(a);
            }
        }
        if (names.isEmpty()) {
            return Usage.tryHelp(p, "missing file operand", 1);
        }
        if (!symbolic) {
            return Usage.notModelled(p, "hard links (without -s)");
        }
        String target = names.get(0);
        String link = names.size() > 1 ? names.get(1) : target.substring(target.lastIndexOf('/') + 1);
        try {
            if (force) {
                try {
                    p.sys().unlink(link);
                } catch (SysException e) {
                    // nothing to replace
                }
            }
            p.sys().symlink(target, link);
            return 0;
        } catch (SysException e) {
            p.error("failed to create symbolic link " + Usage.quote(link) + ": " + e.strerror());
            return 1;
        }
    }

    /** /usr/bin/rm: -f, -r/-R. */
    public static int rm(Proc p) {
        boolean force = false;
        boolean recursive = false;
        List<String> files = new ArrayList<>();
        for (String a : p.args()) {
            if (a.startsWith("-") && a.length() > 1 && !a.startsWith("--")) {
                for (char c : a.substring(1).toCharArray()) {
                    switch (c) {
                        case 'f' -> force = true;
                        case 'r', 'R' -> recursive = true;
                        case 'i', 'I', 'v', 'd' -> {
                            return Usage.notModelled(p, "-" + c);
                        }
                        default -> {
                            return Usage.tryHelp(p, "invalid option -- '" + c + "'", 1);
                        }
                    }
                }
            } else if (a.equals("--force")) {
                force = true;
            } else if (a.equals("--recursive")) {
                recursive = true;
            } else {
                files.add(a);
            }
        }
        if (files.isEmpty() && !force) {
            return Usage.tryHelp(p, "missing operand", 1);
        }
        int status = 0;
        for (String f : files) {
            status |= remove(p, f, force, recursive);
        }
        return status;
    }

    private static int remove(Proc p, String path, boolean force, boolean recursive) {
        try {
            var st = p.sys().lstat(path);
            if (st.isDirectory()) {
                if (!recursive) {
                    p.error("cannot remove " + Usage.quote(path) + ": Is a directory");
                    return 1;
                }
                int status = 0;
                for (String n : p.listDir(path)) {
                    status |= remove(p, path + "/" + n, force, true);
                }
                p.sys().rmdir(path);
                return status;
            }
            p.sys().unlink(path);
            return 0;
        } catch (SysException e) {
            if (force && e.errno() == Errno.ENOENT) {
                return 0;
            }
            p.error("cannot remove " + Usage.quote(path) + ": " + e.strerror());
            return 1;
        }
    }
}
