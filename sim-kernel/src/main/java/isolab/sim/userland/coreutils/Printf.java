package isolab.sim.userland.coreutils;

import isolab.sim.syscall.SysException;
import isolab.sim.userland.Proc;
import isolab.sim.userland.Usage;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * /usr/bin/printf (coreutils 9.1, src/printf.c): the shells' printf formatting with coreutils'
 * messages. Its output goes through stdio, fully buffered when not a terminal, so it reaches the
 * file in one write(2) at exit - which is why it can write a whole /proc/PID/uid_map where bash's
 * line-buffered builtin cannot (measured). A failed write is {@code printf: write error: ...}, 1.
 */
public final class Printf {

    private Printf() {
    }

    public static int main(Proc p) {
        List<String> args = p.args();
        if (!args.isEmpty() && (args.get(0).equals("--help") || args.get(0).equals("--version"))) {
            return Usage.notModelled(p, args.get(0));
        }
        if (!args.isEmpty() && args.get(0).equals("--")) {
            args = args.subList(1, args.size());
        }
        if (args.isEmpty()) {
            return Usage.tryHelpAsInvoked(p, "missing operand", 1);
        }
        StringBuilder out = new StringBuilder();
        int status = isolab.sim.shell.Printf.format(args.get(0), args.subList(1, args.size()), out,
                new isolab.sim.shell.Printf.Voice() {
                    @Override
                    public void invalidNumber(String arg) {
                        Usage.errorAsInvoked(p, Usage.quote(arg) + ": expected a numeric value");
                    }

                    @Override
                    public void invalidDirective(char conv) {
                        Usage.errorAsInvoked(p, "%" + conv + ": invalid conversion specification");
                    }
                });
        byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
        try {
            int done = 0;
            while (done < bytes.length) {
                done += p.sys().write(1, bytes, done, bytes.length - done);
            }
        } catch (SysException e) {
            // lib/closeout.c: close_stdout
            Usage.errorAsInvoked(p, "write error: " + e.strerror());
            return 1;
        }
        return status;
    }
}
