/**
 * Choosing a host: the one place that knows both implementations of {@code isolab.api.Host} and
 * turns {@code --host sim|real} into a factory of fresh machines.
 */
package isolab.labs.hosts;
