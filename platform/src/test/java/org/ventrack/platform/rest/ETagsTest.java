package org.ventrack.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.ventrack.platform.problem.ProblemException;

class ETagsTest {

    @Test
    void theVersionIsAStrongETag() {
        assertEquals("\"3\"", ETags.of(3).toString());
    }

    @Test
    void acceptsTheCurrentVersionQuotedWeakOrStar() {
        assertEquals(3, ETags.requireMatch("\"3\"", 3));
        assertEquals(3, ETags.requireMatch("W/\"3\"", 3));
        assertEquals(3, ETags.requireMatch("*", 3));
    }

    @Test
    void missingIsA428AndStaleIsA412() {
        assertEquals(428, assertThrows(ProblemException.class, () -> ETags.requireMatch(null, 3)).problem().status());
        assertEquals(428, assertThrows(ProblemException.class, () -> ETags.requireMatch(" ", 3)).problem().status());
        assertEquals(412, assertThrows(ProblemException.class, () -> ETags.requireMatch("\"2\"", 3)).problem().status());
    }
}
