package org.ventrack.patient.domain.rules;

import static java.util.Map.entry;

import java.text.Normalizer;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The maintained list of strong and moderate CYP3A inhibitors that VenTrack recognises among co-medications.
 * Venetoclax is a CYP3A substrate; its label lowers the dose with strong and moderate inhibitors, and in the founding
 * series a child on voriconazole had dose-normalised troughs of 36 (ng/mL)/mg against 0.5-2.3 in the others.
 *
 * <p><b>Source.</b> U.S. FDA, "Drug Development and Drug Interactions: Table of Substrates, Inhibitors and Inducers",
 * section "CYP3A inhibitors" (strong: raises the AUC of a sensitive index substrate ≥ 5-fold; moderate: ≥ 2 and
 * &lt; 5-fold). Entries whose source reads "U.S. label" come from that drug's own U.S. prescribing information.
 * Compiled on 2026-11-23 from those sources as known to the author, without a fresh download of the FDA page: a
 * clinical pharmacist should check it against the current FDA table before each release. Only drugs are listed (no
 * foods such as grapefruit), and only those whose class is well established; weak inhibitors are left out on
 * purpose and classify as {@link Cyp3aInhibition#NONE}.
 *
 * <p><b>Matching.</b> Names are compared case-insensitively, trimmed, with accents and repeated spaces ignored, so
 * the French INN spellings used at the founding site match too ("clarithromycine", "vérapamil"). A few brand
 * names and salt forms are aliases. When the whole text is not a listed name, it is split on {@code / + , ; -} and
 * "and"/"with", and each part is tried, then the first word of each part ("posaconazole 300 mg" → posaconazole);
 * the strongest match wins.
 */
public final class Cyp3aInhibitors {

    /** The class of one drug, with the reason a user can read ({@code basis}); {@code drug} is the input, trimmed. */
    public record Classification(String drug, Cyp3aInhibition inhibition, String basis) {
    }

    private record Listed(Cyp3aInhibition inhibition, String kind, String source) {
    }

    private static final String FDA = "FDA table";
    private static final String LABEL = "U.S. label";

    // @formatter:off
    private static final Map<String, Listed> LIST = Map.ofEntries(
        //     drug (INN, lower case)  class                          kind of drug                           source
        entry("voriconazole",   new Listed(Cyp3aInhibition.STRONG,   "azole antifungal",                    FDA)),
        entry("posaconazole",   new Listed(Cyp3aInhibition.STRONG,   "azole antifungal",                    FDA)),
        entry("itraconazole",   new Listed(Cyp3aInhibition.STRONG,   "azole antifungal",                    FDA)),
        entry("ketoconazole",   new Listed(Cyp3aInhibition.STRONG,   "azole antifungal",                    FDA)),
        entry("clarithromycin", new Listed(Cyp3aInhibition.STRONG,   "macrolide antibiotic",                FDA)),
        entry("telithromycin",  new Listed(Cyp3aInhibition.STRONG,   "ketolide antibiotic",                 FDA)),
        entry("ritonavir",      new Listed(Cyp3aInhibition.STRONG,   "HIV protease inhibitor, booster",     FDA)),
        entry("cobicistat",     new Listed(Cyp3aInhibition.STRONG,   "pharmacokinetic booster",             FDA)),
        entry("lopinavir",      new Listed(Cyp3aInhibition.STRONG,   "HIV protease inhibitor",              FDA)),
        entry("indinavir",      new Listed(Cyp3aInhibition.STRONG,   "HIV protease inhibitor",              FDA)),
        entry("saquinavir",     new Listed(Cyp3aInhibition.STRONG,   "HIV protease inhibitor",              FDA)),
        entry("nelfinavir",     new Listed(Cyp3aInhibition.STRONG,   "HIV protease inhibitor",              FDA)),
        entry("nefazodone",     new Listed(Cyp3aInhibition.STRONG,   "antidepressant",                      FDA)),
        entry("idelalisib",     new Listed(Cyp3aInhibition.STRONG,   "PI3K-delta inhibitor",                FDA)),

        entry("fluconazole",    new Listed(Cyp3aInhibition.MODERATE, "azole antifungal",                    FDA)),
        entry("isavuconazole",  new Listed(Cyp3aInhibition.MODERATE, "azole antifungal",                    LABEL + " (Cresemba)")),
        entry("erythromycin",   new Listed(Cyp3aInhibition.MODERATE, "macrolide antibiotic",                FDA)),
        entry("ciprofloxacin",  new Listed(Cyp3aInhibition.MODERATE, "fluoroquinolone antibiotic",          FDA)),
        entry("diltiazem",      new Listed(Cyp3aInhibition.MODERATE, "calcium channel blocker",             FDA)),
        entry("verapamil",      new Listed(Cyp3aInhibition.MODERATE, "calcium channel blocker",             FDA)),
        entry("dronedarone",    new Listed(Cyp3aInhibition.MODERATE, "antiarrhythmic",                      FDA)),
        entry("aprepitant",     new Listed(Cyp3aInhibition.MODERATE, "NK1 antiemetic",                      FDA)),
        entry("netupitant",     new Listed(Cyp3aInhibition.MODERATE, "NK1 antiemetic",                      LABEL + " (Akynzeo)")),
        entry("crizotinib",     new Listed(Cyp3aInhibition.MODERATE, "kinase inhibitor",                    FDA)),
        entry("imatinib",       new Listed(Cyp3aInhibition.MODERATE, "kinase inhibitor",                    FDA)),
        entry("cyclosporine",   new Listed(Cyp3aInhibition.MODERATE, "calcineurin inhibitor",               FDA)),
        entry("letermovir",     new Listed(Cyp3aInhibition.MODERATE, "CMV prophylaxis after HSCT",          LABEL + " (Prevymis)")));

    /** Other spellings (French INN, British, salts) and brand names, already normalised, to a listed name. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
        entry("clarithromycine",          "clarithromycin"),
        entry("telithromycine",           "telithromycin"),
        entry("erythromycine",            "erythromycin"),
        entry("ciprofloxacine",           "ciprofloxacin"),
        entry("ciclosporin",              "cyclosporine"),
        entry("ciclosporine",             "cyclosporine"),
        entry("cyclosporin",              "cyclosporine"),
        entry("cyclosporin a",            "cyclosporine"),
        entry("isavuconazonium",          "isavuconazole"),
        entry("isavuconazonium sulfate",  "isavuconazole"),
        entry("isavuconazonium sulphate", "isavuconazole"),
        entry("vfend",                    "voriconazole"),
        entry("noxafil",                  "posaconazole"),
        entry("sporanox",                 "itraconazole"),
        entry("cresemba",                 "isavuconazole"),
        entry("diflucan",                 "fluconazole"),
        entry("triflucan",                "fluconazole"),
        entry("emend",                    "aprepitant"),
        entry("akynzeo",                  "netupitant"),
        entry("prevymis",                 "letermovir"),
        entry("sandimmun",                "cyclosporine"),
        entry("sandimmune",               "cyclosporine"),
        entry("neoral",                   "cyclosporine"),
        entry("norvir",                   "ritonavir"),
        entry("kaletra",                  "lopinavir"));
    // @formatter:on

    private static final Pattern DIACRITICS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern PARTS = Pattern.compile("\\s*(?:[/+,;-]|\\band\\b|\\bwith\\b)\\s*");

    private Cyp3aInhibitors() {
    }

    /**
     * Classifies a drug name.
     *
     * @throws IllegalArgumentException if the name is null or blank
     */
    public static Classification classify(String drug) {
        if (drug == null || drug.isBlank()) {
            throw new IllegalArgumentException("drug name is required");
        }
        String given = drug.strip();
        String key = normalise(given);

        String whole = lookup(key);
        if (whole != null) {
            return classification(given, key, whole, false);
        }
        String best = null;
        for (String part : PARTS.split(key)) {
            String found = lookup(part);
            if (found == null && !part.isEmpty()) {
                found = lookup(SPACES.split(part.replace('(', ' ').strip(), 2)[0]);
            }
            if (found != null && (best == null || stronger(found, best))) {
                best = found;
            }
        }
        if (best != null) {
            return classification(given, key, best, true);
        }
        return new Classification(given, Cyp3aInhibition.NONE,
                "not on the maintained list of strong and moderate CYP3A inhibitors (weak inhibitors are not listed);"
                        + " check the product label if in doubt");
    }

    /** The listed drugs (INN, lower case) and their class, sorted by name: for documentation and pick-lists. */
    public static Map<String, Cyp3aInhibition> listed() {
        Map<String, Cyp3aInhibition> sorted = new TreeMap<>();
        LIST.forEach((name, listed) -> sorted.put(name, listed.inhibition()));
        return Collections.unmodifiableMap(sorted);
    }

    static String normalise(String name) {
        String stripped = DIACRITICS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        return SPACES.matcher(stripped.strip().toLowerCase(Locale.ROOT)).replaceAll(" ");
    }

    private static String lookup(String key) {
        if (LIST.containsKey(key)) {
            return key;
        }
        return ALIASES.get(key);
    }

    private static boolean stronger(String candidate, String current) {
        return LIST.get(candidate).inhibition().compareTo(LIST.get(current).inhibition()) < 0;
    }

    private static Classification classification(String given, String key, String name, boolean partOfText) {
        Listed listed = Objects.requireNonNull(LIST.get(name));
        String prefix;
        if (partOfText) {
            prefix = "contains " + name;
        } else if (!key.equals(name)) {
            prefix = name;
        } else {
            prefix = null;
        }
        String basis = (prefix == null ? "" : prefix + ": ")
                + listed.inhibition().name().toLowerCase(Locale.ROOT) + " CYP3A inhibitor (" + listed.kind()
                + "), per the " + listed.source();
        return new Classification(given, listed.inhibition(), basis);
    }
}
