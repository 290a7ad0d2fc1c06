package isolab.labs.diff;

import isolab.api.Host;
import isolab.api.MachineConfig;
import isolab.labs.model.BoundLab;
import isolab.labs.run.HostFactory;
import isolab.labs.run.LabRunner;
import isolab.labs.run.Plan;
import isolab.labs.run.Transcript;

/** Runs a lab on two hosts, as an author would (solutions included), and compares the transcripts. */
public final class LabDiffer {

    private LabDiffer() {
    }

    /** {@code lab} run on a host from {@code left} and one from {@code right}, compared. */
    public static DiffReport diff(BoundLab lab, HostFactory left, HostFactory right) {
        MachineConfig config = new MachineConfig(lab.front().cgroup(), lab.seed());
        Transcript a;
        try (Host host = left.open(config)) {
            a = LabRunner.run(lab, host, Plan.WITH_SOLUTIONS);
        }
        Transcript b;
        try (Host host = right.open(config)) {
            b = LabRunner.run(lab, host, Plan.WITH_SOLUTIONS);
        }
        return TranscriptDiffer.compare(lab, a, b);
    }
}
