/**
 * The discrete-event core: the clock in integer nanoseconds, the event queue, the loop, and the
 * event kinds whose order settles what happens first at one instant. It imports nothing of ours,
 * only the JDK, so every other package can build on it and none can change its order.
 */
package dev.lambdasim.engine;
