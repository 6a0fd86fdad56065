package city.vigil.platform;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * The one place text with a NUL character is turned away (and a URL too long to read), wherever it enters: the path, the query, every string
 * of a JSON body and every field of a page's form. PostgreSQL cannot store NUL in text (it answered 500 "invalid byte sequence 0x00"), and text cut at
 * the NUL would be stored silently. Ledger cells are checked by the ledger reader, row by row.
 */
@Singleton
public class NulGuard implements ObjectMapperCustomizer {
    static final String REASON = "must not contain a NUL character";

    /** Longest URL answered; longer ones get a 414 problem (the HTTP layer itself cuts at 64 KB, with a bare 414). */
    static final int MAX_URI = 8192;

    /** Before routing: a NUL in the path or the query is a 400 naming where it is, on every route alike. */
    @ServerRequestFilter(preMatching = true)
    public Response refuseNulInTheUrl(ContainerRequestContext request) {
        String raw = request.getUriInfo().getRequestUri().getRawPath() + "?" + request.getUriInfo().getRequestUri().getRawQuery();
        if (raw.length() > MAX_URI) {
            ApiError e = ApiError.URI_TOO_LONG;
            return Response.status(e.status).type(Problem.MEDIA_TYPE).entity(new Problem(e.type(), e.title, e.status,
                    "The URL is " + raw.length() + " characters long; at most " + MAX_URI + " are read. Filter with fewer values.",
                    request.getUriInfo().getPath(), List.of())).build();
        }
        String rawPath = request.getUriInfo().getRequestUri().getRawPath();
        if (rawPath != null && hasNul(decode(rawPath))) {
            return refused("path", request.getUriInfo().getPath());
        }
        String rawQuery = request.getUriInfo().getRequestUri().getRawQuery();
        if (rawQuery != null && hasNul(decode(rawQuery))) {
            MultivaluedMap<String, String> params = request.getUriInfo().getQueryParameters();
            String field = params.entrySet().stream().filter(e -> hasNul(e.getKey()) || e.getValue().stream().anyMatch(NulGuard::hasNul))
                    .map(Map.Entry::getKey).findFirst().orElse("query");
            return refused(hasNul(field) ? "query" : field, request.getUriInfo().getPath());
        }
        return null;
    }

    /** Once a form is read (the pages' forms): a NUL in a field is the same 400, naming the field. */
    @WithFormRead
    @ServerRequestFilter
    public Response refuseNulInAForm(ResteasyReactiveContainerRequestContext request) {
        FormData form = ((ResteasyReactiveRequestContext) request.getServerRequestContext()).getFormData();
        if (form == null) {
            return null;
        }
        for (String name : form) {
            if (hasNul(name)) {
                return refused("form", request.getUriInfo().getPath());
            }
            for (FormValue value : form.get(name)) {
                if (!value.isFileItem() && hasNul(value.getValue())) {
                    return refused(name, request.getUriInfo().getPath());
                }
            }
        }
        return null;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("vigil-nul-guard").addDeserializer(String.class, new NoNulStrings()));
    }

    /** Strings without NUL; the error carries the field's path, as every JSON error does. */
    static final class NoNulStrings extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            String value = super.deserialize(p, ctx);
            if (value != null && hasNul(value)) {
                throw JsonMappingException.from(p, REASON);
            }
            return value;
        }
    }

    static boolean hasNul(String s) {
        return s != null && s.indexOf('\0') >= 0;
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }

    private static Response refused(String field, String path) {
        ApiError e = ApiError.VALIDATION;
        return Response.status(e.status).type(Problem.MEDIA_TYPE)
                .entity(new Problem(e.type(), e.title, e.status, field + ": " + REASON, path, List.of(new FieldError(field, REASON)))).build();
    }
}
