package isolab.sim.shell;

import isolab.sim.shell.Shell.Body;
import isolab.sim.shell.Shell.ExitShell;
import isolab.sim.shell.Shell.Interrupt;
import isolab.sim.shell.Shell.LoopControl;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks the command tree (dash eval.c: evaltree): lists, and-or lists, compound commands
 * ({@code if}, loops, {@code for}, {@code case}, groups, {@code [[ ]]}, {@code time}) with their
 * redirections; pipelines, subshells and background jobs go to {@link Forks}, simple commands to
 * {@link SimpleCommand}. Every simple command and loop turn is a scheduling step.
 */
final class Eval {

    private final Shell sh;

    Eval(Shell sh) {
        this.sh = sh;
    }

    /** A scheduling point; an interactive shell turns a pending SIGINT into {@link Interrupt}. */
    void step() {
        sh.sys.step();
        sh.traps.handle(sh.sys.signalPending() ? sh.sys.takeSignals() : 0);
    }

    /** Runs {@code node}; {@code last} says the shell will exit right after, so it may exec instead of fork. */
    int run(Node node, boolean last) {
        if (node instanceof Node.Sequence seq) {
            return runSequence(seq, last);
        }
        if (node instanceof Node.AndOr andOr) {
            int left = run(andOr.left(), false);
            sh.lastStatus = left;
            if ((left == 0) == andOr.and()) {
                return run(andOr.right(), last);
            }
            return left;
        }
        if (node instanceof Node.Pipeline pipeline) {
            int status = sh.forks.runPipeline(pipeline);
            return pipeline.bang() ? (status == 0 ? 1 : 0) : status;
        }
        if (node instanceof Node.Simple simple) {
            int status = sh.simple.runSimple(simple, last);
            if (sh.lostChild != 0) {
                status = sh.forks.waitForLostChild(status);
            }
            sh.lastStatus = status;
            // Both shells look for arrived signals after every command (dash eval.c: evaltree -> dotrap).
            sh.traps.handle(sh.sys.signalPending() ? sh.sys.takeSignals() : 0);
            if (sh.errexit && status != 0) {
                throw new ExitShell(status);
            }
            return status;
        }
        if (node instanceof Node.Subshell sub) {
            return sh.forks.runSubshell(sub);
        }
        if (node instanceof Node.Conditional cond) {
            sh.currentLine = sh.lineBase + cond.line();
            step();
            int status = withRedirects(cond.redirects(), () -> Conditional.run(sh, cond));
            sh.lastStatus = status;
            if (sh.errexit && status != 0) {
                throw new ExitShell(status);
            }
            return status;
        }
        if (node instanceof Node.Timed timed) {
            long start = sh.sys.monotonicTicks();
            int status = run(timed.pipeline(), false);
            long ms = sh.sys.monotonicTicks() - start;
            // bash's time keyword (execute_cmd.c: time_command) with TIMEFORMAT unset; CPU time is not modelled.
            sh.proc.err(String.format("%nreal\t%dm%d.%03ds%nuser\t0m0.000s%nsys\t0m0.000s%n", ms / 60000, ms / 1000 % 60, ms % 1000));
            return status;
        }
        if (node instanceof Node.Group group) {
            return withRedirects(group.redirects(), () -> run(group.body(), false));
        }
        if (node instanceof Node.If ifNode) {
            return withRedirects(ifNode.redirects(), () -> runIf(ifNode));
        }
        if (node instanceof Node.Loop loop) {
            return withRedirects(loop.redirects(), () -> runLoop(loop));
        }
        if (node instanceof Node.For forNode) {
            return withRedirects(forNode.redirects(), () -> runFor(forNode));
        }
        if (node instanceof Node.Case caseNode) {
            return withRedirects(caseNode.redirects(), () -> runCase(caseNode));
        }
        if (node instanceof Node.Function function) {
            sh.functions.put(function.name(), function.body());
            return 0;
        }
        throw new IllegalStateException("unknown node " + node);
    }

    private int runSequence(Node.Sequence seq, boolean last) {
        int status = 0;
        List<Node.Item> items = seq.items();
        for (int i = 0; i < items.size(); i++) {
            Node.Item item = items.get(i);
            if (item.async()) {
                status = sh.forks.runBackground(item);
            } else {
                // execute_cmd.c: optimize_connection_fork: only after `;`, `&&` or `||` does bash -c
                // exec its last command; after `&` it forks (measured: `bash -c 'true & sh'`).
                boolean afterAsync = i > 0 && items.get(i - 1).async();
                status = run(item.node(), last && i == items.size() - 1 && !afterAsync);
            }
            sh.lastStatus = status;
        }
        return status;
    }

    private int runIf(Node.If node) {
        for (int i = 0; i < node.conditions().size(); i++) {
            boolean saved = sh.errexit;
            sh.errexit = false;
            int cond;
            try {
                cond = run(node.conditions().get(i), false);
            } finally {
                sh.errexit = saved;
            }
            if (cond == 0) {
                return run(node.bodies().get(i), false);
            }
        }
        return node.otherwise() == null ? 0 : run(node.otherwise(), false);
    }

    private int runLoop(Node.Loop loop) {
        int status = 0;
        while (true) {
            step();
            boolean saved = sh.errexit;
            sh.errexit = false;
            int cond;
            try {
                cond = run(loop.condition(), false);
            } catch (LoopControl control) {
                if (endsLoop(control)) {
                    break;
                }
                continue;
            } finally {
                sh.errexit = saved;
            }
            if ((cond == 0) == loop.until()) {
                break;
            }
            try {
                status = run(loop.body(), false);
            } catch (LoopControl control) {
                if (endsLoop(control)) {
                    break;
                }
            }
        }
        return status;
    }

    /**
     * Whether a break or continue caught by the innermost loop ends it (break), after passing one
     * that names more enclosing loops on outward.
     */
    private static boolean endsLoop(LoopControl control) {
        if (--control.levels > 0) {
            throw control;
        }
        return control.isBreak;
    }

    private int runFor(Node.For node) {
        List<String> values = node.words() == null ? new ArrayList<>(sh.positional) : sh.simple.expandWords(node.words());
        int status = 0;
        for (String value : values) {
            step();
            sh.setVar(node.name(), value, false);
            try {
                status = run(node.body(), false);
            } catch (LoopControl control) {
                if (endsLoop(control)) {
                    break;
                }
            }
        }
        return status;
    }

    private int runCase(Node.Case node) {
        String subject = new Expander(sh).expandSingle(node.subject(), false);
        for (Node.CaseItem item : node.items()) {
            for (Word pattern : item.patterns()) {
                String p = new Expander(sh).expandPattern(pattern);
                if (Glob.match(p, subject)) {
                    return item.body() == null ? 0 : run(item.body(), false);
                }
            }
        }
        return 0;
    }

    /** Runs {@code body} with {@code redirects} applied, then undoes them. */
    int withRedirects(List<Node.Redirect> redirects, Body body) {
        if (redirects.isEmpty()) {
            return body.run();
        }
        List<int[]> saved = new ArrayList<>();
        try {
            if (!new Redirections(sh).apply(redirects, saved)) {
                return Redirections.failedStatus(sh);
            }
            return body.run();
        } finally {
            Redirections.restore(sh.sys, saved);
        }
    }
}
