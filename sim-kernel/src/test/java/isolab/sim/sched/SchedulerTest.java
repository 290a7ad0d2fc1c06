package isolab.sim.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;

import isolab.sim.determinism.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchedulerTest {

    @Test
    void runnable_fibers_run_one_at_a_time_in_fifo_order() {
        Scheduler s = new Scheduler(new Clock());
        List<String> trace = new ArrayList<>();
        for (String name : List.of("a", "b", "c")) {
            s.wake(s.create(name, () -> {
                trace.add(name + "1");
                s.yieldNow();
                trace.add(name + "2");
            }));
        }
        assertEquals(Scheduler.Outcome.STOPPED, s.run(() -> true, Long.MAX_VALUE, 1000));
        assertEquals(List.of("a1", "b1", "c1", "a2", "b2", "c2"), trace);
        s.shutdown();
    }

    @Test
    void when_nothing_can_run_the_clock_jumps_to_the_next_timer() {
        Clock clock = new Clock();
        Scheduler s = new Scheduler(clock);
        List<Long> woke = new ArrayList<>();
        s.wake(s.create("sleeper", () -> {
            s.sleepUntil(5000);
            woke.add(clock.nowTicks());
        }));
        s.run(() -> !woke.isEmpty(), Long.MAX_VALUE, 1000);
        assertEquals(List.of(5000L), woke);
        s.shutdown();
    }

    @Test
    void a_timer_past_the_deadline_hands_the_baton_back_with_the_clock_unchanged() {
        Clock clock = new Clock();
        Scheduler s = new Scheduler(clock);
        s.wake(s.create("sleeper", () -> s.sleepUntil(10_000)));
        assertEquals(Scheduler.Outcome.DEADLINE, s.run(() -> false, 3000, 1000));
        assertEquals(0, clock.nowTicks());
        s.shutdown();
    }

    @Test
    void a_fiber_that_never_blocks_is_stopped_by_the_step_budget() {
        Scheduler s = new Scheduler(new Clock());
        s.wake(s.create("spinner", () -> {
            while (true) {
                s.step();
            }
        }));
        assertEquals(Scheduler.Outcome.BUDGET, s.run(() -> false, Long.MAX_VALUE, 10_000));
        s.shutdown();
        assertEquals(List.of(), s.alive());
    }

    @Test
    void a_fiber_blocked_forever_leaves_the_machine_stuck_not_hung() {
        Scheduler s = new Scheduler(new Clock());
        s.wake(s.create("waiter", s::block));
        assertEquals(Scheduler.Outcome.STUCK, s.run(() -> false, Long.MAX_VALUE, 1000));
        s.shutdown();
    }

    @Test
    void a_whole_slice_of_cpu_is_a_tick_and_fires_due_timers() {
        Clock clock = new Clock();
        Scheduler s = new Scheduler(clock);
        List<Long> woke = new ArrayList<>();
        s.wake(s.create("sleeper", () -> {
            s.sleepUntil(3);
            woke.add(clock.nowTicks());
        }));
        s.wake(s.create("spinner", () -> {
            while (woke.isEmpty()) {
                s.step();
            }
        }));
        assertEquals(Scheduler.Outcome.STOPPED, s.run(() -> !woke.isEmpty(), 100, 10_000));
        assertEquals(List.of(3L), woke);
        s.shutdown();
    }

    @Test
    void a_lone_spinner_with_nothing_due_before_the_deadline_is_a_runaway_long_before_its_budget() {
        Clock clock = new Clock();
        Scheduler s = new Scheduler(clock);
        s.wake(s.create("far-sleeper", () -> s.sleepUntil(1_000_000)));
        long[] spun = {0};
        s.wake(s.create("spinner", () -> {
            while (true) {
                spun[0]++;
                s.step();
            }
        }));
        assertEquals(Scheduler.Outcome.BUDGET, s.run(() -> false, 30_000, 10_000_000));
        assertEquals(Scheduler.RUNAWAY_STEPS + 1, spun[0]);
        s.shutdown();
    }
}
