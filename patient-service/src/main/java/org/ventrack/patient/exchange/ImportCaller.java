package org.ventrack.patient.exchange;

import java.util.Set;

import org.ventrack.platform.security.CallerScope;
import org.ventrack.platform.security.Roles;

/**
 * Who imports, captured from the request so the work can continue on another thread: the name for the audit trail,
 * what the caller may write, and the bearer token for peer services. The token lives in memory only; it is never
 * stored or logged.
 *
 * @param token null when the caller's token is not at hand (a job resumed after a restart): peer records then wait
 */
public record ImportCaller(String name, Set<String> roles, Set<String> sites, String token) {

    public ImportCaller {
        roles = Set.copyOf(roles);
        sites = Set.copyOf(sites);
    }

    public static ImportCaller of(CallerScope scope) {
        return new ImportCaller(scope.caller(), Set.copyOf(scope.roles()), scope.sites(), scope.rawToken());
    }

    /** The rule of {@link CallerScope#canWrite}: investigators write every site, site users their own. */
    public boolean canWrite(String siteCode) {
        return roles.contains(Roles.INVESTIGATOR) || (roles.contains(Roles.SITE_USER) && sites.contains(siteCode));
    }

    /** May write some site at all (statisticians and admins may not import). */
    public boolean writesAnySite() {
        return roles.contains(Roles.INVESTIGATOR) || (roles.contains(Roles.SITE_USER) && !sites.isEmpty());
    }

    public boolean hasToken() {
        return token != null && !token.isBlank();
    }

    public ImportCaller withoutToken() {
        return new ImportCaller(name, roles, sites, null);
    }

    public ImportCaller withToken(String newToken) {
        return new ImportCaller(name, roles, sites, newToken);
    }

    @Override
    public String toString() {
        return "ImportCaller[" + name + ", roles=" + roles + ", sites=" + sites + ", token=" + (hasToken() ? "***" : "none") + "]";
    }
}
