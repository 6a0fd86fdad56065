package city.vigil.sim;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.FullHttpRequest;
import java.util.concurrent.TimeUnit;

/** What a camera's scenario does to a request before any protocol logic: hang, reset, delay, or let it through. */
final class ScenarioGate {
    private ScenarioGate() {
    }

    /**
     * Runs {@code serve} now, later (slow), or never (hang, refused, flapping down).
     *
     * @return true when the connection must stay silent from now on (hang)
     */
    static boolean pass(ChannelHandlerContext ctx, FullHttpRequest request, SimCamera cam, Runnable serve) {
        switch (cam.scenario()) {
            case HANG -> {
                return true;
            }
            case REFUSED -> reset(ctx);
            case SLOW -> {
                request.retain();
                ctx.executor().schedule(() -> {
                    try {
                        serve.run();
                    } finally {
                        request.release();
                    }
                }, cam.delay().toMillis(), TimeUnit.MILLISECONDS);
            }
            default -> {
                if (cam.flappedDown(System.currentTimeMillis())) {
                    reset(ctx);
                } else {
                    serve.run();
                }
            }
        }
        return false;
    }

    /** Closes with a TCP reset, which a client sees as a refused or broken connection. */
    static void reset(ChannelHandlerContext ctx) {
        ctx.channel().config().setOption(ChannelOption.SO_LINGER, 0);
        ctx.close();
    }
}
