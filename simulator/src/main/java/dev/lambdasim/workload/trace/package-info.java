/**
 * Trace replay: streaming, closeable readers, one class per trace format (timestamps CSV, Azure
 * 2019 and 2021, CloudWatch), the policy for bad rows, and the arrivals read from them. Of ours
 * it imports only {@code spec}, {@code random}, {@code engine} and, in one direction at most
 * between the two, {@code workload}. It may use Jackson's streaming parser to read CloudWatch's
 * JSON export, never Jackson's tree API.
 */
package dev.lambdasim.workload.trace;
