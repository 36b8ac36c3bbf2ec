package org.ventrack.patient.sdtm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.ventrack.platform.export.sdtm.SdtmDomain;
import org.ventrack.platform.export.sdtm.SdtmVariable;

/** docs/sdtm-export.md describes every column the export writes, with the same label, terms and origin. */
class SdtmDefineDocTest {

    @Test
    void theDocumentedVariablesAreTheExportedOnes() throws Exception {
        String doc = Files.readString(Path.of("docs/sdtm-export.md"));
        assertTrue(doc.contains("Not a certified SDTM package"));
        for (SdtmDomain domain : SdtmDomain.values()) {
            assertTrue(doc.contains("**" + domain.name() + " - " + domain.label() + "**"), domain.name());
            for (SdtmVariable v : domain.variables()) {
                String row = "| " + v.name() + " | " + v.label() + " | " + v.type() + " | "
                        + v.codelist().replace("|", "\\|") + " | " + v.origin().replace("|", "\\|") + " |";
                assertTrue(doc.contains(row), "docs/sdtm-export.md lacks or differs on: " + row);
            }
        }
    }
}
