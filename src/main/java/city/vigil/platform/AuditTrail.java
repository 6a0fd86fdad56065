package city.vigil.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;

/**
 * What a write request changes, as its resource states it: the record before the change (read through the same scoped
 * service the caller reads it with), and, where the answer is not the record itself, the record after. The audit
 * recorder writes one row per write request from it.
 */
@RequestScoped
public class AuditTrail {
    @Inject
    ObjectMapper json;

    private JsonNode before;
    private Object after;
    private boolean afterSet;
    private String actor;

    /**
     * Reads the record before the change; nothing when there is none (the write then answers 404 on its own). Taken as
     * JSON at once, so the change cannot alter what is recorded as before it.
     */
    public void before(Supplier<?> read) {
        try {
            Object record = read.get();
            this.before = json.valueToTree(record instanceof Response r ? r.getEntity() : record);
        } catch (ApiException e) {
            this.before = null;
        }
    }

    /** The record after the change, when the answer is something else (a redirect of a page form, a count). */
    public void after(Object record) {
        this.after = record instanceof Response r ? r.getEntity() : record;
        this.afterSet = true;
    }

    /** For a login: the name that tried, since nobody is authenticated yet. */
    public void actor(String name) {
        this.actor = name;
    }

    public JsonNode before() {
        return before;
    }

    public Object after() {
        return after;
    }

    public boolean afterSet() {
        return afterSet;
    }

    public String actor() {
        return actor;
    }
}
