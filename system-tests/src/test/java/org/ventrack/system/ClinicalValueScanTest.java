package org.ventrack.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The drills' log scan finds a posted value as a whole token, and only as one. */
class ClinicalValueScanTest {

    @Test
    void findsAValueAsAWholeTokenOnly(@TempDir Path logs) throws Exception {
        Path log = logs.resolve("patient-service.log");
        Files.writeString(log, String.join("\n",
                "2026-11-25 10:00:00,000 INFO  [org.ventrack] (executor-1) patient 4f1c registered",
                "2026-11-25 10:00:01,000 WARN  [org.ventrack] (executor-2) blasts 37.41 for patient 4f1c",
                "2026-11-25 10:00:02,000 INFO  [org.ventrack] (executor-3) took 137.412 ms; id DRB-77310",
                "2026-11-25 10:00:03,000 INFO  [org.ventrack] (executor-4) born 2011-07-23, upn=DRB-7731"));

        List<String> found = ClinicalValueScan.linesContaining(List.of(log), List.of("37.41", "2011-07-23", "DRB-7731"));

        assertEquals(3, found.size(), String.join("\n", found));
        assertTrue(found.get(0).startsWith("patient-service.log:2 [37.41]"), found.get(0));
        assertTrue(found.get(1).startsWith("patient-service.log:4 [2011-07-23]"), found.get(1));
        assertTrue(found.get(2).startsWith("patient-service.log:4 [DRB-7731]"), found.get(2));
    }
}
