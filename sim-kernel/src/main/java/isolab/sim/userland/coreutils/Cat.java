package isolab.sim.userland.coreutils;

import isolab.sim.fs.OpenFile;
import isolab.sim.syscall.SysException;
import isolab.sim.userland.Getopt;
import isolab.sim.userland.Proc;
import isolab.sim.userland.Usage;
import java.util.List;

/** /usr/bin/cat (coreutils): copies files (or standard input, or {@code -}) to standard output, streaming. */
public final class Cat {

    private static final Getopt OPTIONS = new Getopt("AbeEnstTuv", List.of(
            Getopt.opt("show-all", Getopt.Arg.NONE, "A"), Getopt.opt("number-nonblank", Getopt.Arg.NONE, "b"),
            Getopt.opt("show-ends", Getopt.Arg.NONE, "E"), Getopt.opt("number", Getopt.Arg.NONE, "n"),
            Getopt.opt("squeeze-blank", Getopt.Arg.NONE, "s"), Getopt.opt("show-tabs", Getopt.Arg.NONE, "T"),
            Getopt.opt("show-nonprinting", Getopt.Arg.NONE, "v"), Getopt.opt("help", Getopt.Arg.NONE, "help"),
            Getopt.opt("version", Getopt.Arg.NONE, "version")));

    private Cat() {
    }

    public static int main(Proc p) {
        Getopt.Parsed parsed = OPTIONS.parseOrTryHelp(p);
        if (parsed == null) {
            return 1;
        }
        boolean number = false;
        for (Getopt.Opt o : parsed.options()) {
            switch (o.key()) {
                case "n" -> number = true;
                case "u" -> {
                }
                default -> {
                    return Usage.notModelled(p, o.spelled());
                }
            }
        }
        List<String> files = parsed.operands().isEmpty() ? List.of("-") : parsed.operands();
        int status = 0;
        int[] line = {0};
        for (String file : files) {
            int fd = 0;
            if (!file.equals("-")) {
                try {
                    fd = p.sys().open(file, OpenFile.O_RDONLY, 0);
                } catch (SysException e) {
                    p.error(file + ": " + e.strerror());
                    status = 1;
                    continue;
                }
            }
            try {
                if (number) {
                    Proc.LineReader lines = p.lines(fd);
                    for (String l = lines.next(); l != null; l = lines.next()) {
                        p.out(String.format("%6d\t%s", ++line[0], l));
                    }
                } else {
                    byte[] buffer = new byte[65536];
                    while (true) {
                        int n = p.sys().read(fd, buffer, 0, buffer.length);
                        if (n <= 0) {
                            break;
                        }
                        p.flush();
                        p.sys().write(1, buffer, 0, n);
                    }
                }
            } catch (SysException e) {
                p.error(file + ": " + e.strerror());
                status = 1;
            } finally {
                if (fd != 0) {
                    p.sys().close(fd);
                }
            }
        }
        return status;
    }
}
