package org.ventrack.patient.rest;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ventrack.patient.domain.rules.Cyp3aInhibition;
import org.ventrack.patient.domain.rules.Cyp3aInhibitors;
import org.ventrack.patient.service.AdverseEventTerms;
import org.ventrack.platform.security.Roles;

/** The reference lists the service validates against, so clients can offer the same choices. */
@Path("/api/v1/reference")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reference")
public class ReferenceResource {

    @Inject
    AdverseEventTerms terms;

    @GET
    @Path("ctcae-terms")
    @RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR, Roles.STATISTICIAN, Roles.ADMIN })
    @Operation(summary = "The CTCAE v5.0 terms adverse events are validated against")
    public List<String> ctcaeTerms() {
        return terms.all();
    }

    @GET
    @Path("cyp3a-inhibitors")
    @RolesAllowed({ Roles.SITE_USER, Roles.INVESTIGATOR, Roles.STATISTICIAN, Roles.ADMIN })
    @Operation(summary = "The maintained list of CYP3A inhibitors co-medications are classified by; others are NONE")
    public Map<String, Cyp3aInhibition> cyp3aInhibitors() {
        return Cyp3aInhibitors.listed();
    }
}
