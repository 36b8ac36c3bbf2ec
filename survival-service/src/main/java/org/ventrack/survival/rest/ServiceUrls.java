package org.ventrack.survival.rest;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The other services' base URLs as a browser reaches them: for the dashboard and for data-quality fix links. */
@ApplicationScoped
public class ServiceUrls {

    @ConfigProperty(name = "ventrack.dashboard.patient-service-url")
    String patientService;
    @ConfigProperty(name = "ventrack.dashboard.response-service-url")
    String responseService;
    @ConfigProperty(name = "ventrack.dashboard.pk-service-url")
    String pkService;

    public String patientService() {
        return patientService;
    }

    public String responseService() {
        return responseService;
    }

    public String pkService() {
        return pkService;
    }
}
