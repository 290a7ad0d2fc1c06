package isolab.real.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProcStatTest {

    @Test
    void a_comm_with_spaces_and_parentheses_does_not_shift_the_fields() {
        ProcStat stat = ProcStat.parse("42 (a (b) c) S 1 42 42 34816 55 4194560 0 0 0 0 0 0 0 0 20 0 1 0 104737 0 0");
        assertEquals(new ProcStat(42, "a (b) c", 'S', 1, 42, 55, 104737), stat);
    }

    @Test
    void this_process_is_alive_with_its_own_start_time_and_not_with_another() {
        long pid = ProcessHandle.current().pid();
        long start = ProcStat.of(pid).orElseThrow().startTicks();
        assertTrue(ProcStat.alive(pid, start));
        assertFalse(ProcStat.alive(pid, start + 1));
    }

    @Test
    void status_gives_ppid_uid_and_one_pid_per_namespace_level() {
        ProcStatus status = ProcStatus.parse("Name:\tsh\nPPid:\t7\nUid:\t0\t0\t0\t0\nNSpid:\t4711\t1\n");
        assertEquals(new ProcStatus(7, 0, List.of(4711L, 1L)), status);
    }
}
