/**
 * Prices a run: turns each function's usage (requests, duration, memory, provisioned
 * concurrency) into a bill at the scenario's prices. Of ours it imports only {@code spec} (the
 * prices and the function's architecture) and {@code engine}.
 */
package dev.lambdasim.cost;
