package isolab.labs.model;

import isolab.api.CgroupVersion;
import isolab.api.HostKind;
import isolab.labs.params.ParamSpec;
import java.util.List;

/**
 * The YAML front matter of a lab.
 *
 * @param id {@code [a-z0-9][a-z0-9-]*}, the file's name without {@code .lab.md}, unique in a catalog
 * @param title what the catalog shows
 * @param cgroup the cgroup layout the lab assumes (v2 unless it says v1)
 * @param topics free tags for the catalog
 * @param hosts where the lab may run (both unless it says otherwise)
 * @param params the per-student parameters, in declaration order
 */
public record FrontMatter(
        String id, String title, CgroupVersion cgroup, List<String> topics, List<HostKind> hosts,
        List<ParamSpec> params) {

    public FrontMatter {
        topics = List.copyOf(topics);
        hosts = List.copyOf(hosts);
        params = List.copyOf(params);
    }

    /** Whether the lab may run on {@code kind}. */
    public boolean runsOn(HostKind kind) {
        return hosts.contains(kind);
    }
}
