package tw.yanshou.desk.admin;

import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import tw.yanshou.desk.FormErrors;
import tw.yanshou.desk.Forms;
import tw.yanshou.officecalendar.OfficeCalendars;
import tw.yanshou.security.Accounts;
import tw.yanshou.security.Actor;
import tw.yanshou.security.CurrentActor;
import tw.yanshou.web.ConflictException;
import tw.yanshou.web.InvalidInputException;
import tw.yanshou.web.NotFoundException;

/**
 * Administration (administrators only, by the security configuration): users and API tokens through
 * {@link Accounts}, the office calendar through {@link OfficeCalendars}.
 */
@Controller
class AdminPages {
    private static final List<String> ROLES = Actor.ROLES;

    private final Accounts accounts;
    private final OfficeCalendars calendars;
    private final CurrentActor actor;
    private final Forms forms;
    private final tw.yanshou.security.SecondFactors factors;

    AdminPages(Accounts accounts, OfficeCalendars calendars, CurrentActor actor, Forms forms,
               tw.yanshou.security.SecondFactors factors) {
        this.factors = factors;
        this.accounts = accounts;
        this.calendars = calendars;
        this.actor = actor;
        this.forms = forms;
    }

    // ---- users ------------------------------------------------------------------------------------------------

    @GetMapping("/admin/users")
    String users(Model model) { return users(model, Map.of(), forms.errors(), null, forms.errors()); }

    @PostMapping("/admin/users")
    String createUser(@RequestParam Map<String, String> form, @RequestParam(name = "roles", required = false) List<String> roles,
                      Model model) {
        FormErrors errors = forms.errors();
        try {
            accounts.createUser(Forms.text(form, "username"), form.get("password"), roles(roles),
                    Forms.text(form, "vendorId"), actor.get().name());
            return "redirect:/admin/users?created";
        } catch (tw.yanshou.security.PasswordPolicy.Rejected e) {
            errors.add("password", e.messageKey());
        } catch (InvalidInputException | ConflictException e) {
            errors.addAll(violations(e), p -> p, Set.of("username", "password", "roles", "vendorId"));
        }
        Map<String, String> kept = new java.util.HashMap<>(form);
        kept.remove("password");
        if (roles != null) for (String r : roles) kept.put("role." + r, "on");
        return users(model, kept, errors, null, forms.errors());
    }

    @PostMapping("/admin/users/{username}")
    String updateUser(@PathVariable String username, @RequestParam Map<String, String> form,
                      @RequestParam(name = "roles", required = false) List<String> roles, Model model) {
        FormErrors errors = forms.errors();
        try {
            accounts.updateUser(username, roles(roles), Forms.text(form, "vendorId"), form.containsKey("enabled"),
                    actor.get().name());
            return "redirect:/admin/users?updated";
        } catch (InvalidInputException | ConflictException e) {
            errors.addAll(violations(e), p -> p, Set.of("roles", "vendorId", "enabled"));
        }
        return users(model, Map.of(), forms.errors(), username, errors);
    }

    /** An administrator resets another user's second factors (the user lost them), with the reason. */
    @PostMapping("/admin/users/{username}/second-factors/reset")
    String resetSecondFactors(@PathVariable String username, @RequestParam Map<String, String> form, Model model,
                              org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        FormErrors errors = forms.errors();
        try {
            factors.resetByAdministrator(actor.get(), username, form.get("reason"));
            // the message names the user from the session, not from the address (which anyone could write)
            redirect.addFlashAttribute("resetDone", username);
            return "redirect:/admin/users";
        } catch (InvalidInputException e) {
            errors.add("reason", "admin.mfaReset.reason.invalid");
        } catch (ConflictException e) {
            // one's own, or nothing (left) to reset: at the top of the page, the row may have no form
            errors.addGeneral("admin.mfaReset.conflict", username);
        }
        model.addAttribute("resetForm", form);
        return users(model, Map.of(), forms.errors(), null, forms.errors(), username, errors);
    }

    /** An administrator ends another user's open sessions. */
    @PostMapping("/admin/users/{username}/sessions/end")
    String endSessions(@PathVariable String username, Model model,
                       org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        try {
            accounts.endSessionsOf(actor.get(), username);
            redirect.addFlashAttribute("sessionsEnded", username);
            return "redirect:/admin/users";
        } catch (ConflictException e) {
            FormErrors errors = forms.errors();
            errors.addGeneral("admin.sessions.own");
            return users(model, Map.of(), forms.errors(), null, forms.errors(), null, errors);
        }
    }

    @GetMapping({"/admin/users/{username}", "/admin/users/{username}/second-factors/reset", "/admin/users/{username}/sessions/end",
            "/admin/tokens/{id}/revoke",
            "/admin/calendar/closures/{id}/remove"})
    String afterPost() { return "redirect:/admin/users"; }

    private String users(Model model, Map<String, String> form, FormErrors errors, String editing, FormErrors editErrors) {
        return users(model, form, errors, editing, editErrors, null, forms.errors());
    }

