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
    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        AuthenticationResult result = super.extractAuthenticatedUser(request, engine);
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (result.isAuthenticated() && auth != null && auth.isAuthenticated())
            result.setGroups(List.copyOf(new CurrentActor().get().groups()));
        return result;
    }
}
