package isolab.labs.run;

/** Labs the tests of the runner and the CLI share. */
public final class SessionTestLabs {

    private SessionTestLabs() {
    }

    /** A small lab the {@link isolab.labs.testing.ToyHost} can run: setup, console, predict, console, solution, check. */
    public static final String TOY = """
            ---
            id: toy
            title: Toy
            params:
              name: {pick: [web, db]}
            ---
            Intro.

            ```setup
            $ true
            ```

            Look at the name.

            ```console
            $ hostname
            isolab
            $ readlink /proc/self/ns/uts
            uts:\\[\\d+] (re)
            ```

            ```predict
            question: What will echo $$ print?
            type: number
            answer-from: echo $$
            ```

            ```console terminal=box
            $ unshare --pid --fork sh
            # echo $$
            1
            ```

            ```solution terminal=c
            $ unshare --uts sh
            # hostname {{name}}
            ```

            ```check points=2 terminal=c
            $ hostname
            {{name}}
            ```
            """;
}
