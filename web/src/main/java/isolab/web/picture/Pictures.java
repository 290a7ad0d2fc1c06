package isolab.web.picture;

import isolab.api.HostView;

/**
 * The pictures the player shows of a machine at one moment, each an SVG document drawn from the
 * same view: the process tree, the namespace matrix, the mount trees and the memory cgroups
 * ({@code memory} is empty when the machine has nothing to show there: only the root memory
 * cgroup, and nothing charged).
 */
public record Pictures(String processTree, String namespaces, String mounts, String memory) {

    /** Draws every picture of {@code view}. */
    public static Pictures of(HostView view) {
        return new Pictures(ProcessTreeSvg.render(view), NamespaceMatrixSvg.render(view), MountTreeSvg.render(view),
                MemcgSvg.worthDrawing(view) ? MemcgSvg.render(view) : "");
    }

    /** Whether the memory cgroup picture is drawn. */
    public boolean hasMemory() {
        return !memory.isEmpty();
    }
}
