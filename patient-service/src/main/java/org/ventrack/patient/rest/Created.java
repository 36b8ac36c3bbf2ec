package org.ventrack.patient.rest;

import java.net.URI;

import org.jboss.resteasy.reactive.RestResponse;
import org.ventrack.platform.rest.ETags;

/** 201 Created with Location and the new resource's ETag. */
final class Created {

    private Created() {
    }

    static <T> RestResponse<T> at(URI location, T body, long version) {
        return RestResponse.ResponseBuilder.<T> created(location).entity(body).tag(ETags.of(version)).build();
    }

    static <T> RestResponse<T> ok(T body, long version) {
        return RestResponse.ResponseBuilder.ok(body).tag(ETags.of(version)).build();
    }
}