    private String users(Model model, Map<String, String> form, FormErrors errors, String editing, FormErrors editErrors,
                         String resetting, FormErrors resetErrors) {
        var users = accounts.users();
        model.addAttribute("users", users);
        Map<String, tw.yanshou.security.SecondFactors.Status> factorsOf = new java.util.HashMap<>();
        for (var u : users) factorsOf.put(u.username(), factors.status(u.username()));
        model.addAttribute("factorsOf", factorsOf);
        model.addAttribute("sessionsOf", accounts.openSessions());
        model.addAttribute("me", actor.get().name());
        model.addAttribute("resetting", resetting);
        model.addAttribute("resetErrors", resetErrors);
        model.addAttribute("none", forms.errors());
        if (!model.containsAttribute("resetForm")) model.addAttribute("resetForm", Map.of());
        model.addAttribute("roles", ROLES);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("editing", editing);
        model.addAttribute("editErrors", editErrors);
        return "admin/users";
    }

    // ---- tokens -----------------------------------------------------------------------------------------------

    @GetMapping("/admin/tokens")
    String tokens(Model model) { return tokens(model, Map.of(), forms.errors(), null); }

    @PostMapping("/admin/tokens")
    String issue(@RequestParam Map<String, String> form, @RequestParam(name = "roles", required = false) List<String> roles,
                 Model model) {
        FormErrors errors = forms.errors();
        try {
            Accounts.IssuedToken token = accounts.issueToken(Forms.text(form, "name"), Forms.text(form, "username"),
                    roles(roles), Forms.text(form, "vendorId"), null, actor.get().name());
            // shown once, on this answer only: never stored in clear, never in a URL
            return tokens(model, Map.of(), forms.errors(), token);
        } catch (InvalidInputException | ConflictException e) {
            errors.addAll(violations(e), p -> p, Set.of("name", "username", "roles", "vendorId"));
        }
        Map<String, String> kept = new java.util.HashMap<>(form);
        if (roles != null) for (String r : roles) kept.put("role." + r, "on");
        return tokens(model, kept, errors, null);
    }

    @PostMapping("/admin/tokens/{id}/revoke")
    String revoke(@PathVariable UUID id, Model model) {
        try {
            accounts.revokeToken(id, actor.get().name());
        } catch (NotFoundException e) {
            FormErrors errors = forms.errors();
            errors.addGeneral("admin.tokens.gone");
            return tokens(model, Map.of(), errors, null);
        }
        return "redirect:/admin/tokens?revoked";
    }

    private String tokens(Model model, Map<String, String> form, FormErrors errors, Accounts.IssuedToken issued) {
        model.addAttribute("tokens", accounts.tokens());
        model.addAttribute("roles", ROLES);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("issued", issued);
        return "admin/tokens";
    }

    // ---- office calendar --------------------------------------------------------------------------------------

    @GetMapping("/admin/calendar")
    String calendar(Model model) { return calendar(model, Map.of(), forms.errors(), forms.errors(), null); }

    @PostMapping("/admin/calendar/years")
    String importYears(@RequestParam(name = "file", required = false) MultipartFile file, Model model) throws IOException {
        FormErrors errors = forms.errors();
        if (file == null || file.isEmpty()) {
            errors.add("file", "error.fileMissing");
        } else {
            try {
                Set<Integer> years = calendars.importYears(file.getBytes(), actor.get().name());
                return calendar(model, Map.of(), errors, forms.errors(), years);
            } catch (InvalidInputException e) {
                for (var v : e.violations()) errors.add("file", "error.at", v.path(), v.message());
            }
        }
        return calendar(model, Map.of(), errors, forms.errors(), null);
    }

    @PostMapping("/admin/calendar/closures")
    String addClosure(@RequestParam Map<String, String> form, Model model) {
        FormErrors errors = forms.errors();
        LocalDate day = Forms.date(form, "date", true, errors);
        if (!errors.any()) {
            try {
                calendars.addClosure(day, Forms.text(form, "county"), Forms.text(form, "reason"), actor.get().name());
                return "redirect:/admin/calendar?added";
            } catch (InvalidInputException | ConflictException e) {
                errors.addAll(violations(e), p -> p, Set.of("date", "county", "reason"));
            }
        } else if (Forms.text(form, "county") == null) {
            errors.add("county", "error.required");
        }
        return calendar(model, form, forms.errors(), errors, null);
    }

    @PostMapping("/admin/calendar/closures/{id}/remove")
    String removeClosure(@PathVariable UUID id, Model model) {
        try {
            calendars.removeClosure(id, actor.get().name());
        } catch (NotFoundException e) {
            // removed meanwhile: the list shows what is left
        }
        return "redirect:/admin/calendar?removed";
    }

    private String calendar(Model model, Map<String, String> form, FormErrors importErrors, FormErrors closureErrors,
                            Set<Integer> imported) {
        model.addAttribute("overview", calendars.overview());
        model.addAttribute("form", form);
        model.addAttribute("importErrors", importErrors);
        model.addAttribute("errors", closureErrors);
        model.addAttribute("imported", imported);
        return "admin/calendar";
    }

    private static Set<String> roles(List<String> roles) {
        return roles == null ? Set.of() : new LinkedHashSet<>(roles);
    }

    private static List<tw.yanshou.calculus.Violation> violations(RuntimeException e) {
        if (e instanceof InvalidInputException i) return i.violations();
        if (e instanceof ConflictException c) return c.violations();
        return List.of();
    }
}
