package org.ventrack.patient.service;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ventrack.patient.domain.Site;
import org.ventrack.patient.domain.SiteRepository;
import org.ventrack.platform.problem.ProblemException;

import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class SiteService {

    @Inject
    SiteRepository sites;

    @Transactional
    public Site create(String code, String name, String country) {
        if (sites.findByIdOptional(code).isPresent()) {
            throw ProblemException.conflict("Site " + code + " already exists.");
        }
        Site site = new Site();
        site.code = code;
        site.name = name;
        site.country = country;
        sites.persistAndFlush(site);
        sites.getEntityManager().refresh(site);
        return site;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Site> list() {
        return sites.listAll(Sort.by("code"));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Site> find(String code) {
        return sites.findByIdOptional(code);
    }
}
