package org.ventrack.platform.security;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.ventrack.platform.audit.AuditLog;
import org.ventrack.platform.problem.ProblemException;

import io.quarkus.logging.Log;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Which sites the caller may see and write. Site users are limited to their {@code sites} claim; investigators,
 * statisticians and admins see every site. Use {@link #visible} for single resources (another site's resource is
 * reported as not found, so its existence does not leak) and {@link #siteFilter()} for lists and statistics. A
 * refused attempt on another site's data is kept in the audit log ({@link AuditLog#recordDenial}).
 */
@RequestScoped
public class CallerScope {

    @Inject
    SecurityIdentity identity;
    @Inject
    JsonWebToken token;
    @Inject
    AuditLog audit;
    @Inject
    CurrentVertxRequest request;

    public boolean seesAllSites() {
        return identity.hasRole(Roles.INVESTIGATOR) || identity.hasRole(Roles.STATISTICIAN) || identity.hasRole(Roles.ADMIN);
    }

    /** The site codes of a site user's token (empty for other roles). */
    public Set<String> sites() {
        Object claim = token.getClaim(Roles.SITES_CLAIM);
        if (claim instanceof Collection<?> values) {
            return values.stream()
                    .map(v -> v instanceof JsonString s ? s.getString() : String.valueOf(v))
                    .collect(Collectors.toUnmodifiableSet());
        }
        return Set.of();
    }

    /** The sites to restrict a query to, or empty when the caller sees all sites. */
    public Optional<Set<String>> siteFilter() {
        return seesAllSites() ? Optional.empty() : Optional.of(sites());
    }

    public boolean canRead(String siteCode) {
        return seesAllSites() || sites().contains(siteCode);
    }

    public boolean canWrite(String siteCode) {
        return identity.hasRole(Roles.INVESTIGATOR) || (identity.hasRole(Roles.SITE_USER) && sites().contains(siteCode));
    }

    /** Throws 403 unless the caller may write data of {@code siteCode}; an attempt on another site is audited. */
    public void requireWrite(String siteCode) {
        requireWrite(siteCode, null);
    }

    /** As {@link #requireWrite(String)}, naming the patient concerned in the audited denial. */
    public void requireWrite(String siteCode, UUID patientId) {
        if (!canWrite(siteCode)) {
            if (!seesAllSites() && !sites().contains(siteCode)) {
                recordDenial(siteCode, patientId);
            }
            throw ProblemException.forbidden("You may not write data of site " + siteCode + ".");
        }
    }

    /** {@code resource} if the caller may read its site, else empty (the caller then answers 404). */
    public <T> Optional<T> visible(Optional<T> resource, Function<T, String> siteOf) {
        return visible(resource, siteOf, r -> null);
    }

    /**
     * {@code resource} if the caller may read its site, else empty (the caller then answers 404), the refusal being
     * kept in the audit log with the patient concerned ({@link AuditLog#recordDenial}).
     */
    public <T> Optional<T> visible(Optional<T> resource, Function<T, String> siteOf, Function<T, UUID> patientOf) {
        if (resource.isEmpty()) {
            return resource;
        }
        String site = siteOf.apply(resource.get());
        if (canRead(site)) {
            return resource;
        }
        recordDenial(site, patientOf.apply(resource.get()));
        return Optional.empty();
    }

    /** Keeps a refused attempt on another site's data; never changes the caller's answer, even if it cannot be kept. */
    private void recordDenial(String siteCode, UUID patientId) {
        RoutingContext context = request.getCurrent();
        String method = context == null ? "UNKNOWN" : context.request().method().name();
        String path = context == null ? "unknown" : context.normalizedPath();
        try {
            audit.recordDenial(caller(), sites(), siteCode, patientId, method, path);
        } catch (RuntimeException e) {
            Log.warnf("could not record the access denial of %s on site %s: %s", caller(), siteCode, e.getMessage());
        }
    }

    public java.util.List<String> roles() {
        return identity.getRoles().stream().sorted().toList();
    }

    /** The caller's name for audit trails. */
    public String caller() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    /** The caller's own bearer token, to call another service on the caller's behalf (never logged, never stored). */
    public String rawToken() {
        return token.getRawToken();
    }
}
