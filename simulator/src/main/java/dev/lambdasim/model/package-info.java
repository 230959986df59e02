/**
 * The simulated platform: functions, execution environments and their pools, admission,
 * concurrency limits and the account, provisioned concurrency, client retries, async queues and
 * event source mappings. It owns its state and decides from it alone; metrics receive updates
 * from it. It may import {@code engine}, {@code spec}, {@code random}, {@code cost},
 * {@code metrics} and {@code workload}, never {@code scenario}, {@code run}, {@code output} or
 * the reports module's {@code report} and {@code cli}.
 */
package dev.lambdasim.model;
