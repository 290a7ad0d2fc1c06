/**
 * Memory and memory cgroups (mm/memcontrol.c, mm/memcontrol-v1.c, mm/page_counter.c,
 * mm/vmscan.c, mm/swap.c, mm/oom_kill.c; Documentation/admin-guide/cgroup-v1/memory.rst;
 * KERNEL-SEMANTICS.md sections 1, 2, 8 and 9). Five layers:
 *
 * <ol>
 * <li>Page frames: a {@link isolab.sim.memory.Folio} is one 4 KiB page in use, anonymous (a
 * process's {@link isolab.sim.memory.Mm}), page cache (a disk file's
 * {@link isolab.sim.memory.AddressSpace}) or shmem, charged to one memcg.</li>
 * <li>Counters: each {@link isolab.sim.memory.Memcg} has hierarchical
 * {@link isolab.sim.memory.PageCounter}s, memory+swap (charged first, v1) and memory; a charge
 * goes up to the machine's root and fails at the lowest counter it would take over its max,
 * which counts the failure (failcnt). Without swap both hold the same pages.</li>
 * <li>LRU: each memcg has an {@link isolab.sim.memory.Lruvec} of four lists; new anon and file
 * pages start inactive (since Linux 5.9 for anon; a populated mapping starts active), a second
 * read of a file page activates it (folio_mark_accessed: two touches).</li>
 * <li>Charging and reclaim: {@link isolab.sim.memory.Charge} is try_charge_memcg - on a full
 * counter, {@link isolab.sim.memory.Reclaim} reclaims in the subtree of the memcg that owns it
 * (pre-order, round-robin, 32 pages a visit, priority 12 down to 0), 16 fruitless rounds, then
 * the OOM killer. An evicted page leaves a shadow entry, and {@link isolab.sim.memory.Workingset}
 * sends a page that refaults soon enough straight back to the active list. The machine has no swap, so only page cache is reclaimable: anon is never
 * scanned, and a memcg full of anon goes straight to OOM.</li>
 * <li>OOM: {@link isolab.sim.memory.OomKill} kills the task with the most resident pages in
 * the subtree (ties: the later one), counted in the victim's own memory.oom_control; with
 * oom_kill_disable a faulting task waits in state D until memory is freed or the limit raised,
 * and a system call's copy fails short instead.</li>
 * </ol>
 *
 * <p>The machine's root memory cgroup is the sandbox's, a child on the host (docs/MACHINE.md):
 * it is charged and limited to 512 MiB. The files are {@link isolab.sim.memory.MemoryFiles}
 * (v1) and {@link isolab.sim.memory.MemoryStat}. Every charge, reclaim pass, activation and kill
 * is a {@link isolab.api.MemoryEvent} on the timeline.
 *
 * <p>Invariants (checked by {@link isolab.sim.check.Invariants}): a memcg's usage is exactly the
 * pages on its own lists plus its children's usage, never above its max; its cache and rss
 * counts add up to its lists.
 *
 * <p>Simplifies (docs/FIDELITY.md): only the workloads' memory is charged (stress-ng's and dd's
 * buffers, tmpfs files as shmem, page cache of files read from disk), not the programs' own
 * text, stacks and heaps, nor kernel memory (Linux's usage_in_bytes includes both, so the same
 * command shows a little more there); a program's own resident pages are a measured constant
 * ({@link isolab.sim.memory.ProgramRss}) that counts for ps and the OOM killer only; no per-CPU
 * charge batching; one page per folio (no large folios, no readahead, no THP); shadow entries
 * are never dropped; no dirty or writeback pages; no kmem or tcp counters; oom_score_adj
 * is 0; the soft limit and swappiness are kept but change nothing, as on a machine without swap
 * and without global reclaim.
 */
package isolab.sim.memory;
