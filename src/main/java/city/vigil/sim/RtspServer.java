package city.vigil.sim;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.rtsp.RtspDecoder;
import io.netty.handler.codec.rtsp.RtspEncoder;
import java.net.InetSocketAddress;

/** The simulator's RTSP listener: one port for every camera path, Netty's RTSP codec for the messages. */
final class RtspServer implements AutoCloseable {
    /** Name of the pipeline slot that RTP is written through, past the RTSP encoder. */
    static final String RTP_OUT = "rtp-out";
    private static final int MAX_REQUEST = 16 * 1024;

    private final EventLoopGroup boss = new NioEventLoopGroup(1);
    private final EventLoopGroup workers = new NioEventLoopGroup(Math.max(2, Runtime.getRuntime().availableProcessors()));
    private final Channel channel;

    RtspServer(SimConfig config, SimFleet fleet, ClipLibrary clips) throws InterruptedException {
        ServerBootstrap bootstrap = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 4096)
                .childOption(ChannelOption.TCP_NODELAY, true)
                // Bounded per-session buffering: beyond this a slow client loses frames (see RtspConnection.tick).
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(256 * 1024, 1024 * 1024))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast(RTP_OUT, new ChannelOutboundHandlerAdapter())
                                .addLast(new InterleavedFilter())
                                .addLast(new RtspDecoder(4096, 8192, MAX_REQUEST))
                                .addLast(new RtspEncoder())
                                .addLast(new HttpObjectAggregator(MAX_REQUEST))
                                .addLast(new RtspConnection(fleet, clips));
                    }
                });
        this.channel = bootstrap.bind(new InetSocketAddress(config.address(), config.rtspPort())).sync().channel();
    }

    int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        workers.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS);
        boss.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS);
    }
}
