package isolab.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import isolab.api.MachineConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayTest {

    private static final List<Replay.Step> LOG = List.of(
            new Replay.Step("main", "unshare --uts sh"), new Replay.Step("main", "hostname inner"),
            new Replay.Step("other", "sleep 3 &"), new Replay.Step("main", "ps -e -o pid,comm"));

    @Test
    void stepping_back_rebuilds_the_exact_earlier_state() {
        MachineConfig config = new MachineConfig(isolab.api.CgroupVersion.V1, 7);
        Replay.Replayed full = Replay.replay(config, LOG, LOG.size());
        Replay.Replayed back = Replay.replay(config, LOG, 2);
        try {
            assertEquals(full.results().subList(0, 2), back.results());
            assertEquals("inner\n", back.host().terminal("main").run("hostname").output());
            Replay.Replayed again = Replay.replay(config, LOG, LOG.size());
            assertEquals(full.results(), again.results());
            assertEquals(full.host().view(), again.host().view());
            again.host().close();
        } finally {
            full.host().close();
            back.host().close();
        }
    }
}
