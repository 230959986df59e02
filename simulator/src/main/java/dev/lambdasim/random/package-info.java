/**
 * Randomness: one stream per source of randomness, each derived from the scenario seed and a
 * fixed stream name, and the samplers built on them for durations and other distributions. Of
 * ours it imports only {@code spec} (what a distribution is) and {@code engine}.
 */
package dev.lambdasim.random;
