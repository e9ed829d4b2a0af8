package tw.yanshou.desk;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import tw.yanshou.security.Actor;
import tw.yanshou.security.CurrentActor;

/**
 * What the layout of every page needs besides the page's own model ({@code desk}): who is signed in and what they
 * may open (for the navigation), and the links of the language switch back to the same page.
 */
class Chrome implements HandlerInterceptor {
    private final CurrentActor actor;

    Chrome(CurrentActor actor) { this.actor = actor; }

    /** The layout's view of the request. */
    public record View(String user, boolean staff, boolean admin, String zhUrl, String enUrl, String path,
                       boolean officer) { }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView mav) {
        if (mav == null || (mav.getViewName() != null && mav.getViewName().startsWith("redirect:"))) return;
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        Actor who = auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken ? null : actor.get();
        String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String query = null;
        if (path == null) {
            path = request.getRequestURI();
            // a form answered with errors was a POST: switch on the page it came from, without the typed values
            if ("GET".equals(request.getMethod())) query = request.getQueryString();
        }
        mav.addObject("desk", new View(who == null ? null : who.name(), who != null && who.isStaff(),
                who != null && who.is(Actor.ADMIN), switchTo(path, query, "zh-TW"), switchTo(path, query, "en"), path,
                who != null && who.isOfficer()));
    }

    private static String switchTo(String path, String query, String lang) {
        StringBuilder url = new StringBuilder(path).append('?');
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty() || pair.startsWith("lang=")) continue;
                url.append(pair).append('&');
            }
        }
        return url.append("lang=").append(URLEncoder.encode(lang, StandardCharsets.UTF_8)).toString();
    }
}
