package tw.yanshou.workflow;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import tw.yanshou.contract.ContractRepository;
import tw.yanshou.contract.ContractSummary;
import tw.yanshou.infrastructure.Retrying;
import tw.yanshou.officecalendar.OfficeCalendarChanged;

/**
 * After the office calendar changed (imported years, closures) and the change is committed: every open contract's
 * waiting milestones take their due dates from the new calendar, and their timers move. One short transaction per
 * contract, retried if it loses a race with the job executor. The event publication registry keeps the change until
 * this has run, so a crash in between rechecks at the next start.
 */
@Component
class CalendarRecheck {
    private static final Logger log = LoggerFactory.getLogger(CalendarRecheck.class);

    private final ContractRepository contracts;
    private final ContractWorkflow workflow;
    private final Retrying retrying;
    private final TransactionTemplate transactions;

    CalendarRecheck(ContractRepository contracts, ContractWorkflow workflow, Retrying retrying,
                    PlatformTransactionManager transactionManager) {
        this.contracts = contracts;
        this.workflow = workflow;
        this.retrying = retrying;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @TransactionalEventListener
    void on(OfficeCalendarChanged changed) {
        int n = 0;
        for (ContractSummary c : contracts.open()) {
            retrying.run(() -> transactions.executeWithoutResult(status -> contracts.lock(c.id())
                    .ifPresent(locked -> workflow.recheckDueDates(locked.id(), locked.processInstanceId()))));
            n++;
        }
        log.info("office calendar {} changed ({}): due dates of {} open contracts rechecked", changed.calendar(),
                changed.what(), n);
    }
}
