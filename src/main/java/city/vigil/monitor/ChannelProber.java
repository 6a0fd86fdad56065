package city.vigil.monitor;

import city.vigil.camera.StreamProtocol;
import city.vigil.camera.StreamSecret;
import city.vigil.platform.CredentialCipher;
import city.vigil.probe.HttpStreamProbe;
import city.vigil.probe.ProbeCause;
import city.vigil.probe.ProbeResult;
import city.vigil.probe.ProbeTarget;
import city.vigil.probe.ProbeTimeouts;
import city.vigil.probe.RtspProbe;
import city.vigil.probe.TargetPolicy;
import city.vigil.probe.TcpProbe;
import io.netty.util.NetUtil;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Probes one channel's stream with the probe its protocol needs: RTSP (to the configured depth), HTTP-FLV,
 * MPEG-TS over HTTP, HLS, or plain TCP when the protocol is unknown. The target policy is checked first, on the
 * resolved address (verdicts per host name are cached for a few minutes); credentials are decrypted only for the
 * probe and never leave it. Must be used from the monitor's event loop.
 */
final class ChannelProber {
    private static final long VERDICT_TTL_MS = Duration.ofMinutes(5).toMillis();

    /** The policy's verdict on a host's address (null when it did not resolve), kept for a few minutes. */
    private record Verdict(Optional<String> refusal, InetAddress address, long expires) {
    }

    private final VertxInternal vertx;
    private final RtspProbe rtsp;
    private final HttpStreamProbe http;
    private final TcpProbe tcp;
    private final TargetPolicy policy;
    private final CredentialCipher cipher;
    private final ClassPolicies depthOfClass;
    private final Map<String, Verdict> verdicts = new HashMap<>();

    ChannelProber(Vertx vertx, ProbeTimeouts timeouts, TargetPolicy policy, CredentialCipher cipher, ClassPolicies depthOfClass) {
        this.vertx = (VertxInternal) vertx;
        this.rtsp = new RtspProbe(vertx, timeouts);
        this.http = new HttpStreamProbe(vertx, timeouts);
        this.tcp = new TcpProbe(vertx, timeouts);
        this.policy = policy;
        this.cipher = cipher;
        this.depthOfClass = depthOfClass;
    }

    /** The host whose per-host budget a probe of this channel uses. */
    static String host(ChannelSpec spec) {
        try {
            String host = URI.create(spec.url()).getHost();
            return host == null ? "" : host;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    Future<ProbeResult> probe(ChannelSpec spec) {
        URI url;
        try {
            url = URI.create(spec.url());
        } catch (IllegalArgumentException e) {
            return notAllowed("the stream URL does not parse");
        }
        StreamProtocol protocol = spec.protocol() != null ? spec.protocol() : StreamProtocol.infer(scheme(url), url.getPath());
        int port = url.getPort() >= 0 ? url.getPort() : defaultPort(url);
        Optional<String> refusal = policy.refuseUrl(url, port);
        if (refusal.isPresent()) {
            return notAllowed(refusal.get());
        }
        return admitted(url.getHost(), port).compose(refused -> refused.isPresent() ? notAllowed(refused.get())
                : run(protocol, target(spec, url), spec.pointClass(), port));
    }

    private Future<ProbeResult> run(StreamProtocol protocol, ProbeTarget target, int pointClass, int port) {
        if (protocol == null) {
            return tcp.probe(target, port);
        }
        return switch (protocol) {
            case RTSP -> rtsp.probe(target, depthOfClass.depth(pointClass));
            case HTTP_FLV -> http.flv(target);
            case HTTP_TS -> http.mpegTs(target);
            case HLS -> http.hls(target);
        };
    }

    private ProbeTarget target(ChannelSpec spec, URI url) {
        if (spec.credentials() == null) {
            return new ProbeTarget(url, null, null);
        }
        StreamSecret secret = StreamSecret.decode(cipher.decrypt(spec.gbId() + "/" + spec.stream(), spec.credentials()));
        return new ProbeTarget(URI.create(secret.withQueryCredentials(url.toString())), secret.user(), secret.password());
    }

    /** The policy's verdict on the host's address: literal addresses at once, names through the resolver (cached). */
    private Future<Optional<String>> admitted(String host, int port) {
        long now = System.currentTimeMillis();
        Verdict cached = verdicts.get(host);
        if (cached != null && cached.expires() > now) {
            return Future.succeededFuture(onPort(cached, port));
        }
        Future<InetAddress> address;
        if (NetUtil.isValidIpV4Address(host) || NetUtil.isValidIpV6Address(host)) {
            try {
                address = Future.succeededFuture(InetAddress.getByAddress(NetUtil.createByteArrayFromIpAddressString(host)));
            } catch (UnknownHostException e) {
                return Future.succeededFuture(Optional.of("address '" + host + "' does not parse"));
            }
        } else {
            io.vertx.core.Promise<InetAddress> resolved = io.vertx.core.Promise.promise();
            vertx.resolveAddress(host, resolved);
            address = resolved.future();
        }
        // A name that does not resolve is the camera's fault (DNS), which the probe itself reports.
        return address.map(a -> new Verdict(policy.refuseAddress(a), a, now + VERDICT_TTL_MS))
                .otherwise(new Verdict(Optional.empty(), null, now + VERDICT_TTL_MS)).map(v -> {
                    if (verdicts.size() > 100_000) {
                        verdicts.clear();
                    }
                    verdicts.put(host, v);
                    return onPort(v, port);
                });
    }

    /** The cached address verdict, then the port's (no allocation when both allow). */
    private Optional<String> onPort(Verdict v, int port) {
        return v.refusal().isPresent() || v.address() == null ? v.refusal() : policy.refusePort(port, v.address());
    }

    private static Future<ProbeResult> notAllowed(String why) {
        return Future.succeededFuture(ProbeResult.down(ProbeCause.NOT_ALLOWED, Duration.ZERO, "not probed: " + why));
    }

    private static String scheme(URI url) {
        return url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
    }

    private static int defaultPort(URI url) {
        return switch (scheme(url)) {
            case "rtsp" -> 554;
            case "rtsps" -> 322;
            case "https" -> 443;
            default -> 80;
        };
    }
}
