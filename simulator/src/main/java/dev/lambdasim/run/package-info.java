/**
 * One run: builds the simulation from a scenario's {@code spec}, wires its traffic sources to
 * the model, drives the clock and the period ends, and returns the result. It may import the
 * simulator's other packages except {@code output}, which writes what a run returns.
 */
package dev.lambdasim.run;
