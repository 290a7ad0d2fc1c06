package isolab.real.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionNameTest {

    @Test
    void a_name_reads_back_as_the_session_it_names() {
        SessionName name = new SessionName(4711, 104737, 3);
        assertEquals("j4711-104737-3", name.toString());
        assertEquals(Optional.of(name), SessionName.parse("j4711-104737-3"));
    }

    @Test
    void directories_isolab_did_not_make_are_not_sessions() {
        assertEquals(Optional.empty(), SessionName.parse("cgroup.procs"));
        assertEquals(Optional.empty(), SessionName.parse("j1-2"));
        assertEquals(Optional.empty(), SessionName.parse("j1-2-3-4"));
    }

    @Test
    void this_jvm_s_sessions_have_live_owners_and_distinct_serials() {
        SessionName first = SessionName.next();
        SessionName second = SessionName.next();
        assertTrue(first.ownerAlive());
        assertNotEquals(first.serial(), second.serial());
        assertEquals(ProcessHandle.current().pid(), first.ownerPid());
    }

    @Test
    void a_session_whose_owner_started_at_another_time_is_orphaned() {
        SessionName me = SessionName.next();
        assertFalse(new SessionName(me.ownerPid(), me.ownerStartTicks() - 1, 1).ownerAlive());
    }
}
