package org.ventrack.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.ventrack.platform.security.Roles;

import io.smallrye.jwt.build.Jwt;

/** Mints signed bearer tokens for tests, one helper per role, with the test key pair. */
public final class TestTokens {

    public static final String ISSUER = "https://ventrack.local";
    private static final PrivateKey KEY = loadKey();

    private TestTokens() {
    }

    public static String siteUser(String... sites) {
        return token(Roles.SITE_USER, "site-user-" + String.join("-", sites), List.of(sites));
    }

    public static String investigator() {
        return token(Roles.INVESTIGATOR, "investigator", List.of());
    }

    public static String statistician() {
        return token(Roles.STATISTICIAN, "statistician", List.of());
    }

    public static String admin() {
        return token(Roles.ADMIN, "admin", List.of());
    }

    /** "Bearer ..." header value. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    /** A well-formed token signed by a key the services do not trust. */
    public static String signedByStranger() throws Exception {
        var generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return Jwt.issuer(ISSUER).upn("stranger").groups(Set.of(Roles.INVESTIGATOR))
                .expiresIn(Duration.ofMinutes(10)).sign(generator.generateKeyPair().getPrivate());
    }

    public static String expired() {
        return Jwt.issuer(ISSUER).upn("late").groups(Set.of(Roles.INVESTIGATOR))
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)).sign(KEY);
    }

    public static String token(String role, String name, List<String> sites) {
        var builder = Jwt.issuer(ISSUER).upn(name).subject(name).groups(Set.of(role)).expiresIn(Duration.ofHours(1));
        if (!sites.isEmpty()) {
            builder.claim(Roles.SITES_CLAIM, sites);
        }
        return builder.sign(KEY);
    }

    private static PrivateKey loadKey() {
        try (InputStream in = TestTokens.class.getResourceAsStream("/ventrack-test-keys/privateKey.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("test signing key unreadable", e);
        }
    }
}
