/**
 * A run's files: summary.json, metrics.csv, latency.csv, environments.csv and functions.csv,
 * and the run folder that is published whole or not at all. It may import the run's result and
 * the packages whose values it writes, and Jackson only to write JSON (its factory, generator
 * and printers), never Jackson's parser or tree API.
 */
package dev.lambdasim.output;
