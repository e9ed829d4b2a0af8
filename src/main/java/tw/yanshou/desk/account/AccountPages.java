package tw.yanshou.desk.account;

import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import tw.yanshou.desk.FormErrors;
import tw.yanshou.desk.Forms;
import tw.yanshou.security.Accounts;
import tw.yanshou.security.CurrentActor;
import tw.yanshou.security.PasswordPolicy;
import tw.yanshou.security.Sessions;
import tw.yanshou.security.SignInHistory;
import tw.yanshou.web.InvalidInputException;
import tw.yanshou.web.NotFoundException;

/**
 * A signed-in user's own account ({@code /account}): the open sessions (and ending one), the last sign-in attempts
 * under their name, and a new password. Everyone signed in, staff and vendors alike, sees only their own.
 */
@Controller
class AccountPages {
    static final int HISTORY = 50;

    private final Sessions sessions;
    private final SignInHistory history;
    private final Accounts accounts;
    private final CurrentActor actor;
    private final Forms forms;

    AccountPages(Sessions sessions, SignInHistory history, Accounts accounts, CurrentActor actor, Forms forms) {
        this.sessions = sessions;
        this.history = history;
        this.accounts = accounts;
        this.actor = actor;
        this.forms = forms;
    }

    @GetMapping("/account")
    String account(HttpServletRequest request, Model model) { return page(request, model, forms.errors()); }

    @PostMapping("/account/sessions/{handle}/end")
    String end(@PathVariable String handle) {
        try {
            sessions.end(actor.get().name(), handle, actor.get().name());
        } catch (NotFoundException e) {
            // ended meanwhile (or expired): the list shows what is left
        }
        return "redirect:/account?ended";
    }

    @PostMapping("/account/password")
    String password(@RequestParam Map<String, String> form, HttpServletRequest request, Model model) {
        FormErrors errors = forms.errors();
        String current = form.getOrDefault("currentPassword", "");
        String next = form.getOrDefault("newPassword", "");
        try {
            accounts.changePassword(actor.get().name(), current, next, actor.get().name());
            // whoever else knew the old password is signed out everywhere else
            HttpSession session = request.getSession(false);
            sessions.endAll(actor.get().name(), session == null ? null : session.getId());
            return "redirect:/account?passwordChanged";
        } catch (PasswordPolicy.Rejected e) {
            errors.add("newPassword", e.messageKey());
        } catch (InvalidInputException e) {
            errors.add("currentPassword", "account.password.notCurrent");
        }
        return page(request, model, errors);
    }

    @GetMapping({"/account/sessions/{handle}/end", "/account/password"})
    String afterPost() { return "redirect:/account"; }

    private String page(HttpServletRequest request, Model model, FormErrors errors) {
        String me = actor.get().name();
        HttpSession session = request.getSession(false);
        model.addAttribute("sessions", sessions.of(me, session == null ? null : session.getId()));
        model.addAttribute("attempts", history.of(me, HISTORY));
        model.addAttribute("errors", errors);
        model.addAttribute("form", Map.of());
        model.addAttribute("historyLimit", HISTORY);
        return "account/index";
    }
}
