package isolab.web.picture;

import isolab.api.MemcgView;
import java.util.List;

/**
 * The memory cgroups of a machine after one action of a session: what the plot over time draws a
 * point of.
 *
 * @param action how many actions had been taken (0: the lab's start)
 * @param label what that action ran, for the point's tooltip ({@code dd if=/dev/zero of=/tmp/f bs=1M count=16})
 * @param memcgs the memory cgroups then, as {@link isolab.api.HostView#memcgs()}
 */
public record MemcgSample(int action, String label, List<MemcgView> memcgs) {

    public MemcgSample {
        label = label == null ? "" : label;
        memcgs = memcgs == null ? List.of() : List.copyOf(memcgs);
    }
}
