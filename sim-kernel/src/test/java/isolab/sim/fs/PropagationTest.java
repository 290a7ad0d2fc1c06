package isolab.sim.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import isolab.api.Event;
import isolab.api.MountEvent;
import isolab.sim.Machine;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Mount propagation (fs/pnode.c) through a chain of peer groups and slaves, each screen measured
 * on Linux 6.18 in a private mount namespace with the same commands (util-linux 2.38, POSIX locale).
 */
class PropagationTest {

    private Machine m;

    @BeforeEach
    void chain() {
        m = new Machine();
        m.out("unshare --mount sh");
        // /tmp/pp shared; b a bind of a, slave of /tmp/pp's group and shared itself; c a slave of b.
        m.out("mkdir /tmp/pp && mount -t tmpfs top /tmp/pp && mkdir /tmp/pp/a /tmp/pp/b /tmp/pp/c");
        m.out("mount --make-shared /tmp/pp && mount --bind /tmp/pp/a /tmp/pp/b && mount --make-slave /tmp/pp/b");
        m.out("mount --make-shared /tmp/pp/b && mount --bind /tmp/pp/b /tmp/pp/c && mount --make-slave /tmp/pp/c");
    }

    @AfterEach
    void close() {
        m.close();
    }

    private String tree() {
        return m.out("findmnt -R -o TARGET,SOURCE,PROPAGATION /tmp/pp");
    }

    @Test
    void a_bind_of_a_shared_mount_is_its_peer_until_made_a_slave() {
        assertEquals("""
                TARGET      SOURCE  PROPAGATION
                /tmp/pp     top     shared
                |-/tmp/pp/b top[/a] shared,slave
                `-/tmp/pp/c top[/a] private,slave
                """, tree());
        assertEquals("""
                / /tmp/pp rw,relatime shared:1 - tmpfs top rw
                /a /tmp/pp/b rw,relatime shared:2 master:1 - tmpfs top rw
                /a /tmp/pp/c rw,relatime master:2 - tmpfs top rw
                """, m.out("grep /tmp/pp /proc/self/mountinfo | cut -d' ' -f4-"));
    }

    @Test
    void a_mount_propagates_down_the_chain_of_slaves_and_never_up() {
        m.out("mkdir /tmp/pp/a/x && mount -t tmpfs X /tmp/pp/a/x");
        assertEquals("""
                TARGET          SOURCE  PROPAGATION
                /tmp/pp         top     shared
                |-/tmp/pp/b     top[/a] shared,slave
                | `-/tmp/pp/b/x X       shared,slave
                |-/tmp/pp/c     top[/a] private,slave
                | `-/tmp/pp/c/x X       private,slave
                `-/tmp/pp/a/x   X       shared
                """, tree());
        m.out("mkdir -p /tmp/pp/a/y && mount -t tmpfs Y /tmp/pp/b/y");
        assertEquals("""
                TARGET          SOURCE  PROPAGATION
                /tmp/pp         top     shared
                |-/tmp/pp/b     top[/a] shared,slave
                | |-/tmp/pp/b/x X       shared,slave
                | `-/tmp/pp/b/y Y       shared
                |-/tmp/pp/c     top[/a] private,slave
                | |-/tmp/pp/c/x X       private,slave
                | `-/tmp/pp/c/y Y       private,slave
                `-/tmp/pp/a/x   X       shared
                """, tree());
        List<Event> events = m.host().kernel().events().all();
        long propagated = events.stream().filter(e -> e instanceof MountEvent.Mounted mounted && mounted.propagated()).count();
        assertEquals(3, propagated, "a/x to b and c, b/y to c");
    }

    @Test
    void an_unmount_propagates_and_a_propagated_copy_in_use_keeps_the_original_busy() {
        m.out("mkdir /tmp/pp/a/x && mount -t tmpfs X /tmp/pp/a/x && mkdir /tmp/pp/a/y && mount -t tmpfs Y /tmp/pp/b/y");
        m.out("umount /tmp/pp/a/x");
        assertEquals("""
                TARGET          SOURCE  PROPAGATION
                /tmp/pp         top     shared
                |-/tmp/pp/b     top[/a] shared,slave
                | `-/tmp/pp/b/y Y       shared
                `-/tmp/pp/c     top[/a] private,slave
                  `-/tmp/pp/c/y Y       private,slave
                """, tree());
        var busy = m.run("cd /tmp/pp/c/y; umount /tmp/pp/b/y");
        assertEquals("umount: /tmp/pp/b/y: target is busy.\n", busy.output());
        assertEquals(32, busy.status());
        m.out("cd /; umount -l /tmp/pp/b/y");
        assertEquals("""
                TARGET      SOURCE  PROPAGATION
                /tmp/pp     top     shared
                |-/tmp/pp/b top[/a] shared,slave
                `-/tmp/pp/c top[/a] private,slave
                """, tree());
    }

    @Test
    void rbind_copies_the_tree_but_skips_unbindable_mounts() {
        m.out("mount --make-unbindable /tmp/pp/c && mkdir /tmp/pp/d && mount --rbind /tmp/pp /tmp/pp/d");
        assertEquals("""
                TARGET          SOURCE  PROPAGATION
                /tmp/pp         top     shared
                |-/tmp/pp/b     top[/a] shared,slave
                |-/tmp/pp/c     top[/a] private,unbindable
                `-/tmp/pp/d     top     shared
                  `-/tmp/pp/d/b top[/a] shared,slave
                """, tree());
        assertEquals("""
                / /tmp/pp rw,relatime shared:1 - tmpfs top rw
                /a /tmp/pp/b rw,relatime shared:2 master:1 - tmpfs top rw
                /a /tmp/pp/c rw,relatime unbindable - tmpfs top rw
                / /tmp/pp/d rw,relatime shared:1 - tmpfs top rw
                /a /tmp/pp/d/b rw,relatime shared:2 master:1 - tmpfs top rw
                """, m.out("grep /tmp/pp /proc/self/mountinfo | cut -d' ' -f4-"));
    }
}
