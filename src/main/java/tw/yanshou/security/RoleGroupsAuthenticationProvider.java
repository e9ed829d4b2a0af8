package tw.yanshou.security;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The Camunda webapps' sign-in: the user Spring Security signed in (single sign-on), with the engine groups of the
 * user's roles ({@link Actor#groups}: ADMIN → camunda-admin and officers, OFFICER → officers, INSPECTOR →
 * inspectors, SUPERVISOR → supervisors). So Tasklist and Cockpit know the groups from Yanshou's roles, not from the
 * engine's own identity tables; the user tasks' candidate groups are these names.
 */
public class RoleGroupsAuthenticationProvider extends ContainerBasedAuthenticationProvider {
    /**
     * The webapps take only a user their engine knows (its identity table; the groups come from the roles): an
     * administrator created after the first one (who gets it at bootstrap) is entered there at their first visit,
     * with a random password nobody knows (signing in is Yanshou's).
     */
    static void knownToTheEngine(ProcessEngine engine, String username) {
        var identity = engine.getIdentityService();
        if (identity.createUserQuery().userId(username).count() > 0) return;
        org.camunda.bpm.engine.identity.User user = identity.newUser(username);
        user.setFirstName(username);
        user.setLastName("");
        user.setPassword(java.util.UUID.randomUUID() + "-" + java.util.UUID.randomUUID());
        try {
            identity.saveUser(user);
        } catch (org.camunda.bpm.engine.ProcessEngineException e) {
            // another request (or node) entered them at the same moment
            if (identity.createUserQuery().userId(username).count() == 0) throw e;
        }
    }

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        AuthenticationResult result = super.extractAuthenticatedUser(request, engine);
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (result.isAuthenticated() && auth != null && auth.isAuthenticated()) {
            Actor actor = new CurrentActor().get();
            result.setGroups(List.copyOf(actor.groups()));
            knownToTheEngine(engine, result.getAuthenticatedUser());
        }
        return result;
    }
}
