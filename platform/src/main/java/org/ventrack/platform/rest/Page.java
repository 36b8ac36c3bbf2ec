package org.ventrack.platform.rest;

import java.util.List;

/**
 * One page of a list.
 *
 * @param page  zero-based page index
 * @param total number of items over all pages
 */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 200;
    public static final String DEFAULT_SIZE = "50";
}
