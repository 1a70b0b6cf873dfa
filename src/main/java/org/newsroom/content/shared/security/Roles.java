package org.newsroom.content.shared.security;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/** The roles of docs/http-api.md §7, carried in the token's {@code groups} claim. */
public final class Roles {

    public static final String EDITOR = "editor";
    public static final String MODERATOR = "moderator";

    private Roles() {
    }

    /** For what an endpoint open to anyone offers only to a role (an editor's draft list, say): 401, then 403. */
    public static void require(SecurityIdentity identity, String role) {
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        if (!identity.hasRole(role)) {
            throw new ForbiddenException();
        }
    }
}
