package org.ventrack.patient.service;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ventrack.patient.domain.SiteRepository;

/**
 * Whether a site exists, remembered once seen: a write names its site, and the site is the same on every write of
 * it. Sites are never deleted (no endpoint does it, and patients reference them), so a code found once stays valid;
 * a code not found is looked up again every time, so a site created meanwhile, on any replica, is found at once.
 */
@ApplicationScoped
public class KnownSites {

    @Inject
    SiteRepository sites;

    private final Set<String> existing = ConcurrentHashMap.newKeySet();

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean exists(String code) {
        if (existing.contains(code)) {
            return true;
        }
        boolean found = sites.findByIdOptional(code).isPresent();
        if (found) {
            existing.add(code);
        }
        return found;
    }
}
