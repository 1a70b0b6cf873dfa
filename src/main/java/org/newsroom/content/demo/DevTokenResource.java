package org.newsroom.content.demo;

import java.util.Set;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.newsroom.content.shared.error.ApiException;
import org.newsroom.content.shared.security.Roles;

import io.quarkus.arc.profile.IfBuildProfile;
import io.smallrye.jwt.build.Jwt;

/**
 * Dev mode only: hands a curl user a signed token for a role ({@code curl localhost:8080/dev/token?role=editor}).
 * {@link IfBuildProfile} keeps this class out of the production build entirely; a test on the packaged app checks it.
 */
@Path("/dev/token")
@IfBuildProfile("dev")
public class DevTokenResource {

    private static final Set<String> ROLES = Set.of(Roles.EDITOR, Roles.MODERATOR);

    @GET
    @PermitAll
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(hidden = true)
    public String token(@QueryParam("role") String role) {
        String wanted = role == null ? Roles.EDITOR : role;
        if (!ROLES.contains(wanted)) {
            throw ApiException.invalid("role", "must be editor or moderator");
        }
        return Jwt.subject("dev-" + wanted).upn("dev-" + wanted).groups(wanted).sign() + "\n";
    }
}
