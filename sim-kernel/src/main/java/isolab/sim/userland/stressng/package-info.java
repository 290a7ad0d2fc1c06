/**
 * stress-ng (Debian 12: 0.15.06), the tutorial's load generator (seeds 000, 002), reduced to its
 * {@code vm} stressor: {@code --vm N --vm-bytes SIZE [--vm-keep] [-t DURATION] [--oomable]}. The
 * parent forks one {@code stress-ng-vm} process per instance, which forks the worker (also
 * {@code stress-ng-vm}) that faults its pages in and keeps them ({@code --vm-keep}) or frees and
 * faults them again every 100 ms; a worker the OOM killer kills is started again unless
 * {@code --oomable}, as stress-ng's oomable child does. Everything runs in virtual time. The
 * messages and their stream (stderr) are as measured (docs/probes/memcg.md). Every other stressor
 * and option says it is not modelled.
 */
package isolab.sim.userland.stressng;
