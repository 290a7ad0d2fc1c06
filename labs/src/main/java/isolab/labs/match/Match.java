package isolab.labs.match;

import isolab.labs.model.ExpectedLine;

/** Whether what a command showed agrees with what its transcript expects, and if not, where first. */
public sealed interface Match {

    /** Whether the command met every expectation (true also when nothing was expected). */
    boolean passed();

    /** One sentence for a person. */
    String describe();

    /** The transcript expects nothing of this command. */
    record Unchecked() implements Match {
        @Override
        public boolean passed() {
            return true;
        }

        @Override
        public String describe() {
            return "not checked";
        }
    }

    /** Every expected line and the status matched. */
    record Passed() implements Match {
        @Override
        public boolean passed() {
            return true;
        }

        @Override
        public String describe() {
            return "ok";
        }
    }

    /**
     * The output differs, first at output line {@code actualIndex} (0-based; -1 when the output
     * ended too early) against {@code expected} (null when the output has a line too many).
     */
    record OutputDiffers(ExpectedLine expected, int actualIndex, String actual) implements Match {
        @Override
        public boolean passed() {
            return false;
        }

        @Override
        public String describe() {
            if (expected == null) {
                return "output line " + (actualIndex + 1) + " is not expected: \"" + actual + "\"";
            }
            if (actual == null) {
                return "output ended, but line " + expected.line() + " expects \"" + expected.source() + "\"";
            }
            return "output line " + (actualIndex + 1) + " is \"" + actual + "\", but line " + expected.line()
                    + " expects \"" + expected.source() + "\"";
        }
    }

    /** The output matched, the exit status did not. */
    record StatusDiffers(int expected, int actual) implements Match {
        @Override
        public boolean passed() {
            return false;
        }

        @Override
        public String describe() {
            return "exit status is " + actual + ", expected [" + expected + "]";
        }
    }

    /** The command ran past its timeout and was interrupted. */
    record TimedOut() implements Match {
        @Override
        public boolean passed() {
            return false;
        }

        @Override
        public String describe() {
            return "timed out";
        }
    }
}
