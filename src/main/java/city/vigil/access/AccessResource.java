package city.vigil.access;

import city.vigil.platform.ApiException;
import city.vigil.platform.AuditTrail;
import city.vigil.platform.Page;
import city.vigil.platform.Params;
import city.vigil.platform.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Users, API keys, and the caller itself. */
@Path("/api/v1")
@Tag(name = "Access")
@APIResponse(responseCode = "400", description = "Invalid input: the problem names each rejected field and the reason", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AccessResource {

    /** Who is calling: role, areas, and the CSRF token a page's script sends back with changes. */
    public record Me(String name, String kind, String role, List<String> areas, boolean mustChangePassword, String csrfToken) {
    }

    @Inject
    AuditTrail trail;
    @Inject
    ApiKeys keys;
    @Inject
    Users users;
    @Inject
    CurrentCaller caller;

    @GET
    @Path("me")
    @RolesAllowed({Roles.VIEWER, Roles.PASSWORD_CHANGE})
    @Operation(summary = "Who am I", description = "The caller's name, role and areas (empty: everything).")
    public Me me() {
        Caller c = caller.get();
        return new Me(c.actor(), c.kind().name(), c.role() == null ? null : c.role().id(), c.areaCodes(), c.mustChangePassword(), c.csrfToken());
    }

    @POST
    @Path("me/password")
    @RolesAllowed({Roles.VIEWER, Roles.PASSWORD_CHANGE})
    @Operation(summary = "Change my password", description = "{currentPassword, newPassword}: at least 12 characters. Ends the user's other sessions.")
    public Response changePassword(PasswordChange change, @CookieParam(CallerAuthentication.SESSION_COOKIE) String session) {
        Caller c = caller.get();
        if (c.kind() != Caller.Kind.USER) {
            throw ApiException.invalid("currentPassword", "only a logged-in person has a password");
        }
        users.changePassword(c.name(), change, session);
        return Response.noContent().build();
    }

    @POST
    @Path("keys")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create an API key", description = "{name, role, areas, expiresAt}. The answer carries the key (vgl_…) — the only time it "
            + "is shown; Vigil keeps its SHA-256. areas: codes the key is limited to (a scoped admin must name its own).")
    public Response createKey(KeyRequest request) {
        KeyView.Created created = keys.create(caller.get(), request);
        return Response.status(201).entity(created).build();
    }

    @GET
    @Path("keys")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "List API keys", description = "Never their secrets.")
    public Page<KeyView> listKeys(@QueryParam("after") String after, @QueryParam("limit") Integer limit) {
        return keys.list(caller.get(), Params.wholeNumber("after", after), Page.limit(limit));
    }

    @GET
    @Path("keys/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Get an API key")
    @APIResponse(responseCode = "404", description = "No such resource (the problem says which)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public KeyView getKey(@PathParam("id") String id) {
        return keys.get(caller.get(), keyId(id));
    }

    @POST
    @Path("keys/{id}/rotate")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Rotate an API key", description = "A new key with the same name, role and areas (shown once); the old one keeps working "
            + "for vigil.access.key-rotation-grace, then expires.")
    @APIResponse(responseCode = "404", description = "No such resource (the problem says which)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response rotateKey(@PathParam("id") String id) {
        trail.before(() -> keys.get(caller.get(), keyId(id)));
        return Response.status(201).entity(keys.rotate(caller.get(), keyId(id))).build();
    }

    @POST
    @Path("keys/{id}/revoke")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Revoke an API key", description = "At once; the key is kept, revoked, for the audit trail.")
    @APIResponse(responseCode = "404", description = "No such resource (the problem says which)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public KeyView revokeKey(@PathParam("id") String id) {
        trail.before(() -> keys.get(caller.get(), keyId(id)));
        return keys.revoke(caller.get(), keyId(id));
    }

    @POST
    @Path("users")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create a user", description = "{name, password, role, areas}. The password is one-time: the user replaces it at the first login.")
    public Response createUser(UserRequest request) {
        return Response.status(201).entity(users.create(caller.get(), request)).build();
    }

    @GET
    @Path("users")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "List users")
    public Page<UserView> listUsers(@QueryParam("after") String after, @QueryParam("limit") Integer limit) {
        return users.list(caller.get(), Params.blankToNull(after), Page.limit(limit));
    }

    @GET
    @Path("users/{name}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Get a user")
    @APIResponse(responseCode = "404", description = "No such resource (the problem says which)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public UserView getUser(@PathParam("name") String name) {
        return users.get(caller.get(), name);
    }

    @PATCH
    @Path("users/{name}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Change a user", description = "{role, areas, password, disabled}: the fields given. A new password is one-time; it and "
            + "disabling end the user's sessions.")
    @APIResponse(responseCode = "404", description = "No such resource (the problem says which)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public UserView patchUser(@PathParam("name") String name, UserRequest request) {
        trail.before(() -> users.get(caller.get(), name));
        return users.patch(caller.get(), name, request);
    }

    private static long keyId(String id) {
        Long parsed = Params.wholeNumber("id", id);
        if (parsed == null) {
            throw ApiException.invalid("id", "is required");
        }
        return parsed;
    }
}
