/**
 * Measures a run: counters, gauges, time-weighted statistics, latency histograms and the
 * environment timeline, per period and in total, each metric declared once. The model pushes
 * updates here and never reads a metric back to decide anything. Of ours it imports only
 * {@code spec} and {@code engine}.
 */
package dev.lambdasim.metrics;
