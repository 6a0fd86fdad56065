package city.vigil.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The simulator's control API: {@code GET /sim/cameras}, {@code GET /sim/cameras/{id}},
 * {@code PUT /sim/cameras/{id}/scenario}, {@code POST /sim/scenarios} (a group by IDs or ID prefix),
 * {@code POST /sim/reset}. A change takes {@code at} (seconds from now) to happen later.
 */
final class ControlConnection extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_LIMIT = 1000;

    private final Simulator simulator;

    ControlConnection(Simulator simulator) {
        this.simulator = simulator;
    }

    /** A client error, answered as problem+json. */
    private static final class Invalid extends Exception {
        final HttpResponseStatus status;

        Invalid(HttpResponseStatus status, String detail) {
            super(detail, null, false, false);
            this.status = status;
        }
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        String[] parts = Arrays.stream(uri.path().split("/")).filter(p -> !p.isEmpty()).toArray(String[]::new);
        HttpMethod method = request.method();
        try {
            if (parts.length < 2 || !parts[0].equals("sim")) {
                throw new Invalid(HttpResponseStatus.NOT_FOUND, "no such control endpoint");
            }
            JsonNode answer;
            if (parts[1].equals("cameras") && parts.length == 2 && method.equals(HttpMethod.GET)) {
                answer = list(uri);
            } else if (parts[1].equals("cameras") && parts.length == 3 && method.equals(HttpMethod.GET)) {
                answer = view(camera(parts[2]));
            } else if (parts[1].equals("cameras") && parts.length == 4 && parts[3].equals("scenario") && method.equals(HttpMethod.PUT)) {
                JsonNode body = body(request);
                SimCamera cam = camera(parts[2]);
                answer = change(List.of(cam.id()), body);
            } else if (parts[1].equals("scenarios") && parts.length == 2 && method.equals(HttpMethod.POST)) {
                JsonNode body = body(request);
                answer = change(group(body), body);
            } else if (parts[1].equals("scenarios") && parts.length == 2 && method.equals(HttpMethod.GET)) {
                ArrayNode names = JSON.createArrayNode();
                Arrays.stream(Scenario.values()).forEach(s -> names.add(s.label()));
                answer = names;
            } else if (parts[1].equals("stats") && parts.length == 2 && method.equals(HttpMethod.GET)) {
                SimStats st = simulator.stats();
                answer = JSON.createObjectNode().put("cameras", simulator.fleet().size()).put("connections", st.connections())
                        .put("streams", st.streams()).put("requests", st.requests());
            } else if (parts[1].equals("reset") && parts.length == 2 && method.equals(HttpMethod.POST)) {
                simulator.cancelScheduled();
                simulator.fleet().reset();
                answer = JSON.createObjectNode().put("reset", simulator.fleet().size());
            } else {
                throw new Invalid(HttpResponseStatus.NOT_FOUND, "no such control endpoint");
            }
            send(ctx, HttpResponseStatus.OK, "application/json", answer);
        } catch (Invalid e) {
            ObjectNode problem = JSON.createObjectNode().put("title", e.status.reasonPhrase()).put("status", e.status.code())
                    .put("detail", e.getMessage()).put("instance", uri.path());
            send(ctx, e.status, "application/problem+json", problem);
        }
    }

    private JsonNode list(QueryStringDecoder uri) throws Invalid {
        String scenario = first(uri, "scenario");
        Scenario filter = scenario == null ? null : scenario(scenario);
        String after = first(uri, "after");
        int limit = first(uri, "limit") == null ? 100 : parseInt(first(uri, "limit"), "limit");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new Invalid(HttpResponseStatus.BAD_REQUEST, "limit must be between 1 and " + MAX_LIMIT);
        }
        List<SimCamera> page = simulator.fleet().all().stream()
                .filter(c -> filter == null || c.scenario() == filter)
                .filter(c -> after == null || c.id().compareTo(after) > 0)
                .sorted(Comparator.comparing(SimCamera::id)).limit(limit + 1L).collect(Collectors.toCollection(ArrayList::new));
        ObjectNode out = JSON.createObjectNode();
        ArrayNode items = out.putArray("items");
        page.stream().limit(limit).forEach(c -> items.add(view(c)));
        out.put("next", page.size() > limit ? page.get(limit - 1).id() : null);
        out.put("total", simulator.fleet().size());
        return out;
    }

    private ObjectNode view(SimCamera c) {
        ObjectNode node = JSON.createObjectNode().put("id", c.id()).put("scenario", c.scenario().label());
        ObjectNode urls = node.putObject("urls");
        urls.put("rtspSub", simulator.rtspUrl(c.id(), Resolution.SUB));
        urls.put("rtspMain", simulator.rtspUrl(c.id(), Resolution.MAIN));
        urls.put("httpTs", simulator.httpUrl(c.id(), Resolution.SUB, "ts"));
        urls.put("httpFlv", simulator.httpUrl(c.id(), Resolution.SUB, "flv"));
        urls.put("hls", simulator.httpUrl(c.id(), Resolution.SUB, "m3u8"));
        return node;
    }

    /** Applies or schedules a scenario for cameras; body: {scenario, at?, delaySeconds?, dropAfterSeconds?, flapPeriodSeconds?}. */
    private JsonNode change(List<String> ids, JsonNode body) throws Invalid {
        if (!body.hasNonNull("scenario")) {
            throw new Invalid(HttpResponseStatus.BAD_REQUEST, "scenario is required: one of " + labels());
        }
        Scenario scenario = scenario(body.get("scenario").asText());
        Duration delay = seconds(body, "delaySeconds");
        Duration dropAfter = seconds(body, "dropAfterSeconds");
        Duration flapPeriod = seconds(body, "flapPeriodSeconds");
        Duration at = seconds(body, "at");
        Runnable apply = () -> ids.forEach(id -> simulator.fleet().get(id).ifPresent(c ->
                simulator.fleet().put(c.withScenario(scenario).withTimings(delay, dropAfter, flapPeriod))));
        if (at == null || at.isZero()) {
            apply.run();
        } else {
            simulator.schedule(apply, at);
        }
        ObjectNode out = JSON.createObjectNode().put("scenario", scenario.label()).put("cameras", ids.size());
        out.put("at", at == null ? 0 : at.toMillis() / 1000.0);
        return out;
    }

    private List<String> group(JsonNode body) throws Invalid {
        if (body.has("ids") && body.get("ids").isArray()) {
            List<String> ids = new ArrayList<>();
            for (JsonNode id : body.get("ids")) {
                ids.add(camera(id.asText()).id());
            }
            return ids;
        }
        if (body.hasNonNull("prefix")) {
            String prefix = body.get("prefix").asText();
            List<String> ids = simulator.fleet().all().stream().map(SimCamera::id).filter(id -> id.startsWith(prefix)).toList();
            if (ids.isEmpty()) {
                throw new Invalid(HttpResponseStatus.NOT_FOUND, "no camera ID starts with " + prefix);
            }
            return ids;
        }
        throw new Invalid(HttpResponseStatus.BAD_REQUEST, "a group is \"ids\": [...] or \"prefix\": \"44010600\"");
    }

    private SimCamera camera(String id) throws Invalid {
        return simulator.fleet().get(id).orElseThrow(() -> new Invalid(HttpResponseStatus.NOT_FOUND, "no simulated camera " + id));
    }

    private static Scenario scenario(String name) throws Invalid {
        try {
            return Scenario.parse(name);
        } catch (IllegalArgumentException e) {
            throw new Invalid(HttpResponseStatus.BAD_REQUEST, "scenario must be one of " + labels());
        }
    }

    private static Duration seconds(JsonNode body, String field) throws Invalid {
        if (!body.hasNonNull(field)) {
            return null;
        }
        if (!body.get(field).isNumber() || body.get(field).asDouble() < 0 || body.get(field).asDouble() > 86_400) {
            throw new Invalid(HttpResponseStatus.BAD_REQUEST, field + " must be a number of seconds from 0 to 86400");
        }
        return Duration.ofMillis((long) (body.get(field).asDouble() * 1000));
    }

    private static JsonNode body(FullHttpRequest request) throws Invalid {
        try {
            JsonNode node = JSON.readTree(request.content().toString(StandardCharsets.UTF_8));
            if (node == null || !node.isObject()) {
                throw new Invalid(HttpResponseStatus.BAD_REQUEST, "the body must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new Invalid(HttpResponseStatus.BAD_REQUEST, "the body is not valid JSON");
        }
    }

    private static String first(QueryStringDecoder uri, String name) {
        List<String> values = uri.parameters().get(name);
        return values == null || values.isEmpty() || values.get(0).isBlank() ? null : values.get(0);
    }

    private static int parseInt(String value, String name) throws Invalid {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new Invalid(HttpResponseStatus.BAD_REQUEST, name + " must be a whole number");
        }
    }

    private static String labels() {
        return Arrays.stream(Scenario.values()).map(Scenario::label).collect(Collectors.joining(", "));
    }

    private static void send(ChannelHandlerContext ctx, HttpResponseStatus status, String type, JsonNode body) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(bytes));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, type);
        response.headers().set(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        ctx.writeAndFlush(response);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
