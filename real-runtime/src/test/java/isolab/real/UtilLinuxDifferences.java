package isolab.real;

import java.util.Map;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Tests of the contract a sandbox built by util-linux cannot pass, and why: its documented
 * differences from the C helper's (UtilLinuxSandbox's javadoc). Everything else of the contract runs.
 */
final class UtilLinuxDifferences implements ExecutionCondition {

    private static final String PIDS = "with util-linux, PID 1 runs mount, mknod and friends as children before the"
            + " first terminal, and each terminal's bash is a child of script, whose parent (nsenter) is outside the"
            + " sandbox: PIDs and parents differ from MACHINE.md's";

    static final Map<String, String> DIFFERENCES = Map.of(
            "a_fresh_machine_has_init_as_pid_1_and_the_terminal_s_bash_as_pid_2", PIDS
                    + "; and PID 1 holds no terminal, so ps's default selection does not list it",
            "exit_ends_the_terminal_s_bash_and_the_next_command_starts_a_fresh_one", PIDS,
            "ps_in_a_second_terminal_lists_only_that_terminal_s_processes", PIDS);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return context.getTestMethod()
                .map(m -> DIFFERENCES.get(m.getName()))
                .map(ConditionEvaluationResult::disabled)
                .orElse(ConditionEvaluationResult.enabled("util-linux builds this part of the machine as the C helper does"));
    }
}
