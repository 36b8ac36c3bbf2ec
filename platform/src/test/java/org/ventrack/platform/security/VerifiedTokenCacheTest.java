package org.ventrack.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

class VerifiedTokenCacheTest {

    private final CountingVerifier verifier = new CountingVerifier();
    private final VerifiedTokenCache cache = cache(100, Duration.ofMinutes(5));

    @Test
    void aTokenIsVerifiedOnceWhileItIsValid() throws Exception {
        verifier.tokens.put("good", token(inSeconds(3600)));

        JsonWebToken first = cache.parse("good");
        JsonWebToken second = cache.parse("good");

        assertSame(first, second);
        assertEquals(1, verifier.calls);
    }

    @Test
    void aTokenThatFailsVerificationIsNeverRemembered() {
        assertThrows(ParseException.class, () -> cache.parse("forged"));
        assertThrows(ParseException.class, () -> cache.parse("forged"));

        assertEquals(2, verifier.calls);
    }

    @Test
    void anExpiredTokenIsVerifiedAgain() throws Exception {
        verifier.tokens.put("old", token(inSeconds(-1)));

        cache.parse("old");
        cache.parse("old");

        assertEquals(2, verifier.calls);
    }

    @Test
    void aTokenIsVerifiedAgainAfterTheMaximumAge() throws Exception {
        VerifiedTokenCache noAge = cache(100, Duration.ZERO);
        verifier.tokens.put("good", token(inSeconds(3600)));

        noAge.parse("good");
        noAge.parse("good");

        assertEquals(2, verifier.calls);
    }

    @Test
    void aFullCacheStartsAfresh() throws Exception {
        VerifiedTokenCache small = cache(2, Duration.ofMinutes(5));
        for (String name : java.util.List.of("a", "b", "c")) {
            verifier.tokens.put(name, token(inSeconds(3600)));
            small.parse(name);
        }
        int afterThree = verifier.calls;

        small.parse("a");
        small.parse("b");

        assertEquals(3, afterThree);
        assertEquals(5, verifier.calls);
    }

    private VerifiedTokenCache cache(int maxSize, Duration maxAge) {
        VerifiedTokenCache cache = new VerifiedTokenCache();
        cache.verifier = verifier;
        cache.config = new TokenCacheConfig() {
            @Override
            public int maxSize() {
                return maxSize;
            }

            @Override
            public Duration maxAge() {
                return maxAge;
            }
        };
        return cache;
    }

    private static long inSeconds(long seconds) {
        return System.currentTimeMillis() / 1000 + seconds;
    }

    private static JsonWebToken token(long expiresAt) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "someone";
            }

            @Override
            public Set<String> getClaimNames() {
                return Set.of("exp");
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return "exp".equals(claimName) ? (T) Long.valueOf(expiresAt) : null;
            }
        };
    }

    /** Accepts the tokens it was given, refuses any other, and counts the checks. */
    private static final class CountingVerifier extends DefaultJWTParser {
        final Map<String, JsonWebToken> tokens = new HashMap<>();
        int calls;

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            calls++;
            JsonWebToken known = tokens.get(token);
            if (known == null) {
                throw new ParseException("bad signature");
            }
            return known;
        }
    }
}
