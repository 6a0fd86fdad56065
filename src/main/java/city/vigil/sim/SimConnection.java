package city.vigil.sim;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;

/** What every simulator connection shares: the fleet and clips it serves, its counters, and hanging for good. */
abstract class SimConnection extends SimpleChannelInboundHandler<FullHttpRequest> {
    protected final SimFleet fleet;
    protected final ClipLibrary clips;
    protected final SimStats stats;
    /** Once a hung camera swallowed a request, the connection stays silent. */
    protected boolean hung;

    SimConnection(SimFleet fleet, ClipLibrary clips, SimStats stats) {
        this.fleet = fleet;
        this.clips = clips;
        this.stats = stats;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        stats.connections.incrementAndGet();
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        stopStreaming();
        stats.connections.decrementAndGet();
        super.channelInactive(ctx);
    }

    @Override
    protected final void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        stats.requests.incrementAndGet();
        if (!hung) {
            onRequest(ctx, request);
        }
    }

    protected abstract void onRequest(ChannelHandlerContext ctx, FullHttpRequest request);

    /** Frees whatever the connection streams; called when the client goes away. */
    protected abstract void stopStreaming();
}
