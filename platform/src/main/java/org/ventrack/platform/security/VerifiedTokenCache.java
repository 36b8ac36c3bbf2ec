package org.ventrack.platform.security;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.SecretKey;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * The bearer-token parser of every service: SmallRye JWT's own, with the tokens it has verified remembered until
 * their expiry (at most {@code ventrack.security.token-cache.max-age}), so a client sending the same token on every
 * request pays for the RSA signature check once, not per request. Keyed by the whole token, so only the exact bytes
 * that were verified are accepted; a token that fails verification is never remembered.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokenCache implements JWTParser {

    @Inject
    DefaultJWTParser verifier;
    @Inject
    TokenCacheConfig config;

    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        long now = System.currentTimeMillis();
        Verified known = verified.get(token);
        if (known != null && now < known.acceptedUntil()) {
            return known.token();
        }
        JsonWebToken fresh = verifier.parse(token);
        remember(token, fresh, now);
        return fresh;
    }

    void remember(String raw, JsonWebToken token, long now) {
        if (config.maxSize() <= 0) {
            return;
        }
        long acceptedUntil = Math.min(token.getExpirationTime() * 1000, now + config.maxAge().toMillis());
        if (verified.size() >= config.maxSize()) {
            verified.clear();
        }
        verified.put(raw, new Verified(token, acceptedUntil));
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }

    private record Verified(JsonWebToken token, long acceptedUntil) {
    }
}
