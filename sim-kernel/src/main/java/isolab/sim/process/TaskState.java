package isolab.sim.process;

/** The states of fs/proc/array.c: task_state_array, with their letters and /proc texts. */
public enum TaskState {
    RUNNING('R', "running"),
    SLEEPING('S', "sleeping"),
    DISK_SLEEP('D', "disk sleep"),
    STOPPED('T', "stopped"),
    ZOMBIE('Z', "zombie"),
    DEAD('X', "dead");

    private final char letter;
    private final String text;

    TaskState(char letter, String text) {
        this.letter = letter;
        this.text = text;
    }

    /** The letter of /proc/PID/stat and ps's STAT column. */
    public char letter() {
        return letter;
    }

    /** The State: line of /proc/PID/status: {@code S (sleeping)}. */
    public String statusText() {
        return letter + " (" + text + ")";
    }
}
