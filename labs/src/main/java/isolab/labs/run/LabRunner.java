package isolab.labs.run;

import isolab.api.Host;
import isolab.labs.model.BoundLab;
import java.util.function.Consumer;

/** Runs a whole lab on a host, step by step, in document order. */
public final class LabRunner {

    private LabRunner() {
    }

    /** Runs every step {@code plan} runs, telling {@code listener} of each command as it completes. */
    public static Session run(BoundLab lab, Host host, Plan plan, Consumer<CommandRun> listener) {
        Session session = Session.start(lab, host, plan);
        session.transcript().runs().forEach(listener);
        while (!session.finished()) {
            session.apply(new Action.Next()).forEach(listener);
        }
        return session;
    }

    /** Runs every step {@code plan} runs and returns the transcript. */
    public static Transcript run(BoundLab lab, Host host, Plan plan) {
        return run(lab, host, plan, run -> { }).transcript();
    }
}
