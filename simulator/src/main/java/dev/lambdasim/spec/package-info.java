/**
 * What a scenario says, as values: the scenario, each function's spec and its parts, traffic
 * sources, distributions, provisioned concurrency, async, SQS and stream sources, retries,
 * pricing, the account, trace options and fleets. They are records whose defaults are named
 * constants declared once and whose invariants are checked in compact constructors; they hold no
 * loader objects. It imports nothing of ours.
 */
package dev.lambdasim.spec;
