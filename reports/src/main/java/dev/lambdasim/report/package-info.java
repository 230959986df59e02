/**
 * Reports: reads a run folder's files back and draws the charts and HTML pages of a run and of
 * a comparison with JFreeChart. It may import the simulator's types that describe those files
 * and Jackson's tree API to read summary.json, never {@code cli}.
 */
package dev.lambdasim.report;
