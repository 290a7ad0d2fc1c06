package isolab.web.picture;

import isolab.api.HostView;

/**
 * The pictures the player shows of a machine at one moment, each an SVG document drawn from the
 * same view: the process tree, the namespace matrix and the mount trees.
 */
public record Pictures(String processTree, String namespaces, String mounts) {

    /** Draws every picture of {@code view}. */
    public static Pictures of(HostView view) {
        return new Pictures(ProcessTreeSvg.render(view), NamespaceMatrixSvg.render(view), MountTreeSvg.render(view));
    }
}
