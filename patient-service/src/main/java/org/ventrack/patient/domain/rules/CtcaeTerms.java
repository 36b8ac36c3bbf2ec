package org.ventrack.patient.domain.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The CTCAE v5.0 adverse-event terms VenTrack accepts, each with its MedDRA system organ class, read from
 * {@value #RESOURCE} (a documented subset until the full NCI list replaces it; see that file's header).
 * Lookups ignore case, surrounding spaces and repeated inner spaces, and answer with NCI's spelling.
 */
public final class CtcaeTerms {

    public static final String RESOURCE = "/ctcae/ctcae-v5-terms.tsv";
    private static final String HEADER = "term\tsoc";
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private record Term(String term, String soc) {
    }

    private final List<String> all;
    private final Map<String, Term> byKey;

    private CtcaeTerms(List<Term> terms) {
        List<String> names = new ArrayList<>(terms.size());
        Map<String, Term> index = new HashMap<>();
        for (Term t : terms) {
            names.add(t.term());
            index.put(key(t.term()), t);
        }
        this.all = Collections.unmodifiableList(names);
        this.byKey = Map.copyOf(index);
    }

    private static final class Holder {
        static final CtcaeTerms V5 = load();

        private static CtcaeTerms load() {
            InputStream in = CtcaeTerms.class.getResourceAsStream(RESOURCE);
            if (in == null) {
                throw new IllegalStateException("CTCAE term list " + RESOURCE + " is missing from the class path");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return parse(reader, RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
        }
    }

    /** The class-path list, read once. */
    public static CtcaeTerms v5() {
        return Holder.V5;
    }

    /**
     * Reads a term list in the {@value #RESOURCE} format.
     *
     * @throws IllegalStateException naming the source and line when the header is missing, a line has not exactly two
     *                               non-blank columns, or a term appears twice
     */
    public static CtcaeTerms parse(Reader reader, String source) throws IOException {
        BufferedReader lines = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        List<Term> terms = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        boolean headerSeen = false;
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            if (number == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (!headerSeen) {
                if (!line.strip().equals(HEADER)) {
                    throw new IllegalStateException(source + ":" + number + ": expected header \"term<TAB>soc\"");
                }
                headerSeen = true;
                continue;
            }
            String[] columns = line.split("\t", -1);
            if (columns.length != 2 || columns[0].isBlank() || columns[1].isBlank()) {
                throw new IllegalStateException(source + ":" + number + ": expected \"term<TAB>soc\", got \"" + line + "\"");
            }
            String term = columns[0].strip();
            Integer previous = firstLine.putIfAbsent(key(term), number);
            if (previous != null) {
                throw new IllegalStateException(
                        source + ":" + number + ": term \"" + term + "\" already listed on line " + previous);
            }
            terms.add(new Term(term, columns[1].strip()));
        }
        if (!headerSeen) {
            throw new IllegalStateException(source + ": no header line \"term<TAB>soc\"");
        }
        return new CtcaeTerms(terms);
    }

    public boolean isKnown(String term) {
        return find(term).isPresent();
    }

    /** NCI's spelling of the term, if it is known. */
    public Optional<String> canonical(String term) {
        return find(term).map(Term::term);
    }

    /** The MedDRA system organ class of the term, if it is known. */
    public Optional<String> systemOrganClass(String term) {
        return find(term).map(Term::soc);
    }

    /** Every term, in file order (grouped by system organ class). */
    public List<String> all() {
        return all;
    }

    private Optional<Term> find(String term) {
        return term == null ? Optional.empty() : Optional.ofNullable(byKey.get(key(term)));
    }

    private static String key(String term) {
        return SPACES.matcher(term.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }
}
