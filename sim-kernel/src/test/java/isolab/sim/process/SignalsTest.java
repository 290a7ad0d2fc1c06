package isolab.sim.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import isolab.sim.Machine;
import org.junit.jupiter.api.Test;

class SignalsTest {

    @Test
    void sigstop_stops_a_process_and_sigcont_resumes_it() {
        try (Machine m = new Machine()) {
            m.run("sleep 100 &");
            assertEquals("", m.out("kill -STOP $!"));
            assertEquals("T\n\n[1]+  Stopped                 sleep 100\n", m.out("ps -o stat= -p $!"));
            m.out("kill -CONT $!");
            assertEquals("S\n", m.out("ps -o stat= -p $!"));
        }
    }

    @Test
    void kill_of_a_missing_process_is_esrch_in_bash_s_words() {
        try (Machine m = new Machine()) {
            var r = m.run("kill 99999");
            assertEquals("bash: kill: (99999) - No such process\n", r.output());
            assertEquals(1, r.status());
        }
    }

    @Test
    void a_write_to_a_pipe_nobody_reads_kills_the_writer_with_sigpipe() {
        try (Machine m = new Machine()) {
            assertEquals("1\n", m.out("seq 100000 | head -1"));
        }
    }

    @Test
    void interactive_shells_report_a_foreground_job_killed_by_a_signal() {
        try (Machine m = new Machine()) {
            var killed = m.run("sh -c 'kill -9 $$'");
            assertEquals("Killed\n", killed.output());
            assertEquals(137, killed.status());
            assertEquals("Terminated\n", m.run("sh -c 'kill $$'").output());
        }
    }

    @Test
    void a_background_job_reading_the_terminal_is_stopped_by_sigttin() {
        // measured on a pty: `cat &`, then bash reports the stopped job on a fresh line
        try (Machine m = new Machine()) {
            m.run("cat &");
            assertEquals("\n[1]+  Stopped                 cat\n", m.run("sleep 1").output());
            assertEquals("[1]+  Stopped                 cat\n", m.out("jobs"));
            assertEquals("T\n", m.out("ps -o stat= -C cat"));
            m.out("kill %1");
            assertEquals("[1]+  Terminated              cat\n", m.run("true").output());
        }
    }

    @Test
    void dash_reports_finished_background_jobs_in_its_own_format() {
        try (Machine m = new Machine()) {
            m.out("sh");
            assertEquals("", m.run("sleep 1 &").output());
            assertEquals("[1] + Done                       sleep 1\n", m.run("sleep 2").output());
        }
    }
}
