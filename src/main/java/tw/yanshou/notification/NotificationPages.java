package tw.yanshou.notification;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

import tw.yanshou.security.Actor;
import tw.yanshou.security.CurrentActor;

/**
 * The staff's notifications ({@code /notifications}; a vendor reads its own in the portal), and the count of those
 * not yet seen in the header of every page.
 */
@Controller
class NotificationPages {
    private final Notifications notifications;
    private final CurrentActor actor;

    NotificationPages(Notifications notifications, CurrentActor actor) {
        this.notifications = notifications;
        this.actor = actor;
    }

    /** A notification with its text in the reader's language. */
    public record Note(Notification notification, String text) { }

    @GetMapping("/notifications")
    String list(Model model) {
        Actor who = actor.get();
        if (!who.isStaff()) return "redirect:/portal#notifications";
        List<Note> notes = notifications.of(who, null, 200).stream()
                .map(n -> new Note(n, notifications.text(n, LocaleContextHolder.getLocale()))).toList();
        notifications.seen(who);
        model.addAttribute("notes", notes);
        model.addAttribute("notificationCount", 0L);
        return "notifications/list";
    }

    /** The header's count on the signed-in pages (not the JSON API). */
    @ControllerAdvice(basePackages = {"tw.yanshou.desk", "tw.yanshou.portal", "tw.yanshou.notification", "tw.yanshou.report"})
    static class HeaderCount {
        private final ObjectProvider<Notifications> notifications;
        private final ObjectProvider<CurrentActor> actor;

        HeaderCount(ObjectProvider<Notifications> notifications, ObjectProvider<CurrentActor> actor) {
            this.notifications = notifications;
            this.actor = actor;
        }

        @ModelAttribute
        void count(Model model) {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            Notifications n = notifications.getIfAvailable();
            CurrentActor current = actor.getIfAvailable();
            if (n == null || current == null || auth == null || !auth.isAuthenticated()
                    || auth instanceof AnonymousAuthenticationToken) return;
            Actor who = current.get();
            if (!who.isStaff() && who.vendorId() == null) return;
            model.addAttribute("notificationCount", n.unseen(who));
            model.addAttribute("notificationLink", who.isStaff() ? "/notifications" : "/portal#notifications");
        }
    }
}
