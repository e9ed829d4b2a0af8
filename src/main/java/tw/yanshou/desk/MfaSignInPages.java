package tw.yanshou.desk;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import tw.yanshou.security.SecondFactorSignIn;

/**
 * The second step of signing in: {@code /login/mfa} asks a user who gave the right password for a code of their
 * authenticator app or a recovery code (field {@code code}), or a passkey; {@link SecondFactorSignIn} checks it within
 * the limits on failures and completes the sign-in.
 */
@Controller
class MfaSignInPages {
    private final SecondFactorSignIn signIn;

    MfaSignInPages(SecondFactorSignIn signIn) { this.signIn = signIn; }

    @GetMapping("/login/mfa")
    String page(@RequestParam(name = "error", required = false) String error, Model model) {
        model.addAttribute("failed", error != null);
        var pending = signIn.pending();
        if (pending.isEmpty()) return "redirect:/";
        if (!pending.get().enrolled()) return "redirect:/account/mfa";
        return "signin/mfa";
    }

    @PostMapping("/login/mfa")
    String code(@RequestParam(name = "code", defaultValue = "") String code, HttpServletRequest request,
                HttpServletResponse response) {
        SecondFactorSignIn.Outcome outcome = signIn.attempt(code, request, response);
        return "redirect:" + outcome.target();
    }
}
