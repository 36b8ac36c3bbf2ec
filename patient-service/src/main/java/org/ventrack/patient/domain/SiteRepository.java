package org.ventrack.patient.domain;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class SiteRepository implements PanacheRepositoryBase<Site, String> {
}
