/**
 * Arrivals: the synthetic arrival processes (Poisson, constant, burst, ramp, diurnal, periodic,
 * MMPP) that traffic sources describe, with trace replay in {@code workload.trace}.
 * Of ours it imports only {@code spec}, {@code random} and {@code engine}, and it and
 * {@code workload.trace} import each other in one direction at most.
 */
package dev.lambdasim.workload;
