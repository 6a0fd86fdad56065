package city.vigil.sim;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Takes the client's interleaved binary frames ({@code $}, channel, length, RTCP receiver reports) off the stream so
 * only RTSP text reaches the RTSP decoder.
 */
final class InterleavedFilter extends ByteToMessageDecoder {
    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            if (in.getByte(in.readerIndex()) == '$') {
                if (in.readableBytes() < 4) {
                    return;
                }
                int length = in.getUnsignedShort(in.readerIndex() + 2);
                if (in.readableBytes() < 4 + length) {
                    return;
                }
                in.skipBytes(4 + length);
                continue;
            }
            int next = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '$');
            int end = next < 0 ? in.writerIndex() : next;
            out.add(in.readRetainedSlice(end - in.readerIndex()));
        }
    }
}
