package org.ventrack.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyTest {

    @TempDir
    Path data;

    @Test
    void createsAKeyPairAsPemFilesWithAPrivatePrivateKey() throws Exception {
        Path keys = data.resolve("keys");
        SigningKey.loadOrCreate(keys);

        String privatePem = Files.readString(keys.resolve("privateKey.pem"));
        String publicPem = Files.readString(keys.resolve("publicKey.pem"));
        assertTrue(privatePem.startsWith("-----BEGIN PRIVATE KEY-----\n"), privatePem);
        assertTrue(privatePem.endsWith("-----END PRIVATE KEY-----\n"), privatePem);
        assertTrue(publicPem.startsWith("-----BEGIN PUBLIC KEY-----\n"), publicPem);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("privateKey.pem"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys)));
        assertEquals(2048, ((java.security.interfaces.RSAPublicKey) readPublicKey(keys.resolve("publicKey.pem"))).getModulus().bitLength());
    }

    @Test
    void reusesTheKeySoEarlierTokensStayValid() throws Exception {
        Path keys = data.resolve("keys");
        String token = SigningKey.loadOrCreate(keys).token("admin", List.of());
        byte[] privateBefore = Files.readAllBytes(keys.resolve("privateKey.pem"));

        SigningKey again = SigningKey.loadOrCreate(keys);

        assertEquals(new String(privateBefore, StandardCharsets.US_ASCII), Files.readString(keys.resolve("privateKey.pem")));
        verify(token, readPublicKey(again.publicKeyFile()));
    }

    @Test
    void rewritesALostPublicKeyFromThePrivateKey() throws Exception {
        Path keys = data.resolve("keys");
        PublicKey original = SigningKey.loadOrCreate(keys).publicKey();
        Files.delete(keys.resolve("publicKey.pem"));

        SigningKey.load(keys);

        assertEquals(original, readPublicKey(keys.resolve("publicKey.pem")));
    }

    @Test
    void loadFailsWhenThereIsNoKeyYet() {
        assertThrows(NoSuchFileException.class, () -> SigningKey.load(data.resolve("keys")));
    }

    @Test
    void siteUserTokenCarriesTheDefaultSite() throws Exception {
        SigningKey key = SigningKey.loadOrCreate(data.resolve("keys"));

        JwtClaims claims = verify(key.token("site-user", List.of()), key.publicKey());

        assertEquals("https://ventrack.local", claims.getIssuer());
        assertEquals("local-site-user", claims.getSubject());
        assertEquals("local-site-user", claims.getStringClaimValue("upn"));
        assertEquals(List.of("site-user"), claims.getStringListClaimValue("groups"));
        assertEquals(List.of("FR-RDB"), claims.getStringListClaimValue("sites"));
        assertEquals(24 * 3600, claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue());
    }

    @Test
    void tokenCarriesTheGivenSites() throws Exception {
        SigningKey key = SigningKey.loadOrCreate(data.resolve("keys"));

        JwtClaims claims = verify(key.token("site-user", List.of("FR-RDB", "DE-BER")), key.publicKey());

        assertEquals(List.of("FR-RDB", "DE-BER"), claims.getStringListClaimValue("sites"));
    }

    @Test
    void otherRolesHaveNoSitesClaimUnlessGiven() throws Exception {
        SigningKey key = SigningKey.loadOrCreate(data.resolve("keys"));
        for (String role : List.of("investigator", "statistician", "admin")) {
            JwtClaims claims = verify(key.token(role, List.of()), key.publicKey());
            assertEquals(List.of(role), claims.getStringListClaimValue("groups"));
            assertFalse(claims.hasClaim("sites"), role);
        }
    }

    @Test
    void tokenIsSignedRs256() throws Exception {
        SigningKey key = SigningKey.loadOrCreate(data.resolve("keys"));
        String[] parts = key.token("investigator", List.of()).split("\\.");

        String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(readPublicKey(key.publicKeyFile()));
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));

        assertTrue(header.contains("\"alg\":\"RS256\""), header);
        assertTrue(rs256.verify(Base64.getUrlDecoder().decode(parts[2])));
    }

    @Test
    void rejectsUnknownRoles() throws Exception {
        SigningKey key = SigningKey.loadOrCreate(data.resolve("keys"));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> key.token("root", List.of()));

        assertTrue(e.getMessage().contains("site-user, investigator, statistician, admin"), e.getMessage());
    }

    private static JwtClaims verify(String token, PublicKey key) throws Exception {
        return new JwtConsumerBuilder()
                .setVerificationKey(key)
                .setExpectedIssuer("https://ventrack.local")
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .build()
                .processToClaims(token);
    }

    private static PublicKey readPublicKey(Path pem) throws Exception {
        String base64 = Files.readString(pem).replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "");
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder().decode(base64)));
    }
}
