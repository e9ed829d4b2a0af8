package tw.yanshou.desk;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page (Spring Security checks the form it posts to {@code /login}) and the vendors' landing page until
 * the vendor portal exists.
 */
@Controller
class SignInController {

    @GetMapping("/login")
    String login(Authentication authentication) {
        if (authentication != null && authentication.isAuthenticated() && !(authentication instanceof AnonymousAuthenticationToken))
            return "redirect:/";
        return "signin/login";
    }

    @GetMapping("/vendor")
    String vendor() { return "redirect:/portal"; }   // the placeholder page before the portal; old bookmarks
}
