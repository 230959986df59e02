package dev.lambdasim.report;

import java.nio.file.Path;

/**
 * One run of a comparison: its label (unique within the comparison), its finished result folder,
 * and where it came from (a scenario file that was run, or a folder given as it was).
 */
public record ComparedRun(String label, Path folder, String source) {}
