package isolab.web.player;

import isolab.labs.run.HostFactory;
import isolab.web.catalog.LabLibrary;

/**
 * What the player runs labs with: the labs offered, the machines sessions run on, and the
 * machines prediction keys are computed on (the simulator: it is the oracle). The app is wired
 * with the simulator for both; tests may script the machine.
 */
public record PlayerBackend(LabLibrary labs, HostFactory hosts, HostFactory oracle) {
}
