package org.ventrack.platform.security;

/** The roles in a token's {@code groups} claim. */
public final class Roles {

    /** Reads and writes patients of the sites in its {@code sites} claim. */
    public static final String SITE_USER = "site-user";
    /** Reads and writes patients of every site. */
    public static final String INVESTIGATOR = "investigator";
    /** Reads everything, writes nothing. */
    public static final String STATISTICIAN = "statistician";
    /** Manages sites and configuration. */
    public static final String ADMIN = "admin";

    /** The claim listing a site user's site codes. */
    public static final String SITES_CLAIM = "sites";

    private Roles() {
    }
}
