package tw.yanshou.security;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Administrators issue and revoke API tokens and create users. */
@RestController
@Tag(name = "Accounts")
class AccountApi {
    private final Accounts accounts;
    private final SecondFactors factors;
    private final CurrentActor actor;

    AccountApi(Accounts accounts, SecondFactors factors, CurrentActor actor) {
        this.accounts = accounts;
        this.factors = factors;
        this.actor = actor;
    }

    record ResetRequest(String reason) { }

    record TokenRequest(String name, String username, Set<String> roles, String vendorId, Instant expiresAt) { }

    record UserRequest(String username, String password, Set<String> roles, String vendorId) { }

    @Operation(summary = "Issue an API token (shown once; stored hashed)")
    @PostMapping("/api/tokens")
    ResponseEntity<Accounts.IssuedToken> issue(@RequestBody TokenRequest r) {
        Accounts.IssuedToken t = accounts.issueToken(r.name(), r.username(), r.roles(), r.vendorId(), r.expiresAt(), actor.get().name());
        return ResponseEntity.created(URI.create("/api/tokens/" + t.id())).body(t);
    }

    @Operation(summary = "Revoke an API token")
    @DeleteMapping("/api/tokens/{id}")
    ResponseEntity<Void> revoke(@PathVariable UUID id) {
        accounts.revokeToken(id, actor.get().name());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Create a user who signs in to the web pages")
    @PostMapping("/api/users")
    ResponseEntity<Map<String, Object>> createUser(@RequestBody UserRequest r) {
        accounts.createUser(r.username(), r.password(), r.roles(), r.vendorId(), actor.get().name());
        return ResponseEntity.status(201).body(Map.of("username", r.username(), "roles", r.roles()));
    }

    @Operation(summary = "Reset another user's second factors (authenticator app, recovery codes, passkeys) for a stated "
            + "reason; the user's sessions end, the user enrols again at the next sign-in and is told")
    @PostMapping("/api/users/{username}/second-factors/reset")
    SecondFactors.Reset resetSecondFactors(@PathVariable String username, @RequestBody(required = false) ResetRequest r) {
        return factors.resetByAdministrator(actor.get(), username, r == null ? null : r.reason());
    }

    @Operation(summary = "End every open session of another user (the user signs in again everywhere)")
    @DeleteMapping("/api/users/{username}/sessions")
    Map<String, Object> endSessions(@PathVariable String username) {
        return Map.of("username", username, "sessionsEnded", accounts.endSessionsOf(actor.get(), username));
    }
}
