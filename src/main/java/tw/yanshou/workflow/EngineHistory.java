package tw.yanshou.workflow;

import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the engine keeps of its history. Yanshou's event log and audit log are the record of what happened to a
 * contract (who recorded which event, who completed which task, every statement stored); nobody reads the
 * engine's history of activity instances, task instances and variables, and writing it was about a third of an
 * import's cost. So those three are not written; the engine still writes the rest of what its history level
 * ({@code audit}, unchanged in the database) produces: the process instances (started, ended, rebuilt — business
 * key, state, start and end), and whatever else is not listed here. The level stays {@code audit}, so an existing
 * database starts without a history-level mismatch; see docs/process.md, "Engine history", for what Cockpit's
 * operators lose. {@code yanshou.engine-history.steps=true} writes all of it again (the tests' path assertions read
 * the activities passed; an operator may want Cockpit's history view back).
 */
@Component
public class EngineHistory extends AbstractProcessEnginePlugin {
    private final boolean steps;

    EngineHistory(@Value("${yanshou.engine-history.steps:false}") boolean steps) { this.steps = steps; }

    /** Whether the engine writes {@code event} to its history tables. */
    boolean kept(HistoryEvent event) {
        return steps || !(event instanceof HistoricActivityInstanceEventEntity || event instanceof HistoricTaskInstanceEventEntity
                || event instanceof HistoricVariableUpdateEventEntity);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        DbHistoryEventHandler db = new DbHistoryEventHandler();
        configuration.setHistoryEventHandler(new HistoryEventHandler() {
            @Override
            public void handleEvent(HistoryEvent event) {
                if (kept(event)) db.handleEvent(event);
            }

            @Override
            public void handleEvents(List<HistoryEvent> events) {
                for (HistoryEvent event : events) handleEvent(event);
            }
        });
    }
}
