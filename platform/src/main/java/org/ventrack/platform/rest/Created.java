package org.ventrack.platform.rest;

import java.net.URI;

import org.jboss.resteasy.reactive.RestResponse;

/** 201 Created with Location and the new resource's ETag. */
public final class Created {

    private Created() {
    }

    public static <T> RestResponse<T> at(URI location, T body, long version) {
        return RestResponse.ResponseBuilder.<T> created(location).entity(body).tag(ETags.of(version)).build();
    }

    public static <T> RestResponse<T> ok(T body, long version) {
        return RestResponse.ResponseBuilder.ok(body).tag(ETags.of(version)).build();
    }
}
