package org.ventrack.platform.rest;

import jakarta.ws.rs.core.EntityTag;

import org.ventrack.platform.problem.ProblemException;

/** Optimistic locking over HTTP: a resource's version is its (strong) ETag, and updates must send it in If-Match. */
public final class ETags {

    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * The version the client says it updates. 428 when If-Match is missing, 412 when it names another version than
     * {@code current} (the caller's transaction then also relies on the entity's @Version for concurrent writers).
     */
    public static long requireMatch(String ifMatch, long current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProblemException.preconditionRequired("Send the resource's ETag in If-Match to update it.");
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        if (!tag.equals("*") && !tag.equals(Long.toString(current))) {
            throw ProblemException.preconditionFailed("The resource has changed (version " + current
                    + "); fetch it again and retry with its new ETag.");
        }
        return current;
    }
}
