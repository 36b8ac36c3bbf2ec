package org.ventrack.patient.domain.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class Cyp3aInhibitorsTest {

    private static Cyp3aInhibition classOf(String drug) {
        return Cyp3aInhibitors.classify(drug).inhibition();
    }

    @Test
    void strongInhibitors() {
        for (String drug : List.of("voriconazole", "posaconazole", "itraconazole", "ketoconazole", "clarithromycin",
                "telithromycin", "ritonavir", "cobicistat", "lopinavir", "nelfinavir", "nefazodone", "idelalisib")) {
            assertEquals(Cyp3aInhibition.STRONG, classOf(drug), drug);
        }
    }

    @Test
    void moderateInhibitors() {
        for (String drug : List.of("fluconazole", "isavuconazole", "isavuconazonium sulfate", "erythromycin",
                "diltiazem", "verapamil", "ciprofloxacin", "aprepitant", "crizotinib", "imatinib", "cyclosporine",
                "ciclosporin", "letermovir")) {
            assertEquals(Cyp3aInhibition.MODERATE, classOf(drug), drug);
        }
    }

    @Test
    void namesAreMatchedIgnoringCaseSpacesAndAccents() {
        assertEquals(Cyp3aInhibition.STRONG, classOf("  VORICONAZOLE "));
        assertEquals(Cyp3aInhibition.STRONG, classOf("Kétoconazole"));
        assertEquals(Cyp3aInhibition.STRONG, classOf("clarithromycine"));
        assertEquals(Cyp3aInhibition.MODERATE, classOf("Vérapamil"));
        assertEquals(Cyp3aInhibition.MODERATE, classOf("isavuconazonium   sulfate"));
        assertEquals(Cyp3aInhibition.STRONG, classOf("Noxafil"));
    }

    @Test
    void combinationsAndDoseTextTakeTheStrongestListedPart() {
        assertEquals(Cyp3aInhibition.STRONG, classOf("lopinavir/ritonavir"));
        assertEquals(Cyp3aInhibition.STRONG, classOf("Posaconazole 300 mg once daily"));
        assertEquals(Cyp3aInhibition.STRONG, classOf("fluconazole + clarithromycin"));
        assertEquals(Cyp3aInhibition.MODERATE, classOf("aprepitant and ondansetron"));

        Cyp3aInhibitors.Classification c = Cyp3aInhibitors.classify("Posaconazole 300 mg once daily");
        assertEquals("Posaconazole 300 mg once daily", c.drug());
        assertTrue(c.basis().contains("contains posaconazole"), c.basis());
    }

    @Test
    void unknownAndWeakOrNonInhibitingDrugsAreNone() {
        for (String drug : List.of("azithromycin", "caspofungin", "liposomal amphotericin B", "cytarabine",
                "azacitidine", "ondansetron", "some new drug")) {
            Cyp3aInhibitors.Classification c = Cyp3aInhibitors.classify(drug);
            assertEquals(Cyp3aInhibition.NONE, c.inhibition(), drug);
            assertTrue(c.basis().contains("not on the maintained list"), c.basis());
        }
    }

    @Test
    void basisNamesTheClassTheKindOfDrugAndTheSource() {
        Cyp3aInhibitors.Classification c = Cyp3aInhibitors.classify("Voriconazole");
        assertEquals(new Cyp3aInhibitors.Classification("Voriconazole", Cyp3aInhibition.STRONG,
                "strong CYP3A inhibitor (azole antifungal), per the FDA table"), c);

        assertEquals("isavuconazole: moderate CYP3A inhibitor (azole antifungal), per the U.S. label (Cresemba)",
                Cyp3aInhibitors.classify("Cresemba").basis());
    }

    @Test
    void listedNamesAreSortedAndAllClassifyAsListed() {
        List<String> names = List.copyOf(Cyp3aInhibitors.listed().keySet());
        assertEquals(names.stream().sorted().toList(), names);
        Cyp3aInhibitors.listed().forEach((name, inhibition) -> assertEquals(inhibition, classOf(name), name));
        assertTrue(Cyp3aInhibitors.listed().values().stream().noneMatch(Cyp3aInhibition.NONE::equals));
    }

    @Test
    void rejectsMissingNames() {
        assertThrows(IllegalArgumentException.class, () -> Cyp3aInhibitors.classify(null));
        assertThrows(IllegalArgumentException.class, () -> Cyp3aInhibitors.classify("  "));
    }
}
