package isolab.sim.userland.coreutils;

import isolab.sim.userland.Proc;

/** /usr/bin/echo (coreutils): prints its arguments; -n, -e, -E as GNU echo has them. */
public final class Echo {

    private Echo() {
    }

    public static int main(Proc p) {
        boolean newline = true;
        boolean escapes = false;
        int i = 0;
        var args = p.args();
        while (i < args.size() && args.get(i).matches("-[neE]+")) {
            for (char c : args.get(i).substring(1).toCharArray()) {
                newline &= c != 'n';
                escapes = c == 'e' || (escapes && c != 'E');
            }
            i++;
        }
        StringBuilder s = new StringBuilder();
        for (int k = i; k < args.size(); k++) {
            if (k > i) {
                s.append(' ');
            }
            s.append(escapes ? args.get(k).replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\") : args.get(k));
        }
        if (newline) {
            s.append('\n');
        }
        p.out(s.toString());
        return 0;
    }
}
