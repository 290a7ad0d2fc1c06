/**
 * sysfs (fs/sysfs, net/core/net-sysfs.c), reduced to the network devices: an instance shows the
 * devices of the network namespace of whoever mounted it, under {@code /sys/class/net} (links)
 * and {@code /sys/devices/virtual/net} (attributes: address, broadcast, flags, ifindex, iflink,
 * mtu, operstate, tx_queue_len, type), rendered at every read. {@code /sys/fs/cgroup} and
 * {@code /sys/kernel} are plain directories to mount on. Other attributes and classes are not
 * modelled.
 */
package isolab.sim.fs.sysfs;
