/**
 * Loading and validation only: reads a scenario file (YAML or JSON, with overrides) into
 * {@code spec} values, and reports every problem at its line and column. It is the only package
 * that knows the file's node tree, and the only one that may use Jackson's YAML front end and
 * tree API. It may import {@code spec}, and {@code workload} to check trace files as it loads
 * them; the model never imports it.
 */
package dev.lambdasim.scenario;
