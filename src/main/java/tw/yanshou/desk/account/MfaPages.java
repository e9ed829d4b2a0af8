package tw.yanshou.desk.account;

import java.util.List;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import tw.yanshou.desk.FormErrors;
import tw.yanshou.desk.Forms;
import tw.yanshou.security.Actor;
import tw.yanshou.security.CurrentActor;
import tw.yanshou.security.SecondFactorSignIn;
import tw.yanshou.security.SecondFactors;
import tw.yanshou.web.ConflictException;
import tw.yanshou.web.InvalidInputException;
import tw.yanshou.web.NotFoundException;

/**
 * A user's second factors ({@code /account/mfa}): set up an authenticator app (its QR code, served from here as a
 * PNG, the key as text and its {@code otpauth://} URI; confirmed with a code, then ten recovery codes shown once),
 * remove it, new recovery codes, passkeys (registered with Spring Security's endpoints and our script, listed and
 * removed here). A staff user (or a vendor, by default) without a factor lands here after the password and may go
 * nowhere else until the app is confirmed — that code is their second factor for this sign-in.
 */
@Controller
class MfaPages {
    private final SecondFactors factors;
    private final SecondFactorSignIn signIn;
    private final CurrentActor actor;
    private final Forms forms;

    MfaPages(SecondFactors factors, SecondFactorSignIn signIn, CurrentActor actor, Forms forms) {
        this.factors = factors;
        this.signIn = signIn;
        this.actor = actor;
        this.forms = forms;
    }

    @GetMapping("/account/mfa")
    String page(Model model) { return page(model, forms.errors(), null); }

    @PostMapping("/account/mfa/totp")
    String start() {
        try {
            factors.startTotp(actor.get().name());
        } catch (ConflictException alreadySetUp) {
            // the page shows what is there
        }
        return "redirect:/account/mfa#totp";
    }

    @PostMapping("/account/mfa/totp/confirm")
    String confirm(@RequestParam(name = "code", defaultValue = "") String code, Model model,
                   HttpServletRequest request, HttpServletResponse response) {
        FormErrors errors = forms.errors();
        try {
            List<String> codes = factors.confirmTotp(actor.get(), code);
            // a password-only session that enrolled its first factor: that code was the second factor
            String next = signIn.enrolled(request, response);
            model.addAttribute("next", next);
            return page(model, errors, codes);
        } catch (InvalidInputException e) {
            errors.add("code", "mfa.code.wrong");
            model.addAttribute("form", Map.of("code", code));
        } catch (NotFoundException e) {
            return "redirect:/account/mfa";
        }
        return page(model, errors, null);
    }

    @PostMapping("/account/mfa/totp/remove")
    String remove() {
        Actor me = actor.get();
        SecondFactors.Status status = factors.status(me.name());
        // the last factor of someone who must have one stays until another is there
        if (factors.required(me) && status.passkeys().isEmpty()) return "redirect:/account/mfa?lastFactor";
        try {
            factors.removeTotp(me);
        } catch (NotFoundException gone) {
            // removed meanwhile
        }
        return "redirect:/account/mfa?removed";
    }

    @PostMapping("/account/mfa/recovery-codes")
    String recoveryCodes(Model model) {
        try {
            List<String> codes = factors.regenerateRecoveryCodes(actor.get());
            return page(model, forms.errors(), codes);
        } catch (ConflictException noFactor) {
            return "redirect:/account/mfa";
        }
    }

    @PostMapping("/account/mfa/passkeys/{id}/remove")
    String removePasskey(@PathVariable String id) {
        Actor me = actor.get();
        SecondFactors.Status status = factors.status(me.name());
        if (factors.required(me) && !status.totp() && status.passkeys().size() <= 1) return "redirect:/account/mfa?lastFactor";
        try {
            factors.removePasskey(me, id);
        } catch (NotFoundException gone) {
            // removed meanwhile, or not the user's
        }
        return "redirect:/account/mfa?passkeyRemoved";
    }

    /** The QR code of the key being set up (never of a confirmed one: the key is not shown again). */
    @GetMapping(value = "/account/mfa/totp/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> qr() {
        return factors.pendingTotp(actor.get().name())
                .map(e -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.IMAGE_PNG)
                        .body(QrCode.png(e.uri(), 240)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @GetMapping({"/account/mfa/totp", "/account/mfa/totp/confirm", "/account/mfa/totp/remove", "/account/mfa/recovery-codes"})
    String afterPost() { return "redirect:/account/mfa"; }

    /** After Spring Security's passkey registration ({@code /webauthn/register?success}, its script's next page). */
    @GetMapping("/webauthn/register")
    String registered() { return "redirect:/account/mfa?passkeyAdded"; }

    private String page(Model model, FormErrors errors, List<String> recoveryCodes) {
        Actor me = actor.get();
        SecondFactors.Status status = factors.status(me.name());
        model.addAttribute("status", status);
        model.addAttribute("required", factors.required(me));
        model.addAttribute("pendingSignIn", signIn.pending().isPresent());
        model.addAttribute("enrolment", status.totp() ? null : factors.pendingTotp(me.name()).orElse(null));
        model.addAttribute("recoveryCodes", recoveryCodes);
        model.addAttribute("errors", errors);
        if (!model.containsAttribute("form")) model.addAttribute("form", Map.of());
        return "account/mfa";
    }
}
