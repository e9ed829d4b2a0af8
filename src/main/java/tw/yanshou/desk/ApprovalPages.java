package tw.yanshou.desk;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import tw.yanshou.calculus.InvalidContractException;
import tw.yanshou.infrastructure.Retrying;
import tw.yanshou.security.Actor;
import tw.yanshou.security.CurrentActor;
import tw.yanshou.web.ConflictException;
import tw.yanshou.web.InvalidInputException;
import tw.yanshou.web.NotFoundException;
import tw.yanshou.workflow.DecisionApprovals;

/**
 * The supervisors' queue (four eyes): the proposals waiting for approval, oldest first, each with its contract, the
 * event, who proposed it and why, and a form to approve or reject it with a reason; through
 * {@link DecisionApprovals#decide}, the same path as {@code POST /api/approvals/{id}/decision}. Other staff see the
 * queue without the forms.
 */
@Controller
class ApprovalPages {
    private final DecisionApprovals approvals;
    private final CurrentActor actor;
    private final Retrying retrying;
    private final Forms forms;

    ApprovalPages(DecisionApprovals approvals, CurrentActor actor, Retrying retrying, Forms forms) {
        this.approvals = approvals;
        this.actor = actor;
        this.retrying = retrying;
        this.forms = forms;
    }

    @GetMapping("/approvals")
    String list(Model model) {
        return page(model, null, Map.of(), forms.errors());
    }

    @GetMapping("/approvals/{id}")
    String afterPost() { return "redirect:/approvals"; }

    @PostMapping("/approvals/{id}")
    String decide(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model) {
        FormErrors errors = forms.errors();
        String decision = form.get("decision");
        String reason = Forms.text(form, "reason");
        try {
            DecisionApprovals.Approval done = retrying.call(() -> approvals.decide(id, decision, reason, actor.get()));
            return "redirect:/approvals?" + done.status().name().toLowerCase() + "=" + done.contractNumber();
        } catch (AccessDeniedException e) {
            DecisionApprovals.Approval a = approvals.find(id).orElse(null);
            DecisionApprovals.Refusal why = a == null ? null : approvals.whyNot(a, actor.get());
            errors.add("decision", "approval.refused." + (why == null ? DecisionApprovals.Refusal.NOT_SUPERVISOR : why).name());
        } catch (InvalidInputException e) {
            errors.addAll(e.violations(), p -> p, Set.of("decision", "reason"));
        } catch (InvalidContractException e) {
            errors.addAll(e.violations(), p -> null, Set.of());
        } catch (NotFoundException e) {
            errors.add("decision", "approval.gone");
        } catch (ConflictException e) {
            errors.add("decision", "error.conflict", e.getMessage());
        }
        return page(model, id, form, errors);
    }

    private String page(Model model, UUID openId, Map<String, String> form, FormErrors errors) {
        Actor who = actor.get();
        List<DecisionApprovals.Approval> pending = approvals.pending();
        model.addAttribute("approvals", pending);
        model.addAttribute("supervisor", who.is(Actor.SUPERVISOR));
        model.addAttribute("own", pending.stream().filter(a -> a.proposedBy().equals(who.name()))
                .map(DecisionApprovals.Approval::id).collect(java.util.stream.Collectors.toSet()));
        model.addAttribute("openId", openId);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("none", forms.errors());
        return "approvals/list";
    }
}
