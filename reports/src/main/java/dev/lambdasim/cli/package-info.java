/**
 * The {@code lambdasim} command line: parses arguments and options, then loads, runs, writes
 * and reports through the other packages. It may import any of them; none imports it.
 */
package dev.lambdasim.cli;
