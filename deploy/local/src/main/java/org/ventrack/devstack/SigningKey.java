package org.ventrack.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * The local stack's RSA key pair: the services verify tokens with the public key, and {@link #token} signs tokens
 * with the private key. The pair is kept in a directory ({@code privateKey.pem}, PKCS#8, mode 600, and
 * {@code publicKey.pem}, X.509 SubjectPublicKeyInfo) and reused, so tokens stay valid across restarts.
 */
public final class SigningKey {

    public static final String ISSUER = "https://ventrack.local";
    /** The roles a token can carry, in the order the banner lists them. */
    public static final List<String> ROLES = List.of("site-user", "investigator", "statistician", "admin");
    public static final String SITE_USER = "site-user";
    public static final List<String> DEFAULT_SITES = List.of("FR-RDB");
    public static final Duration LIFETIME = Duration.ofHours(24);

    private static final String PRIVATE_KEY_FILE = "privateKey.pem";
    private static final String PUBLIC_KEY_FILE = "publicKey.pem";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final Path publicKeyFile;

    private SigningKey(PrivateKey privateKey, PublicKey publicKey, Path publicKeyFile) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.publicKeyFile = publicKeyFile;
    }

    /** The key pair in {@code directory}, generated (RSA 2048) on first use. */
    public static SigningKey loadOrCreate(Path directory) throws IOException {
        Path privateFile = directory.resolve(PRIVATE_KEY_FILE);
        if (!Files.exists(privateFile)) {
            createPrivateDirectory(directory);
            writePem(privateFile, "PRIVATE KEY", generatePrivateKey().getEncoded(), "rw-------");
        }
        return load(directory);
    }

    /** The existing key pair in {@code directory}; {@link NoSuchFileException} if there is none yet. */
    public static SigningKey load(Path directory) throws IOException {
        Path privateFile = directory.resolve(PRIVATE_KEY_FILE);
        Path publicFile = directory.resolve(PUBLIC_KEY_FILE).toAbsolutePath();
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            PrivateKey privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(readPem(privateFile, "PRIVATE KEY")));
            // The public key is derived from the private one, so a lost or stale publicKey.pem is simply rewritten.
            RSAPrivateCrtKey crt = (RSAPrivateCrtKey) privateKey;
            PublicKey publicKey = rsa.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            if (!Files.exists(publicFile) || !matches(publicFile, publicKey, rsa)) {
                writePem(publicFile, "PUBLIC KEY", publicKey.getEncoded(), "rw-r--r--");
            }
            return new SigningKey(privateKey, publicKey, publicFile);
        } catch (GeneralSecurityException | ClassCastException | IllegalArgumentException e) {
            throw new IOException("not a usable RSA private key: " + privateFile + " (" + e.getMessage() + ")", e);
        }
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** Absolute path of the PEM public key, for {@code mp.jwt.verify.publickey.location}. */
    public Path publicKeyFile() {
        return publicKeyFile;
    }

    /**
     * A token for {@code role} valid for 24 hours. A site user's token carries a {@code sites} claim
     * ({@code ["FR-RDB"]} unless sites are given); for the other roles a {@code sites} claim is only added when sites
     * are given explicitly.
     */
    public String token(String role, List<String> sites) {
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("unknown role '" + role + "', expected one of " + String.join(", ", ROLES));
        }
        String name = "local-" + role;
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(name);
        claims.setClaim("upn", name);
        claims.setStringListClaim("groups", role);
        List<String> tokenSites = sites.isEmpty() && role.equals(SITE_USER) ? DEFAULT_SITES : sites;
        if (!tokenSites.isEmpty()) {
            claims.setStringListClaim("sites", tokenSites);
        }
        claims.setJwtId(UUID.randomUUID().toString());
        NumericDate now = NumericDate.now();
        claims.setIssuedAt(now);
        claims.setExpirationTime(NumericDate.fromSeconds(now.getValue() + LIFETIME.toSeconds()));

        JsonWebSignature jws = new JsonWebSignature();
        jws.setHeader("typ", "JWT");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setKey(privateKey);
        jws.setPayload(claims.toJson());
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("could not sign a token", e);
        }
    }

    private static PrivateKey generatePrivateKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available in this JVM", e);
        }
    }

    private static void createPrivateDirectory(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        Files.createDirectories(directory.toAbsolutePath().getParent());
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectory(directory);
        }
    }

    private static boolean matches(Path publicFile, PublicKey expected, KeyFactory rsa) {
        try {
            return rsa.generatePublic(new X509EncodedKeySpec(readPem(publicFile, "PUBLIC KEY"))).equals(expected);
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] readPem(Path file, String type) throws IOException {
        String pem = Files.readString(file, StandardCharsets.US_ASCII);
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IOException(file + " is not a PEM file with a " + type);
        }
        return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
    }

    /** Writes through a temporary file created with its final permissions, so the key is never readable by others. */
    private static void writePem(Path file, String type, byte[] der, String permissions) throws IOException {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        String pem = "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
        Path directory = file.toAbsolutePath().getParent();
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))}
                : new FileAttribute<?>[0];
        Path temporary = Files.createTempFile(directory, "." + file.getFileName(), ".tmp", attributes);
        try {
            Files.writeString(temporary, pem, StandardCharsets.US_ASCII);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | UncheckedIOException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }
}
